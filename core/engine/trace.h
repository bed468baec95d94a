#pragma once

#include <QHash>
#include <QObject>
#include <QString>
#include <QStringList>
#include <cstdint>
#include <future>
#include <memory>
#include <vector>

namespace awaitscope {

using TaskId = quint32;
using SiteId = quint32;
inline constexpr TaskId NoTask = 0xffffffffu;

enum class EventKind : quint8 {
    Spawn = 0, // a task was created; its record holds parent and name
    Suspend = 1, // a task suspended at an await; arg is the site (label + source line)
    Resume = 2, // the task resumed from its last suspend; arg is the WaitResult
    BlockBegin = 3, // a synchronous section started holding the event loop; arg is the site
    BlockEnd = 4, // that section ended; arg is the site
    Finish = 5, // the task ended; arg is its TaskOutcome
    Hold = 6, // the task held the event loop for arg microseconds of wall time, ending now
};

/// Holding the event loop longer than one frame (60 Hz) is what a Hold event records.
inline constexpr qint64 HoldThresholdNs = 16'700'000;
/// The longest hold an event can carry (the arg's 28 bits, in microseconds: about 268 s).
inline constexpr qint64 MaxHoldNs = qint64(0x0fffffff) * 1000;

enum class TaskOutcome : quint8 { Running = 0, Ok = 1, Error = 2, Cancelled = 3 };

/// How a wait ended: the arg of a Resume event.
enum class WaitResult : quint8 { Ok = 0, Failed = 1, TimedOut = 2, Cancelled = 3 };

/// What kind of thing a site waits on.
enum class SiteKind : quint8 {
    Wait = 0, // I/O or a timer: the waits that overlap when code is concurrent
    Join = 1, // awaiting another task
    NestedLoop = 2, // synchronous code spinning a nested event loop
    Blocking = 3, // a synchronous section holding the loop
};

/// One trace event, as read back from the trace (stored as 12 bytes, see Trace).
struct TraceEvent {
    qint64 timeNs;
    TaskId task;
    quint32 packed; // kind in the top 4 bits, site or outcome in the low 28

    static constexpr quint32 ArgMask = 0x0fffffffu;
    EventKind kind() const noexcept { return static_cast<EventKind>(packed >> 28); }
    quint32 arg() const noexcept { return packed & ArgMask; }
    static TraceEvent make(qint64 t, TaskId task, EventKind kind, quint32 arg) noexcept
    {
        return {t, task, (quint32(kind) << 28) | (arg & ArgMask)};
    }
};
static_assert(sizeof(TraceEvent) == 16, "TraceEvent must stay compact");

/// How an event is stored: its time relative to its chunk's base time. 12 bytes, so a suspend
/// and its resume cost 24 bytes.
struct StoredEvent {
    quint32 dt;
    TaskId task;
    quint32 packed;
};
static_assert(sizeof(StoredEvent) == 12, "StoredEvent must stay compact");

/// Where a task waits: what it awaited and on which source line.
struct Site {
    quint32 label; // string id
    quint32 file; // string id (file name without directories)
    quint32 line;
    SiteKind kind;
};

inline bool operator==(const Site &a, const Site &b) noexcept
{
    return a.label == b.label && a.file == b.file && a.line == b.line && a.kind == b.kind;
}
inline size_t qHash(const Site &s, size_t seed = 0) noexcept
{
    return qHashMulti(seed, s.label, s.file, s.line, quint8(s.kind));
}

struct TaskInfo {
    TaskId parent = NoTask;
    quint32 name = 0; // string id of the name template
    qint32 nameArg = -1; // substituted for %1 when >= 0
    TaskOutcome outcome = TaskOutcome::Running;
    quint32 message = 0; // string id of the error message (0: none)
    qint64 spawnNs = 0;
    qint64 endNs = -1;
};

/**
 * The append-only record of a run: the single source of truth for the window, exports and
 * replays. Events are stored in fixed-size chunks, so appending never moves what was already
 * written and a million tasks never cost a reallocation spike.
 *
 * Listeners are told in batches: appends only grow the store, and flush() (called by the runtime
 * once per scheduler batch) emits eventsAppended once for everything new.
 */
class Trace : public QObject {
    Q_OBJECT
public:
    explicit Trace(QObject *parent = nullptr);
    ~Trace() override;

