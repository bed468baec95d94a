#pragma once

#include "clock.h"
#include "ringqueue.h"
#include "trace.h"

#include <QObject>
#include <QTimer>
#include <algorithm>
#include <vector>

namespace awaitscope {

enum class WakeReason : quint8 { Due, Cancelled };

/// Called when a wait ends; ctx is whatever the waiter registered (usually its awaiter).
using WakeFn = void (*)(void *ctx, WakeReason reason);

/// Names one registered wait. Stale once the wait has ended: waking it again does nothing.
struct Ticket {
    quint32 slot = 0xffffffffu;
    quint32 gen = 0;
    bool isNull() const noexcept { return slot == 0xffffffffu; }
};

/**
 * One timer over a min-heap of due wake-ups: the only way anything in a run waits.
 *
 * Entries are ordered by due time, first-in first-out among equal times. Due entries move to a
 * FIFO ready queue, which is resumed in bounded batches (a few milliseconds at most), so the
 * event loop is never held for long however many tasks are due at once. A wait can also be
 * parked (no due time, woken explicitly: joins) and any wait can be woken early with a reason
 * (cancellation). The scheduler tracks which task each wait belongs to and makes it the current
 * task while that task runs.
 */
class Scheduler : public QObject {
    Q_OBJECT
public:
    explicit Scheduler(SimClock *clock, QObject *parent = nullptr);
    ~Scheduler() override;

    qint64 now() const noexcept { return m_clock->now(); }

    /// Registers a wait that ends at dueNs (FIFO among equal times). A reason other than Due
    /// makes it end with that reason (an await on an already cancelled task).
    Ticket schedule(qint64 dueNs, TaskId task, WakeFn fn, void *ctx, WakeReason reason = WakeReason::Due);
    /// Registers a wait with no due time: it ends when woken.
    Ticket park(TaskId task, WakeFn fn, void *ctx);
    /// Ends a live wait now (it joins the ready queue); false if the ticket is stale.
    bool wake(Ticket ticket, WakeReason reason);
    bool isLive(Ticket ticket) const noexcept;

    /// Number of waits not yet ended (scheduled or parked).
    quint32 pending() const noexcept { return m_live; }
    /// True while waits that already ended wait in the ready queue to be resumed.
    bool hasReadyWork() const noexcept { return !m_ready.empty(); }
    /// The due time of the earliest scheduled wait, or -1 if none is scheduled (a wait woken
    /// early or cancelled does not count: its stale heap entry is dropped here).
    qint64 nextDue() noexcept;

    TaskId currentTask() const noexcept { return m_current; }
    void setCurrentTask(TaskId task) noexcept { m_current = task; }

    bool isPaused() const noexcept { return m_paused; }
    void pause();
    void resume();
    /// Ends exactly the next wait (advancing the clock to its due time if needed), even while
    /// paused. Returns false if nothing is waiting on time.
    bool step();

    /// Ends every live wait with Cancelled, synchronously, including waits registered while
    /// unwinding, until none is left (or a bounded number of rounds passed). Returns the number
    /// of waits that were still live afterwards (0 unless a coroutine refuses to unwind).
    quint32 cancelAll();

    /// While a hold is active the virtual clock does not jump ahead: something outside the
    /// scheduler (a posted call) must run at the current time first.
    void hold() noexcept { ++m_holds; }
    void release();

    /// Room for this many waits at once without reallocating (see reserveAhead).
    void reserve(std::size_t waits);

    /// Longest a batch may hold the event loop, in nanoseconds.
    void setBatchBudgetNs(qint64 ns) noexcept { m_budgetNs = ns; }
    qint64 batchBudgetNs() const noexcept { return m_budgetNs; }

    /// True while a wake-up is being dispatched (inside a coroutine's resumption).
    bool isDispatching() const noexcept { return m_depth > 0; }

