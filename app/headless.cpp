#include "headless.h"

#include "chrometracewriter.h"
#include "headlesscompare.h"
#include "headlessfile.h"
#include "outputfile.h"
#include "pythoninterpreter.h"
#include "recordingwriter.h"
#include "scriptrun.h"
#include "summarytext.h"
#include "tracesummary.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QJsonObject>
#include <QTextStream>
#include <QTimer>

namespace awaitscope {

namespace {

/// With the trace on standard output ("-", /dev/stdout), everything else goes to standard error.
QTextStream &reportStream(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    const bool traceOnStdout =
        !options.exportTrace.isEmpty() && OutputFile::namesStandardOutput(options.exportTrace);
    return traceOnStdout ? err : out;
}

/// Writes --export-trace (with the run's settings in otherData). False if the system refused
/// the write: not bad input (that was checked before the run), so the exit code is 1.
bool exportTrace(const Trace &trace, const QJsonObject &run, const CommandLineOptions &options,
                 QTextStream &report, QTextStream &err)
{
    if (options.exportTrace.isEmpty())
        return true;
    QString error;
    ChromeTraceWriter writer(trace);
    writer.setOtherData({{QStringLiteral("run"), run}});
    if (!writer.writeFile(options.exportTrace, &error)) {
        err << "awaitscope: --export-trace: " << error << Qt::endl;
        return false;
    }
    report << "trace written to " << options.exportTrace << Qt::endl;
    return true;
}

} // namespace

QString headlessSummary(const Session &session, qint64 wallMs, bool stopped)
{
    return summarytext::scenarioLine(session.config()) +
        (stopped ? QStringLiteral(", stopped by --quit-after\n") : QStringLiteral("\n")) +
        summarytext::traceLines(TraceSummary::of(session.runtime().trace()), wallMs);
}

QString scriptSummary(const ScriptRun &run, qint64 wallMs)
{
    const RunConfig &c = run.config();
    return QStringLiteral("script %1: seed %2, %3 clock, Python %4\n")
               .arg(QFileInfo(run.fileName()).fileName())
               .arg(c.seed)
               .arg(summarytext::clockName(c.clock), PythonInterpreter::instance().version()) +
        summarytext::traceLines(TraceSummary::of(run.trace()), wallMs);
}

int runHeadless(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    if (!options.openFile.isEmpty())
        return runOpenedFile(options, out, err);
    if (options.compare)
        return runHeadlessCompare(options, out, err);
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

    // With --at (its JSON) or the trace on standard output, stdout holds only that: the rest
    // goes to standard error.
    QTextStream &report = options.atNs >= 0 ? err : reportStream(options, out, err);
    report << headlessSummary(session, wallMs, stopped);
    report.flush();
    if (!exportTrace(session.runtime().trace(), session.config().toJson(), options, report, err))
        return 1;
    const Trace &trace = session.runtime().trace();
    return writeRecordingOutputs(trace, &session.config(),
                                 RecordingWriter::sourcesFor(trace, session.config().scenario), options, out,
                                 err);
}

int runHeadlessScript(const CommandLineOptions &options, QTextStream &out, QTextStream &err)
{
    QFile file(options.scriptFile);
    if (!file.open(QIODevice::ReadOnly)) {
        err << "awaitscope: --script: cannot read '" << options.scriptFile << "': " << file.errorString()
            << Qt::endl;
        return ExitUsage;
    }
    const QString source = QString::fromUtf8(file.readAll());
    ScriptRun run;
    run.setHoldLimitMs(options.holdLimitMs);
    QTextStream &report = reportStream(options, out, err);
    QObject::connect(&run, &ScriptRun::outputWritten, &run, [&](const QString &text, int fd) {
        QTextStream &stream = fd == 2 ? err : report;
        stream << text;
        stream.flush();
    });
    QEventLoop loop;
    QObject::connect(&run, &ScriptRun::finished, &loop, &QEventLoop::quit, Qt::QueuedConnection);
    // A script that never ends is bounded: by --quit-after if given, else by a default limit.
    const bool explicitLimit = options.quitAfterMs > 0;
    const qint64 limitMs = explicitLimit ? options.quitAfterMs : DefaultScriptLimitMs;
    bool stopped = false;
    QTimer limit;
    limit.setSingleShot(true);
    QObject::connect(&limit, &QTimer::timeout, &run, [&] {
        stopped = run.isRunning();
        run.stop(explicitLimit ? QStringLiteral("stopped by --quit-after after %1 ms").arg(limitMs)
                               : QStringLiteral("the script did not finish within %1 s of wall time "
                                                "(use --quit-after to allow more)")
                                     .arg(limitMs / 1000));
    });

    QElapsedTimer wall;
    wall.start();
    if (const QString error = run.start(options.run, source, options.scriptFile); !error.isEmpty()) {
        err << "awaitscope: --script: " << error << Qt::endl;
        return ExitUsage;
    }
    limit.start(int(limitMs)); // (after the interpreter started: the limit is the script's)
    if (run.isRunning())
        loop.exec();
    const qint64 wallMs = wall.elapsed();
    const ScriptResult &result = run.result();
    int code = 0;
    switch (result.status) {
    case ScriptResult::Status::Ok:
    case ScriptResult::Status::Running:
        break;
    case ScriptResult::Status::Exit:
        code = result.exitCode;
        if (!result.message.isEmpty())
            err << result.message << Qt::endl;
        break;
    case ScriptResult::Status::Stopped:
        code = explicitLimit && stopped ? 0 : ExitUsage;
        err << "awaitscope: " << options.scriptFile << ": " << result.message << Qt::endl;
        break;
    case ScriptResult::Status::SyntaxError:
    case ScriptResult::Status::Error:
    case ScriptResult::Status::HeldLoop:
    case ScriptResult::Status::Deadlock:
        code = ExitUsage; // a bad script is bad input
        if (result.status == ScriptResult::Status::Deadlock)
            err << "awaitscope: " << options.scriptFile << ": ";
        err << result.message;
        if (!result.message.endsWith(QLatin1Char('\n')))
            err << '\n';
        err.flush();
        break;
    }
    if (!options.noSummary) {
        report << scriptSummary(run, wallMs);
        report.flush();
    }
    QJsonObject runJson = options.run.toJson();
    runJson.insert(QStringLiteral("scenario"), QJsonValue());
    runJson.insert(QStringLiteral("script"), options.scriptFile);
    if (!exportTrace(run.trace(), runJson, options, report, err))
        return 1;
    return code;
}

} // namespace awaitscope
