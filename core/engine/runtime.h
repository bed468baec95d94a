#pragma once

#include "clock.h"
#include "errors.h"
#include "scheduler.h"
#include "trace.h"

#include <QCoroTask>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QObject>
#include <coroutine>
#include <exception>
#include <functional>
#include <memory>
#include <optional>
#include <source_location>
#include <vector>

namespace awaitscope {

class Runtime;

/// A task's name: a pattern with an optional %1 argument ("fetch_user(%1)", 3). Stored as the
/// interned pattern plus the number, so a million tasks do not cost a million strings.
struct TaskName {
    TaskName(const char *pattern)
        : pattern(QString::fromUtf8(pattern))
    {
    }
    TaskName(QString pattern, qint32 arg = -1)
        : pattern(std::move(pattern))
        , arg(arg)
    {
    }
    QString pattern;
    qint32 arg = -1;
};

/// Base of every awaiter that waits on the scheduler: records the suspend and the resume in the
/// trace, and turns a cancellation into TaskCancelled. Constructors are user-declared on purpose
/// (g++ 12 destroys members of brace-initialised aggregate awaiters twice).
class WaitAwaiter {
public:
    WaitAwaiter(Runtime *rt, SiteId site) noexcept
        : m_rt(rt)
        , m_site(site)
    {
    }
    bool await_ready() const noexcept { return false; }

protected:
    static void onWake(void *ctx, WakeReason reason);
    void suspendUntil(std::coroutine_handle<> h, qint64 dueNs);
    void suspendParked(std::coroutine_handle<> h, WakeFn fn = &WaitAwaiter::onWake);
    void throwIfCancelled() const
    {
        if (m_reason == WakeReason::Cancelled)
            throw TaskCancelled();
    }

    Runtime *m_rt;
    SiteId m_site;
    TaskId m_task = NoTask;
    Ticket m_ticket;
    std::coroutine_handle<> m_handle;
    WakeReason m_reason = WakeReason::Due;
    WaitResult m_result = WaitResult::Ok; // what the wait will end with if not cancelled
};

/// `co_await rt.sleep(ns)`: resumes after ns of simulated time (0: after everything already due).
class SleepAwaiter : public WaitAwaiter {
public:
    SleepAwaiter(Runtime *rt, SiteId site, qint64 ns) noexcept
        : WaitAwaiter(rt, site)
        , m_ns(ns)
    {
    }
    void await_suspend(std::coroutine_handle<> h);
    void await_resume() const { throwIfCancelled(); }

private:
    qint64 m_ns;
};

struct JobStateBase {
    Runtime *rt = nullptr;
    TaskId task = NoTask;
    bool done = false;
    bool cancelled = false;
    std::exception_ptr error;
    std::vector<Ticket> joiners;
    QEventLoop *nestedLoop = nullptr;
};

template<typename T>
struct JobState : JobStateBase {
    std::optional<T> value;
};
template<>
struct JobState<void> : JobStateBase {
};

template<typename T>
class JoinAwaiter : public WaitAwaiter {
public:
    JoinAwaiter(Runtime *rt, SiteId site, std::shared_ptr<JobState<T>> state) noexcept
        : WaitAwaiter(rt, site)
        , m_state(std::move(state))
    {
    }
    bool await_ready() const noexcept { return m_state->done; }
    void await_suspend(std::coroutine_handle<> h)
    {
        suspendParked(h, &JoinAwaiter::onJoinWake);
        m_state->joiners.push_back(m_ticket);
    }
    T await_resume() const
    {
        throwIfCancelled();
        if (m_state->cancelled)
            throw TaskCancelled();
        if (m_state->error)
            std::rethrow_exception(m_state->error);
        if constexpr (!std::is_void_v<T>)
            return *m_state->value;
    }

private:
    /// The joined task was cancelled: the join ends with the cancellation arriving (drawn as
    /// such on the joiner's lane), then rethrows it.
    static void onJoinWake(void *ctx, WakeReason reason)
    {
        auto *self = static_cast<JoinAwaiter *>(static_cast<WaitAwaiter *>(ctx));
        if (self->m_state->cancelled)
            self->m_result = WaitResult::Cancelled;
        onWake(ctx, reason);
    }

