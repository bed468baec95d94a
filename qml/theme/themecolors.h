#pragma once

#include <QColor>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * The window's own colours, one set per theme variant (light, dark): QML reads them as
 * `Theme.colors.accent`. A variant is a second set of values, never an `if (dark)` in a view.
 * Text and backgrounds come from the application palette, which follows the system.
 */
struct ThemeColors {
    Q_GADGET
    QML_VALUE_TYPE(themeColors)
    Q_PROPERTY(QColor accent MEMBER accent)
    Q_PROPERTY(QColor error MEMBER error)
    Q_PROPERTY(QColor warning MEMBER warning)
    Q_PROPERTY(QColor onAccent MEMBER onAccent)
    Q_PROPERTY(QColor codeWaiting MEMBER codeWaiting)
    Q_PROPERTY(QColor codeBlocking MEMBER codeBlocking)
    Q_PROPERTY(QColor codeSelected MEMBER codeSelected)
    Q_PROPERTY(QColor codeSelectedBorder MEMBER codeSelectedBorder)
    Q_PROPERTY(QColor codeFailed MEMBER codeFailed)
    Q_PROPERTY(QColor timedOut MEMBER timedOut)
    Q_PROPERTY(QColor cancelled MEMBER cancelled)
    Q_PROPERTY(QColor hold MEMBER hold)
    Q_PROPERTY(QColor caption MEMBER caption)
    Q_PROPERTY(QColor captionText MEMBER captionText)
    Q_PROPERTY(QColor framesGraph MEMBER framesGraph)
    Q_PROPERTY(QColor lagGraph MEMBER lagGraph)
    Q_PROPERTY(QColor gridLine MEMBER gridLine)
    Q_PROPERTY(QColor heartbeat MEMBER heartbeat)
    Q_PROPERTY(QColor overlay MEMBER overlay)
    Q_PROPERTY(QColor overlayText MEMBER overlayText)
public:
    QColor accent; // what waits: suspended counts, badges on waiting lines
    QColor error; // failed tasks and waits; graph bars over their line
    QColor warning; // blocked sections: the loop is held
    QColor onAccent; // text on accent, error or warning fills (badges, bar labels)
    QColor codeWaiting; // background of a code line where tasks wait
    QColor codeBlocking; // background of a code line that holds the loop
    QColor codeSelected; // background of the line picked by the user
    QColor codeSelectedBorder;
    QColor codeFailed; // background of a code line where a wait failed, timed out or was cancelled
    QColor timedOut;
    QColor cancelled;
    QColor hold; // the loop was held: the freeze marker and its caption
    QColor caption; // the caption strip's background
    QColor captionText;
    QColor framesGraph;
    QColor lagGraph;
    QColor gridLine; // threshold lines of the graphs
    QColor heartbeat;
    QColor overlay; // behind the help overlay
    QColor overlayText;

    static const ThemeColors &light();
    static const ThemeColors &dark();
    static const ThemeColors &highContrastLight();
    static const ThemeColors &highContrastDark();
};

} // namespace awaitscope
