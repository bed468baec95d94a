#include "runtime.h"

#include "dispose.h"
#include "reserve.h"

#include <QEventLoop>
#include <QLoggingCategory>
#include <QMetaObject>
#include <QThread>
#include <optional>
#include <utility>

Q_LOGGING_CATEGORY(lcRuntime, "awaitscope.runtime")

namespace awaitscope {

// --- awaiters ------------------------------------------------------------------------------

void WaitAwaiter::onWake(void *ctx, WakeReason reason)
{
    auto *self = static_cast<WaitAwaiter *>(ctx);
    self->m_reason = reason;
    self->m_rt->endWait(self->m_task,
                        reason == WakeReason::Cancelled ? WaitResult::Cancelled : self->m_result);
    self->m_handle.resume();
}

void WaitAwaiter::suspendUntil(std::coroutine_handle<> h, qint64 dueNs)
{
    m_handle = h;
    m_task = m_rt->currentTask();
    m_ticket = m_rt->beginWait(m_task, m_site, dueNs, &WaitAwaiter::onWake, this);
}

void WaitAwaiter::suspendParked(std::coroutine_handle<> h, WakeFn fn)
{
    m_handle = h;
    m_task = m_rt->currentTask();
    m_ticket = m_rt->beginParkedWait(m_task, m_site, fn, static_cast<WaitAwaiter *>(this));
}

void SleepAwaiter::await_suspend(std::coroutine_handle<> h)
{
    suspendUntil(h, m_rt->now() + m_ns);
}

// --- runtime -------------------------------------------------------------------------------

struct Runtime::Callback {
    Runtime *rt;
    std::function<void()> fn;
    bool posted;
    WaitResult result;
};

Runtime::Runtime(QObject *parent)
    : QObject(parent)
    , m_scheduler(&m_clock)
{
    m_wall.start();
    // (First: a batch's hold is in the trace before the batch is flushed.)
    connect(&m_scheduler, &Scheduler::longDispatch, this, &Runtime::recordDispatchHold);
    connect(&m_scheduler, &Scheduler::batchFinished, this, &Runtime::recordBatchHold);
    connect(&m_scheduler, &Scheduler::batchFinished, &m_trace, &Trace::flush);
}

Runtime::~Runtime()
{
    // Unwind every coroutine while the scheduler and the trace still exist.
    cancelAll();
}

void Runtime::checkTask(TaskId task) const
{
    if (task == NoTask || task >= m_taskState.size())
        throw std::logic_error("awaited outside a task: start the coroutine with Runtime::spawn");
}

TaskId Runtime::beginTask(const TaskName &name)
{
    const TaskId parent = currentTask();
    const TaskId id = m_trace.addTask(parent, m_trace.intern(name.pattern), name.arg, now());
    m_taskState.emplace_back();
    ++m_running;
    return id;
}

void Runtime::endTask(TaskId task, TaskOutcome outcome, const QString &message)
{
    if (task >= m_taskState.size() || m_trace.task(task).outcome != TaskOutcome::Running)
        return;
    m_trace.finishTask(task, outcome, now(), message);
    m_taskState[task].ticket = {};
    if (--m_running == 0)
        Q_EMIT allTasksFinished();
}

void Runtime::completeJob(JobStateBase &state, TaskOutcome outcome, const QString &message)
{
    state.done = true;
    if (state.nestedLoop)
        state.nestedLoop->quit();
    for (const Ticket t : state.joiners)
        m_scheduler.wake(t, WakeReason::Due);
    state.joiners.clear();
    endTask(state.task, outcome, message);
}

void Runtime::cancel(TaskId task)
{
    if (task >= m_taskState.size() || m_trace.task(task).outcome != TaskOutcome::Running)
        return;
    // Structured: a cancelled task's running descendants are cancelled with it. A child always
    // has a larger id than its parent, so one pass in id order finds every descendant.
    std::vector<bool> doomed(m_trace.taskCount() - task, false);
    doomed[0] = true;
    for (TaskId t = task; t < m_trace.taskCount(); ++t) {
        const TaskInfo &info = m_trace.task(t);
        if (t != task && !(info.parent != NoTask && info.parent >= task && doomed[info.parent - task]))
            continue;
        doomed[t - task] = true;
        if (info.outcome != TaskOutcome::Running)
            continue;
        m_taskState[t].cancelRequested = true;
        m_scheduler.wake(m_taskState[t].ticket, WakeReason::Cancelled);
    }
}

void Runtime::requestCancelAll()
{
    resume();
    const bool started = m_cancelNext == NoTask;
    m_cancelNext = 0;
    if (started)
        requestCancelSlice(m_generation);
}

void Runtime::requestCancelSlice(quint64 generation)
{
    if (generation != m_generation || m_cancelNext == NoTask)
        return; // reset, or cancelled outright, since
    // Tasks spawned meanwhile (a cancelled task's clean-up) have larger ids: they are asked too.
    const quint32 end = std::min(m_cancelNext + CancelSlice, m_trace.taskCount());
    for (TaskId t = m_cancelNext; t < end; ++t) {
        if (m_trace.task(t).outcome != TaskOutcome::Running)
            continue;
        m_taskState[t].cancelRequested = true;
        m_scheduler.wake(m_taskState[t].ticket, WakeReason::Cancelled);
    }
    m_cancelNext = end;
    if (m_cancelNext < m_trace.taskCount()) {
        QMetaObject::invokeMethod(
            this, [this, generation] { requestCancelSlice(generation); }, Qt::QueuedConnection);
        return;
    }
    m_cancelNext = NoTask;
    Q_EMIT cancelRequestsSent();
}

void Runtime::cancelAll()
{
    m_cancelNext = NoTask;
    for (TaskState &s : m_taskState)
        s.cancelRequested = true;
    m_scheduler.cancelAll();
    // Whatever is left did not wait on the scheduler (a callback chain that lost its way, a
    // caller inside a nested loop): it is over too.
    for (TaskId t = 0; t < m_trace.taskCount(); ++t)
        endTask(t, TaskOutcome::Cancelled);
    m_trace.flush();
}

void Runtime::reserve(std::size_t tasks)
{
    reserveAhead(m_taskState, tasks);
    m_trace.reserveTasks(tasks);
    m_scheduler.reserve(tasks);
}

void Runtime::reset()
{
    cancelAll();
    ++m_generation;
    m_trace.clear();
    // A reset from inside a dispatch (a nested loop): the task on the stack is the old run's,
    // and no task of the new run descends from it.
    m_scheduler.setCurrentTask(NoTask);
    // Its capacity too (24 MB at a million tasks): a reset gives the run's memory back.
    disposeInBackground(m_taskState);
    m_running = 0;
    m_clock.reset();
}

void Runtime::setClockMode(ClockMode mode)
{
    m_clock.setMode(mode);
    m_scheduler.rearm();
}

double Runtime::setSpeed(double speed)
{
    const double set = m_clock.setSpeed(speed);
    m_scheduler.rearm();
    return set;
}

void Runtime::pause()
{
    m_clock.pause();
    m_scheduler.pause();
}

void Runtime::resume()
{
    m_clock.resume();
    m_scheduler.resume();
}

bool Runtime::step()
{
    if (!isPaused())
        pause();
    return m_scheduler.step();
}

SleepAwaiter Runtime::sleep(qint64 ns, const QString &label, std::source_location loc)
{
    return SleepAwaiter(this, site(label, loc), std::max<qint64>(ns, 0));
}

Ticket Runtime::beginWait(TaskId task, SiteId site, qint64 dueNs, WakeFn fn, void *ctx)
{
    checkTask(task);
    const qint64 t = now();
    m_trace.append(t, task, EventKind::Suspend, site);
    TaskState &state = m_taskState[task];
    // An await in a task that is being cancelled ends at once, with the cancellation.
    const Ticket ticket = state.cancelRequested
        ? m_scheduler.schedule(t, task, fn, ctx, WakeReason::Cancelled)
        : m_scheduler.schedule(std::max(dueNs, t), task, fn, ctx);
    state.ticket = ticket;
    return ticket;
}

Ticket Runtime::beginParkedWait(TaskId task, SiteId site, WakeFn fn, void *ctx)
{
    checkTask(task);
    m_trace.append(now(), task, EventKind::Suspend, site);
    TaskState &state = m_taskState[task];
    const Ticket ticket = m_scheduler.park(task, fn, ctx);
    if (state.cancelRequested)
        m_scheduler.wake(ticket, WakeReason::Cancelled);
    state.ticket = ticket;
    return ticket;
}

void Runtime::endWait(TaskId task, WaitResult result)
{
    m_trace.append(now(), task, EventKind::Resume, quint32(result));
    m_taskState[task].ticket = {};
}

void Runtime::beginNestedWait(TaskId task, SiteId site)
{
    m_trace.append(now(), task, EventKind::Suspend, site);
}

bool Runtime::endNestedWait(TaskId task, quint64 generation)
{
    if (generation != m_generation)
        return false; // the run was reset while this caller sat in its nested loop
    m_trace.append(now(), task, EventKind::Resume, 0);
    m_trace.flush();
    return true;
}

void Runtime::onCallbackWake(void *ctx, WakeReason reason)
{
    std::unique_ptr<Callback> cb(static_cast<Callback *>(ctx));
    Runtime *rt = cb->rt;
    const TaskId task = rt->currentTask();
    rt->endWait(task, reason == WakeReason::Cancelled ? WaitResult::Cancelled : cb->result);
    if (reason == WakeReason::Cancelled) {
        rt->endTask(task, TaskOutcome::Cancelled);
        return;
    }
    if (!cb->posted) {
        try {
            cb->fn();
        } catch (const TaskCancelled &) {
            rt->endTask(task, TaskOutcome::Cancelled);
        } catch (const std::exception &e) {
            rt->endTask(task, TaskOutcome::Error, QString::fromUtf8(e.what()));
        } catch (...) {
            rt->endTask(task, TaskOutcome::Error, QStringLiteral("unknown exception"));
        }
        return;
    }
    // Out of the batch first: the function may run a nested event loop. Virtual time holds
    // still until it ran.
    rt->m_scheduler.hold();
    const quint64 gen = rt->m_generation;
    QMetaObject::invokeMethod(
        rt,
        [rt, gen, task, fn = std::move(cb->fn)]() {
            rt->m_scheduler.release();
            if (gen != rt->m_generation)
                return;
            CurrentTaskScope scope(&rt->m_scheduler, task);
            std::optional<HoldScope> hold(std::in_place, rt, task);
            try {
                fn();
            } catch (const TaskCancelled &) {
                if (gen == rt->m_generation)
                    rt->endTask(task, TaskOutcome::Cancelled);
            } catch (const std::exception &e) {
                if (gen == rt->m_generation)
                    rt->endTask(task, TaskOutcome::Error, QString::fromUtf8(e.what()));
            }
            hold.reset(); // recorded before the trace is flushed
            if (gen == rt->m_generation)
                rt->m_trace.flush();
        },
        Qt::QueuedConnection);
}

void Runtime::callAt(qint64 dueNs, SiteId site, std::function<void()> fn, WaitResult result)
{
    auto cb = std::make_unique<Callback>(Callback{this, std::move(fn), false, result});
    beginWait(currentTask(), site, dueNs, &Runtime::onCallbackWake, cb.get());
    cb.release(); // owned by the wait now: onCallbackWake deletes it
}

void Runtime::postAt(qint64 dueNs, SiteId site, std::function<void()> fn)
{
    auto cb = std::make_unique<Callback>(Callback{this, std::move(fn), true, WaitResult::Ok});
    beginWait(currentTask(), site, dueNs, &Runtime::onCallbackWake, cb.get());
    cb.release(); // owned by the wait now: onCallbackWake deletes it
}

TaskId Runtime::spawnSync(const TaskName &name, qint64 delayNs, std::function<void()> fn,
                          std::source_location loc)
{
    const TaskId task = beginTask(name);
    CurrentTaskScope scope(&m_scheduler, task);
    postAt(now() + std::max<qint64>(delayNs, 0), site(QStringLiteral("posted event"), loc),
           [this, task, fn = std::move(fn)]() {
               fn();
               endTask(task, TaskOutcome::Ok);
           });
    return task;
}

void Runtime::recordHold(TaskId task, qint64 wallNs)
{
    if (m_scheduler.isDispatching())
        m_heldInBatchNs += wallNs; // (not counted twice by the batch's own hold)
    if (wallNs < HoldThresholdNs || task >= m_taskState.size())
        return;
    m_trace.append(now(), task, EventKind::Hold, quint32(std::min(wallNs, MaxHoldNs) / 1000));
}

void Runtime::recordDispatchHold(TaskId task, qint64 wallNs)
{
    // (Out of the wake-up: recordHold does not count this one as held inside the batch.)
    const qint64 held = wallNs - std::exchange(m_heldInBatchNs, 0);
    m_accountedInBatchNs += wallNs;
    if (task != NoTask)
        recordHold(task, held);
}

void Runtime::recordBatchHold()
{
    const qint64 held = m_scheduler.lastBatchNs() - std::exchange(m_heldInBatchNs, 0) -
        std::exchange(m_accountedInBatchNs, 0);
    const TaskId task = m_scheduler.lastBatchTask();
    if (task != NoTask)
        recordHold(task, held);
}

void Runtime::blockFor(qint64 ns)
{
    if (ns <= 0)
        return;
    if (m_clock.mode() == ClockMode::Virtual || m_clock.isPaused()) {
        m_clock.advanceTo(m_clock.now() + ns);
        return;
    }
    // The deliberate exception to "never block the loop": this is what the blocking scenario
    // shows. The thread really sleeps, scaled by the speed factor.
    QThread::usleep(static_cast<unsigned long>(double(ns) / m_clock.speed() / 1000.0));
    m_clock.relatch(); // inside a batch, time moved on while the thread slept
}

} // namespace awaitscope
