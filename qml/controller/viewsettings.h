#pragma once

#include <QObject>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace awaitscope {

/**
 * How the window presents itself, as a presenter sets it up for a room: presenter mode (full
 * screen, knobs tucked away, captions on, its own font scale), the font scale of each mode
 * (Ctrl +/-, 100 to 250 %), high contrast, captions, the knobs row. Font scale and high contrast
 * are pushed into the Theme. Remembered in QSettings (group "view") unless the run is scripted.
 */
class ViewSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool presenter READ presenter WRITE setPresenter NOTIFY changed)
    Q_PROPERTY(double fontScale READ fontScale WRITE setFontScale NOTIFY changed)
    Q_PROPERTY(int fontPercent READ fontPercent NOTIFY changed)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY changed)
    Q_PROPERTY(bool captions READ captions WRITE setCaptions NOTIFY changed)
    Q_PROPERTY(bool knobsVisible READ knobsVisible WRITE setKnobsVisible NOTIFY changed)
    Q_PROPERTY(double minFontScale READ minFontScale CONSTANT)
    Q_PROPERTY(double maxFontScale READ maxFontScale CONSTANT)
public:
    static constexpr double MinFontScale = 1.0;
    static constexpr double MaxFontScale = 2.5;
    static constexpr double FontStep = 0.1;
    static constexpr double DefaultPresenterFontScale = 1.5;

    // (No default constructor: QML of Qt 6.4 would make its own instance instead of calling create().)
    explicit ViewSettings(QObject *parent);
    static constexpr double minFontScale() noexcept { return MinFontScale; }
    static constexpr double maxFontScale() noexcept { return MaxFontScale; }

    static ViewSettings *instance();
    static ViewSettings *create(QQmlEngine *, QJSEngine *);

    void setPersistent(bool persistent) noexcept { m_persist = persistent; }
    /// Reads the remembered values (clamped; unreadable ones are skipped).
    void load();

    bool presenter() const noexcept { return m_presenter; }
    void setPresenter(bool on);
    /// The font scale of the current mode.
    double fontScale() const noexcept { return m_presenter ? m_presenterScale : m_normalScale; }
    void setFontScale(double scale);
    int fontPercent() const { return int(fontScale() * 100 + 0.5); }
    Q_INVOKABLE void growFont() { setFontScale(fontScale() + FontStep); }
    Q_INVOKABLE void shrinkFont() { setFontScale(fontScale() - FontStep); }
    Q_INVOKABLE void resetFont() { setFontScale(m_presenter ? DefaultPresenterFontScale : MinFontScale); }
    bool highContrast() const noexcept { return m_highContrast; }
    void setHighContrast(bool on);
    bool captions() const noexcept { return m_captions; }
    void setCaptions(bool on);
    bool knobsVisible() const noexcept { return m_knobsVisible; }
    void setKnobsVisible(bool on);

Q_SIGNALS:
    void changed();

private:
    void applied(); // theme, settings file, signal
    void save() const;

    bool m_persist = false;
    bool m_presenter = false;
    double m_normalScale = MinFontScale;
    double m_presenterScale = DefaultPresenterFontScale;
    bool m_highContrast = false;
    bool m_captions = true;
    bool m_knobsVisible = true;
};

} // namespace awaitscope
