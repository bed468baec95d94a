#include "runcontroller.h"

#include "timemath.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QSettings>
#include <utility>

namespace awaitscope {

namespace {

const QString KeyScenario = QStringLiteral("run/scenario");
const QString KeyJobs = QStringLiteral("run/jobs");
const QString KeyLatency = QStringLiteral("run/latencyMs");
const QString KeyJitter = QStringLiteral("run/jitterMs");
const QString KeyFailure = QStringLiteral("run/failureRate");
const QString KeySeed = QStringLiteral("run/seed");
const QString KeySpeed = QStringLiteral("run/speed");

} // namespace

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_ticker([this] { poll(); })
{
    m_config.speed = TeachingSpeed;
    m_jobs = scenario().defaultJobs;
    m_index.setTrace(&m_session.runtime().trace());
    m_lanes.setIndex(&m_index);

    // Batches of events only wake the ticker: the index reads them once per frame.
    connect(&m_session.runtime().trace(), &Trace::eventsAppended, this, [this] {
        if (!m_ticker.isActive())
            m_ticker.start();
    });
    // The run is finished for the window once the index has read its last event too.
    connect(&m_session, &Session::finished, this, [this] {
        if (m_afterStop != AfterStop::Nothing) {
            // Out of the scheduler's batch (the last task just ended inside it), then go on.
            const AfterStop then = std::exchange(m_afterStop, AfterStop::Nothing);
            QMetaObject::invokeMethod(
                this, [this, then] { then == AfterStop::Run ? void(run()) : reset(); }, Qt::QueuedConnection);
            return;
        }
        m_sessionFinished = true;
        poll();
        if (!m_ticker.isActive() && !m_finished)
            m_ticker.start();
        Q_EMIT stateChanged(); // no longer running
    });
}

RunController::~RunController()
{
    m_ticker.stop();
    m_session.runtime().cancelAll();
}

void RunController::configure(const CommandLineOptions &options, bool persist)
{
    m_persist = persist;
    if (persist)
        load();
    const RunConfig defaults;
    const RunConfig &o = options.run;
    if (o.scenario != defaults.scenario || !persist) {
        const int row = m_scenarios.rowOf(o.scenario);
        if (row >= 0)
            setScenarioIndex(row);
    }
    if (o.jobs > 0)
        setJobs(o.jobs);
    const auto differs = [](double a, double b) { return !qFuzzyCompare(1.0 + a, 1.0 + b); };
    if (differs(o.network.latencyMs, defaults.network.latencyMs) || !persist)
        m_config.network.latencyMs = o.network.latencyMs;
    if (differs(o.network.jitterMs, defaults.network.jitterMs) || !persist)
        m_config.network.jitterMs = o.network.jitterMs;
    if (differs(o.network.failureRate, defaults.network.failureRate) || !persist)
        m_config.network.failureRate = o.network.failureRate;
    m_config.network.timeoutMs = o.network.timeoutMs;
    m_config.network.model = o.network.model;
    if (o.seed != defaults.seed || !persist)
        m_config.seed = o.seed;
    if (options.speedGiven)
        m_config.speed = o.speed;
    else if (!persist)
        m_config.speed = TeachingSpeed;
    // The window's clock is real unless the user chose.
    m_config.clock = options.clockGiven ? o.clock : ClockMode::Real;
    Q_EMIT configChanged();
    save();
}

const Scenario &RunController::scenario() const
{
    const auto &all = allScenarios();
    return all.at(std::clamp(m_scenarioIndex, 0, int(all.size()) - 1));
}

void RunController::setScenarioIndex(int index)
{
    index = std::clamp(index, 0, int(allScenarios().size()) - 1);
    if (index == m_scenarioIndex)
        return;
    m_scenarioIndex = index;
    m_jobs = scenario().defaultJobs;
    Q_EMIT scenarioChanged();
    Q_EMIT configChanged();
    updateSourceFiles();
    save();
}

void RunController::setJobs(int jobs)
{
    const int max = scenario().maxJobs > 0 ? scenario().maxJobs : 1;
    jobs = std::clamp(jobs, 1, max);
    if (jobs == m_jobs)
        return;
    m_jobs = jobs;
    Q_EMIT configChanged();
    save();
}

void RunController::setNetworkValue(double &field, double value)
{
    if (qFuzzyCompare(1.0 + value, 1.0 + field))
        return;
    field = value;
    Q_EMIT configChanged();
    save();
}

void RunController::setLatencyMs(double ms)
{
    setNetworkValue(m_config.network.latencyMs, std::max(0.0, ms));
}

void RunController::setJitterMs(double ms)
{
    setNetworkValue(m_config.network.jitterMs, std::max(0.0, ms));
}

void RunController::setFailureRate(double p)
{
    setNetworkValue(m_config.network.failureRate, std::clamp(p, 0.0, 1.0));
}

void RunController::setSeed(int seed)
{
    seed = std::max(0, seed);
    if (quint64(seed) == m_config.seed)
        return;
    m_config.seed = quint64(seed);
    Q_EMIT configChanged();
    save();
}

void RunController::setSpeed(double speed)
{
    speed = std::clamp(speed, SimClock::MinSpeed, SimClock::MaxSpeed);
    if (qFuzzyCompare(speed, m_config.speed))
        return;
    m_config.speed = speed;
    // Speed applies at once, to the run in progress too.
    m_session.runtime().setSpeed(speed);
    Q_EMIT configChanged();
    save();
}

RunConfig RunController::runConfig() const
{
    RunConfig c = m_config;
    c.scenario = scenario().id;
    c.jobs = scenario().maxJobs > 0 ? m_jobs : -1;
    return c;
}

bool RunController::stopFirst(AfterStop then)
{
    if (m_afterStop != AfterStop::Nothing) {
        m_afterStop = then; // already stopping: the latest request wins
        return true;
    }
    if (!m_session.isRunning() || m_session.runtime().runningTasks() <= quint32(AsyncStopTasks))
        return false;
    m_afterStop = then;
    m_session.requestStop();
    Q_EMIT stateChanged();
    return true;
}

bool RunController::run()
{
    if (stopFirst(AfterStop::Run))
        return true;
    m_finished = m_sessionFinished = false;
    m_error = m_session.start(runConfig());
    m_now = 0;
    poll();
    if (!m_ticker.isActive())
        m_ticker.start();
    updateSourceFiles();
    Q_EMIT stateChanged();
    return m_error.isEmpty();
}

void RunController::togglePause()
{
    if (!m_session.isRunning() || stopping())
        return;
    Runtime &rt = m_session.runtime();
    if (rt.isPaused())
        rt.resume();
    else
        rt.pause();
    Q_EMIT stateChanged();
}

void RunController::runOrPause()
{
    if (m_session.isRunning())
        togglePause();
    else
        run();
}

void RunController::step()
{
    if (stopping())
        return;
    if (!m_session.isRunning()) {
        if (!run())
            return;
        m_session.runtime().pause();
    } else {
        m_session.runtime().step();
    }
    poll();
    Q_EMIT stateChanged();
}

void RunController::reset()
{
    if (stopFirst(AfterStop::Reset))
        return;
    m_session.reset();
    m_finished = m_sessionFinished = false;
    m_error.clear();
    m_now = 0;
    m_index.update();
    Q_EMIT frame();
    Q_EMIT stateChanged();
}

void RunController::cancelTask(int task)
{
    if (task < 0 || !m_session.isRunning() || quint32(task) >= m_session.runtime().trace().taskCount())
        return;
    m_session.runtime().cancel(TaskId(task));
    poll();
}

QString RunController::formatDuration(double ns) const
{
    return timemath::formatDuration(qint64(ns));
}

void RunController::pollNow()
{
    poll();
}

void RunController::poll()
{
    QElapsedTimer wall;
    wall.start();
    const bool fresh = m_index.update(PollBudgetNs);
    const bool caughtUp = m_index.caughtUp();
    // While the index catches up after the run ended, its clock follows the events read.
    const qint64 now = m_session.isRunning() ? m_session.runtime().now() : m_index.lastTimeNs();
    const bool moved = now != m_now;
    m_now = now;
    if (fresh && m_sourceFiles.size() < 2)
        updateSourceFiles();
    if (fresh)
        updateSourceWaiting();
    if (fresh || moved)
        Q_EMIT frame();
    if (m_sessionFinished && caughtUp && !m_finished) {
        m_finished = true;
        Q_EMIT stateChanged();
        Q_EMIT runFinished();
    }
    if (!m_session.isRunning() && caughtUp)
        m_ticker.stop();
    Q_EMIT polled(wall.nsecsElapsed());
}

void RunController::updateSourceFiles()
{
    // The scenario's own file first, then other scenario files its awaits point at
    // (fetchuser.cpp is shared by several scenarios).
    QStringList files{scenario().sourceFile};
    for (const QString &f : m_index.locationFiles()) {
        if (files.contains(f))
            continue;
        const bool known = std::any_of(allScenarios().begin(), allScenarios().end(),
                                       [&f](const Scenario &s) { return s.sourceFile == f; });
        if (known)
            files << f;
    }
    if (files != m_sourceFiles) {
        m_sourceFiles = files;
        m_busiestSource = 0;
        Q_EMIT sourceFilesChanged();
        updateSourceWaiting();
    }
}

void RunController::updateSourceWaiting()
{
    QList<int> counts(m_sourceFiles.size(), 0);
    const Trace &trace = m_session.runtime().trace();
    for (quint32 loc = 0; loc < m_index.locationCount(); ++loc) {
        const quint32 n = m_index.waitingAtLocation(loc);
        if (n == 0)
            continue;
        const qsizetype file = m_sourceFiles.indexOf(trace.string(m_index.location(loc).file));
        if (file >= 0)
            counts[file] += int(n);
    }
    int busiest = m_busiestSource;
    for (qsizetype i = 0; i < counts.size(); ++i) {
        if (counts[i] > (busiest >= 0 && busiest < counts.size() ? counts[busiest] : 0))
            busiest = int(i);
    }
    if (busiest >= counts.size())
        busiest = 0;
    if (counts != m_sourceWaiting || busiest != m_busiestSource) {
        m_sourceWaiting = counts;
        m_busiestSource = busiest;
        Q_EMIT sourceWaitingChanged();
    }
}

void RunController::save() const
{
    if (!m_persist)
        return;
    QSettings s;
    s.setValue(KeyScenario, scenario().id);
    s.setValue(KeyJobs, m_jobs);
    s.setValue(KeyLatency, m_config.network.latencyMs);
    s.setValue(KeyJitter, m_config.network.jitterMs);
    s.setValue(KeyFailure, m_config.network.failureRate);
    s.setValue(KeySeed, QString::number(m_config.seed));
    s.setValue(KeySpeed, m_config.speed);
}

void RunController::load()
{
    QSettings s;
    const int row = m_scenarios.rowOf(s.value(KeyScenario).toString());
    if (row >= 0) {
        m_scenarioIndex = row;
        m_jobs = scenario().defaultJobs;
    }
    const auto number = [&s](const QString &key, double fallback, double lo, double hi) {
        bool ok = false;
        const double v = s.value(key).toDouble(&ok);
        return ok && v >= lo && v <= hi ? v : fallback;
    };
    m_jobs = int(number(KeyJobs, m_jobs, 1, scenario().maxJobs > 0 ? scenario().maxJobs : 1));
    m_config.network.latencyMs = number(KeyLatency, m_config.network.latencyMs, 0, 1e7);
    m_config.network.jitterMs = number(KeyJitter, m_config.network.jitterMs, 0, 1e7);
    m_config.network.failureRate = number(KeyFailure, m_config.network.failureRate, 0, 1);
    m_config.seed = quint64(number(KeySeed, double(m_config.seed), 0, 2147483647));
    m_config.speed = number(KeySpeed, m_config.speed, SimClock::MinSpeed, SimClock::MaxSpeed);
    Q_EMIT scenarioChanged();
    Q_EMIT configChanged();
}

} // namespace awaitscope
