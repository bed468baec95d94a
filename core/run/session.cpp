#include "session.h"

#include <QElapsedTimer>

namespace awaitscope {

Session::Session(QObject *parent)
    : QObject(parent)
    , m_network(&m_runtime)
{
    connect(&m_runtime, &Runtime::allTasksFinished, this, [this] {
        m_stopping = false;
        if (!m_running)
            return;
        m_running = false;
        Q_EMIT finished();
    });
    // A stop in progress ends once nothing is left to unwind: whatever still runs then did not
    // wait on the scheduler, and is cancelled at once.
    connect(&m_runtime.scheduler(), &Scheduler::batchFinished, this, &Session::finishStopIfUnwound);
    connect(&m_runtime, &Runtime::cancelRequestsSent, this, &Session::finishStopIfUnwound);
}

Session::~Session()
{
    m_running = false;
    m_runtime.cancelAll();
}

QString Session::start(const RunConfig &config)
{
    const QString error = config.validate();
    if (!error.isEmpty())
        return error;
    m_running = false;
    m_stopping = false;
    m_runtime.setClockMode(config.clock);
    m_runtime.setSpeed(config.speed);
    m_runtime.reset(); // last: the clock starts at 0 in its new mode
    // A task per job and a few more (main, helpers): room for them all before the first spawn.
    m_runtime.reserve(std::size_t(config.effectiveJobs()) + 16);
    m_config = config;
    m_scenario = findScenario(config.scenario);

    m_network = SimNetwork(&m_runtime, config.seed);
    m_network.setDefaults(config.network);
    if (m_scenario->setup)
        m_scenario->setup(m_network);

    m_running = true;
    Q_EMIT started();
    // The main task runs to its first await now: if that holds the loop (spawning a hundred
    // thousand jobs at once), it is a hold like any other.
    QElapsedTimer wall;
    wall.start();
    const auto main = m_runtime.spawn("main", m_scenario->entry, std::ref(m_runtime), std::ref(m_network),
                                      config.effectiveJobs());
    m_runtime.recordHold(main.id(), wall.nsecsElapsed());
    m_runtime.trace().flush();
    return {};
}

void Session::stop()
{
    m_stopping = false;
    m_runtime.cancelAll();
}

void Session::finishStopIfUnwound()
{
    if (m_stopping && !m_runtime.isRequestingCancel() && !m_runtime.scheduler().hasReadyWork()) {
        m_stopping = false;
        m_runtime.cancelAll();
    }
}

void Session::requestStop()
{
    if (!m_running || m_stopping)
        return;
    m_stopping = true;
    m_runtime.requestCancelAll();
}

void Session::reset()
{
    m_running = false;
    m_stopping = false;
    m_runtime.reset();
}

} // namespace awaitscope
