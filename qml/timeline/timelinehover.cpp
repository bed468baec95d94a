#include "timelinehover.h"

#include "names.h"

#include <cmath>

namespace awaitscope::timelinehover {

Hit hitTest(const TimelineFrame &f, double x, double y)
{
    Hit hit;
    if (!f.lanes || !f.index || y < 0 || y > f.height)
        return hit;
    const int row = int(std::floor((y + f.contentY) / f.rowHeight));
    hit.task = f.lanes->taskAtRow(row);
    if (hit.task == NoTask || hit.task >= f.index->taskCount())
        return hit;
    const qint64 t = timemath::pixelToTime(x, f.view, f.width);
    const double slack = timemath::nsPerPixel(f.view, f.width) * 2; // a bar is at least a pixel wide
    const auto &spans = f.index->track(hit.task).spans;
    // Blocked sections and the innermost await win: search from the latest span back.
    for (auto it = spans.rbegin(); it != spans.rend(); ++it) {
        if (it->begin > f.playhead)
            continue;
        const qint64 end = it->isOpen() ? f.playhead : std::min(it->end, f.playhead);
        if (double(t) >= double(it->begin) - slack && double(t) <= double(end) + slack) {
            hit.span = &*it;
            break;
        }
    }
    return hit;
}

QString describe(const TimelineFrame &f, const Hit &hit)
{
    if (hit.task == NoTask || !f.index || !f.index->trace())
        return {};
    const Trace &trace = f.trace();
    QString text = trace.taskName(hit.task);
    const TaskInfo &info = trace.task(hit.task);
    const TaskTrack &track = f.index->track(hit.task);
    if (!track.children.empty())
        text += QStringLiteral("  (%1 child tasks)").arg(track.children.size());
    if (!hit.span) {
        switch (info.outcome) {
        case TaskOutcome::Running:
            text += QStringLiteral("\nrunning, spawned at %1").arg(timemath::formatDuration(info.spawnNs));
            break;
        case TaskOutcome::Ok:
            text += QStringLiteral("\nfinished at %1").arg(timemath::formatDuration(info.endNs));
            break;
        case TaskOutcome::Error:
            text += QStringLiteral("\nfailed: %1").arg(trace.taskMessage(hit.task));
            break;
        case TaskOutcome::Cancelled:
            text += QLatin1Char('\n') + outcomeName(TaskOutcome::Cancelled);
            break;
        }
        return text;
    }
    const Span &s = *hit.span;
    const Site &site = trace.siteAt(s.site);
    const QString verb =
        s.kind == Span::Block ? QStringLiteral("blocks the loop in ") : QStringLiteral("co_await ");
    text += QLatin1Char('\n') + verb + trace.string(site.label);
    text += QStringLiteral("\n%1:%2").arg(trace.string(site.file)).arg(site.line);
    const qint64 end = s.isOpen() ? f.playhead : s.end;
    text += QStringLiteral("\nstart %1, %2%3")
                .arg(timemath::formatDuration(s.begin), timemath::formatDuration(end - s.begin),
                     s.isOpen() ? QStringLiteral(" so far") : QString());
    if (!s.isOpen() && s.kind == Span::Wait && s.result != WaitResult::Ok)
        text += QLatin1Char('\n') + waitResultName(s.result);
    return text;
}

} // namespace awaitscope::timelinehover
