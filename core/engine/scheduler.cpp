#include "scheduler.h"

#include "dispose.h"
#include "reserve.h"

#include <QElapsedTimer>
#include <QLoggingCategory>
#include <QScopedValueRollback>
#include <algorithm>
#include <chrono>

Q_LOGGING_CATEGORY(lcScheduler, "awaitscope.scheduler")

namespace awaitscope {

namespace {
// std::*_heap keep the greatest element first: "greater" puts the earliest (due, seq) there.
struct Later {
    template<typename E>
    bool operator()(const E &a, const E &b) const noexcept
    {
        return a.due != b.due ? a.due > b.due : a.seq > b.seq;
    }
};
constexpr int MaxCancelRounds = 64;
constexpr quint32 MoveSlice = 256;
constexpr quint64 CheckEvery = 64;
} // namespace

Scheduler::Scheduler(SimClock *clock, QObject *parent)
    : QObject(parent)
    , m_clock(clock)
{
    m_timer.setSingleShot(true);
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &Scheduler::tick);
}

Scheduler::~Scheduler() = default;

void Scheduler::reserve(std::size_t waits)
{
    reserveAhead(m_slots, waits);
    reserveAhead(m_freeSlots, waits);
    reserveAhead(m_heap, waits);
}

quint32 Scheduler::allocSlot(TaskId task, WakeFn fn, void *ctx, quint8 state, WakeReason reason)
{
    quint32 index;
    if (!m_freeSlots.empty()) {
        index = m_freeSlots.back();
        m_freeSlots.pop_back();
    } else {
        index = quint32(m_slots.size());
        m_slots.emplace_back();
        m_slots.back().gen = m_genFloor;
    }
    ++m_ops;
    Slot &s = m_slots[index];
    s.fn = fn;
    s.ctx = ctx;
    s.task = task;
    s.state = state;
    s.reason = reason;
    ++m_live;
    return index;
}

Ticket Scheduler::schedule(qint64 dueNs, TaskId task, WakeFn fn, void *ctx, WakeReason reason)
{
    // Due already, and nothing older is due in the heap: straight to the ready queue, which
    // keeps first-in first-out order without a heap operation (every yield takes this path).
    if (dueNs <= now() && (m_heap.empty() || m_heap.front().due > dueNs)) {
        const quint32 index = allocSlot(task, fn, ctx, Ready, reason);
        const quint32 gen = m_slots[index].gen;
        m_ready.push_back({index, gen});
        if (m_depth == 0)
            arm();
        return {index, gen};
    }
    const quint32 index = allocSlot(task, fn, ctx, Scheduled, reason);
    const quint32 gen = m_slots[index].gen;
    pushHeap({dueNs, m_seq++, index, gen});
    // Only an entry that became the earliest can move the timer; skip re-arming inside a batch,
    // which re-arms once when it ends.
    if (m_depth == 0 && m_heap.front().slot == index)
        arm();
    return {index, gen};
}

Ticket Scheduler::park(TaskId task, WakeFn fn, void *ctx)
{
    const quint32 index = allocSlot(task, fn, ctx, Parked, WakeReason::Due);
    return {index, m_slots[index].gen};
}

bool Scheduler::isLive(Ticket t) const noexcept
{
    return !t.isNull() && t.slot < m_slots.size() && m_slots[t.slot].gen == t.gen &&
        m_slots[t.slot].state != Free;
}

bool Scheduler::wake(Ticket t, WakeReason reason)
{
    if (!isLive(t))
        return false;
    Slot &s = m_slots[t.slot];
    s.reason = reason;
    if (s.state == Ready)
        return true; // already queued: it keeps its place, with the new reason
    // A scheduled slot leaves a stale heap entry behind; bumping the generation disowns it.
    if (s.state == Scheduled)
        ++s.gen;
    s.state = Ready;
    m_ready.push_back({t.slot, s.gen});
    if (m_depth == 0)
        arm();
    return true;
}

qint64 Scheduler::nextDue() noexcept
{
    if (!m_ready.empty())
        return now();
    return dropStaleTop() ? m_heap.front().due : -1;
}

void Scheduler::pushHeap(const HeapEntry &e)
{
    m_heap.push_back(e);
    std::push_heap(m_heap.begin(), m_heap.end(), Later{});
}

