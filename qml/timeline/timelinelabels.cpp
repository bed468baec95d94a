#include "timelinelabels.h"

#include <algorithm>
#include <cmath>

namespace awaitscope::timelinelabels {

std::vector<PlacedLabel> ticks(const TimelineFrame &f)
{
    std::vector<PlacedLabel> out;
    if (f.width <= 0)
        return out;
    const qint64 step = timemath::tickStep(f.view, f.width, TickSpacing);
    for (qint64 t = timemath::firstTick(f.view, step); t <= f.view.start + f.view.duration; t += step)
        out.push_back(
            {timemath::timeToPixel(t, f.view, f.width), 0, TickSpacing, timemath::formatDuration(t)});
    return out;
}

std::vector<PlacedLabel> barLabels(const TimelineFrame &f)
{
    std::vector<PlacedLabel> labels;
    if (!f.isValid())
        return labels;
    const Trace &trace = f.trace();
    const double w = f.width;
    for (int row = f.firstVisibleRow(); row <= f.lastVisibleRow() && int(labels.size()) < MaxLabels; ++row) {
        const TaskId task = f.lanes->taskAtRow(row);
        if (task >= f.index->taskCount() || f.lanes->laneStart(row) != row)
            continue;
        const double y = row * f.rowHeight - f.contentY;
        for (const Span &s : f.index->track(task).spans) {
            if (s.begin > f.playhead || s.begin > f.view.start + f.view.duration)
                break;
            const qint64 end = s.isOpen() ? f.playhead : std::min(s.end, f.playhead);
            const double x0 = std::max(0.0, timemath::timeToPixel(s.begin, f.view, w));
            const double x1 = std::min(w, timemath::timeToPixel(end, f.view, w));
            if (x1 - x0 < LabelMinWidth)
                continue;
            // Widths in steps of 16 px: a growing bar does not re-elide its label every frame.
            const double w16 = std::floor((x1 - x0) / 16.0) * 16.0;
            labels.push_back({x0, y, w16, trace.string(trace.siteAt(s.site).label)});
            if (int(labels.size()) >= MaxLabels)
                break;
        }
    }
    return labels;
}

std::vector<PlacedLabel> holdLabels(const TimelineFrame &f)
{
    std::vector<PlacedLabel> labels;
    if (!f.isValid())
        return labels;
    for (const Hold &hold : f.index->holds()) {
        if (hold.timeNs > f.playhead || int(labels.size()) >= MaxLabels)
            break;
        const int row = f.lanes->rowOfTask(int(hold.task));
        const double x = timemath::timeToPixel(hold.timeNs, f.view, f.width);
        if (row < 0 || x < 0 || x > f.width)
            continue;
        // Wall time: the simulated clock does not see how long the loop was really held.
        labels.push_back(
            {x, row * f.rowHeight - f.contentY, 0.0,
             QStringLiteral("held the loop %1 (wall)").arg(timemath::formatDuration(hold.wallNs))});
    }
    return labels;
}

} // namespace awaitscope::timelinelabels
