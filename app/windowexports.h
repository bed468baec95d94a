#pragma once

#include <QObject>
#include <QPointer>
#include <QString>

class QQuickWindow;
class QTextStream;

namespace awaitscope {

class RunController;
class Exporter;

/**
 * What the command line asked the window to write (--export-trace, --export-svg, --export-png):
 * written when the run ends, or when the window quits before that (the trace; pictures need a
 * finished frame). Problems are printed and make the exit code 1.
 */
class WindowExports : public QObject {
    Q_OBJECT
public:
    struct Files {
        QString trace, svg, png;
        bool any() const { return !trace.isEmpty() || !svg.isEmpty() || !png.isEmpty(); }
    };

    WindowExports(RunController &controller, QQuickWindow &window, Files files, QTextStream &err);

    /// At quit: writes what was not written yet (the trace of an unfinished run).
    void finish();
    /// 0, or 1 if a file could not be written.
    int exitCode() const noexcept { return m_exitCode; }

private:
    void runEnded();
    void report(const QString &option, const QString &path, const QString &error);

    RunController &m_controller;
    QPointer<QQuickWindow> m_window;
    Files m_files;
    QTextStream &m_err;
    Exporter *m_exporter;
    bool m_traceWritten = false;
    int m_exitCode = 0;
};

} // namespace awaitscope
