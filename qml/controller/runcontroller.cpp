#include "runcontroller.h"

#include "timemath.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QTimer>
#include <utility>

namespace awaitscope {

RunController::RunController(QObject *parent)
    : QObject(parent)
    , m_ticker([this] { poll(); })
{
    m_view.setTrace(&m_session.runtime().trace());
    m_view.setPrimarySource(m_settings.sourceFile());
    // Another scenario: a clean slate (the old run's lanes, code tabs and counts go).
    connect(&m_settings, &RunSettings::scenarioChanged, this, [this] {
        if (m_session.isRunning() || m_session.runtime().trace().taskCount() > 0 || m_startPending)
            reset();
        m_view.setPrimarySource(m_settings.sourceFile());
    });
    // Speed applies at once, to the run in progress too.
    connect(&m_settings, &RunSettings::speedChanged, this,
            [this](double speed) { m_session.runtime().setSpeed(speed); });

    // Batches of events only wake the ticker: the index reads them once per frame.
    connect(&m_session.runtime().trace(), &Trace::eventsAppended, this, [this] {
        if (!m_ticker.isActive())
            m_ticker.start();
    });
    // The run is finished for the window once the index has read its last event too.
    connect(&m_session, &Session::finished, this, [this] {
        if (m_afterStop != AfterStop::Nothing) {
            // Out of the scheduler's batch (the last task just ended inside it), then go on.
            // Still stopping until then (a request meanwhile replaces m_afterStop): nothing may
            // look idle while the old run is still on screen.
            QMetaObject::invokeMethod(
                this,
                [this] {
                    const AfterStop then = std::exchange(m_afterStop, AfterStop::Nothing);
                    then == AfterStop::Run ? void(run()) : reset();
                },
                Qt::QueuedConnection);
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
    const RunConfig config = m_settings.runConfig();
    m_finished = m_sessionFinished = false;
    m_view.setFacts({qint64(config.network.latencyMs * 1e6), m_settings.blocksEventLoop()});
    if (m_settings.blocksEventLoop() && !m_startPending) {
        // The blocking scenario freezes the loop as it starts: first let the window draw the
        // cleared view (and the previous run's figures go), so the freeze shows this run only.
        m_error = config.validate();
        if (!m_error.isEmpty()) {
            Q_EMIT stateChanged();
            return false;
        }
        m_session.reset();
        m_view.reset();
        m_startPending = true;
        Q_EMIT stateChanged();
        QTimer::singleShot(BlockingStartDelayMs, this, [this] {
            if (!m_startPending)
                return; // reset meanwhile
            run();
            m_startPending = false;
        });
        return true;
    }
    m_error = m_session.start(config);
    m_view.reset();
    poll();
    if (!m_ticker.isActive())
        m_ticker.start();
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
    m_startPending = false;
    m_finished = m_sessionFinished = false;
    m_error.clear();
    m_view.reset();
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
    // While the index catches up after the run ended, its clock follows the events read.
    const qint64 now = m_session.isRunning() ? m_session.runtime().now() : -1;
    m_view.update(PollBudgetNs, now);
    const bool caughtUp = m_view.index()->caughtUp();
    if (m_sessionFinished && caughtUp && !m_finished) {
        m_finished = true;
        m_view.setEnded(true);
        Q_EMIT stateChanged();
        Q_EMIT runFinished();
    }
    if (!m_session.isRunning() && caughtUp)
        m_ticker.stop();
    Q_EMIT polled(wall.nsecsElapsed());
}

} // namespace awaitscope
