#pragma once

#include "densityhistogram.h"
#include "segmentedvector.h"
#include "spanreader.h"
#include "trace.h"

#include <QObject>
#include <QStringList>
#include <memory>
#include <vector>

namespace awaitscope {

/// One interval of a task's lane: an await (from its suspend to its resume) or a blocked section.
struct Span {
    enum Kind : quint8 { Wait, Block };
    qint64 begin = 0;
    qint64 end = -1; // -1: still open
    SiteId site = 0;
    Kind kind = Wait;
    WaitResult result = WaitResult::Ok; // how a wait ended (meaningless while open)
    bool isOpen() const noexcept { return end < 0; }
};

/// The task held the event loop for wallNs of wall time, until timeNs (trace time).
struct Hold {
    TaskId task = NoTask;
    qint64 timeNs = 0;
    qint64 wallNs = 0;
};

/// Everything the window draws for one task, built incrementally from the trace.
struct TaskTrack {
    SegmentedVector<Span> spans; // in order of begin
    SegmentedVector<TaskId> children;
    qint32 openWait = -1; // index in spans, or -1
    qint32 openBlock = -1;
    quint32 depth = 0;
    quint64 revision = 0; // the index's revision when a closed span or the finish was added
};

/**
 * The trace, indexed for drawing: spans per task, the task tree, how many tasks wait at each site
 * right now, and the summary counters. It reads only what was appended since the last update(),
 * which the window calls once per frame, so the cost follows the events, not the trace's size.
 */
class TraceIndex : public QObject {
    Q_OBJECT
    Q_PROPERTY(double eventCount READ eventCountAsDouble NOTIFY updated)
public:
    explicit TraceIndex(QObject *parent = nullptr);

    void setTrace(const Trace *trace);
    const Trace *trace() const noexcept { return m_trace; }

    /// Reads the events appended since the last call, or as many as fit in budgetNs (negative:
    /// no limit; the rest waits for the next call); emits updated() and returns true if any.
    bool update(qint64 budgetNs = -1);
    /// True when every event and task of the trace has been read.
    bool caughtUp() const noexcept;
    /// Forgets everything (the trace was cleared); emits reset().
    void clear();

    quint64 eventCount() const noexcept { return m_processed; }
    double eventCountAsDouble() const noexcept { return double(m_processed); }
    quint64 revision() const noexcept { return m_revision; }
    quint32 taskCount() const noexcept { return quint32(m_tracks.size()); }
    const TaskTrack &track(TaskId id) const { return m_tracks[id]; }
    const std::vector<TaskId> &roots() const noexcept { return m_roots; }
    /// Tasks spawned or finished during the last update().
    const std::vector<TaskId> &lastChanged() const noexcept { return m_lastChanged; }
    bool tasksAddedInLastUpdate() const noexcept { return m_tasksAdded; }

    /// A source line that sites point at (many sites share one: "GET /users/1", "/users/2"...).
    struct Location {
        quint32 file; // string id
        quint32 line;
    };
    quint32 locationCount() const noexcept { return quint32(m_locations.size()); }
    const Location &location(quint32 id) const { return m_locations[id]; }
    quint32 locationOfSite(SiteId site) const { return m_siteLocation[site]; }
    /// Tasks suspended at (or blocking in) this source line right now.
    quint32 waitingAtLocation(quint32 id) const { return m_locationWaiting[id]; }
    /// Waits at this source line that ended badly so far, by how (WaitResult Failed, TimedOut,
    /// Cancelled; Ok counts nothing).
    struct LocationOutcomes {
        quint32 failed = 0, timedOut = 0, cancelled = 0;
        quint32 total() const noexcept { return failed + timedOut + cancelled; }
    };
    const LocationOutcomes &outcomesAtLocation(quint32 id) const { return m_locationOutcomes[id]; }
    /// The latest await that began, joins aside (task NoTask before any), and how many waits had
    /// ended then.
    struct LatestWait {
        TaskId task = NoTask;
        SiteId site = 0xffffffffu;
        qint64 timeNs = 0;
        quint64 resumesBefore = 0;
    };
    const LatestWait &latestWait() const noexcept { return m_latestWait; }
    SiteId latestWaitSite() const noexcept { return m_latestWait.site; }
    /// Waits that ended so far (each a task resumed by the loop).
    quint64 resumes() const noexcept { return m_resumes; }
    /// File names (string ids resolved) that sites point at, in order of first use.
    QStringList locationFiles() const;

