#include "runcontroller.h"

#include "scenario.h"
#include "styledtext.h"
#include "timemath.h"

#include <QElapsedTimer>
#include <QMetaObject>
#include <QScopedValueRollback>
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
        if (m_session.isRunning() || m_session.runtime().trace().taskCount() > 0 || m_startPending ||
            m_recording)
            reset();
        if (!m_script.active())
            m_view.setPrimarySource(m_settings.sourceFile());
    });
    connect(&m_script, &ScriptSource::activeChanged, this, &RunController::switchMode);
    connect(&m_script, &ScriptSource::fileNameChanged, this, [this] {
        if (m_script.active())
            m_view.setPrimarySource(m_script.fileName());
    });
    // Speed applies at once, to the run in progress too.
    connect(&m_settings, &RunSettings::speedChanged, this, [this](double speed) {
        m_session.runtime().setSpeed(speed);
        m_script.run().runtime().setSpeed(speed);
    });

    // Batches of events only wake the ticker: the index reads them once per frame.
    for (const Trace *trace :
         {static_cast<const Trace *>(&m_session.runtime().trace()), &m_script.run().trace()}) {
        connect(trace, &Trace::eventsAppended, this, [this] {
            if (!m_ticker.isActive())
                m_ticker.start();
        });
    }
    // The run is finished for the window once the index has read its last event too.
    connect(&m_session, &Session::finished, this, [this] {
        if (!m_script.active())
            onRunEnded();
    });
    connect(&m_script.run(), &ScriptRun::finished, this, [this] {
        if (m_script.active() && !m_scriptRestarting)
            onRunEnded();
    });
}

void RunController::onRunEnded()
{
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
}

void RunController::switchMode()
{
    // The run of the mode left is stopped and cleared; the view reads the other trace.
    m_afterStop = AfterStop::Nothing;
    const std::unique_ptr<Recording> shown = std::move(m_recording); // goes once the view has left it
    m_session.reset();
    {
        const QScopedValueRollback restarting(m_scriptRestarting, true);
        m_script.reset();
    }
    m_startPending = false;
    m_finished = m_sessionFinished = false;
    m_error.clear();
    m_view.setTrace(&runtime().trace());
    m_view.setPrimarySource(m_script.active() ? m_script.fileName() : m_settings.sourceFile());
    Q_EMIT stateChanged();
}

RunController::~RunController()
{
    m_ticker.stop();
    m_session.runtime().cancelAll();
    m_script.run().reset();
}

bool RunController::stopFirst(AfterStop then)
{
    if (m_afterStop != AfterStop::Nothing) {
        m_afterStop = then; // already stopping: the latest request wins
        return true;
    }
    if (m_script.active() || !m_session.isRunning() ||
        m_session.runtime().runningTasks() <= quint32(AsyncStopTasks))
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
    dropRecording();
    const RunConfig config = m_settings.runConfig();
    m_finished = m_sessionFinished = false;
    if (m_script.active()) {
        m_view.setFacts({qint64(config.network.latencyMs * 1e6), false});
        {
            // The run replaced ends (finished()): that is not this run's end.
            const QScopedValueRollback restarting(m_scriptRestarting, true);
            m_error = m_script.start(config);
        }
        return started();
    }
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
    return started();
}

bool RunController::started()
{
    m_view.reset();
    poll();
    if (!m_ticker.isActive())
        m_ticker.start();
    Q_EMIT stateChanged();
    return m_error.isEmpty();
}

void RunController::togglePause()
{
    if (!running() || stopping())
        return;
    Runtime &rt = runtime();
    if (rt.isPaused())
        rt.resume();
    else
        rt.pause();
    Q_EMIT stateChanged();
}

void RunController::runOrPause()
{
    if (running())
        togglePause();
    else
        run();
}

void RunController::step()
{
    if (stopping())
        return;
    if (!running()) {
        if (!run())
            return;
        runtime().pause();
    } else {
        runtime().step();
    }
    poll();
    Q_EMIT stateChanged();
}

void RunController::reset()
{
    if (stopFirst(AfterStop::Reset))
        return;
    dropRecording();
    if (m_script.active()) {
        const QScopedValueRollback restarting(m_scriptRestarting, true);
        m_script.reset();
    } else {
        m_session.reset();
    }
    m_startPending = false;
    m_finished = m_sessionFinished = false;
    m_error.clear();
    m_view.reset();
    Q_EMIT stateChanged();
}

