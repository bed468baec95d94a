#include "commandline.h"

#include "runlimits.h"
#include "scenario.h"

#include <QCommandLineParser>
#include <QDir>
#include <QFileInfo>
#include <cmath>
#include <limits>

namespace awaitscope {

namespace {

/// A file that --export-trace, --metrics or --screenshot may create: its folder must exist and
/// be writable, and the path must not be a folder.
QString checkWritablePath(const QString &option, const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("--%1 needs a file name").arg(option);
    const QFileInfo info(path);
    if (info.isDir())
        return QStringLiteral("--%1: '%2' is a folder, not a file").arg(option, path);
    const QFileInfo dir(info.absolutePath());
    if (!dir.isDir())
        return QStringLiteral("--%1: cannot write '%2': folder '%3' does not exist")
            .arg(option, path, dir.filePath());
    if (!dir.isWritable())
        return QStringLiteral("--%1: cannot write '%2': folder '%3' is not writable")
            .arg(option, path, dir.filePath());
    if (info.exists() && !info.isWritable())
        return QStringLiteral("--%1: cannot write '%2': the file is read-only").arg(option, path);
    return {};
}

bool parseDouble(const QString &text, double *out)
{
    bool ok = false;
    const double v = text.trimmed().toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return false;
    *out = v;
    return true;
}

/// A file that --open reads: it must exist and be a readable file.
QString checkReadablePath(const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("--open needs a file name");
    const QFileInfo info(path);
    if (!info.exists())
        return QStringLiteral("--open: '%1' does not exist (a file name alone is opened; --scenario picks a "
                              "scenario)")
            .arg(path);
    if (info.isDir())
        return QStringLiteral("--open: '%1' is a folder, not a file").arg(path);
    if (!info.isReadable())
        return QStringLiteral("--open: cannot read '%1'").arg(path);
    return {};
}

} // namespace

QString scenarioListText()
{
    QString text;
    for (const Scenario &s : allScenarios()) {
        text += QStringLiteral("%1\n    %2\n").arg(s.id, -12).arg(s.summary);
        if (s.maxJobs > 0)
            text += QStringLiteral("    jobs: %1 by default, at most %2\n").arg(s.defaultJobs).arg(s.maxJobs);
        if (s.blocksEventLoop)
            text += QStringLiteral("    deliberately blocks the event loop\n");
    }
    return text;
}

/// --open (or a file name alone), --at and --save, once the rest is parsed; the error if any.
static QString parseRecordingOptions(const QCommandLineParser &parser, const QCommandLineOption &open,
                                     const QCommandLineOption &at, const QCommandLineOption &save,
                                     CommandLineOptions &o)
{
    if (parser.isSet(open) || !parser.positionalArguments().isEmpty()) {
        o.openFile = parser.isSet(open) ? parser.value(open) : parser.positionalArguments().constFirst();
        if (const QString e = checkReadablePath(o.openFile); !e.isEmpty())
            return e;
        // A recorded run has its settings already: the options that shape a run make no sense.
        const QStringList runOptions{
            QStringLiteral("scenario"), QStringLiteral("jobs"),          QStringLiteral("latency"),
            QStringLiteral("jitter"),   QStringLiteral("latency-model"), QStringLiteral("failure-rate"),
            QStringLiteral("timeout"),  QStringLiteral("seed"),          QStringLiteral("speed"),
            QStringLiteral("clock"),    QStringLiteral("quit-after")};
        for (const QString &name : runOptions) {
            if (parser.isSet(name))
                return QStringLiteral("--%1 shapes a new run: it cannot be combined with opening '%2'")
                    .arg(name, o.openFile);
        }
    }
    if (parser.isSet(at)) {
        double ms = 0;
        if (!parseDouble(parser.value(at), &ms))
            return QStringLiteral("--at: '%1' is not a number of milliseconds").arg(parser.value(at));
        if (ms < 0 || ms > 1e9)
            return QStringLiteral("--at must be between 0 and 1000000000 ms (got %1)").arg(parser.value(at));
        if (!o.headless)
            return QStringLiteral("--at needs --headless (it prints the state on stdout)");
        if (o.openFile.isEmpty() && o.run.clock != ClockMode::Virtual)
            return QStringLiteral(
                "--at needs the virtual clock: a run on the real clock is not reproducible");
        o.atNs = qint64(ms * 1e6 + 0.5);
    }
    if (parser.isSet(save)) {
        o.saveFile = parser.value(save);
        if (const QString e = checkWritablePath(QStringLiteral("save"), o.saveFile); !e.isEmpty())
            return e;
        if (!o.headless)
            return QStringLiteral("--save needs --headless (in the window, save with the File menu)");
    }
    return {};
}

CommandLineResult parseCommandLine(const QStringList &arguments)
{
    CommandLineResult result;
    CommandLineOptions &o = result.options;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Awaitscope: watch C++20 coroutines suspend and resume on the Qt event loop."));
    parser.setSingleDashWordOptionMode(QCommandLineParser::ParseAsLongOptions);
    const QCommandLineOption help({QStringLiteral("h"), QStringLiteral("help")},
                                  QStringLiteral("Show this help."));
    const QCommandLineOption version(QStringLiteral("version"), QStringLiteral("Show the version."));
    const QCommandLineOption scenario(
        QStringLiteral("scenario"),
        QStringLiteral("Scenario to run (see --list-scenarios). Default: fetch-user."), QStringLiteral("ID"));
    const QCommandLineOption list(QStringLiteral("list-scenarios"),
                                  QStringLiteral("List the scenarios and exit."));
    const QCommandLineOption jobs(
        QStringLiteral("jobs"), QStringLiteral("Number of jobs (scenario's default)."), QStringLiteral("N"));
    const QCommandLineOption latency(QStringLiteral("latency"),
                                     QStringLiteral("Network latency. Default: 100."), QStringLiteral("MS"));
    const QCommandLineOption jitter(QStringLiteral("jitter"), QStringLiteral("Latency jitter. Default: 0."),
                                    QStringLiteral("MS"));
    const QCommandLineOption model(QStringLiteral("latency-model"),
                                   QStringLiteral("fixed, uniform, normal or lognormal. Default: uniform."),
                                   QStringLiteral("MODEL"));
    const QCommandLineOption failureRate(
        QStringLiteral("failure-rate"),
        QStringLiteral("Probability (0 to 1) that a request fails. Default: 0."), QStringLiteral("P"));
    const QCommandLineOption timeout(QStringLiteral("timeout"),
                                     QStringLiteral("Per-request timeout, 0 for none. Default: 0."),
                                     QStringLiteral("MS"));
    const QCommandLineOption seed(QStringLiteral("seed"), QStringLiteral("Random seed. Default: 1."),
                                  QStringLiteral("N"));
    const QCommandLineOption speed(QStringLiteral("speed"),
                                   QStringLiteral("Speed factor, 0.05 to 20. Default: 1."),
                                   QStringLiteral("X"));
    const QCommandLineOption clock(
        QStringLiteral("clock"),
        QStringLiteral("real (the window's default) or virtual (instant, deterministic; "
                       "the default with --headless)."),
        QStringLiteral("real|virtual"));
    const QCommandLineOption exportTrace(
        QStringLiteral("export-trace"),
        QStringLiteral("Write the run's trace as Chrome Trace Event JSON at exit."), QStringLiteral("FILE"));
    const QCommandLineOption quitAfter(QStringLiteral("quit-after"),
                                       QStringLiteral("Stop the run and quit after this much wall time."),
                                       QStringLiteral("MS"));
    const QCommandLineOption headless(
        QStringLiteral("headless"),
        QStringLiteral("No window, no display needed: run, print a summary, exit."));
    const QCommandLineOption screenshot(QStringLiteral("screenshot"),
                                        QStringLiteral("Save a picture of the window mid-run (PNG)."),
                                        QStringLiteral("FILE"));
    const QCommandLineOption screenshotAfter(QStringLiteral("screenshot-after"),
                                             QStringLiteral("When to take the screenshot. Default: 2500."),
                                             QStringLiteral("MS"));
    const QCommandLineOption metrics(QStringLiteral("metrics"),
                                     QStringLiteral("Write frame-time and loop-lag figures as JSON at exit."),
                                     QStringLiteral("FILE"));
    const QCommandLineOption fullscreen(QStringLiteral("fullscreen"), QStringLiteral("Start full screen."));
    const QCommandLineOption selfTest(
        QStringLiteral("self-test"),
        QStringLiteral("Load the real window, run fetch-user briefly, exit 0 if all "
                       "went well."));
    const QCommandLineOption open(
        QStringLiteral("open"),
        QStringLiteral("Open a recording (or a Chrome trace) instead of running a scenario; "
                       "a file name alone does the same."),
        QStringLiteral("FILE"));
    const QCommandLineOption at(
        QStringLiteral("at"),
        QStringLiteral("With --headless: print the state at this time of the run (or of the opened "
                       "file) as one JSON object."),
        QStringLiteral("MS"));
    const QCommandLineOption save(QStringLiteral("save"),
                                  QStringLiteral("With --headless: save the run (or the opened file) as a "
                                                 "recording."),
                                  QStringLiteral("FILE"));
    parser.addOptions({help,    version,     scenario,    list,     jobs,       latency,
                       jitter,  model,       failureRate, timeout,  seed,       speed,
                       clock,   exportTrace, quitAfter,   headless, screenshot, screenshotAfter,
                       metrics, fullscreen,  selfTest,    open,     at,         save});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A recording to open, as --open."),
                                 QStringLiteral("[FILE]"));
    result.helpText = parser.helpText();

