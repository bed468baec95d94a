#include "headless.h"

#include "chrometracewriter.h"
#include "headlessfile.h"
#include "recordingwriter.h"
#include "tracesummary.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QTextStream>
#include <QTimer>

namespace awaitscope {

QString headlessSummary(const Session &session, qint64 wallMs, bool stopped)
{
    const TraceSummary sum = TraceSummary::of(session.runtime().trace());
    const RunConfig &c = session.config();
    const auto ms = [](qint64 ns) { return QString::number(double(ns) / 1e6, 'f', 1); };
    QString text;
    text += QStringLiteral("scenario %1: %2 jobs, seed %3, %4 clock%5\n")
                .arg(c.scenario)
                .arg(c.effectiveJobs())
                .arg(c.seed)
                .arg(c.clock == ClockMode::Virtual ? QStringLiteral("virtual") : QStringLiteral("real"))
                .arg(stopped ? QStringLiteral(", stopped by --quit-after") : QString());
    text += QStringLiteral("tasks %1 (ok %2, failed %3, cancelled %4)\n")
                .arg(sum.tasks)
                .arg(sum.ok)
                .arg(sum.failed)
                .arg(sum.cancelled);
    text += QStringLiteral("awaits %1, errors %2 (%3 failed tasks), blocked sections %4 (%5 ms)\n")
                .arg(sum.awaits)
                .arg(sum.failedWaits)
                .arg(sum.failed)
                .arg(sum.blockedSections)
                .arg(ms(sum.blockedNs));
    if (sum.holds > 0)
        text +=
            QStringLiteral("event loop held longer than a frame %1 times, the longest %2 ms of wall time\n")
                .arg(sum.holds)
                .arg(ms(sum.longestHoldNs));
    text += QStringLiteral("total time %1 ms simulated, %2 ms wall; awaited %3 ms in all (concurrency %4x)\n")
                .arg(ms(sum.spanNs))
                .arg(wallMs)
                .arg(ms(sum.awaitedNs))
                .arg(QString::number(sum.concurrency(), 'f', 1));
    return text;
}

int runHeadless(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    if (!options.openFile.isEmpty())
        return runOpenedFile(options, out, err);
    Session session;
    QEventLoop loop;
    bool stopped = false;
    QObject::connect(&session, &Session::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    QTimer quitTimer;
    if (options.quitAfterMs > 0) {
        quitTimer.setSingleShot(true);
        QObject::connect(&quitTimer, &QTimer::timeout, &loop, [&] {
            stopped = session.isRunning();
            session.stop();
            loop.quit();
        });
        quitTimer.start(int(options.quitAfterMs));
    }

    QElapsedTimer wall;
    wall.start();
    if (const QString error = session.start(options.run); !error.isEmpty()) {
        err << "awaitscope: " << error << Qt::endl;
        return ExitUsage;
    }
    if (session.isRunning())
        loop.exec();
    const qint64 wallMs = wall.elapsed();

    // With --at, stdout holds only the state's JSON; the rest goes to stderr.
    QTextStream &info = options.atNs >= 0 ? err : out;
    info << headlessSummary(session, wallMs, stopped);
    info.flush();
    if (!options.exportTrace.isEmpty()) {
        QString error;
        if (!ChromeTraceWriter(session.runtime().trace()).writeFile(options.exportTrace, &error)) {
            err << "awaitscope: --export-trace: " << error << Qt::endl;
            return ExitUsage;
        }
        info << "trace written to " << options.exportTrace << Qt::endl;
    }
    const Trace &trace = session.runtime().trace();
    return writeRecordingOutputs(trace, &session.config(),
                                 RecordingWriter::sourcesFor(trace, session.config().scenario), options, out,
                                 err);
}

} // namespace awaitscope
