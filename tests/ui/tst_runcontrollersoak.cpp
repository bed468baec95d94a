// Soak: the RunController driven through random commands (run, restart, pause, step, reset,
// scenario and knob changes, cancel, waits), with a fixed seed. No error, no hang, and the
// memory in use after the last reset within 10% of after the first.
//
// The short version runs in the test command; AWAITSCOPE_SOAK_LONG=1 runs the long one
// (1,000 commands, up to 100,000 tasks; figures in docs/soak.md).
#include "runcontroller.h"
#include "sanitizers.h"
#include "scenariomodel.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTest>
#include <QThreadPool>
#include <cmath>
#include <malloc.h>

using namespace awaitscope;

namespace {

/// The resident set of this process (VmRSS in /proc/self/status), in bytes.
qint64 residentBytes()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (QByteArray line = status.readLine(); !line.isEmpty(); line = status.readLine()) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').value(0).toLongLong() * 1024;
    }
    return -1;
}

/// What the soak compares, once the pool threads are done freeing (dispose.h): the resident set
/// after the heap has given its free pages back (malloc_trim). Under AddressSanitizer the
/// resident set is mostly its shadow and quarantine, and its allocator's count of bytes held
/// read 0.2 MB and 33 MB for the same state: there the soak looks for errors and hangs only.
qint64 memoryInUse()
{
    QThreadPool::globalInstance()->waitForDone();
    malloc_trim(0);
    return residentBytes();
}

#if defined(AWAITSCOPE_ASAN)
constexpr bool MemoryIsMeasured = false;
#else
constexpr bool MemoryIsMeasured = true;
#endif

/// The trace keeps one chunk ready for the next run (trace.h). Whether glibc serves that
/// aligned 2 MiB block from an arena or maps it on its own (4 MiB then, the alignment's slack
/// included) depends on its moving mmap threshold: memory after a reset varies by that much
/// from run to run with nothing kept.
constexpr qint64 SpareChunkSlack = 2 * qint64(Trace::ChunkBytes);

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1) + QStringLiteral(" MB");
}

struct SoakPlan {
    int commands = 200;
    int maxTasks = 20'000;
    quint64 seed = 14;
};

} // namespace

class TestRunControllerSoak : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void memoryMeasureSeesAHeldBlock();
    void randomCommands();
    void resetFromAMillionTasksGivesMemoryBack();

private:
    /// Lets the run end (resumed, at full speed), or fails: a run that never ends is a hang.
    void finishRun(RunController &c);
    /// Resets and waits for a big run's stop to complete.
    void resetAndSettle(RunController &c);
};

void TestRunControllerSoak::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a throw-away place
    QCoreApplication::setOrganizationName(QStringLiteral("awaitscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_runcontrollersoak"));
}

void TestRunControllerSoak::memoryMeasureSeesAHeldBlock()
{
    // The measure the soak compares must see 64 MB kept, and see it go.
    if (!MemoryIsMeasured)
        QSKIP("under AddressSanitizer the soak does not compare memory");
    const qint64 before = memoryInUse();
    QVERIFY(before > 0);
    const std::size_t size = 64u << 20;
    char *block = static_cast<char *>(std::malloc(size));
    QVERIFY(block);
    for (std::size_t i = 0; i < size; i += 4096)
        block[i] = char(i);
    const qint64 held = memoryInUse();
    QVERIFY2(held - before > 60 << 20,
             qPrintable(megabytes(before) + QStringLiteral(" -> ") + megabytes(held)));
    std::free(block);
    const qint64 after = memoryInUse();
    QVERIFY2(after - before < 4 << 20,
             qPrintable(megabytes(before) + QStringLiteral(" -> ") + megabytes(after)));
}

