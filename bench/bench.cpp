// awaitscope-bench: the cost of an await in Awaitscope's engine, in the same shape as
// ../shared/peers/asyncio_peer.py prints, so the two can be compared side by side.
//
//   awaitscope-bench WORKLOAD TASKS AWAITS_PER_TASK [LATENCY_MS] [--engine awaitscope|naive]
//
// yield: every task awaits K zero-length waits (pure scheduling cost).
// timer: every task awaits K waits of L ms, all tasks in flight at once; only the time beyond
//        the ideal K * L is reported.
// state: every task awaits K waits of about L ms (staggered per task) on the virtual clock; then
//        the state-at-time queries (StateTimeline) are timed at 1,000 random times: what one
//        frame of dragging the playhead asks (counters, lines, 200 lanes, next/previous event).
//        With --save FILE it also writes the run as a recording (time, size).
// open FILE: loads a recording and builds its StateTimeline (time, peak memory).
// The awaitscope engine runs the real path: Runtime::spawn, the scheduler's heap, and the trace
// recording every spawn, suspend, resume and finish. --engine naive runs the same workload with
// one QCoro::sleepFor (one QTimer) per await and no trace.

#include "commandline.h" // the app's strict number parsing
#include "hugepages.h"
#include "recordingreader.h"
#include "recordingwriter.h"
#include "runtime.h"
#include "statetimeline.h"

#include <QCoreApplication>
#include <QCoroTimer>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTimer>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <sys/resource.h>

using namespace awaitscope;

namespace {

constexpr const char *Usage = "usage: awaitscope-bench yield|timer|state TASKS AWAITS_PER_TASK [LATENCY_MS] "
                              "[--engine awaitscope|naive] "
                              "[--save FILE]\n"
                              "       awaitscope-bench open FILE\n";

[[noreturn]] void usage(const char *problem)
{
    std::fprintf(stderr, "awaitscope-bench: %s\n%s", problem, Usage);
    std::exit(2);
}

/// A whole decimal number from 1 to max, read as the app reads --jobs (no hex, no wrap-around).
long parsePositive(const char *text, const char *what, long max)
{
    const auto v = parseWholeNumber(QString::fromLocal8Bit(text));
    if (!v || *v < 1 || *v > max) {
        static std::string msg;
        msg = std::string(what) + " must be a whole number from 1 to " + std::to_string(max) + " (got '" +
            text + "')";
        usage(msg.c_str());
    }
    return long(*v);
}

QCoro::Task<> engineJob(Runtime &rt, SiteId site, int awaits, qint64 ns)
{
    for (int i = 0; i < awaits; ++i)
        co_await rt.sleepAt(site, ns);
}

QCoro::Task<> staggeredJob(Runtime &rt, SiteId site, int awaits, qint64 ns)
{
    for (int i = 0; i < awaits; ++i)
        co_await rt.sleepAt(site, ns + qint64(rt.currentTask() % 97) * ns / 97);
}

double percentile(std::vector<qint64> &v, double p)
{
    std::sort(v.begin(), v.end());
    return double(v[std::min(v.size() - 1, std::size_t(p * double(v.size())))]) / 1e6;
}

/// Times the state-at-time queries over a finished trace; prints one JSON line on stdout.
void benchStateQueries(const Trace &trace, long tasks, long awaits)
{
    QElapsedTimer timer;
    timer.start();
    StateTimeline timeline(trace);
    timeline.update();
    const double buildSeconds = double(timer.nsecsElapsed()) / 1e9;
    quint64 seed = 0x9e3779b97f4a7c15ull;
    auto random = [&seed](quint64 n) {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        return seed % n;
    };
    const qint64 span = std::max<qint64>(1, timeline.lastTimeNs() - timeline.firstTimeNs());
    std::vector<qint64> frames, counters, lanes;
    quint64 sink = 0;
    for (int i = 0; i < 1000; ++i) {
        const qint64 t = timeline.firstTimeNs() + qint64(random(quint64(span)));
        timer.restart();
        const StateCounters c = timeline.countersAt(t);
        const auto lines = timeline.linesAt(t);
        const qint64 afterCounters = timer.nsecsElapsed();
        const TaskId first = TaskId(random(quint64(tasks)));
        for (TaskId task = first; task < first + 200 && task < trace.taskCount(); ++task)
            sink += quint64(timeline.stateAt(task, t).state);
        const qint64 afterLanes = timer.nsecsElapsed();
        sink += quint64(timeline.nextEventTime(t) + timeline.previousEventTime(t));
        sink += quint64(timeline.nextAwait(first, t) + timeline.previousAwait(first, t));
        frames.push_back(timer.nsecsElapsed());
        counters.push_back(afterCounters);
        lanes.push_back(afterLanes - afterCounters);
        sink += c.waiting + lines.size();
    }
    timer.restart();
    quint64 allStates = 0;
    for (TaskId task = 0; task < trace.taskCount(); ++task)
        allStates += quint64(timeline.stateAt(task, span / 2).state);
    const double allTasksMs = double(timer.nsecsElapsed()) / 1e6;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf(
        "{\"workload\": \"state\", \"tasks\": %ld, \"awaits_per_task\": %ld, \"events\": %llu, "
        "\"build_seconds\": %.3f, \"query_frame_p50_ms\": %.4f, \"query_frame_p99_ms\": %.4f, "
        "\"query_frame_max_ms\": %.4f, \"counters_lines_p99_ms\": %.4f, \"lanes200_p99_ms\": %.4f, "
        "\"all_tasks_state_ms\": %.1f, \"timeline_mb\": %.1f, \"peak_rss_kb\": %ld, \"check\": %llu}\n",
        tasks, awaits, static_cast<unsigned long long>(trace.size()), buildSeconds, percentile(frames, 0.5),
        percentile(frames, 0.99), percentile(frames, 1.0), percentile(counters, 0.99),
        percentile(lanes, 0.99), allTasksMs, double(timeline.memoryBytes()) / 1048576.0, usage.ru_maxrss,
        static_cast<unsigned long long>((sink + allStates) % 10));
}

/// Loads a recording and indexes it for state queries; prints one JSON line on stdout.
int benchOpen(const char *path)
{
    QElapsedTimer timer;
    timer.start();
    QString error;
    const auto rec = RecordingReader::readFile(QString::fromLocal8Bit(path), &error);
    if (!rec) {
        std::fprintf(stderr, "awaitscope-bench: %s\n", qPrintable(error));
        return 2;
    }
    const double loadSeconds = double(timer.nsecsElapsed()) / 1e9;
    timer.restart();
    StateTimeline timeline(*rec->trace);
    timeline.update();
    const double indexSeconds = double(timer.nsecsElapsed()) / 1e9;
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::printf("{\"workload\": \"open\", \"tasks\": %u, \"events\": %llu, \"load_seconds\": %.3f, "
                "\"state_index_seconds\": %.3f, \"peak_rss_kb\": %ld}\n",
                rec->trace->taskCount(), static_cast<unsigned long long>(rec->trace->size()), loadSeconds,
                indexSeconds, usage.ru_maxrss);
    return 0;
}

QCoro::Task<> naiveJob(int awaits, std::chrono::milliseconds delay, long *remaining)
{
    for (int i = 0; i < awaits; ++i)
        co_await QCoro::sleepFor(delay);
    if (--*remaining == 0)
        QCoreApplication::quit();
}

} // namespace

