#pragma once

#include "runcontroller.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * Save and Open of the window: the run shown saved as a recording (its trace, its settings and
 * the source the code pane shows, written atomically by RecordingWriter), and a recording or a
 * Chrome trace opened into the window as a finished run (RunController::showRecording). A file
 * that cannot be read leaves the window as it was; the error names the file and the problem
 * (the reader's message), for a dialog.
 */
class RunFile : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        awaitscope::RunController *controller READ controller WRITE setController NOTIFY controllerChanged)
    /// The name of the file shown (empty while the live run is shown).
    Q_PROPERTY(QString shownFile READ shownFile NOTIFY shownFileChanged)
public:
    explicit RunFile(QObject *parent = nullptr);

    RunController *controller() const { return m_controller; }
    void setController(RunController *controller);
    QString shownFile() const;

    /// Each returns an error message, empty when it worked.
    Q_INVOKABLE QString save(const QUrl &file) const;
    Q_INVOKABLE QString open(const QUrl &file);
    /// True for a URL a drop can open (a local file).
    Q_INVOKABLE static bool canOpen(const QUrl &file);

    /// Writes what controller shows to path as a recording.
    static QString saveRun(const RunController &controller, const QString &path);
    /// Opens path into controller's window; on error, nothing changes.
    static QString openRun(RunController &controller, const QString &path);

Q_SIGNALS:
    void controllerChanged();
    void shownFileChanged();

private:
    QPointer<RunController> m_controller;
};

} // namespace awaitscope
