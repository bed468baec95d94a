#include "geometrybatch.h"
#include "timelinepasses.h"

#include <algorithm>

namespace awaitscope {

void buildBackPass(QuadBatch &batch, const TimelineFrame &f, const std::vector<PlacedLabel> &ticks)
{
    const TimelineStyle &style = *f.style;
    const float w = float(f.width);
    if (f.lanes) {
        const bool hasTrace = f.index && f.index->trace();
        for (int row = f.firstVisibleRow(); row <= f.lastVisibleRow(); ++row) {
            const float y = float(row * f.rowHeight - f.contentY);
            const float y1 = y + float(f.rowHeight);
            const TaskId task = f.lanes->taskAtRow(row);
            if (f.lanes->laneStart(row) % 2 == 1) // a tall lane keeps one colour
                batch.addRect(0, y, w, y1, style.stripe);
            if (int(task) == f.selectedTask)
                batch.addRect(0, y, w, y1, style.selected);
            // Lanes waiting right now on the line picked in the code pane.
            if (hasTrace && f.highlightLine > 0 && task < f.index->taskCount()) {
                const TaskTrack &tr = f.index->track(task);
                const qint32 open = tr.openWait >= 0 ? tr.openWait : tr.openBlock;
                if (open >= 0 && f.isHighlighted(tr.spans[std::size_t(open)].site))
                    batch.addRect(0, y, w, y1, style.highlightRow);
            }
        }
    }
    for (const PlacedLabel &t : ticks)
        batch.addRect(float(t.x), 0, float(t.x) + 1, float(f.height), style.grid);
}

void buildLivePass(QuadBatch &batch, const TimelineFrame &f)
{
    const TimelineStyle &style = *f.style;
    const double w = f.width;
    if (f.isValid()) {
        const Trace &trace = f.trace();
        const auto px = [&](qint64 t) {
            return float(std::clamp(timemath::timeToPixel(t, f.view, w), -10.0, w + 10));
        };
        const float h = float(f.rowHeight);
        for (int row = f.firstVisibleRow(); row <= f.lastVisibleRow(); ++row) {
            const TaskId task = f.lanes->taskAtRow(row);
            if (task >= f.index->taskCount() || f.lanes->laneStart(row) != row)
                continue; // (the further rows of a tall lane hold its density only)
            const float y0 = float(row * f.rowHeight - f.contentY);
            const TaskTrack &tr = f.index->track(task);
            const TaskInfo &info = trace.task(task);
            const bool aggregate = f.lanes->isAggregate(row);
            const bool running = info.outcome == TaskOutcome::Running || info.endNs > f.playhead;
            if (running && info.spawnNs <= f.playhead && !aggregate)
                batch.addRect(px(info.spawnNs), y0 + h / 2 - 1,
                              std::max(px(f.playhead), px(info.spawnNs) + 1), y0 + h / 2 + 1, style.lifeline);
            const float top = aggregate ? y0 + 2 : y0 + 4;
            const float bottom = aggregate ? y0 + 6 : y0 + h - 4;
            for (const Span &s : tr.spans) {
                if (s.begin > f.playhead)
                    break;
                const bool openAtPlayhead = s.isOpen() || s.end > f.playhead;
                const bool highlighted = f.isHighlighted(s.site);
                if (!openAtPlayhead && !highlighted)
                    continue;
                const qint64 end = openAtPlayhead ? f.playhead : s.end;
                if (end < f.view.start || s.begin > f.view.start + f.view.duration)
                    continue;
                const float x0 = px(s.begin);
                const float x1 = std::max(px(end), x0 + 1);
                if (s.kind == Span::Block) {
                    batch.addRect(x0, y0 + 2, x1, y0 + h - 2, style.block);
                    continue;
                }
                if (openAtPlayhead) {
                    Span open = s;
                    open.end = -1;
                    batch.addRect(x0, top, x1, bottom, style.spanColor(open, trace.siteAt(s.site).kind));
                }
                if (highlighted) // an outline over the await picked in the code pane
                    batch.addRect(x0, y0 + 1, x1, y0 + 4, style.highlight);
            }
        }
    }
    // Where the loop was held longer than a frame: a bar over the lane, and a flag on top.
    if (f.isValid()) {
        for (const Hold &hold : f.index->holds()) {
            if (hold.timeNs > f.playhead)
                break;
            const int row = f.lanes->rowOfTask(int(hold.task));
            const double hx = timemath::timeToPixel(hold.timeNs, f.view, w);
            if (row < 0 || hx < -10 || hx > w + 10)
                continue;
            const float y0 = float(row * f.rowHeight - f.contentY);
            const float x = float(hx);
            batch.addRect(x - 2, y0, x + 2, y0 + float(f.rowHeight), style.hold);
            batch.addQuad({x - 7, y0}, {x + 7, y0}, {x + 7, y0}, {x, y0 + 8}, style.hold);
        }
    }
    const double x = timemath::timeToPixel(f.playhead, f.view, w);
    if (x >= 0 && x <= w)
        batch.addRect(float(x) - 1, 0, float(x) + 1, float(f.height), style.playhead);
}

} // namespace awaitscope
