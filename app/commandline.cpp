#include "commandline.h"

#include "outputfile.h"
#include "runlimits.h"
#include "scenario.h"

#include <QCommandLineParser>
#include <QFileInfo>
#include <QRegularExpression>
#include <cmath>
#include <limits>
#include <utility>

namespace awaitscope {

namespace {

/// A file that --export-trace, --metrics or --screenshot writes: checked before anything runs,
/// with the system's reason (see OutputFile).
QString checkWritablePath(const QString &option, const QString &path)
{
    if (path.isEmpty())
        return QStringLiteral("--%1 needs a file name").arg(option);
    const QString problem = OutputFile::check(path);
    return problem.isEmpty() ? QString() : QStringLiteral("--%1: ").arg(option) + problem;
}

/// "Usage: awaitscope [options]": Qt names the program only once a QCoreApplication exists.
QString withProgramName(QString help, const QString &program)
{
    const qsizetype start = help.indexOf(QLatin1String("Usage: "));
    const qsizetype end = help.indexOf(QLatin1String(" [options]"), start);
    if (start >= 0 && end > start)
        help.replace(start + 7, end - start - 7, program);
    return help;
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

std::optional<qint64> parseWholeNumber(const QString &text)
{
    static const QRegularExpression whole(QStringLiteral("^[+-]?[0-9]+$"));
    const QString t = text.trimmed();
    if (!whole.match(t).hasMatch())
        return std::nullopt;
    bool ok = false;
    const qint64 v = t.toLongLong(&ok, 10);
    if (ok)
        return v;
    return t.startsWith(u'-') ? std::numeric_limits<qint64>::min() : std::numeric_limits<qint64>::max();
}

std::optional<double> parseDecimal(const QString &text)
{
    static const QRegularExpression decimal(
        QStringLiteral("^[+-]?([0-9]+([.][0-9]*)?|[.][0-9]+)([eE][+-]?[0-9]+)?$"));
    const QString t = text.trimmed();
    if (!decimal.match(t).hasMatch())
        return std::nullopt;
    bool ok = false;
    const double v = t.toDouble(&ok);
    if (!ok || !std::isfinite(v))
        return std::nullopt;
    return v;
}

QString scenarioListText()
{
    QString text;
    for (const Scenario &s : allScenarios()) {
        text += QStringLiteral("%1\n    %2\n").arg(s.id, -12).arg(s.summary);
        if (s.maxJobs > 1)
            text += QStringLiteral("    jobs: %1 by default, at most %2\n").arg(s.defaultJobs).arg(s.maxJobs);
        else
            text += QStringLiteral("    jobs: a fixed set of tasks (--jobs can only be 1)\n");
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
            QStringLiteral("timeout"),  QStringLiteral("seed"),          QStringLiteral("clock")};
        for (const QString &name : runOptions) {
            if (parser.isSet(name))
                return QStringLiteral("--%1 shapes a new run: it cannot be combined with opening '%2'")
                    .arg(name, o.openFile);
        }
    }
    if (parser.isSet(at)) {
        const std::optional<double> given = parseDecimal(parser.value(at));
        if (!given)
            return QStringLiteral("--at: '%1' is not a number of milliseconds").arg(parser.value(at));
        const double ms = *given;
        if (ms < 0 || ms > 1e9)
            return QStringLiteral("--at must be between 0 and 1000000000 ms (got %1)").arg(parser.value(at));
        // (In the window the playhead goes there once the run ended or the file is read.)
        if (o.headless && o.openFile.isEmpty() && o.run.clock != ClockMode::Virtual)
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
    const QCommandLineOption speed(
        QStringLiteral("speed"),
        QStringLiteral("Speed factor, 0.05 to 20. Default: %1 in the window (a 100 ms "
                       "request takes a second on screen), 1 with --headless "
                       "(with --clock real).")
            .arg(limits::WindowSpeed),
        QStringLiteral("X"));
    const QCommandLineOption clock(
        QStringLiteral("clock"),
        QStringLiteral("real (the window's default) or virtual (instant, deterministic; "
                       "the default with --headless)."),
        QStringLiteral("real|virtual"));
    const QCommandLineOption script(
        QStringLiteral("script"),
        QStringLiteral("Run a Python asyncio script on the engine instead of a scenario (with --headless: "
                       "its output, then the summary; exit 2 if the script fails)."),
        QStringLiteral("FILE"));
    const QCommandLineOption holdLimit(
        QStringLiteral("hold-limit"),
        QStringLiteral("Interrupt a script that holds the event loop longer than this. Default: 5000."),
        QStringLiteral("MS"));
    const QCommandLineOption noSummary(QStringLiteral("no-summary"),
                                       QStringLiteral("Headless: print no summary after the run."));
    const QCommandLineOption exportTrace(
        QStringLiteral("export-trace"),
        QStringLiteral("Write the run's trace as Chrome Trace Event JSON when the run ends (or at exit)."),
        QStringLiteral("FILE"));
    const QCommandLineOption exportSvg(
        QStringLiteral("export-svg"),
        QStringLiteral("Window: write the timeline as SVG (for slides) when the run ends."),
        QStringLiteral("FILE"));
    const QCommandLineOption exportPng(
        QStringLiteral("export-png"),
        QStringLiteral("Window: write a picture of the timeline (PNG) when the run ends."),
        QStringLiteral("FILE"));
    const QCommandLineOption presenter(
        QStringLiteral("presenter"),
        QStringLiteral(
            "Presenter mode: full screen, large text, captions, knobs tucked away (F5 in the window)."));
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
        QStringLiteral("Load the real window, run fetch-user briefly, exit 0 if all went well."));
    const QCommandLineOption open(
        QStringLiteral("open"),
        QStringLiteral("Open a recording (or a Chrome trace) instead of running a scenario; "
                       "a file name alone does the same."),
        QStringLiteral("FILE"));
    const QCommandLineOption at(
        QStringLiteral("at"),
        QStringLiteral("With --headless: print the state at this time of the run (or of the opened "
                       "file) as one JSON object; in the window: show the run at this time once it "
                       "ended (or the file is read)."),
        QStringLiteral("MS"));
    const QCommandLineOption save(QStringLiteral("save"),
                                  QStringLiteral("With --headless: save the run (or the opened file) as a "
                                                 "recording."),
                                  QStringLiteral("FILE"));
    const QCommandLineOption compare(QStringLiteral("compare"),
                                     QStringLiteral("The job blocking, with callbacks, with co_await, in "
                                                    "turn: in Compare (Ctrl+K); --headless: as JSON."));
    parser.addOptions(
        {help,        version,         scenario,  list,       jobs,     latency,     jitter,    model,
         failureRate, timeout,         seed,      speed,      clock,    exportTrace, quitAfter, headless,
         screenshot,  screenshotAfter, metrics,   fullscreen, selfTest, exportSvg,   exportPng, presenter,
         script,      holdLimit,       noSummary, open,       at,       save,        compare});
    parser.addPositionalArgument(QStringLiteral("FILE"), QStringLiteral("A recording to open, as --open."),
                                 QStringLiteral("[FILE]"));
    const QString program = arguments.isEmpty() ? QString() : QFileInfo(arguments.constFirst()).fileName();
    result.helpText =
        withProgramName(parser.helpText(), program.isEmpty() ? QStringLiteral("awaitscope") : program);

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
        const auto v = parseDecimal(parser.value(opt));
        if (v)
            *out = *v;
        return v.has_value();
    };
    // A value given twice would silently be the last one: refused. (Switches such as --headless
    // mean the same however often they are given.)
    const QList<QCommandLineOption> valued{scenario,    jobs,      latency,    jitter,          model,
                                           failureRate, timeout,   seed,       speed,           clock,
                                           exportTrace, quitAfter, screenshot, screenshotAfter, metrics};
    for (const QCommandLineOption &opt : valued) {
        const QStringList values = parser.values(opt);
        if (values.size() > 1)
            return fail(QStringLiteral("--%1 given twice ('%2', then '%3'): give it once")
                            .arg(opt.names().constLast(), values.at(0), values.at(1)));
    }

