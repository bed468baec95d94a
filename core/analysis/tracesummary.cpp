#include "tracesummary.h"

#include "spanreader.h"

#include <algorithm>
#include <limits>

namespace awaitscope {

namespace {

/// a + b, held at the largest qint64 instead of wrapping (a million waits of ten minutes each).
qint64 saturatingAdd(qint64 a, qint64 b)
{
    qint64 sum = 0;
    return __builtin_add_overflow(a, b, &sum) ? std::numeric_limits<qint64>::max() : sum;
}

/// Sums the spans of a whole trace.
struct Totals : SpanVisitor {
    const Trace &trace;
    TraceSummary &s;
    void waitBegan(TaskId, qint64, SiteId) { ++s.awaits; }
    void waitEnded(TaskId, qint64 begin, qint64 end, SiteId site, WaitResult result)
    {
        // Joins only mirror the waits of the awaited task: counting them twice would inflate the
        // concurrency.
        if (trace.siteAt(site).kind == SiteKind::Wait)
            s.awaitedNs = saturatingAdd(s.awaitedNs, end - begin);
        if (result == WaitResult::Failed || result == WaitResult::TimedOut)
            ++s.failedWaits;
    }
    void blockBegan(TaskId, qint64, SiteId) { ++s.blockedSections; }
    void blockEnded(TaskId, qint64 begin, qint64 end, SiteId)
    {
        s.blockedNs = saturatingAdd(s.blockedNs, end - begin);
    }
    // A wait still open when the trace ends (a run stopped mid-await, a slice a foreign trace
    // never closed) counts up to the last event, as the window's live figure counts it to now.
    void unfinished(TaskId, qint64 begin, qint64 end, SiteId site, bool blocked)
    {
        if (!blocked && trace.siteAt(site).kind == SiteKind::Wait)
            s.awaitedNs = saturatingAdd(s.awaitedNs, end - begin);
    }
    void held(TaskId, qint64, qint64 wallNs)
    {
        ++s.holds;
        s.longestHoldNs = std::max(s.longestHoldNs, wallNs);
    }
};

} // namespace

TraceSummary TraceSummary::of(const Trace &trace)
{
    TraceSummary s;
    s.tasks = trace.taskCount();
    for (TaskId id = 0; id < trace.taskCount(); ++id) {
        switch (trace.task(id).outcome) {
        case TaskOutcome::Running:
            ++s.running;
            break;
        case TaskOutcome::Ok:
            ++s.ok;
            break;
        case TaskOutcome::Error:
            ++s.failed;
            break;
        case TaskOutcome::Cancelled:
            ++s.cancelled;
            break;
        }
    }
    if (trace.size() == 0)
        return s;
    Totals totals{{}, trace, s};
    readSpans(trace, totals, true);
    s.spanNs = trace.at(trace.size() - 1).timeNs - trace.at(0).timeNs;
    return s;
}

} // namespace awaitscope
