#include "traceindex.h"

#include "dispose.h"
#include "reserve.h"
#include "spanreader.h"

#include <QElapsedTimer>

namespace awaitscope {

TraceIndex::TraceIndex(QObject *parent)
    : QObject(parent)
{
}

void TraceIndex::setTrace(const Trace *trace)
{
    if (m_trace == trace)
        return;
    if (m_trace)
        disconnect(m_trace, nullptr, this, nullptr);
    m_trace = trace;
    clear();
    if (m_trace)
        connect(m_trace, &Trace::cleared, this, &TraceIndex::clear);
}

void TraceIndex::clear()
{
    m_processed = 0;
    ++m_revision;
    m_reader.clear();
    disposeInBackground(m_tracks);
    disposeInBackground(m_density);
    m_roots.clear();
    m_lastChanged.clear();
    m_tasksAdded = false;
    m_waiting.clear();
    m_locations.clear();
    m_locationIds.clear();
    m_siteLocation.clear();
    m_locationWaiting.clear();
    m_locationOutcomes.clear();
    m_latestWait = {};
    m_resumes = 0;
    m_lastTime = 0;
    m_suspended = m_blocked = m_ok = m_failed = m_cancelled = 0;
    m_awaits = m_failedWaits = 0;
    m_awaitedNs = m_blockedNs = 0;
    m_holds.clear();
    m_longestHoldNs = 0;
    m_openWaitBeginSum = 0;
    m_openIoWaits = 0;
    Q_EMIT reset();
}

void TraceIndex::ensureTasks(quint32 n)
{
    if (m_tracks.empty()) {
        // As much room as the run reserved in the trace: growing never reallocates mid-run.
        reserveAhead(m_tracks, m_trace->taskCapacity());
        reserveAhead(m_density, m_trace->taskCapacity());
        m_reader.reserve(m_trace->taskCapacity());
    }
    while (m_tracks.size() < n) {
        const auto id = TaskId(m_tracks.size());
        TaskTrack track;
        track.revision = m_revision;
        const TaskId parent = m_trace->task(id).parent;
        if (parent != NoTask && parent < id) {
            track.depth = m_tracks[parent].depth + 1;
            m_tracks[parent].children.push_back(id);
            if (!m_density[parent])
                m_density[parent] = std::make_unique<DensityHistogram>();
        } else {
            m_roots.push_back(id);
        }
        m_tracks.push_back(std::move(track));
        m_density.emplace_back();
        m_lastChanged.push_back(id);
        m_tasksAdded = true;
    }
}

void TraceIndex::ensureSites()
{
    const quint32 n = m_trace->siteCount();
    if (m_waiting.size() >= n)
        return;
    m_waiting.resize(n, 0);
    for (auto site = SiteId(m_siteLocation.size()); site < n; ++site) {
        const Site &s = m_trace->siteAt(site);
        const quint64 key = (quint64(s.file) << 32) | s.line;
        auto it = m_locationIds.constFind(key);
        if (it == m_locationIds.constEnd()) {
            it = m_locationIds.insert(key, quint32(m_locations.size()));
            m_locations.push_back({s.file, s.line});
            m_locationWaiting.push_back(0);
            m_locationOutcomes.emplace_back();
        }
        m_siteLocation.push_back(*it);
    }
}

void TraceIndex::addWaiting(SiteId site, int delta)
{
    if (site >= m_waiting.size())
        return;
    if (delta < 0 && m_waiting[site] == 0)
        return;
    m_waiting[site] = quint32(qint64(m_waiting[site]) + delta);
    quint32 &loc = m_locationWaiting[m_siteLocation[site]];
    loc = quint32(qint64(loc) + delta);
}

QStringList TraceIndex::locationFiles() const
{
    QStringList files;
    if (!m_trace)
        return files;
    for (const Location &l : m_locations) {
        const QString f = m_trace->string(l.file);
        if (!files.contains(f))
            files << f;
    }
    return files;
}

void TraceIndex::openSpan(TaskTrack &track, TaskId, qint64 time, SiteId site, Span::Kind kind)
{
    Span s;
    s.begin = time;
    s.site = site;
    s.kind = kind;
    (kind == Span::Wait ? track.openWait : track.openBlock) = qint32(track.spans.size());
    track.spans.push_back(s);
    addWaiting(s.site, +1);
}

template<typename F>
void TraceIndex::forAncestors(TaskId task, F &&f)
{
    for (TaskId a = m_trace->task(task).parent; a != NoTask && a < m_density.size();
         a = m_trace->task(a).parent) {
        if (m_density[a])
            f(*m_density[a]);
    }
}

bool TraceIndex::caughtUp() const noexcept
{
    return !m_trace || (m_processed == m_trace->size() && m_tracks.size() == m_trace->taskCount());
}

/// What each paired span does to the index.
struct TraceIndex::Visitor : SpanVisitor {
    TraceIndex &x;
    const Trace &trace;
    void waitBegan(TaskId task, qint64 time, SiteId site)
    {
        x.openSpan(x.m_tracks[task], task, time, site, Span::Wait);
        ++x.m_awaits;
        ++x.m_suspended;
        const SiteKind kind = trace.siteAt(site).kind;
        if (kind != SiteKind::Join) // a join says less than the wait it mirrors
            x.m_latestWait = {task, site, time, x.m_resumes};
        if (kind == SiteKind::Wait) {
            x.m_openWaitBeginSum += time;
            ++x.m_openIoWaits;
        }
        if (kind != SiteKind::Join) // a join mirrors another task's waits
            x.forAncestors(task, [&](DensityHistogram &d) { d.openWait(site, time); });
    }
    void waitEnded(TaskId task, qint64 begin, qint64 end, SiteId site, WaitResult result)
    {
        TaskTrack &t = x.m_tracks[task];
        Span &s = t.spans[std::size_t(t.openWait)];
        s.end = end;
        s.result = result;
        t.openWait = -1;
        t.revision = x.m_revision;
        --x.m_suspended;
        ++x.m_resumes;
        x.addWaiting(site, -1);
        if (result == WaitResult::Failed || result == WaitResult::TimedOut)
            ++x.m_failedWaits;
        if (site < x.m_siteLocation.size()) {
            LocationOutcomes &o = x.m_locationOutcomes[x.m_siteLocation[site]];
            if (result == WaitResult::Failed)
                ++o.failed;
            else if (result == WaitResult::TimedOut)
                ++o.timedOut;
            else if (result == WaitResult::Cancelled)
                ++o.cancelled;
        }
        const SiteKind kind = trace.siteAt(site).kind;
        if (kind == SiteKind::Wait) {
            x.m_awaitedNs += end - begin;
            x.m_openWaitBeginSum -= begin;
            --x.m_openIoWaits;
        }
        if (kind != SiteKind::Join)
            x.forAncestors(task, [&](DensityHistogram &d) { d.closeWait(site, begin, end); });
    }
    void blockBegan(TaskId task, qint64 time, SiteId site)
    {
        x.openSpan(x.m_tracks[task], task, time, site, Span::Block);
        ++x.m_blocked;
        x.forAncestors(task, [&](DensityHistogram &d) { d.open(DensityHistogram::Block, time); });
    }
    void blockEnded(TaskId task, qint64 begin, qint64 end, SiteId site)
    {
        TaskTrack &t = x.m_tracks[task];
        Span &s = t.spans[std::size_t(t.openBlock)];
        s.end = end;
        t.openBlock = -1;
        t.revision = x.m_revision;
        --x.m_blocked;
        x.m_blockedNs += end - begin;
        x.addWaiting(site, -1);
        x.forAncestors(task, [&](DensityHistogram &d) { d.close(DensityHistogram::Block, begin, end); });
    }
    void held(TaskId task, qint64 time, qint64 wallNs)
    {
        x.m_holds.push_back({task, time, wallNs});
        x.m_longestHoldNs = std::max(x.m_longestHoldNs, wallNs);
        x.m_tracks[task].revision = x.m_revision;
    }
    void finished(TaskId task, qint64, TaskOutcome outcome)
    {
        switch (outcome) {
        case TaskOutcome::Ok:
            ++x.m_ok;
            break;
        case TaskOutcome::Error:
            ++x.m_failed;
            break;
        case TaskOutcome::Cancelled:
            ++x.m_cancelled;
            break;
        case TaskOutcome::Running:
            break;
        }
        x.m_tracks[task].revision = x.m_revision;
        x.m_lastChanged.push_back(task);
    }
};

bool TraceIndex::update(qint64 budgetNs)
{
    m_lastChanged.clear();
    m_tasksAdded = false;
    if (caughtUp())
        return false;
    ++m_revision;
    ensureSites();
    QElapsedTimer wall;
    wall.start();
    constexpr quint64 CheckEvery = 256; // an event can cost microseconds (first touch of memory)
    const quint64 size = m_trace->size();
    Visitor visitor{{}, *this, *m_trace};
    quint64 i = m_processed;
    for (; i < size; ++i) {
        if (budgetNs >= 0 && (i - m_processed) % CheckEvery == CheckEvery - 1 &&
            wall.nsecsElapsed() >= budgetNs)
            break;
        const TraceEvent &e = m_trace->at(i);
        m_lastTime = std::max(m_lastTime, e.timeNs);
        // Tasks are registered before their first event; add them as their events come, so a
        // partial update adds no more tasks than it read about.
        if (e.task >= m_tracks.size()) {
            if (e.task >= m_trace->taskCount())
                continue; // (cannot happen: a task is registered before its events)
            ensureTasks(e.task + 1);
        }
        m_reader.read(e, visitor);
    }
    m_processed = i;
    if (m_processed == size)
        ensureTasks(m_trace->taskCount()); // (a task registered without an event yet)
    Q_EMIT updated();
    return true;
}

qint64 TraceIndex::awaitedUntil(qint64 now) const
{
    return m_awaitedNs + qint64(m_openIoWaits) * now - m_openWaitBeginSum;
}

} // namespace awaitscope
