// Python.h first, before any standard or Qt header, as Python asks.
// clang-format off
#define PY_SSIZE_T_CLEAN
#include <Python.h>
// clang-format on

#include "scriptrun.h"

#include "pythoninterpreter.h"
#include "scriptwatchdog.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QThread>
#include <QTimer>

namespace awaitscope {

namespace {
ScriptRun *s_active = nullptr;
constexpr int IdleCheckMs = 50;
} // namespace

/// One handle waiting on the scheduler (owns a reference to it).
struct ScriptRun::Pending {
    ScriptRun *run;
    PyObject *handle;
    TaskId task;
    quint64 generation;
};

// --- interruption (watchdog thread -> GUI thread) --------------------------------------------

static void fireWatchdog(quint64 epoch)
{
    // On the watchdog's thread. Asking for the GIL makes the GUI thread give it up at its next
    // bytecode (Py_AddPendingCall would not: Python 3.11 only wakes the main thread for it when
    // called from the main thread). With the GIL, the run cannot change under us.
    const PyGILState_STATE gil = PyGILState_Ensure();
    ScriptRun *run = ScriptRun::active();
    if (run && run->isHoldCurrent(epoch)) {
        PyThreadState_SetAsyncExc(PythonInterpreter::instance().mainThreadId(),
                                  PythonInterpreter::instance().loopHeldType());
    }
    PyGILState_Release(gil);
}

// --- the run ---------------------------------------------------------------------------------

ScriptRun::ScriptRun(QObject *parent)
    : QObject(parent)
    , m_network(&m_runtime)
    , m_watchdog(std::make_unique<ScriptWatchdog>(&fireWatchdog, DefaultHoldLimitMs))
{
}

ScriptRun::~ScriptRun()
{
    if (m_executing)
        qWarning(
            "awaitscope: a ScriptRun destroyed while its script runs: stop() it and wait for finished()");
    if (m_running)
        stopNow(ScriptResult::Status::Stopped, QStringLiteral("stopped"));
    ++m_generation;
    m_runtime.cancelAll();
    dropPython();
    if (s_active == this)
        s_active = nullptr;
    // The watchdog may be waiting for the GIL: let it have it while its thread ends. (A run
    // that never started a script may be destroyed before Python was ever initialised: no GIL.)
    if (!Py_IsInitialized() || !PyGILState_Check()) {
        m_watchdog.reset();
        return;
    }
    Py_BEGIN_ALLOW_THREADS m_watchdog.reset();
    Py_END_ALLOW_THREADS
}

ScriptRun *ScriptRun::active() noexcept
{
    return s_active;
}

bool ScriptRun::isHoldCurrent(quint64 epoch) const noexcept
{
    return m_watchdog->isCurrent(epoch);
}

QString ScriptRun::start(const RunConfig &config, const QString &source, const QString &fileName)
{
    if (const QString error = config.network.validate(); !error.isEmpty())
        return error;
    if (config.speed < SimClock::MinSpeed || config.speed > SimClock::MaxSpeed)
        return QStringLiteral("speed must be between %1 and %2")
            .arg(SimClock::MinSpeed)
            .arg(SimClock::MaxSpeed);
    if (const QString error = PythonInterpreter::instance().error(); !error.isEmpty())
        return error;
    if (m_running)
        stopNow(ScriptResult::Status::Stopped, QStringLiteral("restarted"));
    ++m_generation;
    m_runtime.setClockMode(config.clock);
    m_runtime.setSpeed(config.speed);
    m_runtime.reset();
    dropPython();
    m_config = config;
    m_source = source;
    m_fileName = fileName.isEmpty() ? QStringLiteral("script.py") : fileName;
    m_output.clear();
    m_result = {};
    m_aborted = false;
    m_stopRequested = false;
    m_stopRaised = false;
    m_loopStopping = false;
    m_network = SimNetwork(&m_runtime, config.seed);
    m_network.setDefaults(config.network);
    m_watchdog->setLimitMs(m_holdLimitMs);

    m_running = true;
    Q_EMIT started();
    m_recorder.beginScript(m_fileName.section(QLatin1Char('/'), -1));
    m_runtime.trace().flush();
    const quint64 generation = m_generation;
    QMetaObject::invokeMethod(
        this, [this, generation] { execScript(generation); }, Qt::QueuedConnection);
    return {};
}

void ScriptRun::execScript(quint64 generation)
{
    if (generation != m_generation)
        return;
    if (s_active) {
        // An earlier run's script is still unwinding below us: try again once it returned.
        QTimer::singleShot(1, this, [this, generation] { execScript(generation); });
        return;
    }
    PythonInterpreter &python = PythonInterpreter::instance();
    s_active = this;
    m_executing = true;
    m_execGeneration = generation;
    ScriptResult result;
    {
        const CurrentTaskScope scope(&m_runtime.scheduler(), m_recorder.scriptTask());
        m_watchdog->setActive(true);
        m_watchdog->enter();
        result = python.runScript(m_source, m_fileName);
        m_watchdog->leave();
        m_watchdog->setActive(false);
    }
    m_executing = false;
    s_active = nullptr;
    if (generation != m_generation)
        return; // reset or restarted while it ran: that run's end is not this one's
    if ((m_aborted || m_stopRequested) && m_result.status != ScriptResult::Status::Running) {
        // Stopped from outside, or found waiting forever: keep that explanation, but a traceback
        // of where the script was is worth more.
        if (result.status == ScriptResult::Status::Error)
            m_result.message += QLatin1Char('\n') + result.message;
    } else {
        m_result = result;
    }
    m_aborted = true; // the script returned: nothing of it may run any more
    const TaskOutcome outcome = m_result.status == ScriptResult::Status::Ok         ? TaskOutcome::Ok
        : m_result.status == ScriptResult::Status::Stopped                          ? TaskOutcome::Cancelled
        : (m_result.status == ScriptResult::Status::Exit && m_result.exitCode == 0) ? TaskOutcome::Ok
                                                                                    : TaskOutcome::Error;
    QString message = m_result.message.trimmed().section(QLatin1Char('\n'), -1);
    m_recorder.closeOpenWaits();
    m_runtime.endTask(m_recorder.scriptTask(), outcome, message);
    endRun();
}

void ScriptRun::endRun()
{
    // Whatever the script left behind (tasks of a loop it never closed, timers) ends here; a task
    // still suspended resumes as cancelled, as C++ tasks do.
    m_recorder.closeOpenWaits();
    m_runtime.cancelAll();
    dropPython();
    m_runtime.trace().flush();
    if (!m_running)
        return;
    m_running = false;
    Q_EMIT finished();
}

void ScriptRun::dropPython()
{
    if (m_loopStopping)
        m_runtime.scheduler().release();
    m_loopStopping = false;
    for (Pending *p : m_deferred) {
        Py_DECREF(p->handle);
        delete p;
    }
    m_deferred.clear();
    m_dispatcher.clear();
    Py_XDECREF(m_pendingError.type);
    Py_XDECREF(m_pendingError.value);
    Py_XDECREF(m_pendingError.tb);
    m_pendingError = {};
}

void ScriptRun::abort(ScriptResult::Status status, const QString &message)
{
    if (m_aborted)
        return;
    m_aborted = true;
    m_result.status = status;
    m_result.message = message;
    for (QEventLoop *loop : m_loops)
        loop->exit(1);
}

void ScriptRun::stop(const QString &why)
{
    if (!m_running)
        return;
    if (m_executing && !m_aborted && !m_stopRequested)
        requestScriptStop(ScriptResult::Status::Stopped, why);
    else
        stopNow(ScriptResult::Status::Stopped, m_stopRequested ? m_result.message : why);
}

void ScriptRun::requestScriptStop(ScriptResult::Status status, const QString &why)
{
    // As CPython on Ctrl-C: ScriptStopped is raised where the script runs its loop, and
    // asyncio.run cancels every task and lets them unwind (their except and finally blocks
    // run, recorded as cancellations), in bounded time.
    m_stopRequested = true;
    m_result.status = status;
    m_result.message = why;
    if (!m_loops.empty())
        m_loops.back()->exit(0);
    const quint64 generation = m_generation;
    QTimer::singleShot(UnwindLimitMs, this, [this, generation] {
        if (generation == m_generation && m_executing && !m_aborted)
            stopNow(m_result.status,
                    m_result.message +
                        QStringLiteral(" (its tasks did not unwind within %1 s)").arg(UnwindLimitMs / 1000));
    });
}

void ScriptRun::stopNow(ScriptResult::Status status, const QString &why)
{
    abort(status, why);
    m_recorder.closeOpenWaits();
    m_runtime.cancelAll(); // every waiting handle is dropped
    if (!m_executing)
        endRun(); // (else the script unwinds first: execScript ends the run)
}

void ScriptRun::reset()
{
    if (m_running)
        stopNow(ScriptResult::Status::Stopped, QStringLiteral("reset"));
    ++m_generation;
    m_running = false;
    m_runtime.reset();
    m_output.clear();
    m_result = {};
}

// --- for the loop ----------------------------------------------------------------------------

quint64 ScriptRun::schedule(qint64 dueNs, PyObject *handle)
{
    if (stale())
        return 0;
    Py_INCREF(handle);
    auto *p = new Pending{this, handle, m_runtime.currentTask(), m_generation};
    const qint64 due = dueNs < 0 ? m_runtime.now() : dueNs;
    const Ticket t = m_runtime.scheduler().schedule(due, p->task, &ScriptRun::onWake, p);
    return (quint64(t.gen) << 32) | t.slot;
}

void ScriptRun::unschedule(quint64 ticket)
{
    if (stale())
        return;
    // Woken now as cancelled: the wait leaves the heap, so the virtual clock never jumps to it.
    m_runtime.scheduler().wake(Ticket{quint32(ticket & 0xffffffffu), quint32(ticket >> 32)},
                               WakeReason::Cancelled);
}

void ScriptRun::onWake(void *ctx, WakeReason reason)
{
    auto *p = static_cast<Pending *>(ctx);
    ScriptRun *run = p->run;
    if (reason == WakeReason::Cancelled || run->stale() || p->generation != run->m_generation ||
        !run->m_executing) {
        Py_DECREF(p->handle);
        delete p;
        return;
    }
    if (run->m_loopStopping) {
        run->m_deferred.push_back(p); // as asyncio: what is due after stop() runs next time
        return;
    }
    run->m_recorder.setStepping(p->task);
    QElapsedTimer wall;
    wall.start();
    run->m_watchdog->enter();
    const bool ok = run->m_dispatcher.dispatch(*run, p->handle);
    run->m_watchdog->leave();
    const qint64 heldNs = wall.nsecsElapsed();
    Py_DECREF(p->handle);
    delete p;
    if (!ok && !run->m_pendingError) {
        // SystemExit, KeyboardInterrupt (LoopHeld) escape a task's step as in CPython: out of
        // run_forever, into the script. Keep the exception for spin() to raise.
        PyObject *type = nullptr, *value = nullptr, *tb = nullptr;
        PyErr_Fetch(&type, &value, &tb);
        run->m_pendingError = {type, value, tb};
        for (QEventLoop *loop : run->m_loops)
            loop->exit(0);
    } else if (!ok) {
        PyErr_Clear();
    }
    if (!run->stale() && run->m_recorder.stepping() != NoTask)
        run->m_runtime.recordHold(run->m_recorder.stepping(), heldNs);
    run->m_recorder.setStepping(NoTask);
}

bool ScriptRun::spin(bool stopAlready, const QString &label, const QByteArray &file, quint32 line)
{
    const auto raise = [this] {
        if (m_pendingError) {
            PyErr_Restore(m_pendingError.type, m_pendingError.value, m_pendingError.tb);
            m_pendingError = {};
        } else {
            PyErr_SetString(PythonInterpreter::instance().scriptStoppedType(),
                            m_execGeneration == m_generation ? m_result.message.toUtf8().constData()
                                                             : "the run was reset or restarted");
        }
        return false;
    };
    if (stale())
        return raise();
    if (m_stopRequested && !m_stopRaised) {
        m_stopRaised = true;
        return raise();
    }
    // What became due after the last stop() runs first, then the clock may move on again.
    std::vector<Pending *> deferred;
    deferred.swap(m_deferred);
    for (Pending *p : deferred)
        m_runtime.scheduler().schedule(m_runtime.now(), p->task, &ScriptRun::onWake, p);
    if (m_loopStopping) {
        m_loopStopping = false;
        m_runtime.scheduler().release();
    }
    if (stopAlready) {
        // loop.stop() before run_forever(): one turn, as asyncio does.
        m_loopStopping = true;
        m_runtime.scheduler().hold();
    }

    QEventLoop loop;
    QTimer idle;
    idle.setInterval(IdleCheckMs);
    connect(&idle, &QTimer::timeout, &loop, [this] {
        Scheduler &s = m_runtime.scheduler();
        if (stale())
            return; // a replaced run's loop on its way out: not the new run's deadlock
        if (m_loopStopping || s.isPaused() || s.pending() > 0 || s.hasReadyWork() || !m_deferred.empty())
            return;
        const QString why = QStringLiteral("the script waits for something that will never happen: nothing "
                                           "is scheduled and the loop it runs (asyncio.run) is not done");
        if (m_stopRequested)
            stopNow(ScriptResult::Status::Deadlock, m_result.message); // (unwinding got stuck too)
        else
            requestScriptStop(ScriptResult::Status::Deadlock, why);
    });
    idle.start();
    m_loops.push_back(&loop);
    const TaskId caller = m_runtime.currentTask();
    const quint64 generation = m_generation;
    suspendTask(caller, site(label, file, line, SiteKind::Join));
    m_watchdog->leave();
    if (!stopAlready)
        loop.exec(); // the scheduler's timer runs the handles
    else
        loop.processEvents(QEventLoop::AllEvents);
    m_watchdog->enter();
    m_loops.pop_back();
    if (generation == m_generation && !stale())
        resumeTask(caller, WaitResult::Ok);
    m_recorder.setStepping(NoTask);
    if (stale() || m_pendingError)
        return raise();
    if (m_stopRequested && !m_stopRaised) {
        m_stopRaised = true;
        return raise();
    }
    return true;
}

void ScriptRun::requestLoopStop()
{
    if (stale() || m_loopStopping)
        return;
    // Nothing due after this runs before the loop runs again, and the virtual clock waits.
    m_loopStopping = true;
    m_runtime.scheduler().hold();
    if (!m_loops.empty())
        m_loops.back()->exit(0);
}

void ScriptRun::write(int fd, const QString &text)
{
    if (text.isEmpty() || m_execGeneration != m_generation)
        return; // (a replaced run's script unwinding: its output is not this run's)
    m_output += text;
    Q_EMIT outputWritten(text, fd);
}

bool ScriptRun::blockSleep(double seconds, const QString &label, const QByteArray &file, quint32 line)
{
    const qint64 ns = qint64(seconds * 1e9);
    const TaskId task = m_runtime.currentTask();
    const bool record = !stale() && m_recorder.knows(task);
    Trace &trace = m_runtime.trace();
    const SiteId site = trace.site(label, file.constData(), line, SiteKind::Blocking);
    if (record)
        trace.append(m_runtime.now(), task, EventKind::BlockBegin, site);
    bool interrupted = false;
    SimClock &clock = m_runtime.clock();
    if (clock.mode() == ClockMode::Virtual || clock.isPaused()) {
        clock.advanceTo(clock.now() + ns);
    } else {
        // Really held, scaled by the speed; in slices, so the watchdog can end it.
        QElapsedTimer wall;
        wall.start();
        const qint64 wallNs = qint64(double(ns) / clock.speed());
        while (wall.nsecsElapsed() < wallNs) {
            if (m_watchdog->hasFired()) {
                interrupted = true;
                break;
            }
            const qint64 left = wallNs - wall.nsecsElapsed();
            QThread::usleep(static_cast<unsigned long>(std::clamp<qint64>(left / 1000, 1, 20'000)));
        }
        clock.relatch();
    }
    if (record)
        trace.append(m_runtime.now(), task, EventKind::BlockEnd, site);
    if (interrupted) {
        // Handled here: a new busy period, so the watchdog's own interruption of the old one
        // (it may still be waiting for the GIL) does not land a second time, inside the
        // script's or the runner's handler of this one (seen under load: an Error, not HeldLoop).
        m_watchdog->enter();
        PyErr_Format(
            PythonInterpreter::instance().loopHeldType(),
            "the script held the event loop for more than %.1f s (the hold limit) and was interrupted",
            double(m_holdLimitMs) / 1000.0);
        return false;
    }
    return true;
}

} // namespace awaitscope
