#pragma once

#include "segmentedvector.h"
#include "spanreader.h"
#include "trace.h"

#include <QHash>
#include <QLatin1StringView>
#include <vector>

namespace awaitscope {

/// What a task is doing at one time.
enum class TaskState : quint8 { NotStarted, Running, Waiting, Blocked, Done, Failed, Cancelled };

/// "not-started", "running", "waiting", "blocked", "done", "failed", "cancelled".
QLatin1StringView taskStateName(TaskState state);

inline constexpr SiteId NoSite = 0xffffffffu;

/// A task's state at a time, and where it waits (or blocks) then.
struct TaskStateAt {
    TaskState state = TaskState::NotStarted;
    SiteId site = NoSite; // waiting or blocked: the site; else NoSite
    qint64 sinceNs = -1; // waiting or blocked: when that span began
    bool operator==(const TaskStateAt &) const = default;
};

/// The summary counters at a time.
struct StateCounters {
    quint32 started = 0; // spawned at or before t
    quint32 running = 0; // started, not ended, neither waiting nor blocked
    quint32 waiting = 0; // suspended at an await
    quint32 blocked = 0; // in a synchronous section holding the loop
    quint32 done = 0; // ended well
    quint32 failed = 0; // ended with an error
    quint32 cancelled = 0;
    quint64 awaits = 0; // awaits begun at or before t
};

/**
 * The state of a run at any time, for scrubbing and stepping back: each task's state and the
 * site it waits on, how many tasks wait on each source line, the summary counters, and the
 * next or previous event. Built from any `const Trace &` (live, finished or loaded) through
 * SpanReader, read-only; update() reads what was appended since, so a live trace extends it.
 *
 * Every query is a few binary searches: per task, its spans in order; per source line, the
 * sorted begin and end times of the spans there. A span covers [begin, end): at the time a task
 * resumes it is running again. Times are read as never decreasing (the engine's and the loaders'
 * traces are in time order); an event earlier than the one before it counts at the later time.
 */
class StateTimeline {
public:
    explicit StateTimeline(const Trace &trace);

    /// Reads the events appended since the last call (all of them the first time), or as many as
    /// fit in budgetNs (negative: no limit). Returns true if it read any.
    bool update(qint64 budgetNs = -1);
    /// True when every event of the trace has been read.
    bool caughtUp() const noexcept { return m_processed == m_trace.size(); }
    /// Forgets everything read (call it when the trace is cleared).
    void clear();

    const Trace &trace() const noexcept { return m_trace; }
    quint64 eventCount() const noexcept { return m_processed; }
    quint32 taskCount() const noexcept { return quint32(m_tasks.size()); }
    /// Time of the first and the latest event read (0 when none).
    qint64 firstTimeNs() const noexcept { return m_firstTime; }
    qint64 lastTimeNs() const noexcept { return m_lastTime; }
    /// Bytes held by the per-task spans and the sorted times (capacity): what the benchmark prints.
    quint64 memoryBytes() const;

    TaskStateAt stateAt(TaskId task, qint64 t) const;
    StateCounters countersAt(qint64 t) const;

    /// Source lines that sites point at (file is a string id), in order of first use.
    struct Line {
        quint32 file;
        quint32 line;
    };
    quint32 lineCount() const noexcept { return quint32(m_lines.size()); }
    const Line &line(quint32 index) const { return m_lines[index].where; }
    /// The line a site points at (an index for line()), for a site read so far.
    quint32 lineOfSite(SiteId site) const { return m_siteLine[site]; }
    /// Tasks suspended at (or blocking in) this line at time t, as TraceIndex counts "now".
    quint32 waitingAtLine(quint32 index, qint64 t) const;
    /// Of those, the tasks in a blocked section (holding the loop) at time t.
    quint32 blockedAtLine(quint32 index, qint64 t) const;
    struct LineCount {
        quint32 line; // index for line()
        quint32 waiting;
    };
    /// Every line with tasks waiting on it at time t, in line order.
    std::vector<LineCount> linesAt(qint64 t) const;

    /// The time of the first event after t, or of the last before t; -1 if none.
    qint64 nextEventTime(qint64 t) const;
    qint64 previousEventTime(qint64 t) const;
    /// When the task's next await begins after t, or its latest before t began; -1 if none.
    qint64 nextAwait(TaskId task, qint64 t) const;
    qint64 previousAwait(TaskId task, qint64 t) const;

private:
    struct Span {
        qint64 begin;
        qint64 end; // -1: still open
        SiteId site;
    };
    // Segmented: a task with a million awaits, or a line with ten million, grows a block at a
    // time, never copying itself in the middle of a live run's frame.
    using Spans = SegmentedVector<Span>;
    using Times = SegmentedVector<qint64>;
    struct TaskTimes {
        qint64 spawn = -1;
        qint64 end = -1;
        TaskOutcome outcome = TaskOutcome::Running;
        Spans waits; // in order of begin; shrunk to size when the task ends
        std::vector<Span> blocks;
    };
    struct LineTimes {
        Line where;
        // Sorted: spans begin and end in time order. Waits and blocked sections apart, for the
        // counters.
        Times waitBegins, waitEnds, blockBegins, blockEnds;
    };
    struct Visitor;
    friend struct Visitor;
    quint32 lineFor(SiteId site);
    void read(const TraceEvent &e);
    template<typename Vector>
    static const Span *spanAt(const Vector &spans, qint64 t);

    const Trace &m_trace;
    SpanReader m_reader;
    quint64 m_processed = 0;
    qint64 m_firstTime = 0;
    qint64 m_lastTime = 0;
    std::vector<TaskTimes> m_tasks;
    Times m_spawns, m_okEnds, m_failedEnds, m_cancelledEnds; // sorted
    std::vector<LineTimes> m_lines;
    QHash<quint64, quint32> m_lineIds; // (file << 32 | line) -> index
    std::vector<quint32> m_siteLine;
};

} // namespace awaitscope