int main(int argc, char *argv[])
{
    configureHeap(argv, HeapProfile::Throughput); // as headless runs of the app (may re-execute once)
    QCoreApplication app(argc, argv);
    std::vector<const char *> positional;
    std::string engine = "awaitscope";
    const char *savePath = nullptr;
    if (argc == 3 && std::strcmp(argv[1], "open") == 0)
        return benchOpen(argv[2]);
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--help") == 0 || std::strcmp(argv[i], "-h") == 0) {
            std::fputs(Usage, stdout);
            std::fputs("\nyield: every task awaits K zero-length waits (pure scheduling cost).\n"
                       "timer: every task awaits K waits of LATENCY_MS (0 to 60000, default 1), all in "
                       "flight at once.\n"
                       "--engine naive: one QCoro::sleepFor (one QTimer) per await, no trace.\n",
                       stdout);
            return 0;
        }
        if (std::strcmp(argv[i], "--save") == 0) {
            if (i + 1 >= argc)
                usage("--save needs a file name");
            savePath = argv[++i];
        } else if (std::strcmp(argv[i], "--engine") == 0) {
            if (i + 1 >= argc)
                usage("--engine needs awaitscope or naive");
            engine = argv[++i];
        } else if (std::strncmp(argv[i], "--", 2) == 0) {
            usage((std::string("unknown option ") + argv[i]).c_str());
        } else {
            positional.push_back(argv[i]);
        }
    }
    if (engine != "awaitscope" && engine != "naive")
        usage("--engine must be awaitscope or naive");
    if (positional.size() < 3 || positional.size() > 4)
        usage("expected WORKLOAD TASKS AWAITS_PER_TASK [LATENCY_MS]");
    const std::string workload = positional[0];
    if (workload != "yield" && workload != "timer" && workload != "state")
        usage("WORKLOAD must be yield, timer or state");
    const long tasks = parsePositive(positional[1], "TASKS", 10'000'000);
    const long awaits = parsePositive(positional[2], "AWAITS_PER_TASK", 1'000'000);
    double latencyMs = workload == "yield" ? 0.0 : 1.0;
    if (positional.size() == 4) {
        const auto v = parseDecimal(QString::fromLocal8Bit(positional[3])); // no hex, inf or nan
        if (!v || !(*v >= 0.0 && *v <= 60'000.0))
            usage("LATENCY_MS must be a decimal number from 0 to 60000");
        latencyMs = *v;
    }
    if (workload == "yield")
        latencyMs = 0.0;
    const qint64 delayNs = qint64(latencyMs * 1e6);

    if (workload == "state") {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        const SiteId site = rt.site(QStringLiteral("GET /item"), std::source_location::current());
        QObject::connect(&rt, &Runtime::allTasksFinished, &app, &QCoreApplication::quit,
                         Qt::QueuedConnection);
        rt.reserve(std::size_t(tasks));
        for (long i = 0; i < tasks; ++i)
            rt.spawn({QStringLiteral("job(%1)"), qint32(i)}, staggeredJob, std::ref(rt), site, int(awaits),
                     delayNs);
        QCoreApplication::exec();
        benchStateQueries(rt.trace(), tasks, awaits);
        if (savePath) {
            QElapsedTimer timer;
            timer.start();
            QString error;
            if (!RecordingWriter(rt.trace(), nullptr, {})
                     .writeFile(QString::fromLocal8Bit(savePath), &error)) {
                std::fprintf(stderr, "awaitscope-bench: %s\n", qPrintable(error));
                return 2;
            }
            std::printf("{\"workload\": \"save\", \"seconds\": %.3f, \"file_mb\": %.1f}\n",
                        double(timer.nsecsElapsed()) / 1e9,
                        double(QFileInfo(QString::fromLocal8Bit(savePath)).size()) / 1048576.0);
        }
        return 0;
    }

    QElapsedTimer wall;
    double seconds = 0.0;
    quint64 traceBytes = 0, recordedAwaits = 0;
    qint64 longestBatchNs = 0;
    if (engine == "awaitscope") {
        Runtime rt;
        rt.setClockMode(ClockMode::Real);
        const SiteId site = rt.site(QStringLiteral("sleep"), std::source_location::current());
        QObject::connect(&rt, &Runtime::allTasksFinished, &app, &QCoreApplication::quit,
                         Qt::QueuedConnection);
        wall.start();
        rt.reserve(std::size_t(tasks)); // as Session::start does: the run's size is known
        for (long i = 0; i < tasks; ++i)
            rt.spawn({QStringLiteral("job(%1)"), qint32(i)}, engineJob, std::ref(rt), site, int(awaits),
                     delayNs);
        QCoreApplication::exec();
        seconds = double(wall.nsecsElapsed()) / 1e9;
        traceBytes = rt.trace().memoryBytes();
        for (quint64 i = 0; i < rt.trace().size(); ++i)
            recordedAwaits += rt.trace().at(i).kind() == EventKind::Suspend;
        longestBatchNs = rt.scheduler().longestBatchNs();
    } else {
        long remaining = tasks;
        wall.start();
        for (long i = 0; i < tasks; ++i)
            naiveJob(int(awaits), std::chrono::milliseconds(qint64(latencyMs)), &remaining);
        QCoreApplication::exec();
        seconds = double(wall.nsecsElapsed()) / 1e9;
    }

    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    const double ideal = workload == "timer" ? double(awaits) * latencyMs / 1000.0 : 0.0;
    const double overhead = std::max(seconds - ideal, 0.0);
    std::printf("{\"engine\": \"%s\", \"workload\": \"%s\", \"tasks\": %ld, \"awaits_per_task\": %ld, "
                "\"latency_ms\": %.1f, \"seconds\": %.6f, \"ns_per_await\": %.1f, \"peak_rss_kb\": %ld}\n",
                engine.c_str(), workload.c_str(), tasks, awaits, latencyMs, seconds,
                overhead / double(tasks * awaits) * 1e9, usage.ru_maxrss);
    if (recordedAwaits)
        std::fprintf(stderr,
                     "{\"trace_bytes\": %llu, \"recorded_awaits\": %llu, \"trace_bytes_per_await\": %.1f, "
                     "\"longest_batch_ms\": %.2f}\n",
                     static_cast<unsigned long long>(traceBytes),
                     static_cast<unsigned long long>(recordedAwaits),
                     double(traceBytes) / double(recordedAwaits), double(longestBatchNs) / 1e6);
    return 0;
}
