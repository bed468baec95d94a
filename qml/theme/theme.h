#pragma once

#include "codecolors.h"
#include "themecolors.h"
#include "timelinecolors.h"

#include <QObject>
#include <QPalette>
#include <QtQml/qqmlregistration.h>

class QQmlEngine;
class QJSEngine;

namespace awaitscope {

/// The application palette of the high-contrast theme (palettes.cpp).
QPalette highContrastPalette(bool dark);

/**
 * Every colour, font size and spacing of the window, in one object that QML (the `Theme`
 * singleton) and the scene-graph items read alike. Light or dark follows the application palette
 * (Qt 6.4 has no colour-scheme API: a dark window background means dark). Sizes grow with
 * fontScale. High contrast swaps every set (and the application palette, so the controls follow)
 * for one with stronger colours and black or white backgrounds, for projectors.
 */
class Theme : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    Q_PROPERTY(bool dark READ dark NOTIFY changed)
    Q_PROPERTY(bool highContrast READ highContrast WRITE setHighContrast NOTIFY changed)
    Q_PROPERTY(double fontScale READ fontScale WRITE setFontScale NOTIFY changed)
    Q_PROPERTY(awaitscope::ThemeColors colors READ colors NOTIFY changed)
    Q_PROPERTY(int fontSize READ fontSize NOTIFY changed)
    Q_PROPERTY(int smallFontSize READ smallFontSize NOTIFY changed)
    Q_PROPERTY(int tinyFontSize READ tinyFontSize NOTIFY changed)
    Q_PROPERTY(int codeFontSize READ codeFontSize NOTIFY changed)
    Q_PROPERTY(int titleFontSize READ titleFontSize NOTIFY changed)
    Q_PROPERTY(int headingFontSize READ headingFontSize NOTIFY changed)
    Q_PROPERTY(double rowHeight READ rowHeight NOTIFY changed)
    Q_PROPERTY(int spacing READ spacing NOTIFY changed)
    Q_PROPERTY(int padding READ padding NOTIFY changed)
public:
    static constexpr double MinFontScale = 1.0;
    static constexpr double MaxFontScale = 2.5;

    // (No default constructor: QML of Qt 6.4 would make its own instance instead of calling create().)
    explicit Theme(QObject *parent);

    /// The one theme of the process (QML's singleton is this object).
    static Theme *instance();
    static Theme *create(QQmlEngine *, QJSEngine *);

    bool dark() const noexcept { return m_dark; }
    double fontScale() const noexcept { return m_fontScale; }
    void setFontScale(double scale);
    bool highContrast() const noexcept { return m_highContrast; }
    void setHighContrast(bool on);
    const ThemeColors &colors() const noexcept { return *m_colors; }
    const TimelineColors &timeline() const noexcept { return *m_timeline; }
    const CodeColors &code() const noexcept { return *m_code; }

    int fontSize() const { return scaled(16); } // body text, controls
    int smallFontSize() const { return scaled(14); } // captions of figures, axis ticks, bar labels
    int tinyFontSize() const { return scaled(13); } // buttons inside a lane
    int codeFontSize() const { return scaled(15); } // code and lane names
    int titleFontSize() const { return scaled(20); } // keys in the help overlay
    int headingFontSize() const { return scaled(26); } // overlay and dialog headings
    double rowHeight() const { return 28.0 * m_fontScale; } // a timeline lane
    int spacing() const { return scaled(8); }
    int padding() const { return scaled(8); }

    /// The colour of a tall lane's density channel (the same as the timeline draws it).
    Q_INVOKABLE QColor densityColor(int channel) const;

    /// Bumped whenever anything changed: what caches of derived values compare against.
    quint64 revision() const noexcept { return m_revision; }

    /// Follows the application palette (called on palette changes).
    void updateFromPalette();

Q_SIGNALS:
    void changed();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    int scaled(int px) const { return int(px * m_fontScale + 0.5); }
    void apply();

    bool m_dark = false;
    bool m_highContrast = false;
    bool m_applyingPalette = false; // our own palette change is not the system's
    QPalette m_systemPalette;
    double m_fontScale = 1.0;
    const ThemeColors *m_colors;
    const TimelineColors *m_timeline;
    const CodeColors *m_code;
    quint64 m_revision = 1;
};

} // namespace awaitscope
