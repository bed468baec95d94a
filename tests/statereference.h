#pragma once

// The state of a trace at a time, computed the plain way: replay every event up to t. The
// reference that StateTimeline, a reopened recording and the command line are checked against.

#include "statetimeline.h"
#include "trace.h"

#include <QMap>
#include <QPair>
#include <vector>

namespace awaitscope::testing {

struct ReferenceState {
    std::vector<TaskStateAt> tasks;
    QMap<QPair<QString, quint32>, quint32> lines; // (file, line) -> tasks waiting or blocked there
};

inline ReferenceState referenceStateAt(const Trace &trace, qint64 t)
{
    struct Open {
        SiteId wait = NoSite, block = NoSite;
        qint64 waitSince = -1, blockSince = -1;
        TaskState state = TaskState::NotStarted;
    };
    std::vector<Open> open(trace.taskCount());
    for (quint64 i = 0; i < trace.size(); ++i) {
        const TraceEvent e = trace.at(i);
        if (e.timeNs > t)
            break;
        Open &o = open[e.task];
        switch (e.kind()) {
        case EventKind::Spawn:
            o.state = TaskState::Running;
            break;
        case EventKind::Suspend:
            o.wait = e.arg();
            o.waitSince = e.timeNs;
            break;
        case EventKind::Resume:
            o.wait = NoSite;
            break;
        case EventKind::BlockBegin:
            o.block = e.arg();
            o.blockSince = e.timeNs;
            break;
        case EventKind::BlockEnd:
            o.block = NoSite;
            break;
        case EventKind::Finish:
            o.state = TaskOutcome(e.arg()) == TaskOutcome::Ok ? TaskState::Done
                : TaskOutcome(e.arg()) == TaskOutcome::Error  ? TaskState::Failed
                                                              : TaskState::Cancelled;
            break;
        case EventKind::Hold:
            break;
        }
    }
    ReferenceState out;
    for (const Open &o : open) {
        TaskStateAt s{o.state, NoSite, -1};
        if (o.state == TaskState::Running && o.block != NoSite)
            s = {TaskState::Blocked, o.block, o.blockSince};
        else if (o.state == TaskState::Running && o.wait != NoSite)
            s = {TaskState::Waiting, o.wait, o.waitSince};
        out.tasks.push_back(s);
        // A span still open counts at its line, as the live index counts it.
        for (const SiteId site : {o.wait, o.block}) {
            if (site == NoSite)
                continue;
            const Site &where = trace.siteAt(site);
            ++out.lines[{trace.string(where.file), where.line}];
        }
    }
    return out;
}

/// The same, read from a StateTimeline.
inline ReferenceState timelineStateAt(const StateTimeline &timeline, qint64 t)
{
    const Trace &trace = timeline.trace();
    ReferenceState out;
    for (TaskId id = 0; id < trace.taskCount(); ++id)
        out.tasks.push_back(timeline.stateAt(id, t));
    for (const auto &[line, waiting] : timeline.linesAt(t)) {
        const StateTimeline::Line &where = timeline.line(line);
        out.lines[{trace.string(where.file), where.line}] = waiting;
    }
    return out;
}

} // namespace awaitscope::testing