    std::shared_ptr<JobState<T>> m_state;
};

/// A spawned task: `co_await job.join()` waits for it (like awaiting an asyncio Task) and
/// returns its result or rethrows its error.
template<typename T>
class Job {
public:
    Job() = default;
    explicit Job(std::shared_ptr<JobState<T>> state)
        : m_state(std::move(state))
    {
    }
    TaskId id() const noexcept { return m_state ? m_state->task : NoTask; }
    bool isDone() const noexcept { return m_state && m_state->done; }
    JoinAwaiter<T> join(std::source_location loc = std::source_location::current()) const;
    const std::shared_ptr<JobState<T>> &state() const noexcept { return m_state; }

private:
    std::shared_ptr<JobState<T>> m_state;
};

/**
 * A run: the clock, the scheduler, the trace and the tasks. It owns every task it spawns:
 * cancelAll() (stop) and reset() make every suspended coroutine resume with TaskCancelled and
 * unwind, synchronously, so nothing dangles and nothing leaks. A job that throws never takes the
 * application down: its error is recorded as the task's outcome.
 */
class Runtime : public QObject {
    Q_OBJECT
public:
    explicit Runtime(QObject *parent = nullptr);
    ~Runtime() override;

    SimClock &clock() noexcept { return m_clock; }
    Scheduler &scheduler() noexcept { return m_scheduler; }
    Trace &trace() noexcept { return m_trace; }
    const Trace &trace() const noexcept { return m_trace; }
    qint64 now() const noexcept { return m_clock.now(); }
    TaskId currentTask() const noexcept { return m_scheduler.currentTask(); }
    /// Incremented by reset(): code that outlived a run checks it before touching the runtime.
    quint64 generation() const noexcept { return m_generation; }

    // Tasks -----------------------------------------------------------------------------------
    /// Starts fn(args...) as a new task, a child of the current one, and runs it to its first
    /// suspension. fn must return QCoro::Task<T>. Pass state by value or by reference to objects
    /// that outlive the run (coroutine lambdas with captures are not safe with g++ 12).
    template<typename F, typename... Args>
    auto spawn(const TaskName &name, F fn, Args... args);

    /// A task driven by hand (callback code): it ends when endTask() is called.
    /// Room for this many tasks (and as many waits) without reallocating: a run that knows its
    /// size says so before it starts, and its growth never stalls the event loop.
    void reserve(std::size_t tasks);

    TaskId beginTask(const TaskName &name);
    void endTask(TaskId task, TaskOutcome outcome, const QString &message = {});
    quint32 runningTasks() const noexcept { return m_running; }
    bool isCancelRequested(TaskId task) const noexcept
    {
        return task < m_taskState.size() && m_taskState[task].cancelRequested;
    }
    /// Cancels a task and its running descendants: each resumes from its await with
    /// TaskCancelled (at the current time, through the scheduler).
    void cancel(TaskId task);
    /// Stop: cancels everything synchronously; afterwards no task is running. Each suspended
    /// coroutine resumes with TaskCancelled and unwinds before this returns (about 1.5 us a
    /// task: 1.5 s for a million).
    void cancelAll();
    /// Asks every running task to end, without unwinding any here: each wait ends with
    /// TaskCancelled and the scheduler resumes them in its usual bounded batches, so the event
    /// loop stays free while a million tasks unwind. The requests themselves go out in slices
    /// of CancelSlice tasks, one slice per turn of the event loop (a million at once took
    /// 55-120 ms). Resumes a paused runtime (else nothing would unwind). Tasks not waiting on
    /// the scheduler are left to cancelAll().
    void requestCancelAll();
    /// True while requestCancelAll() still has tasks to ask.
    bool isRequestingCancel() const noexcept { return m_cancelNext != NoTask; }
    static constexpr quint32 CancelSlice = 20'000;
    /// Stop, then forget the trace and restart the clock.
    void reset();

    // Pacing ----------------------------------------------------------------------------------
    void setClockMode(ClockMode mode);
    /// Clamped to [SimClock::MinSpeed, SimClock::MaxSpeed]; returns the speed set.
    double setSpeed(double speed);
    void pause();
    void resume();
    bool isPaused() const noexcept { return m_scheduler.isPaused(); }
    /// Runs exactly the next event (pausing first if running). False if nothing is waiting.
    bool step();

    // Waits -----------------------------------------------------------------------------------
    SleepAwaiter sleep(qint64 ns, const QString &label = QStringLiteral("sleep"),
                       std::source_location loc = std::source_location::current());
    /// A timed wait at a site interned beforehand (the cheapest await: no string work).
    SleepAwaiter sleepAt(SiteId site, qint64 ns) noexcept
    {
        return SleepAwaiter(this, site, std::max<qint64>(ns, 0));
    }
    /// Interns a site for a label at a source location.
    SiteId site(const QString &label, const std::source_location &loc, SiteKind kind = SiteKind::Wait)
    {
        return m_trace.site(label, loc.file_name(), loc.line(), kind);
    }