    if (!parser.parse(arguments)) {
        result.error = parser.errorText();
        return result;
    }
    if (parser.positionalArguments().size() > 1 ||
        (parser.positionalArguments().size() == 1 && parser.isSet(open))) {
        result.error = QStringLiteral("unexpected argument '%1' (one file opens at a time)")
                           .arg(parser.positionalArguments().constLast());
        return result;
    }
    if (parser.isSet(help)) {
        o.action = CommandLineOptions::Action::Help;
        return result;
    }
    if (parser.isSet(version)) {
        o.action = CommandLineOptions::Action::Version;
        return result;
    }
    if (parser.isSet(list)) {
        o.action = CommandLineOptions::Action::ListScenarios;
        return result;
    }

    auto fail = [&result](const QString &message) {
        result.error = message;
        return result;
    };
    auto number = [&parser](const QCommandLineOption &opt, double *out) {
        return parseDouble(parser.value(opt), out);
    };

    if (parser.isSet(scenario)) {
        o.run.scenario = parser.value(scenario);
        o.given.scenario = o.run.scenario;
        if (!findScenario(o.run.scenario))
            return fail(QStringLiteral("unknown scenario '%1' (known: %2)")
                            .arg(o.run.scenario, scenarioIds().join(QStringLiteral(", "))));
    }
    if (parser.isSet(jobs)) {
        bool ok = false;
        const qlonglong n = parser.value(jobs).trimmed().toLongLong(&ok);
        if (!ok)
            return fail(QStringLiteral("--jobs: '%1' is not a whole number").arg(parser.value(jobs)));
        if (n < 1)
            return fail(QStringLiteral("--jobs must be at least 1 (got %1)").arg(n));
        const Scenario *s = findScenario(o.run.scenario);
        if (s->maxJobs > 0 && n > s->maxJobs)
            return fail(QStringLiteral("--jobs: the %1 scenario takes at most %2 jobs (got %3)")
                            .arg(s->id)
                            .arg(s->maxJobs)
                            .arg(n));
        o.run.jobs = int(n);
        o.given.jobs = o.run.jobs;
    }
    if (parser.isSet(latency) && !number(latency, &o.run.network.latencyMs))
        return fail(
            QStringLiteral("--latency: '%1' is not a number of milliseconds").arg(parser.value(latency)));
    if (parser.isSet(jitter) && !number(jitter, &o.run.network.jitterMs))
        return fail(
            QStringLiteral("--jitter: '%1' is not a number of milliseconds").arg(parser.value(jitter)));
    if (parser.isSet(failureRate) && !number(failureRate, &o.run.network.failureRate))
        return fail(QStringLiteral("--failure-rate: '%1' is not a number").arg(parser.value(failureRate)));
    if (parser.isSet(timeout) && !number(timeout, &o.run.network.timeoutMs))
        return fail(
            QStringLiteral("--timeout: '%1' is not a number of milliseconds").arg(parser.value(timeout)));
    if (parser.isSet(model)) {
        const auto m = latencyModelFromName(parser.value(model));
        if (!m)
            return fail(QStringLiteral(
                            "--latency-model: unknown model '%1' (known: fixed, uniform, normal, lognormal)")
                            .arg(parser.value(model)));
        o.run.network.model = *m;
        o.given.latencyModel = *m;
    }
    if (parser.isSet(latency))
        o.given.latencyMs = o.run.network.latencyMs;
    if (parser.isSet(jitter))
        o.given.jitterMs = o.run.network.jitterMs;
    if (parser.isSet(failureRate))
        o.given.failureRate = o.run.network.failureRate;
    if (parser.isSet(timeout))
        o.given.timeoutMs = o.run.network.timeoutMs;
    if (const QString problem = o.run.network.validate(); !problem.isEmpty()) {
        // Name the option, as every other message does.
        if (problem.startsWith(QLatin1String("latency")))
            return fail(QStringLiteral("--latency: ") + problem);
        if (problem.startsWith(QLatin1String("jitter")))
            return fail(QStringLiteral("--jitter: ") + problem);
        if (problem.startsWith(QLatin1String("failure")))
            return fail(QStringLiteral("--failure-rate: ") + problem);
        if (problem.startsWith(QLatin1String("timeout")))
            return fail(QStringLiteral("--timeout: ") + problem);
        return fail(problem);
    }
    if (parser.isSet(seed)) {
        bool ok = false;
        o.run.seed = parser.value(seed).trimmed().toULongLong(&ok);
        if (!ok)
            return fail(
                QStringLiteral("--seed: '%1' is not a non-negative whole number").arg(parser.value(seed)));
        if (o.run.seed > limits::MaxSeed)
            return fail(QStringLiteral("--seed must be at most %1 (got %2)")
                            .arg(limits::MaxSeed)
                            .arg(parser.value(seed)));
        o.given.seed = o.run.seed;
    }
    if (parser.isSet(speed)) {
        double x = 0;
        if (!number(speed, &x))
            return fail(QStringLiteral("--speed: '%1' is not a number").arg(parser.value(speed)));
        if (x < limits::MinSpeed || x > limits::MaxSpeed)
            return fail(QStringLiteral("--speed must be between %1 and %2 (got %3)")
                            .arg(limits::MinSpeed)
                            .arg(limits::MaxSpeed)
                            .arg(parser.value(speed)));
        o.run.speed = x;
        o.given.speed = x;
    }
    o.headless = parser.isSet(headless);
    o.run.clock = o.headless ? ClockMode::Virtual : ClockMode::Real;
    if (parser.isSet(clock)) {
        const QString c = parser.value(clock);
        if (c == QLatin1String("real"))
            o.run.clock = ClockMode::Real;
        else if (c == QLatin1String("virtual"))
            o.run.clock = ClockMode::Virtual;
        else
            return fail(QStringLiteral("--clock: unknown clock '%1' (known: real, virtual)").arg(c));
        o.given.clock = o.run.clock;
    }
    auto milliseconds = [&](const QCommandLineOption &opt, qint64 *out) -> QString {
        bool ok = false;
        const qlonglong v = parser.value(opt).trimmed().toLongLong(&ok);
        if (!ok || v < 1 || v > 24LL * 3600 * 1000)
            return QStringLiteral("--%1: '%2' is not a number of milliseconds between 1 and 86400000")
                .arg(opt.names().constFirst(), parser.value(opt));
        *out = v;
        return {};
    };
    if (parser.isSet(quitAfter)) {
        if (const QString e = milliseconds(quitAfter, &o.quitAfterMs); !e.isEmpty())
            return fail(e);
    }
    if (parser.isSet(screenshotAfter)) {
        if (const QString e = milliseconds(screenshotAfter, &o.screenshotAfterMs); !e.isEmpty())
            return fail(e);
    }
    if (parser.isSet(exportTrace)) {
        o.exportTrace = parser.value(exportTrace);
        if (const QString e = checkWritablePath(QStringLiteral("export-trace"), o.exportTrace); !e.isEmpty())
            return fail(e);
    }
    if (parser.isSet(metrics)) {
        o.metrics = parser.value(metrics);
        if (const QString e = checkWritablePath(QStringLiteral("metrics"), o.metrics); !e.isEmpty())
            return fail(e);
    }
    if (parser.isSet(screenshot)) {
        o.screenshot = parser.value(screenshot);
        if (const QString e = checkWritablePath(QStringLiteral("screenshot"), o.screenshot); !e.isEmpty())
            return fail(e);
    }
    if (const QString e = parseRecordingOptions(parser, open, at, save, o); !e.isEmpty())
        return fail(e);
    o.fullscreen = parser.isSet(fullscreen);
    o.selfTest = parser.isSet(selfTest);
    if (o.headless && (o.selfTest || o.fullscreen || !o.screenshot.isEmpty()))
        return fail(
            QStringLiteral("--headless has no window: it cannot be combined with --self-test, --fullscreen "
                           "or --screenshot"));
    return result;
}

} // namespace awaitscope
