#pragma once

#include "runcontroller.h"
#include "timelineitem.h"

#include <QObject>
#include <QPointer>
#include <QQuickItem>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * Saves what the window shows, for other programs and for slides: the trace as Chrome Trace
 * Event JSON, the timeline as SVG (text kept as text, the theme's colours) and as PNG (a picture
 * of the timeline pane). Each is written atomically: a complete file or none.
 */
class Exporter : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        awaitscope::RunController *controller READ controller WRITE setController NOTIFY controllerChanged)
public:
    explicit Exporter(QObject *parent = nullptr);

    RunController *controller() const { return m_controller; }
    void setController(RunController *controller);

    /// Each returns an error message, empty when the file was written.
    Q_INVOKABLE QString saveTrace(const QUrl &file) const;
    Q_INVOKABLE QString saveSvg(const QUrl &file, awaitscope::TimelineItem *timeline) const;
    /// A picture of item (the timeline pane): asynchronous, finished() tells how it went.
    Q_INVOKABLE void savePng(const QUrl &file, QQuickItem *item);

    /// The SVG of what a timeline shows (its lanes on screen, its time range).
    static QByteArray svgOf(const TimelineItem &timeline, const QString &title);
    /// A local path from what a file dialog or the command line gave.
    static QString localPath(const QUrl &file);

Q_SIGNALS:
    void controllerChanged();
    /// A savePng() ended: error is empty on success.
    void finished(const QString &path, const QString &error);

private:
    QPointer<RunController> m_controller;
};

} // namespace awaitscope