    // Strings and sites are interned: the same label and line always give the same id.
    quint32 intern(const QString &s);
    QString string(quint32 id) const { return m_strings.value(qsizetype(id)); }
    /// Strings interned so far (ids 0 to stringCount() - 1; 0 is the empty string).
    quint32 stringCount() const noexcept { return quint32(m_strings.size()); }
    SiteId site(const QString &label, const char *file, quint32 line, SiteKind kind = SiteKind::Wait);
    /// The same with the file name as given (a loaded trace's sites, already without folders).
    SiteId site(const QString &label, const QString &fileName, quint32 line, SiteKind kind);
    const Site &siteAt(SiteId id) const { return m_sites[id]; }
    quint32 siteCount() const { return quint32(m_sites.size()); }
    QString siteLabel(SiteId id) const { return string(m_sites[id].label); }

    TaskId addTask(TaskId parent, quint32 nameId, qint32 nameArg, qint64 timeNs);
    /// Room for this many tasks without reallocating (see reserveAhead).
    void reserveTasks(std::size_t tasks);
    std::size_t taskCapacity() const noexcept { return m_tasks.capacity(); }
    void finishTask(TaskId task, TaskOutcome outcome, qint64 timeNs, const QString &message = {});
    const TaskInfo &task(TaskId id) const { return m_tasks[id]; }
    quint32 taskCount() const { return quint32(m_tasks.size()); }
    QString taskName(TaskId id) const;
    QString taskMessage(TaskId id) const { return string(m_tasks[id].message); }

    void append(qint64 timeNs, TaskId task, EventKind kind, quint32 arg)
    {
        if (m_used == ChunkSize) [[unlikely]]
            newChunk(timeNs);
        // A stored time is 32 bits after a base time: past 4.3 s a new base (segment) starts.
        if (timeNs < m_base || quint64(timeNs - m_base) > 0xffffffffull) [[unlikely]]
            newSegment(timeNs);
        m_current[m_used++] = {quint32(timeNs - m_base), task,
                               (quint32(kind) << 28) | (arg & TraceEvent::ArgMask)};
        ++m_size;
    }
    quint64 size() const noexcept { return m_size; }
    TraceEvent at(quint64 i) const noexcept
    {
        const Chunk &c = m_chunks[std::size_t(i / ChunkSize)];
        const quint32 offset = quint32(i % ChunkSize);
        const StoredEvent &e = c.events[offset];
        auto seg = c.segments.size() - 1; // almost always 0: one base per chunk
        while (c.segments[seg].start > offset)
            --seg;
        return {c.segments[seg].base + qint64(e.dt), e.task, e.packed};
    }

    /// Emits eventsAppended for everything appended since the last flush; returns true if it did.
    bool flush();
    /// Drops every event, task, string and site.
    void clear();

    /// Bytes held by events (allocated chunks), tasks and sites: what the benchmark reports.
    quint64 memoryBytes() const;

    /// A chunk is one 2 MiB huge page of events: a million-task trace costs a few hundred
    /// page faults, not a hundred thousand (they dominated the cost of an await).
    static constexpr quint64 ChunkBytes = quint64(2) << 20;
    static constexpr quint64 ChunkSize = ChunkBytes / sizeof(StoredEvent);

Q_SIGNALS:
    /// Events [first, last) were appended. Emitted at most once per flush().
    void eventsAppended(quint64 first, quint64 last);
    void cleared();

private:
    void newChunk(qint64 base);
    void newSegment(qint64 base);
    quint32 internSlow(const QString &s);

    struct Segment {
        quint32 start; // first event of the chunk with this base
        qint64 base;
    };
    struct ChunkDeleter {
        void operator()(StoredEvent *p) const noexcept;
    };
    struct Chunk {
        std::unique_ptr<StoredEvent[], ChunkDeleter> events;
        std::vector<Segment> segments;
    };
    std::vector<Chunk> m_chunks;
    // The next chunk, allocated and touched on another thread while this one fills: the first
    // touch of 2 MiB is one page fault that took about 4.5 ms here, too long for the event loop.
    std::future<StoredEvent *> m_spare;
    StoredEvent *m_current = nullptr;
    qint64 m_base = 0;
    quint64 m_used = ChunkSize;
    quint64 m_size = 0;
    quint64 m_flushed = 0;

    QStringList m_strings;
    QHash<QString, quint32> m_stringIds;
    quint32 m_lastInterned = 0;
    std::vector<Site> m_sites;
    QHash<Site, SiteId> m_siteIds;
    std::vector<TaskInfo> m_tasks;
};

} // namespace awaitscope