void RunController::showRecording(std::unique_ptr<Recording> recording)
{
    if (!recording || !recording->trace)
        return;
    if (m_script.active())
        m_script.setActive(false); // (switchMode: the script's run is cleared)
    m_afterStop = AfterStop::Nothing;
    m_startPending = false;
    m_session.reset();
    m_error.clear();
    const RunConfig *config = recording->config ? &*recording->config : nullptr;
    const Scenario *scenario = config ? findScenario(config->scenario) : nullptr;
    QString primary = scenario ? scenario->sourceFile : QString();
    if (primary.isEmpty() && !recording->sources.isEmpty())
        primary = recording->sources.firstKey();
    // The view reads the new trace before the old recording (if any) goes.
    m_view.setTrace(recording->trace.get());
    m_recording = std::move(recording);
    m_view.setPrimarySource(primary);
    m_view.setFacts({config ? qint64(config->network.latencyMs * 1e6) : 0,
                     scenario && scenario->blocksEventLoop, m_recording->isForeign()});
    m_finished = false;
    m_sessionFinished = true; // it ends once the view has read it all
    poll();
    if (!m_ticker.isActive() && !m_finished)
        m_ticker.start();
    Q_EMIT stateChanged();
}

void RunController::dropRecording()
{
    if (!m_recording)
        return;
    const std::unique_ptr<Recording> shown = std::move(m_recording); // goes once the view has left it
    m_view.setTrace(&runtime().trace());
    m_view.setPrimarySource(m_script.active() ? m_script.fileName() : m_settings.sourceFile());
}

QString RunController::cancelTask(int task)
{
    const QString text = cancelQuietly(task);
    Q_EMIT notice(text);
    return text;
}

QString RunController::cancelQuietly(int task)
{
    const Trace &trace = runtime().trace();
    if (task < 0 || quint32(task) >= trace.taskCount())
        return tr("Select a lane first, then press Delete to cancel its task.");
    const TaskId id = TaskId(task);
    const QString name = trace.taskName(id);
    if (!running() || stopping() || trace.task(id).outcome != TaskOutcome::Running)
        return tr("%1 has already finished: nothing to cancel.").arg(name);
    if (trace.task(id).parent == NoTask && !m_script.active()) {
        // The main task: the run stops, every task ends cancelled, the trace stays.
        if (m_session.runtime().runningTasks() > quint32(AsyncStopTasks))
            m_session.requestStop();
        else
            m_session.stop();
        poll();
        Q_EMIT stateChanged();
        return tr("%1 cancelled: the run stopped.").arg(name);
    }
    runtime().cancel(id);
    poll();
    return tr("%1 cancelled.").arg(name);
}

QString RunController::recordingDescription() const
{
    if (!m_recording)
        return {};
    const Trace &trace = *m_recording->trace;
    const qint64 span = trace.size() > 0 ? trace.at(trace.size() - 1).timeNs - trace.at(0).timeNs : 0;
    const QString name =
        escapeStyledText(m_recording->fileName.isEmpty() ? tr("Opened file") : m_recording->fileName);
    QString text;
    if (const std::optional<RunConfig> &config = m_recording->config) {
        const Scenario *scenario = findScenario(config->scenario);
        text = tr("<b>%1</b>  A recording of %2: %L3 tasks over %4. Scrub and step through it; Run starts "
                  "the chosen scenario live.")
                   .arg(name, escapeStyledText(scenario ? scenario->title : config->scenario))
                   .arg(trace.taskCount())
                   .arg(timemath::formatDuration(span));
    } else if (!m_recording->isForeign()) {
        text = tr("<b>%1</b>  A trace Awaitscope exported: %L2 tasks over %3 (no settings or source kept: "
                  "save a recording for those).")
                   .arg(name)
                   .arg(trace.taskCount())
                   .arg(timemath::formatDuration(span));
    } else {
        text =
            tr("<b>%1</b>  A trace from another program (%2): %L3 tracks (its threads and async ids) over %4 "
               "of its clock; the bars are its slices. It has no source code.")
                .arg(name, escapeStyledText(m_recording->format))
                .arg(trace.taskCount())
                .arg(timemath::formatDuration(span));
    }
    for (const QString &note : m_recording->notes) // (a loader's notes start in lower case)
        text += QLatin1Char(' ') + escapeStyledText(note.left(1).toUpper() + note.mid(1)) + QLatin1Char('.');
    return text;
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
    const qint64 now = running() ? runtime().now() : -1;
    m_view.update(PollBudgetNs, now);
    const bool caughtUp = m_view.index()->caughtUp() && m_view.playhead()->caughtUp();
    if (m_sessionFinished && caughtUp && !m_finished) {
        m_finished = true;
        m_view.setEnded(true);
        Q_EMIT stateChanged();
        Q_EMIT runFinished();
    }
    if (!running() && caughtUp)
        m_ticker.stop();
    Q_EMIT polled(wall.nsecsElapsed());
}

} // namespace awaitscope
