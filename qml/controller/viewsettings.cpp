#include "viewsettings.h"

#include "theme.h"

#include <QCoreApplication>
#include <QJSEngine>
#include <QSettings>
#include <algorithm>
#include <cmath>

namespace awaitscope {

namespace {

double clampScale(double scale)
{
    if (!std::isfinite(scale))
        return ViewSettings::MinFontScale;
    // Steps of 10 %: Ctrl + and Ctrl - come back to the same sizes.
    return std::clamp(std::round(scale * 10.0) / 10.0, ViewSettings::MinFontScale,
                      ViewSettings::MaxFontScale);
}

} // namespace

ViewSettings::ViewSettings(QObject *parent)
    : QObject(parent)
{
}

ViewSettings *ViewSettings::instance()
{
    static ViewSettings *settings = new ViewSettings(QCoreApplication::instance());
    return settings;
}

ViewSettings *ViewSettings::create(QQmlEngine *, QJSEngine *)
{
    ViewSettings *settings = instance();
    QJSEngine::setObjectOwnership(settings, QJSEngine::CppOwnership);
    return settings;
}

void ViewSettings::load()
{
    QSettings s;
    s.beginGroup(QStringLiteral("view"));
    bool ok = false;
    if (const double v = s.value(QStringLiteral("fontScale")).toDouble(&ok); ok)
        m_normalScale = clampScale(v);
    if (const double v = s.value(QStringLiteral("presenterFontScale")).toDouble(&ok); ok)
        m_presenterScale = clampScale(v);
    if (const QVariant v = s.value(QStringLiteral("highContrast")); v.isValid())
        m_highContrast = v.toBool();
    if (const QVariant v = s.value(QStringLiteral("captions")); v.isValid())
        m_captions = v.toBool();
    applied();
}

void ViewSettings::save() const
{
    if (!m_persist)
        return;
    QSettings s;
    s.beginGroup(QStringLiteral("view"));
    s.setValue(QStringLiteral("fontScale"), m_normalScale);
    s.setValue(QStringLiteral("presenterFontScale"), m_presenterScale);
    s.setValue(QStringLiteral("highContrast"), m_highContrast);
    s.setValue(QStringLiteral("captions"), m_captions);
}

void ViewSettings::applied()
{
    Theme::instance()->setFontScale(fontScale());
    Theme::instance()->setHighContrast(m_highContrast);
    save();
    Q_EMIT changed();
}

void ViewSettings::setPresenter(bool on)
{
    if (on == m_presenter)
        return;
    m_presenter = on;
    // A presenter wants the figures and the narration, not the knobs.
    m_knobsVisible = !on;
    if (on)
        m_captions = true;
    applied();
}

void ViewSettings::setFontScale(double scale)
{
    scale = clampScale(scale);
    double &current = m_presenter ? m_presenterScale : m_normalScale;
    if (scale == current)
        return;
    current = scale;
    applied();
}

void ViewSettings::setHighContrast(bool on)
{
    if (on == m_highContrast)
        return;
    m_highContrast = on;
    applied();
}

void ViewSettings::setCaptions(bool on)
{
    if (on == m_captions)
        return;
    m_captions = on;
    applied();
}

void ViewSettings::setKnobsVisible(bool on)
{
    if (on == m_knobsVisible)
        return;
    m_knobsVisible = on;
    Q_EMIT changed();
}

} // namespace awaitscope
