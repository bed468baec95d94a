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
    if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange && !m_applyingPalette)
        updateFromPalette();
    return QObject::eventFilter(watched, event);
}

void Theme::updateFromPalette()
{
    // (Without a QGuiApplication, as in GUI-less tests, there is no palette: light.)
    const bool gui = qobject_cast<QGuiApplication *>(QCoreApplication::instance()) != nullptr;
    if (gui)
        m_systemPalette = QGuiApplication::palette();
    const bool dark = gui && m_systemPalette.color(QPalette::Window).lightnessF() < 0.5;
    if (dark == m_dark && m_revision > 1)
        return;
    m_dark = dark;
    apply();
}

QColor Theme::densityColor(int channel) const
{
    const auto &d = m_timeline->density;
    return d[std::size_t(std::clamp<int>(channel, 0, int(d.size()) - 1))];
}

void Theme::setFontScale(double scale)
{
    scale = std::clamp(scale, MinFontScale, MaxFontScale);
    if (qFuzzyCompare(scale, m_fontScale))
        return;
    m_fontScale = scale;
    apply();
}

void Theme::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        m_applyingPalette = true;
        QGuiApplication::setPalette(on ? highContrastPalette(m_dark) : m_systemPalette);
        m_applyingPalette = false;
    }
    apply();
}

void Theme::apply()
{
    if (m_highContrast) {
        m_colors = m_dark ? &ThemeColors::highContrastDark() : &ThemeColors::highContrastLight();
        m_timeline = m_dark ? &TimelineColors::highContrastDark() : &TimelineColors::highContrastLight();
        m_code = m_dark ? &CodeColors::highContrastDark() : &CodeColors::highContrastLight();
    } else {
        m_colors = m_dark ? &ThemeColors::dark() : &ThemeColors::light();
        m_timeline = m_dark ? &TimelineColors::dark() : &TimelineColors::light();
        m_code = m_dark ? &CodeColors::dark() : &CodeColors::light();
    }
    ++m_revision;
    Q_EMIT changed();
}

} // namespace awaitscope
