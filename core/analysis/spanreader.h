#pragma once

#include "reserve.h"
#include "trace.h"

#include <vector>

namespace awaitscope {

/**
 * The calls a SpanReader makes, all doing nothing. A visitor derives from it and hides the ones
 * it cares about: the reader is a template over the visitor, so nothing is a virtual call on the
 * path that reads millions of events.
 */
struct SpanVisitor {
    void spawned(TaskId, qint64) { }
    /// A task suspended at an await (site: what it awaits, on which line).
    void waitBegan(TaskId, qint64, SiteId) { }
    /// That await ended: from beginNs to endNs, with its result.
    void waitEnded(TaskId, qint64 /*beginNs*/, qint64 /*endNs*/, SiteId, WaitResult) { }
    /// A synchronous section started holding the event loop.
    void blockBegan(TaskId, qint64, SiteId) { }
    void blockEnded(TaskId, qint64 /*beginNs*/, qint64 /*endNs*/, SiteId) { }
    void finished(TaskId, qint64, TaskOutcome) { }
    /// The task held the event loop for wallNs of wall time, ending at the given (trace) time.
    void held(TaskId, qint64, qint64 /*wallNs*/) { }
    /// closeOpen(): a span still open when the trace ends (a run stopped mid-await).
    void unfinished(TaskId, qint64 /*beginNs*/, qint64 /*endNs*/, SiteId, bool /*blocked*/) { }
};

/**
 * How a trace's events pair up, written once: a Suspend opens an await that the task's next
 * Resume closes; a BlockBegin opens a blocked section that its BlockEnd closes. The export, the
 * summary, the window's index, the state-at-time queries and the tests all read spans through it.
 * A Resume or BlockEnd with nothing open is ignored.
 *
 * Feed it events in trace order with read(); it remembers, per task, what is open.
 */
class SpanReader {
public:
    /// Room for this many tasks without reallocating (a live reader grows with the trace).
    void reserve(std::size_t tasks)
    {
        reserveAhead(m_waits, tasks);
        reserveAhead(m_blocks, tasks);
    }
    void clear()
    {
        m_waits.clear();
        m_blocks.clear();
    }

    template<typename Visitor>
    void read(const TraceEvent &e, Visitor &v)
    {
        if (e.task >= m_waits.size()) {
            m_waits.resize(std::size_t(e.task) + 1);
            m_blocks.resize(std::size_t(e.task) + 1);
        }
        switch (e.kind()) {
        case EventKind::Spawn:
            v.spawned(e.task, e.timeNs);
            break;
        case EventKind::Suspend:
            m_waits[e.task] = {e.timeNs, e.arg()};
            v.waitBegan(e.task, e.timeNs, e.arg());
            break;
        case EventKind::Resume: {
            Open &open = m_waits[e.task];
            if (open.begin < 0)
                break;
            const Open was = open;
            open.begin = -1;
            v.waitEnded(e.task, was.begin, e.timeNs, was.site, WaitResult(e.arg()));
            break;
        }
        case EventKind::BlockBegin:
            m_blocks[e.task] = {e.timeNs, e.arg()};
            v.blockBegan(e.task, e.timeNs, e.arg());
            break;
        case EventKind::BlockEnd: {
            Open &open = m_blocks[e.task];
            if (open.begin < 0)
                break;
            const Open was = open;
            open.begin = -1;
            v.blockEnded(e.task, was.begin, e.timeNs, was.site);
            break;
        }
        case EventKind::Finish:
            v.finished(e.task, e.timeNs, TaskOutcome(e.arg()));
            break;
        case EventKind::Hold:
            v.held(e.task, e.timeNs, qint64(e.arg()) * 1000);
            break;
        }
    }

    /// Tells the visitor about every span still open, as if it ended at endNs (in task order).
    template<typename Visitor>
    void closeOpen(qint64 endNs, Visitor &v) const
    {
        for (std::size_t t = 0; t < m_waits.size(); ++t) {
            if (m_blocks[t].begin >= 0)
                v.unfinished(TaskId(t), m_blocks[t].begin, endNs, m_blocks[t].site, true);
            if (m_waits[t].begin >= 0)
                v.unfinished(TaskId(t), m_waits[t].begin, endNs, m_waits[t].site, false);
        }
    }

    bool isWaiting(TaskId task) const noexcept { return task < m_waits.size() && m_waits[task].begin >= 0; }
    bool isBlocking(TaskId task) const noexcept
    {
        return task < m_blocks.size() && m_blocks[task].begin >= 0;
    }

private:
    struct Open {
        qint64 begin = -1; // -1: nothing open
        SiteId site = 0;
    };
    std::vector<Open> m_waits; // per task
    std::vector<Open> m_blocks; // per task
};

/// Reads a whole trace through one reader (closing what is still open at the last event's time
/// if asked).
template<typename Visitor>
void readSpans(const Trace &trace, Visitor &v, bool closeOpenAtEnd = false)
{
    SpanReader reader;
    reader.reserve(trace.taskCount());
    for (quint64 i = 0; i < trace.size(); ++i)
        reader.read(trace.at(i), v);
    if (closeOpenAtEnd && trace.size() > 0)
        reader.closeOpen(trace.at(trace.size() - 1).timeNs, v);
}

} // namespace awaitscope