    /// Calls fn at simulated time dueNs as the current task (a timer callback). If the task is
    /// cancelled first, fn is dropped and the task ends as cancelled.
    void callAt(qint64 dueNs, SiteId site, std::function<void()> fn, WaitResult result = WaitResult::Ok);
    /// Like callAt, but fn runs from a posted event outside the scheduler's batch, so it may run
    /// a nested event loop (blockOn). Simulated time does not jump ahead until it ran.
    void postAt(qint64 dueNs, SiteId site, std::function<void()> fn);

    /// Starts fn as a new task of plain synchronous code, delayNs from now, from a posted event
    /// (like a button handler). The task ends when fn returns (ok) or throws (error).
    TaskId spawnSync(const TaskName &name, qint64 delayNs, std::function<void()> fn,
                     std::source_location loc = std::source_location::current());

    /// A synchronous section that holds the event loop (the deliberate exception): recorded as a
    /// blocked section of the current task.
    template<typename F>
    auto blocking(const QString &label, F &&fn, std::source_location loc = std::source_location::current());
    /// Records that the current task held the event loop for wallNs of wall time (ignored below
    /// HoldThresholdNs). Blocking sections and posted callbacks measure themselves; code that
    /// runs user callbacks by other means (a script's event loop) reports its own.
    void recordHold(TaskId task, qint64 wallNs);
    // The scheduler's own holds are recorded too (never twice: the holds recorded inside a
    // wake-up or a batch are taken off it): a wake-up that keeps the loop over a frame goes on
    // its task's lane when it ends; a batch of short wake-ups that does, on its last task's.

    /// A synchronous wait inside a blocking section: sleeps the thread for ns of simulated time
    /// (real clock) or moves the clock on (virtual clock). Nothing else runs meanwhile.
    void blockFor(qint64 ns);

    /// Waits for a job from synchronous code by running a nested event loop (what QCoro::waitFor
    /// does). Recorded as a wait of the current task. Must not be called while a coroutine is
    /// being resumed (use postAt to get out of the batch first).
    template<typename T>
    T blockOn(const Job<T> &job, std::source_location loc = std::source_location::current());

    // For awaiters ----------------------------------------------------------------------------
    Ticket beginWait(TaskId task, SiteId site, qint64 dueNs, WakeFn fn, void *ctx);
    Ticket beginParkedWait(TaskId task, SiteId site, WakeFn fn, void *ctx);
    void endWait(TaskId task, WaitResult result);
    void completeJob(JobStateBase &state, TaskOutcome outcome, const QString &message);

Q_SIGNALS:
    /// The last running task ended (the run is over).
    void allTasksFinished();
    /// requestCancelAll() has asked every task.
    void cancelRequestsSent();

private:
    struct TaskState {
        Ticket ticket;
        bool cancelRequested = false;
    };
    struct Callback;
    static void onCallbackWake(void *ctx, WakeReason reason);
    void checkTask(TaskId task) const;
    void beginNestedWait(TaskId task, SiteId site);
    bool endNestedWait(TaskId task, quint64 generation);

    SimClock m_clock;
    Scheduler m_scheduler;
    Trace m_trace;
    std::vector<TaskState> m_taskState;
    quint32 m_running = 0;
    quint64 m_generation = 0;
    TaskId m_cancelNext = NoTask; // the next task requestCancelAll() asks, or none

    /// Measures how long synchronous code held the event loop (a blocking section, a posted
    /// callback), less the time it spent spinning nested loops (which serve the loop), and
    /// records a Hold. Scopes nest: only the outermost one records.
    class HoldScope {
    public:
        HoldScope(Runtime *rt, TaskId task)
            : m_rt(rt)
            , m_task(task)
            , m_start(rt->m_wall.nsecsElapsed())
            , m_nestedAtStart(rt->m_nestedWallNs)
            , m_outer(rt->m_holdDepth++ == 0)
        {
        }
        ~HoldScope()
        {
            --m_rt->m_holdDepth;
            if (m_outer)
                m_rt->recordHold(
                    m_task, m_rt->m_wall.nsecsElapsed() - m_start - (m_rt->m_nestedWallNs - m_nestedAtStart));
        }
        HoldScope(const HoldScope &) = delete;
        HoldScope &operator=(const HoldScope &) = delete;

