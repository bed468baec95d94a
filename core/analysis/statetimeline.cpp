#include "statetimeline.h"

#include "dispose.h"

#include <QElapsedTimer>
#include <algorithm>
#include <array>

namespace awaitscope {

namespace {

constexpr std::array<QLatin1StringView, 7> StateNames{
    QLatin1StringView("not-started"), QLatin1StringView("running"), QLatin1StringView("waiting"),
    QLatin1StringView("blocked"),     QLatin1StringView("done"),    QLatin1StringView("failed"),
    QLatin1StringView("cancelled"),
};

/// How many of the sorted times are at or before t.
template<typename Vector>
quint64 countUpTo(const Vector &times, qint64 t)
{
    return quint64(std::upper_bound(times.begin(), times.end(), t) - times.begin());
}

} // namespace

QLatin1StringView taskStateName(TaskState state)
{
    return StateNames[std::size_t(state) < StateNames.size() ? std::size_t(state) : 0];
}

// The span reader's calls, turned into per-task spans and per-line sorted times.
struct StateTimeline::Visitor : SpanVisitor {
    StateTimeline &s;
    void spawned(TaskId task, qint64 time)
    {
        s.m_tasks[task].spawn = time;
        s.m_spawns.push_back(time);
    }
    void waitBegan(TaskId task, qint64 time, SiteId site)
    {
        s.m_tasks[task].waits.push_back({time, -1, site});
        s.m_lines[s.lineFor(site)].waitBegins.push_back(time);
    }
    void waitEnded(TaskId task, qint64, qint64 end, SiteId site, WaitResult)
    {
        s.m_tasks[task].waits.back().end = end;
        s.m_lines[s.lineFor(site)].waitEnds.push_back(end);
    }
    void blockBegan(TaskId task, qint64 time, SiteId site)
    {
        s.m_tasks[task].blocks.push_back({time, -1, site});
        s.m_lines[s.lineFor(site)].blockBegins.push_back(time);
    }
    void blockEnded(TaskId task, qint64, qint64 end, SiteId site)
    {
        s.m_tasks[task].blocks.back().end = end;
        s.m_lines[s.lineFor(site)].blockEnds.push_back(end);
    }
    void finished(TaskId task, qint64 time, TaskOutcome outcome)
    {
        TaskTimes &t = s.m_tasks[task];
        if (t.outcome != TaskOutcome::Running || outcome == TaskOutcome::Running)
            return; // a task ends once
        t.outcome = outcome;
        t.end = time;
        t.waits.shrinkToFit(); // no more awaits: give back the spare room
        if (outcome == TaskOutcome::Ok)
            s.m_okEnds.push_back(time);
        else if (outcome == TaskOutcome::Error)
            s.m_failedEnds.push_back(time);
        else
            s.m_cancelledEnds.push_back(time);
    }
};

StateTimeline::StateTimeline(const Trace &trace)
    : m_trace(trace)
{
}

void StateTimeline::clear()
{
    m_reader.clear();
    m_processed = 0;
    m_firstTime = 0;
    m_lastTime = 0;
    // A million tasks' spans, and their capacity: freed on a pool thread, as the index's are
    // (on this thread a reset from a million tasks held the loop for 190-300 ms and kept about
    // 100 MB of capacity resident).
    disposeInBackground(m_tasks);
    m_spawns = {};
    m_okEnds = {};
    m_failedEnds = {};
    m_cancelledEnds = {};
    disposeInBackground(m_lines);
    m_lineIds.clear();
    m_siteLine.clear();
}

quint32 StateTimeline::lineFor(SiteId site)
{
    if (site < m_siteLine.size())
        return m_siteLine[site];
    while (m_siteLine.size() <= site) {
        const Site &where = m_trace.siteAt(SiteId(m_siteLine.size()));
        const quint64 key = (quint64(where.file) << 32) | where.line;
        auto it = m_lineIds.constFind(key);
        if (it == m_lineIds.constEnd()) {
            it = m_lineIds.insert(key, quint32(m_lines.size()));
            m_lines.push_back({{where.file, where.line}, {}, {}, {}, {}});
        }
        m_siteLine.push_back(*it);
    }
    return m_siteLine[site];
}

void StateTimeline::read(const TraceEvent &event)
{
    TraceEvent e = event;
    if (m_processed == 0)
        m_firstTime = m_lastTime = e.timeNs;
    e.timeNs = std::max(e.timeNs, m_lastTime); // sorted times stay sorted
    m_lastTime = e.timeNs;
    if (e.task >= m_tasks.size())
        m_tasks.resize(std::size_t(e.task) + 1);
    // Sites are checked here, so the visitor never indexes past the trace's sites.
    const EventKind kind = e.kind();
    if ((kind == EventKind::Suspend || kind == EventKind::BlockBegin) && e.arg() >= m_trace.siteCount())
        return;
    Visitor v{{}, *this};
    m_reader.read(e, v);
}

bool StateTimeline::update(qint64 budgetNs)
{
    const quint64 end = m_trace.size();
    if (m_processed >= end)
        return false;
    if (m_tasks.capacity() < m_trace.taskCount()) {
        // As much as the run reserved in the trace, else geometrically: a live run adds tasks
        // every frame, and room for exactly as many as so far moved every task's record on
        // every frame (at 100,000 tasks, window polls of 12-15 ms).
        const std::size_t room =
            std::max<std::size_t>({m_trace.taskCount(), m_trace.taskCapacity(), 2 * m_tasks.capacity()});
        m_tasks.reserve(room);
        m_reader.reserve(room);
    }
    QElapsedTimer timer;
    timer.start();
    while (m_processed < end) {
        // The clock is read every 4,096 events: cheap, and a budget is kept to a few microseconds.
        const quint64 stop = std::min(end, m_processed + 4096);
        for (; m_processed < stop; ++m_processed)
            read(m_trace.at(m_processed));
        if (budgetNs >= 0 && timer.nsecsElapsed() >= budgetNs)
            break;
    }
    return true;
}

quint64 StateTimeline::memoryBytes() const
{
    const auto bytes = [](const auto &v) { return quint64(v.capacity() * sizeof(v[0])); };
    // (The tasks' and lines' own records are counted in m_tasks and m_lines.)
    quint64 total = bytes(m_tasks) + bytes(m_spawns) + bytes(m_okEnds) + bytes(m_failedEnds) +
        bytes(m_cancelledEnds) + bytes(m_lines) + bytes(m_siteLine);
    for (const TaskTimes &t : m_tasks)
        total += bytes(t.waits) + bytes(t.blocks);
    for (const LineTimes &l : m_lines)
        total += bytes(l.waitBegins) + bytes(l.waitEnds) + bytes(l.blockBegins) + bytes(l.blockEnds);
    return total;
}

template<typename Vector>
const StateTimeline::Span *StateTimeline::spanAt(const Vector &spans, qint64 t)
{
    // The last span that began at or before t, if it has not ended by t.
    auto it = std::upper_bound(spans.begin(), spans.end(), t,
                               [](qint64 time, const Span &s) { return time < s.begin; });
    if (it == spans.begin())
        return nullptr;
    --it;
    return (it->end < 0 || it->end > t) ? &*it : nullptr;
}

TaskStateAt StateTimeline::stateAt(TaskId task, qint64 t) const
{
    if (task >= m_tasks.size())
        return {};
    const TaskTimes &tt = m_tasks[task];
    if (tt.spawn < 0 || t < tt.spawn)
        return {};
    if (tt.end >= 0 && t >= tt.end) {
        switch (tt.outcome) {
        case TaskOutcome::Error:
            return {TaskState::Failed, NoSite, -1};
        case TaskOutcome::Cancelled:
            return {TaskState::Cancelled, NoSite, -1};
        default:
            return {TaskState::Done, NoSite, -1};
        }
    }
    if (const Span *s = spanAt(tt.blocks, t))
        return {TaskState::Blocked, s->site, s->begin};
    if (const Span *s = spanAt(tt.waits, t))
        return {TaskState::Waiting, s->site, s->begin};
    return {TaskState::Running, NoSite, -1};
}

StateCounters StateTimeline::countersAt(qint64 t) const
{
    StateCounters c;
    c.started = quint32(countUpTo(m_spawns, t));
    c.done = quint32(countUpTo(m_okEnds, t));
    c.failed = quint32(countUpTo(m_failedEnds, t));
    c.cancelled = quint32(countUpTo(m_cancelledEnds, t));
    for (const LineTimes &l : m_lines) {
        const quint64 waitBegun = countUpTo(l.waitBegins, t);
        c.awaits += waitBegun;
        c.waiting += quint32(waitBegun - countUpTo(l.waitEnds, t));
        c.blocked += quint32(countUpTo(l.blockBegins, t) - countUpTo(l.blockEnds, t));
    }
    const qint64 alive = qint64(c.started) - c.done - c.failed - c.cancelled;
    c.running = quint32(std::max<qint64>(0, alive - c.waiting - c.blocked));
    return c;
}

quint32 StateTimeline::waitingAtLine(quint32 index, qint64 t) const
{
    const LineTimes &l = m_lines[index];
    return quint32(countUpTo(l.waitBegins, t) - countUpTo(l.waitEnds, t) + countUpTo(l.blockBegins, t) -
                   countUpTo(l.blockEnds, t));
}

quint32 StateTimeline::blockedAtLine(quint32 index, qint64 t) const
{
    const LineTimes &l = m_lines[index];
    return quint32(countUpTo(l.blockBegins, t) - countUpTo(l.blockEnds, t));
}

std::vector<StateTimeline::LineCount> StateTimeline::linesAt(qint64 t) const
{
    std::vector<LineCount> out;
    for (quint32 i = 0; i < m_lines.size(); ++i) {
        if (const quint32 n = waitingAtLine(i, t))
            out.push_back({i, n});
    }
    return out;
}

qint64 StateTimeline::nextEventTime(qint64 t) const
{
    // The trace is in time order: the first event after t, by binary search over the events read.
    quint64 lo = 0, hi = m_processed;
    while (lo < hi) {
        const quint64 mid = lo + (hi - lo) / 2;
        if (m_trace.at(mid).timeNs <= t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < m_processed ? m_trace.at(lo).timeNs : -1;
}

qint64 StateTimeline::previousEventTime(qint64 t) const
{
    quint64 lo = 0, hi = m_processed; // the first event at or after t
    while (lo < hi) {
        const quint64 mid = lo + (hi - lo) / 2;
        if (m_trace.at(mid).timeNs < t)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo > 0 ? m_trace.at(lo - 1).timeNs : -1;
}

qint64 StateTimeline::nextAwait(TaskId task, qint64 t) const
{
    if (task >= m_tasks.size())
        return -1;
    const auto &waits = m_tasks[task].waits;
    auto it = std::upper_bound(waits.begin(), waits.end(), t,
                               [](qint64 time, const Span &s) { return time < s.begin; });
    return it == waits.end() ? -1 : it->begin;
}

qint64 StateTimeline::previousAwait(TaskId task, qint64 t) const
{
    if (task >= m_tasks.size())
        return -1;
    const auto &waits = m_tasks[task].waits;
    auto it = std::lower_bound(waits.begin(), waits.end(), t,
                               [](const Span &s, qint64 time) { return s.begin < time; });
    return it == waits.begin() ? -1 : std::prev(it)->begin;
}

} // namespace awaitscope