    /// Statistics of the batches run so far (for the benchmark and the tests).
    quint64 batches() const noexcept { return m_batches; }
    qint64 longestBatchNs() const noexcept { return m_longestBatchNs; }
    /// Wall time the batch that just finished held the loop (read it from batchFinished).
    qint64 lastBatchNs() const noexcept { return m_lastBatchNs; }
    /// The task of the last wake-up the batch that just finished dispatched (NoTask for a
    /// cancelAll(), or a batch that dispatched nothing).
    TaskId lastBatchTask() const noexcept { return m_lastBatchTask; }
    quint64 dispatched() const noexcept { return m_dispatched; }
    /// Waits the scheduler has room for (slots allocated, live or free).
    std::size_t slotCapacity() const noexcept { return m_slots.capacity(); }

    /// Re-evaluates when the timer must fire: after the clock changed mode or speed.
    void rearm() { arm(); }

Q_SIGNALS:
    /// A batch of wake-ups ended: the moment to tell listeners about new trace events.
    void batchFinished();
    /// One wake-up of a task kept the loop for wallNs, HoldThresholdNs or more (emitted right
    /// after it, inside the batch, at the simulated time it ended).
    void longDispatch(TaskId task, qint64 wallNs);

private:
    struct Slot {
        WakeFn fn = nullptr;
        void *ctx = nullptr;
        TaskId task = NoTask;
        quint32 gen = 0;
        WakeReason reason = WakeReason::Due;
        quint8 state = Free;
    };
    enum : quint8 { Free, Parked, Scheduled, Ready };
    struct HeapEntry {
        qint64 due;
        quint64 seq;
        quint32 slot;
        quint32 gen;
    };
    struct ReadyEntry {
        quint32 slot;
        quint32 gen;
    };

    quint32 allocSlot(TaskId task, WakeFn fn, void *ctx, quint8 state, WakeReason reason);
    void pushHeap(const HeapEntry &e);
    void popHeap();
    /// Pops stale entries (cancelled or woken early) off the top; true if a live one is left.
    bool dropStaleTop();
    quint32 moveDue(qint64 now, quint32 limit);
    bool popReady(ReadyEntry &out);
    void dispatch(quint32 slot);
    /// With every slot free and nothing dispatching: gives the slots, heap and queues back.
    void releaseStorage();
    void tick();
    void arm();

    SimClock *m_clock;
    QTimer m_timer;
    std::vector<Slot> m_slots;
    std::vector<quint32> m_freeSlots;
    std::vector<HeapEntry> m_heap;
    RingQueue<ReadyEntry> m_ready;
    quint64 m_seq = 0;
    quint32 m_live = 0;
    quint32 m_holds = 0;
    TaskId m_current = NoTask;
    int m_depth = 0;
    bool m_inBatch = false; // inside tick() or step()
    quint32 m_genFloor = 0; // new slots start here: above every generation of released slots
    bool m_paused = false;
    bool m_armedImmediate = false;
    qint64 m_budgetNs = 2'000'000;
    quint64 m_batches = 0;
    quint64 m_dispatched = 0;
    quint64 m_ops = 0; // waits registered + wake-ups dispatched: the work a batch has done
    qint64 m_longestBatchNs = 0;
    qint64 m_lastBatchNs = 0;
    TaskId m_lastTask = NoTask; // of the latest dispatch
    TaskId m_lastBatchTask = NoTask;
};

/// Makes a task current for the lifetime of the scope (spawning runs the new task's first steps).
class CurrentTaskScope {
public:
    CurrentTaskScope(Scheduler *s, TaskId task) noexcept
        : m_scheduler(s)
        , m_previous(s->currentTask())
    {
        s->setCurrentTask(task);
    }
    ~CurrentTaskScope() { m_scheduler->setCurrentTask(m_previous); }
    CurrentTaskScope(const CurrentTaskScope &) = delete;
    CurrentTaskScope &operator=(const CurrentTaskScope &) = delete;

private:
    Scheduler *m_scheduler;
    TaskId m_previous;
};

} // namespace awaitscope