void TestRunControllerSoak::finishRun(RunController &c)
{
    if (c.settings()->speed() < SimClock::MaxSpeed)
        c.settings()->setSpeed(SimClock::MaxSpeed); // applies to the run in progress
    if (c.running() && c.paused())
        c.togglePause();
    QTRY_VERIFY_WITH_TIMEOUT(!c.stopping() && !c.running(), 120'000);
    if (c.view()->tasks() > 0) // a run (not a reset) ended: the window reads it to the end
        QTRY_VERIFY_WITH_TIMEOUT(c.finished(), 60'000);
    QCOMPARE(c.view()->index()->eventCount(), c.session().runtime().trace().size());
    QCOMPARE(c.view()->suspendedTasks(), 0);
    QCOMPARE(c.session().runtime().runningTasks(), 0u);
}

void TestRunControllerSoak::resetAndSettle(RunController &c)
{
    c.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!c.stopping() && !c.running(), 120'000);
    QCOMPARE(c.view()->tasks(), 0);
    QCOMPARE(c.view()->lanes()->rowCount(), 0);
    QCOMPARE(c.session().runtime().trace().size(), 0u);
}

void TestRunControllerSoak::randomCommands()
{
    SoakPlan plan;
    if (qEnvironmentVariableIntValue("AWAITSCOPE_SOAK_LONG") == 1)
        plan = SoakPlan{1000, 100'000, 14};
    QElapsedTimer wall;
    wall.start();
    QRandomGenerator rng(plan.seed);
    RunController c;
    RunSettings &s = *c.settings();
    const int scenarios = s.scenarios()->rowCount();
    QVERIFY(scenarios > 1);

    // Warm-up: every scenario once, small, to its end (sources, names, caches), then the first
    // reset: the reference.
    RunOverrides virtualClock;
    virtualClock.clock = ClockMode::Virtual;
    s.applyOverrides(virtualClock);
    for (int i = 0; i < scenarios; ++i) {
        s.setScenarioIndex(i);
        s.setJobs(3);
        QVERIFY2(c.run(), qPrintable(c.error()));
        finishRun(c);
        if (QTest::currentTestFailed())
            return;
    }
    resetAndSettle(c);
    if (QTest::currentTestFailed())
        return;
    const qint64 first = memoryInUse();
    const qint64 firstRss = residentBytes();

    enum Command {
        Run,
        Pause,
        Step,
        Reset,
        Scenario,
        Jobs,
        Latency,
        Jitter,
        Failures,
        Seed,
        Speed,
        Clock,
        Cancel,
        Wait,
        Finish,
        CommandCount
    };
    static const char *const names[CommandCount] = {"run",   "pause",   "step",   "reset",    "scenario",
                                                    "jobs",  "latency", "jitter", "failures", "seed",
                                                    "speed", "clock",   "cancel", "wait",     "finish"};
    static const int weights[CommandCount] = {12, 8, 8, 8, 6, 10, 4, 3, 3, 2, 4, 4, 8, 14, 4};
    int totalWeight = 0;
    for (int w : weights)
        totalWeight += w;
    int counts[CommandCount] = {};
    quint32 mostTasks = 0;
    qint64 mostRss = firstRss;

    // Commands come from a timer, as a user's keys do: they run inside whatever loop spins,
    // a scenario's nested one (infectious: blockOn) too. Finish and Wait do not block: the
    // driver holds the next command until the run ended, or the time passed.
    int n = 0;
    const bool trace = qEnvironmentVariableIsSet("AWAITSCOPE_SOAK_TRACE"); // each command, as it goes
    bool finishing = false;
    QString failure;
    QElapsedTimer since;
    qint64 waitMs = 0;
    const auto runEnded = [&c] {
        return !c.stopping() && !c.running() && (c.view()->tasks() == 0 || c.finished());
    };
    const auto startFinishing = [&] {
        if (s.speed() < SimClock::MaxSpeed)
            s.setSpeed(SimClock::MaxSpeed); // applies to the run in progress
        if (c.running() && c.paused())
            c.togglePause();
        finishing = true;
        since.restart();
    };
    const auto tick = [&] {
        if (!failure.isEmpty() || (n > plan.commands && !finishing))
            return;
        if (finishing) {
            if (!runEnded()) {
                if (trace && since.elapsed() > 5000)
                    qInfo() << "finishing" << c.running() << c.paused() << c.stopping() << c.finished()
                            << c.view()->tasks() << c.session().runtime().runningTasks() << s.scenarioId();
                if (since.elapsed() > 120'000)
                    failure = QStringLiteral("command %1: the run never ended").arg(n - 1);
                return;
            }
            finishing = false;
            if (c.view()->index()->eventCount() != c.session().runtime().trace().size() ||
                c.view()->suspendedTasks() != 0 || c.session().runtime().runningTasks() != 0)
                failure = QStringLiteral("command %1: an ended run left tasks waiting").arg(n - 1);
        }
        if (since.isValid() && since.elapsed() < waitMs)
            return;
        waitMs = 0;
        if (n == plan.commands) { // the end: let the run finish (a nested loop may wait on it)
            ++n;
            startFinishing();
            return;
        }
        // (No guard against re-entry: a command can start a nested loop, infectious's blockOn,
        // and the next commands run inside it, as a user's would.)
        const int index = n++;
        int pick = int(rng.bounded(totalWeight));
        int command = 0;
        while (pick >= weights[command])
            pick -= weights[command++];
        ++counts[command];
        // The blocking scenario holds the loop for every request: kept short (3 jobs, fast).
        const bool blocking = s.blocksEventLoop();
        if (blocking && (command == Run || command == Step)) {
            s.setJobs(std::min(s.jobs(), 3));
            s.setSpeed(SimClock::MaxSpeed);
        }
        const QString what = QStringLiteral("command %1 (%2)").arg(index).arg(QLatin1String(names[command]));
        if (trace)
            qInfo().noquote() << what << c.running() << c.paused() << c.stopping() << c.finished()
                              << c.session().runtime().trace().taskCount();
        switch (command) {
        case Run:
            if (!c.run())
                failure = what + QStringLiteral(": ") + c.error();
            break;
        case Pause:
            c.togglePause();
            break;
        case Step:
            c.step();
            break;
        case Reset:
            c.reset();
            break;
        case Scenario:
            s.setScenarioIndex(int(rng.bounded(scenarios)));
            break;
        case Jobs: {
            // Log-uniform: as many small runs as big ones.
            const double logMax = std::log(double(plan.maxTasks - 1));
            s.setJobs(std::max(1, int(std::exp(rng.generateDouble() * logMax))));
            break;
        }
        case Latency:
            s.setLatencyMs(double(rng.bounded(300)));
            break;
        case Jitter:
            s.setJitterMs(double(rng.bounded(100)));
            break;
        case Failures:
            s.setFailureRate(rng.generateDouble() * 0.3);
            break;
        case Seed:
            s.setSeed(int(rng.bounded(1000)));
            break;
        case Speed:
            s.setSpeed(blocking ? SimClock::MaxSpeed
                                : SimClock::MinSpeed *
                               std::pow(SimClock::MaxSpeed / SimClock::MinSpeed, rng.generateDouble()));
            break;
        case Clock: {
            RunOverrides o;
            o.clock = rng.bounded(2) ? ClockMode::Virtual : ClockMode::Real;
            s.applyOverrides(o); // the next run's clock
            break;
        }
        case Cancel: {
            const quint32 tasks = c.session().runtime().trace().taskCount();
            c.cancelTask(tasks ? int(rng.bounded(tasks)) : 0);
            break;
        }
        case Wait:
            waitMs = rng.bounded(100);
            since.restart();
            break;
        case Finish:
            startFinishing();
            break;
        }
        if (failure.isEmpty() && !c.error().isEmpty())
            failure = what + QStringLiteral(": ") + c.error();
        mostTasks = std::max(mostTasks, c.session().runtime().trace().taskCount());
        if (c.session().runtime().trace().taskCount() > quint32(plan.maxTasks) + 3)
            failure = what + QStringLiteral(": more tasks than asked for");
        if (index % 50 == 0)
            mostRss = std::max(mostRss, residentBytes());
    };
    QTimer driver;
    connect(&driver, &QTimer::timeout, this, tick);
    driver.start(1);
    QTRY_VERIFY_WITH_TIMEOUT((n > plan.commands && !finishing) || !failure.isEmpty(), 1'800'000);
    driver.stop();
    QVERIFY2(failure.isEmpty(), qPrintable(failure));
    resetAndSettle(c);
    if (QTest::currentTestFailed())
        return;
    const qint64 last = memoryInUse();
    const qint64 lastRss = residentBytes();

    QString counted;
    for (int i = 0; i < CommandCount; ++i)
        counted += QStringLiteral(" %1 %2").arg(QLatin1String(names[i])).arg(counts[i]);
    qInfo().noquote() << QStringLiteral("soak: %1 commands (seed %2), at most %3 tasks, %4 s;%5")
                             .arg(plan.commands)
                             .arg(plan.seed)
                             .arg(mostTasks)
                             .arg(double(wall.elapsed()) / 1000.0, 0, 'f', 1)
                             .arg(counted);
    qInfo().noquote() << QStringLiteral("soak: memory in use after the first reset %1, after the last %2; "
                                        "resident %3 and %4 (highest seen %5)")
                             .arg(megabytes(first), megabytes(last), megabytes(firstRss), megabytes(lastRss),
                                  megabytes(mostRss));
    QVERIFY2(mostTasks > quint32(plan.maxTasks) / 10, "the soak never ran a big run");
    QVERIFY2(!MemoryIsMeasured || last <= first + first / 10 + SpareChunkSlack,
             qPrintable(QStringLiteral("memory in use after the last reset %1, after the first %2")
                            .arg(megabytes(last), megabytes(first))));
}

void TestRunControllerSoak::resetFromAMillionTasksGivesMemoryBack()
{
    // The probe saw 980 MB kept by an idle window after a reset from a million tasks. Measured
    // as a user would see it: the resident set once the pool threads have freed the run, with no
    // malloc_trim of the test's own.
    if (qEnvironmentVariableIntValue("AWAITSCOPE_SOAK_LONG") != 1)
        QSKIP("a million tasks: with AWAITSCOPE_SOAK_LONG=1");
#if defined(AWAITSCOPE_ASAN)
    QSKIP("the resident set under AddressSanitizer is its quarantine's");
#endif
    RunOverrides o;
    o.scenario = QStringLiteral("stress");
    o.jobs = 1000;
    o.clock = ClockMode::Virtual;
    RunController c;
    c.settings()->applyOverrides(o);
    QVERIFY(c.run());
    finishRun(c);
    resetAndSettle(c);
    if (QTest::currentTestFailed())
        return;
    QThreadPool::globalInstance()->waitForDone();
    const qint64 idle = residentBytes();
    c.settings()->setJobs(1'000'000);
    QElapsedTimer wall;
    wall.start();
    QVERIFY(c.run());
    finishRun(c);
    if (QTest::currentTestFailed())
        return;
    const qint64 runMs = wall.restart();
    const qint64 peak = residentBytes();
    c.reset();
    QTRY_VERIFY_WITH_TIMEOUT(!c.stopping() && !c.running(), 60'000);
    const qint64 resetMs = wall.restart();
    QThreadPool::globalInstance()->waitForDone();
    QTest::qWait(100);
    const qint64 after = residentBytes();
    qInfo().noquote() << QStringLiteral(
                             "a million tasks on the virtual clock: %1 ms to run, reset %2 ms; resident "
                             "idle %3, finished %4, after the reset %5")
                             .arg(runMs)
                             .arg(resetMs)
                             .arg(megabytes(idle), megabytes(peak), megabytes(after));
    QVERIFY(peak - idle > 200 << 20); // the run did hold its memory
    QVERIFY2(after - idle < (peak - idle) / 10,
             qPrintable(QStringLiteral("%1 of the run's %2 still resident after the reset")
                            .arg(megabytes(after - idle), megabytes(peak - idle))));
}

QTEST_GUILESS_MAIN(TestRunControllerSoak)
#include "tst_runcontrollersoak.moc"