    private:
        Runtime *m_rt;
        TaskId m_task;
        qint64 m_start;
        qint64 m_nestedAtStart;
        bool m_outer;
    };
    QElapsedTimer m_wall; // started once: the time base of holds
    qint64 m_nestedWallNs = 0; // wall time spent spinning nested loops, ever
    int m_holdDepth = 0;
    void requestCancelSlice(quint64 generation);
    void recordBatchHold();
    void recordDispatchHold(TaskId task, qint64 wallNs);
    qint64 m_heldInBatchNs = 0; // holds recorded inside the scheduler's batch, not yet taken off
    qint64 m_accountedInBatchNs = 0; // wall time of the batch's wake-ups recorded on their own
};

// --- templates -----------------------------------------------------------------------------

namespace detail {

template<typename T>
QCoro::Task<> driveJob(std::shared_ptr<JobState<T>> state, QCoro::Task<T> body)
{
    TaskOutcome outcome = TaskOutcome::Ok;
    QString message;
    try {
        if constexpr (std::is_void_v<T>) {
            co_await body;
        } else {
            T value = co_await body;
            state->value.emplace(std::move(value));
        }
    } catch (const TaskCancelled &) {
        outcome = TaskOutcome::Cancelled;
        state->cancelled = true;
    } catch (const std::exception &e) {
        outcome = TaskOutcome::Error;
        message = QString::fromUtf8(e.what());
        state->error = std::current_exception();
    } catch (...) {
        outcome = TaskOutcome::Error;
        message = QStringLiteral("unknown exception");
        state->error = std::current_exception();
    }
    state->rt->completeJob(*state, outcome, message);
}

} // namespace detail

template<typename F, typename... Args>
auto Runtime::spawn(const TaskName &name, F fn, Args... args)
{
    using TaskType = std::invoke_result_t<F, Args...>;
    using T = typename TaskType::value_type;
    auto state = std::make_shared<JobState<T>>();
    state->rt = this;
    state->task = beginTask(name);
    {
        CurrentTaskScope scope(&m_scheduler, state->task);
        // Eager: runs to its first suspension now. The returned Task<> is dropped on purpose:
        // the coroutine frees itself when it ends, and the run cancels it on stop.
        detail::driveJob<T>(state, std::invoke(fn, std::move(args)...));
    }
    return Job<T>(std::move(state));
}

template<typename T>
JoinAwaiter<T> Job<T>::join(std::source_location loc) const
{
    Runtime *rt = m_state->rt;
    QString pattern = rt->trace().string(rt->trace().task(m_state->task).name);
    pattern.replace(QLatin1String("%1"), QStringLiteral("…"));
    return JoinAwaiter<T>(rt, rt->site(QStringLiteral("join ") + pattern, loc, SiteKind::Join), m_state);
}

template<typename F>
auto Runtime::blocking(const QString &label, F &&fn, std::source_location loc)
{
    const SiteId s = site(label, loc, SiteKind::Blocking);
    const TaskId task = currentTask();
    checkTask(task);
    m_trace.append(now(), task, EventKind::BlockBegin, s);
    struct End {
        End(Runtime *rt, TaskId task, SiteId s)
            : rt(rt)
            , task(task)
            , s(s)
        {
        }
        ~End() { rt->m_trace.append(rt->now(), task, EventKind::BlockEnd, s); }
        Runtime *rt;
        TaskId task;
        SiteId s;
    } end(this, task, s);
    const HoldScope hold(this, task); // (destroyed first: the hold ends before the section)
    return fn();
}

template<typename T>
T Runtime::blockOn(const Job<T> &job, std::source_location loc)
{
    if (m_scheduler.isDispatching())
        throw std::logic_error("blockOn() inside a coroutine resumption would deadlock the scheduler");
    const TaskId task = currentTask();
    checkTask(task);
    const quint64 gen = m_generation;
    auto &state = *job.state();
    if (!state.done) {
        beginNestedWait(task, site(QStringLiteral("QEventLoop::exec() (nested)"), loc, SiteKind::NestedLoop));
        QEventLoop loop;
        state.nestedLoop = &loop;
        const qint64 spinStart = m_wall.nsecsElapsed();
        loop.exec(); // (spins the loop: not a hold)
        m_nestedWallNs += m_wall.nsecsElapsed() - spinStart;
        state.nestedLoop = nullptr;
        if (!endNestedWait(task, gen))
            throw TaskCancelled();
    }
    if (state.cancelled || isCancelRequested(task))
        throw TaskCancelled();
    if (state.error) // (already recorded as the job's outcome)
        std::rethrow_exception(state.error);
    if constexpr (!std::is_void_v<T>)
        return *job.state()->value;
}

} // namespace awaitscope