    if (parser.isSet(scenario)) {
        o.run.scenario = parser.value(scenario);
        o.given.scenario = o.run.scenario;
        if (!findScenario(o.run.scenario))
            return fail(QStringLiteral("unknown scenario '%1' (known: %2)")
                            .arg(o.run.scenario, scenarioIds().join(QStringLiteral(", "))));
    }
    if (parser.isSet(jobs)) {
        // Read as a 64-bit number and checked against the scenario's limit before it becomes an
        // int: nothing wraps around.
        const auto n = parseWholeNumber(parser.value(jobs));
        if (!n)
            return fail(QStringLiteral("--jobs: '%1' is not a whole number").arg(parser.value(jobs)));
        if (*n < 1)
            return fail(
                QStringLiteral("--jobs must be at least 1 (got %1)").arg(parser.value(jobs).trimmed()));
        const Scenario *s = findScenario(o.run.scenario);
        const int limit = std::min(s->maxJobs, limits::MaxJobs);
        if (*n > limit)
            return fail(QStringLiteral("--jobs: the %1 scenario takes at most %2 %3 (got %4)")
                            .arg(s->id)
                            .arg(limit)
                            .arg(limit == 1 ? QStringLiteral("job") : QStringLiteral("jobs"),
                                 parser.value(jobs).trimmed()));
        o.run.jobs = int(*n);
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
        const auto n = parseWholeNumber(parser.value(seed));
        if (!n || *n < 0)
            return fail(
                QStringLiteral("--seed: '%1' is not a non-negative whole number").arg(parser.value(seed)));
        if (quint64(*n) > limits::MaxSeed)
            return fail(QStringLiteral("--seed must be at most %1 (got %2)")
                            .arg(limits::MaxSeed)
                            .arg(parser.value(seed)));
        o.run.seed = quint64(*n);
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
    // Virtual time jumps from one due event to the next: a speed factor would do nothing.
    if (o.headless && parser.isSet(speed) && o.run.clock == ClockMode::Virtual)
        return fail(
            QStringLiteral("--speed only applies to the real clock: a --headless run uses the virtual "
                           "clock unless --clock real is given"));
    auto milliseconds = [&](const QCommandLineOption &opt, qint64 *out) -> QString {
        const auto v = parseWholeNumber(parser.value(opt));
        if (!v || *v < 1 || *v > 24LL * 3600 * 1000)
            return QStringLiteral("--%1: '%2' is not a number of milliseconds between 1 and 86400000")
                .arg(opt.names().constFirst(), parser.value(opt));
        *out = *v;
        return {};
    };
    if (parser.isSet(quitAfter)) {
        if (const QString e = milliseconds(quitAfter, &o.quitAfterMs); !e.isEmpty())
            return fail(e);
    }
    if (parser.isSet(screenshotAfter)) {
        if (!parser.isSet(screenshot))
            return fail(
                QStringLiteral("--screenshot-after needs --screenshot FILE (alone it would do nothing)"));
        if (const QString e = milliseconds(screenshotAfter, &o.screenshotAfterMs); !e.isEmpty())
            return fail(e);
    }
    if (parser.isSet(script)) {
        o.scriptFile = parser.value(script);
        if (o.scriptFile.isEmpty())
            return fail(QStringLiteral("--script needs a file name"));
        const QFileInfo info(o.scriptFile);
        if (!info.exists())
            return fail(QStringLiteral("--script: '%1' does not exist").arg(o.scriptFile));
        if (info.isDir())
            return fail(QStringLiteral("--script: '%1' is a folder, not a file").arg(o.scriptFile));
        if (!info.isReadable())
            return fail(QStringLiteral("--script: cannot read '%1'").arg(o.scriptFile));
        if (parser.isSet(scenario) || parser.isSet(jobs))
            return fail(
                QStringLiteral("--script runs a Python file: it cannot be combined with --scenario or "
                               "--jobs"));
    }
    if (parser.isSet(holdLimit)) {
        if (const QString e = milliseconds(holdLimit, &o.holdLimitMs); !e.isEmpty())
            return fail(e);
    }
    o.noSummary = parser.isSet(noSummary);
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
    for (const auto &[option, target] :
         {std::pair{&exportSvg, &o.exportSvg}, std::pair{&exportPng, &o.exportPng}}) {
        if (!parser.isSet(*option))
            continue;
        *target = parser.value(*option);
        if (const QString e = checkWritablePath(option->names().constFirst(), *target); !e.isEmpty())
            return fail(e);
    }
    if (const QString e = parseRecordingOptions(parser, open, at, save, o); !e.isEmpty())
        return fail(e);
    o.fullscreen = parser.isSet(fullscreen);
    o.presenter = parser.isSet(presenter);
    o.selfTest = parser.isSet(selfTest);
    if (o.headless &&
        (o.selfTest || o.fullscreen || o.presenter || !o.screenshot.isEmpty() || !o.exportSvg.isEmpty() ||
         !o.exportPng.isEmpty()))
        return fail(QStringLiteral("--headless has no window: it cannot be combined with --self-test, "
                                   "--fullscreen, --presenter, --screenshot, --export-svg or --export-png"));
    if ((o.compare = parser.isSet(compare)) && !compareOptionsError(o, parser.isSet(scenario)).isEmpty())
        return fail(compareOptionsError(o, parser.isSet(scenario)));
    // --metrics measures the window (frame times, the event loop's lag under drawing); a headless
    // run has neither. Its figures are the summary it prints, and --export-trace writes the run.
    if (o.headless && !o.metrics.isEmpty())
        return fail(QStringLiteral("--metrics measures the window (frame times, loop lag): a --headless run "
                                   "has none; use its printed summary, or --export-trace FILE for the run"));
    return result;
}

} // namespace awaitscope