void Scheduler::popHeap()
{
    std::pop_heap(m_heap.begin(), m_heap.end(), Later{});
    m_heap.pop_back();
}

bool Scheduler::dropStaleTop()
{
    while (!m_heap.empty()) {
        const HeapEntry &top = m_heap.front();
        const Slot &s = m_slots[top.slot];
        if (s.gen == top.gen && s.state == Scheduled)
            return true;
        popHeap();
    }
    return false;
}

quint32 Scheduler::moveDue(qint64 t, quint32 limit)
{
    // In slices: a million entries falling due at once would otherwise hold the loop while
    // they all move, before the first one even runs.
    quint32 moved = 0;
    while (moved < limit && !m_heap.empty() && m_heap.front().due <= t) {
        const HeapEntry e = m_heap.front();
        popHeap();
        ++moved;
        Slot &s = m_slots[e.slot];
        if (s.gen != e.gen || s.state != Scheduled)
            continue; // woken early or cancelled: the entry is stale
        s.state = Ready;
        m_ready.push_back({e.slot, e.gen});
    }
    return moved;
}

bool Scheduler::popReady(ReadyEntry &out)
{
    while (!m_ready.empty()) {
        out = m_ready.front();
        m_ready.pop_front();
        const Slot &s = m_slots[out.slot];
        if (s.gen == out.gen && s.state == Ready)
            return true;
    }
    return false;
}

void Scheduler::dispatch(quint32 index)
{
    Slot &s = m_slots[index];
    // Copy out first: the callback may register new waits and reallocate m_slots.
    const WakeFn fn = s.fn;
    void *const ctx = s.ctx;
    const TaskId task = s.task;
    const WakeReason reason = s.reason;
    m_lastTask = task;
    s.state = Free;
    s.fn = nullptr;
    s.ctx = nullptr;
    ++s.gen;
    m_freeSlots.push_back(index);
    --m_live;
    ++m_dispatched;
    ++m_ops;

    CurrentTaskScope scope(this, task);
    ++m_depth;
    fn(ctx, reason);
    --m_depth;
}

void Scheduler::tick()
{
    if (m_paused)
        return;
    const QScopedValueRollback inBatch(m_inBatch, true);
    QElapsedTimer wall;
    wall.start();
    const bool virtualClock = m_clock->mode() == ClockMode::Virtual;

    // (The virtual clock goes only to the next live wake-up: a cancelled wait's entry is stale.)
    if (virtualClock && m_ready.empty() && m_holds == 0 && dropStaleTop())
        m_clock->advanceTo(m_heap.front().due);
    const bool outermost = m_depth == 0;
    if (outermost)
        m_clock->latch();
    m_lastTask = NoTask;

    // The clock is read once per CheckEvery operations (a wake-up dispatched or a wait
    // registered), not per dispatch: one dispatch can register thousands of waits (a loop that
    // spawns), and then the budget is checked after it.
    quint64 nextCheck = m_ops + CheckEvery;
    // Each wake-up is timed (one clock read): the one that keeps the loop too long is named.
    qint64 mark = wall.nsecsElapsed();
    ReadyEntry e;
    while (!m_paused) {
        if (!popReady(e)) {
            const quint32 moved = moveDue(now(), MoveSlice);
            if (moved > 0) {
                m_ops += moved / 4; // moving costs too: count it against the budget
                mark = wall.nsecsElapsed();
                if (mark >= m_budgetNs)
                    break;
                continue;
            }
            // In virtual time nothing else can become due: jump to the next entry right away,
            // within this batch's budget, unless something posted must run at this time first.
            if (!virtualClock || m_holds > 0 || !dropStaleTop())
                break;
            m_clock->advanceTo(m_heap.front().due);
            continue;
        }
        dispatch(e.slot);
        const qint64 dispatched = wall.nsecsElapsed();
        if (dispatched - mark >= HoldThresholdNs) [[unlikely]]
            Q_EMIT longDispatch(m_lastTask, dispatched - mark);
        mark = dispatched;
        if (m_ops >= nextCheck) {
            nextCheck = m_ops + CheckEvery;
            if (wall.nsecsElapsed() >= m_budgetNs)
                break;
            if (!virtualClock)
                m_clock->relatch();
        }
    }
    if (outermost)
        m_clock->unlatch();
    ++m_batches;
    m_lastBatchNs = wall.nsecsElapsed();
    m_longestBatchNs = std::max(m_longestBatchNs, m_lastBatchNs);
    m_lastBatchTask = m_lastTask;
    Q_EMIT batchFinished();
    arm();
}

