#pragma once

#include "traceindex.h"

#include <vector>

namespace awaitscope {

/// One time the event loop was held longer than a frame, with where the task was.
struct LoopWarning {
    TaskId task = NoTask;
    qint64 timeNs = 0; // trace time when the hold ended
    qint64 wallNs = 0; // how long it held the loop, in wall time
    qint64 beginNs = 0; // trace time of the span it happened in (the hold's own on a real clock)
    SiteId site = 0xffffffffu; // the line it held the loop at (a blocked section) or last waited at
    bool deliberate = false; // a blocked section written as such (Runtime::blocking)
    bool hasSite() const noexcept { return site != 0xffffffffu; }
};

/**
 * The warnings panel's list: every hold of the loop the index found (TraceIndex::holds()), each
 * placed on its task's lane at the line it happened at. A hold inside a blocked section
 * (Runtime::blocking, the blocking scenario) is deliberate; any other (a batch of the scheduler,
 * a task's start, a Python step) is a warning. Reads only the holds found since the last update.
 */
class LoopWarnings {
public:
    /// Adds the holds the index found since the last call; returns how many were added.
    std::size_t update(const TraceIndex &index);
    void clear() { m_warnings.clear(); }
    const std::vector<LoopWarning> &all() const noexcept { return m_warnings; }
    std::size_t deliberateCount() const noexcept;

    /// Where a hold happened: the blocked section or await of its task that contains its end or
    /// came last before it.
    static LoopWarning describe(const TraceIndex &index, const Hold &hold);

private:
    std::vector<LoopWarning> m_warnings;
};

} // namespace awaitscope