    /// Tasks suspended at (or blocking in) this site right now.
    quint32 waitingAt(SiteId site) const { return site < m_waiting.size() ? m_waiting[site] : 0; }
    quint32 siteCount() const noexcept { return quint32(m_waiting.size()); }
    /// Time of the latest event read.
    qint64 lastTimeNs() const noexcept { return m_lastTime; }

    // Summary counters, kept up to date by update().
    quint32 suspendedNow() const noexcept { return m_suspended; }
    quint32 blockedNow() const noexcept { return m_blocked; }
    quint32 finishedOk() const noexcept { return m_ok; }
    quint32 finishedFailed() const noexcept { return m_failed; }
    quint32 finishedCancelled() const noexcept { return m_cancelled; }
    quint32 runningTasks() const noexcept { return taskCount() - m_ok - m_failed - m_cancelled; }
    quint64 awaits() const noexcept { return m_awaits; }
    quint64 failedWaits() const noexcept { return m_failedWaits; }
    /// Sum of every closed I/O or timer wait (joins excluded: they mirror other tasks' waits).
    qint64 awaitedNs() const noexcept { return m_awaitedNs; }
    /// Like awaitedNs, plus the waits still open, counted up to now.
    qint64 awaitedUntil(qint64 now) const;
    qint64 blockedNs() const noexcept { return m_blockedNs; }
    /// Every time a task held the event loop longer than a frame, in trace order.
    const std::vector<Hold> &holds() const noexcept { return m_holds; }
    qint64 longestHoldNs() const noexcept { return m_longestHoldNs; }

    /// How many descendants of a task wait or block over time (null for a task with no children).
    const DensityHistogram *density(TaskId task) const
    {
        return task < m_density.size() ? m_density[task].get() : nullptr;
    }

Q_SIGNALS:
    void updated();
    void reset();

private:
    void ensureTasks(quint32 count);
    void ensureSites();
    void addWaiting(SiteId site, int delta);
    /// Starts a wait or a blocked section on the task's lane (and counts it at its site).
    void openSpan(TaskTrack &track, TaskId task, qint64 time, SiteId site, Span::Kind kind);
    struct Visitor;
    friend struct Visitor;
    template<typename F>
    void forAncestors(TaskId task, F &&f);

    const Trace *m_trace = nullptr;
    SpanReader m_reader;
    quint64 m_processed = 0;
    quint64 m_revision = 0;
    std::vector<TaskTrack> m_tracks;
    std::vector<std::unique_ptr<DensityHistogram>> m_density; // per task with children
    std::vector<TaskId> m_roots;
    std::vector<TaskId> m_lastChanged;
    bool m_tasksAdded = false;
    std::vector<quint32> m_waiting;
    std::vector<Location> m_locations;
    QHash<quint64, quint32> m_locationIds;
    std::vector<quint32> m_siteLocation;
    std::vector<quint32> m_locationWaiting;
    std::vector<LocationOutcomes> m_locationOutcomes;
    LatestWait m_latestWait;
    quint64 m_resumes = 0;
    qint64 m_lastTime = 0;
    quint32 m_suspended = 0;
    quint32 m_blocked = 0;
    quint32 m_ok = 0;
    quint32 m_failed = 0;
    quint32 m_cancelled = 0;
    quint64 m_awaits = 0;
    quint64 m_failedWaits = 0;
    qint64 m_awaitedNs = 0;
    qint64 m_blockedNs = 0;
    std::vector<Hold> m_holds;
    qint64 m_longestHoldNs = 0;
    // Open I/O waits' begin times summed, so awaitedUntil(now) costs O(1).
    qint64 m_openWaitBeginSum = 0;
    quint32 m_openIoWaits = 0;
};

} // namespace awaitscope