void Scheduler::arm()
{
    if (m_paused) {
        m_timer.stop();
        return;
    }
    using namespace std::chrono;
    // Drop stale entries at the top (cancelled or woken early) so that neither the timer nor the
    // virtual clock goes to a wait that already ended.
    const bool live = dropStaleTop();
    if (!m_ready.empty() || (m_clock->mode() == ClockMode::Virtual && live && m_holds == 0)) {
        // Restarting a QTimer costs more than a whole await: leave an immediate one alone.
        if (!m_timer.isActive() || !m_armedImmediate) {
            m_timer.start(0ms);
            m_armedImmediate = true;
        }
        return;
    }
    m_armedImmediate = false;
    if (!live || m_clock->mode() == ClockMode::Virtual) {
        m_timer.stop();
        return;
    }
    const qint64 wallNs = m_clock->wallDelayUntil(m_heap.front().due);
    // Round up: firing early would only spin the loop once more for nothing.
    m_timer.start(milliseconds((wallNs + 999'999) / 1'000'000));
}

void Scheduler::pause()
{
    m_paused = true;
    m_timer.stop();
}

void Scheduler::resume()
{
    if (!m_paused)
        return;
    m_paused = false;
    arm();
}

void Scheduler::release()
{
    Q_ASSERT(m_holds > 0);
    if (m_holds > 0 && --m_holds == 0 && m_depth == 0)
        arm();
}

bool Scheduler::step()
{
    const QScopedValueRollback inBatch(m_inBatch, true);
    QElapsedTimer wall;
    wall.start();
    ReadyEntry e;
    if (!popReady(e)) {
        if (!dropStaleTop())
            return false;
        m_clock->advanceTo(m_heap.front().due);
        moveDue(m_heap.front().due, MoveSlice);
        if (!popReady(e))
            return false;
    }
    dispatch(e.slot);
    ++m_batches;
    m_lastBatchNs = wall.nsecsElapsed();
    if (m_lastBatchNs >= HoldThresholdNs)
        Q_EMIT longDispatch(m_lastTask, m_lastBatchNs);
    m_lastBatchTask = m_lastTask;
    Q_EMIT batchFinished();
    if (!m_paused)
        arm();
    return true;
}

void Scheduler::releaseStorage()
{
    // A run of a million waits leaves a million slots, heap entries and free-list entries behind
    // (about 60 MB) that the next, smaller run would never use. Only outside any dispatch or
    // batch: there a caller up the stack may still hold a slot index. Generations go on above
    // every old one, so that no ticket of the old run can match a new wait.
    for (const Slot &s : m_slots)
        m_genFloor = std::max(m_genFloor, s.gen + 1);
    disposeInBackground(m_slots);
    disposeInBackground(m_freeSlots);
    disposeInBackground(m_heap);
    m_ready.release();
}

quint32 Scheduler::cancelAll()
{
    QElapsedTimer wall;
    wall.start();
    for (int round = 0; round < MaxCancelRounds && m_live > 0; ++round) {
        std::vector<quint32> live;
        live.reserve(m_live);
        for (quint32 i = 0; i < m_slots.size(); ++i) {
            if (m_slots[i].state != Free)
                live.push_back(i);
        }
        for (const quint32 i : live) {
            if (m_slots[i].state == Free)
                continue; // ended while an earlier one unwound
            m_slots[i].reason = WakeReason::Cancelled;
            dispatch(i);
        }
    }
    if (m_live > 0)
        qCWarning(lcScheduler) << m_live << "waits would not end when cancelled";
    else {
        m_heap.clear();
        m_ready.clear();
        if (m_depth == 0 && !m_inBatch)
            releaseStorage();
    }
    m_timer.stop();
    m_lastBatchNs = wall.nsecsElapsed();
    m_lastBatchTask = NoTask;
    Q_EMIT batchFinished();
    return m_live;
}

} // namespace awaitscope
