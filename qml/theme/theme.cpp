#include "theme.h"

#include <QEvent>
#include <QGuiApplication>
#include <QJSEngine>
#include <QPalette>
#include <algorithm>

namespace awaitscope {

Theme::Theme(QObject *parent)
    : QObject(parent)
    , m_colors(&ThemeColors::light())
    , m_timeline(&TimelineColors::light())
    , m_code(&CodeColors::light())
{
    if (qApp)
        qApp->installEventFilter(this);
    updateFromPalette();
}

Theme *Theme::instance()
{
    static Theme *theme = new Theme(qApp); // lives as long as the application
    return theme;
}

Theme *Theme::create(QQmlEngine *, QJSEngine *)
{
    Theme *theme = instance();
    QJSEngine::setObjectOwnership(theme, QJSEngine::CppOwnership);
    return theme;
}

bool Theme::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange)
        updateFromPalette();
    return QObject::eventFilter(watched, event);
}

void Theme::updateFromPalette()
{
    // (Without a QGuiApplication, as in GUI-less tests, there is no palette: light.)
    const bool gui = qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
    const bool dark = gui && QGuiApplication::palette().color(QPalette::Window).lightnessF() < 0.5;
    if (dark == m_dark && m_revision > 1)
        return;
    m_dark = dark;
    apply();
}

void Theme::setFontScale(double scale)
{
    scale = std::clamp(scale, MinFontScale, MaxFontScale);
    if (qFuzzyCompare(scale, m_fontScale))
        return;
    m_fontScale = scale;
    apply();
}

void Theme::apply()
{
    m_colors = m_dark ? &ThemeColors::dark() : &ThemeColors::light();
    m_timeline = m_dark ? &TimelineColors::dark() : &TimelineColors::light();
    m_code = m_dark ? &CodeColors::dark() : &CodeColors::light();
    ++m_revision;
    Q_EMIT changed();
}

} // namespace awaitscope
