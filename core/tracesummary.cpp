#include "tracesummary.h"

#include <vector>

namespace awaitscope {

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
    std::vector<qint64> suspendedAt(trace.taskCount(), -1);
    std::vector<SiteId> suspendedOn(trace.taskCount(), 0);
    std::vector<qint64> blockedAt(trace.taskCount(), -1);
    for (quint64 i = 0; i < trace.size(); ++i) {
        const TraceEvent &e = trace.at(i);
        switch (e.kind()) {
        case EventKind::Suspend:
            ++s.awaits;
            suspendedAt[e.task] = e.timeNs;
            suspendedOn[e.task] = e.arg();
            break;
        case EventKind::Resume:
            // Joins only mirror the waits of the awaited task: counting them twice would inflate
            // the concurrency.
            if (suspendedAt[e.task] >= 0 && trace.siteAt(suspendedOn[e.task]).kind == SiteKind::Wait)
                s.awaitedNs += e.timeNs - suspendedAt[e.task];
            if (e.arg() == quint32(WaitResult::Failed) || e.arg() == quint32(WaitResult::TimedOut))
                ++s.failedWaits;
            suspendedAt[e.task] = -1;
            break;
        case EventKind::BlockBegin:
            ++s.blockedSections;
            blockedAt[e.task] = e.timeNs;
            break;
        case EventKind::BlockEnd:
            if (blockedAt[e.task] >= 0)
                s.blockedNs += e.timeNs - blockedAt[e.task];
            blockedAt[e.task] = -1;
            break;
        case EventKind::Spawn:
        case EventKind::Finish:
            break;
        }
    }
    s.spanNs = trace.at(trace.size() - 1).timeNs - trace.at(0).timeNs;
    return s;
}

} // namespace awaitscope
