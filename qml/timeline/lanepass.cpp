#include "geometrybatch.h"
#include "timelinemarks.h"
#include "timelinepasses.h"

#include <algorithm>

namespace awaitscope {

namespace {

bool sameColor(VertexColor a, VertexColor b)
{
    return a.r == b.r && a.g == b.g && a.b == b.b && a.a == b.a;
}

/// Merges rectangles of one lane that touch within a pixel and share a colour.
class RunMerger {
public:
    RunMerger(QuadBatch &batch, float y0, float y1)
        : m_batch(batch)
        , m_y0(y0)
        , m_y1(y1)
    {
    }
    ~RunMerger() { flush(); }
    void add(float x0, float x1, VertexColor c)
    {
        x1 = std::max(x1, x0 + 1.0f); // never thinner than a pixel
        if (m_open && sameColor(c, m_color) && x0 <= m_x1 + 1.0f) {
            m_x1 = std::max(m_x1, x1);
            return;
        }
        flush();
        m_open = true;
        m_x0 = x0;
        m_x1 = x1;
        m_color = c;
    }
    void flush()
    {
        if (m_open)
            m_batch.addRect(m_x0, m_y0, m_x1, m_y1, m_color);
        m_open = false;
    }

private:
    QuadBatch &m_batch;
    float m_y0, m_y1;
    bool m_open = false;
    float m_x0 = 0, m_x1 = 0;
    VertexColor m_color;
};

} // namespace

void buildLanePass(QuadBatch &bars, QuadBatch &marks, const TimelineFrame &f, const BuildScale &scale,
                   int row, float y0, bool *clipped)
{
    const TaskId task = f.lanes->taskAtRow(row);
    if (!f.index || task >= f.index->taskCount())
        return;
    const Trace &trace = f.trace();
    const TimelineStyle &style = *f.style;
    const TaskTrack &track = f.index->track(task);
    const TaskInfo &info = trace.task(task);
    const auto px = [&scale](qint64 t) { return scale.x(t); };
    const float h = float(f.rowHeight);
    const float mid = y0 + h / 2;
    const bool aggregate = f.lanes->isAggregate(row);

    // The lifeline of a finished task (a running one is drawn live, up to the playhead).
    const bool ended = info.endNs >= 0 && info.outcome != TaskOutcome::Running;
    if (!ended || info.endNs > f.playhead)
        *clipped = *clipped || ended; // an ended task is redrawn here once the playhead passes its end
    else if (!aggregate)
        bars.addRect(px(info.spawnNs), mid - 1, std::max(px(info.endNs), px(info.spawnNs) + 1), mid + 1,
                     style.lifeline);

    // Closed spans, merged when they touch within a pixel. An aggregate lane shows its own spans
    // as a thin strip above the density of its descendants.
    const float top = aggregate ? y0 + 2 : y0 + 4;
    const float bottom = aggregate ? y0 + 6 : y0 + h - 4;
    RunMerger waits(bars, top, bottom);
    float lastTick = -1e30f;
    for (const Span &s : track.spans) {
        if (s.isOpen())
            continue;
        if (s.begin > f.playhead || s.end > f.playhead) {
            *clipped = true;
            continue; // drawn by the live pass while the playhead is inside it
        }
        const VertexColor c = style.spanColor(s, trace.siteAt(s.site).kind);
        const float x0 = px(s.begin);
        const float x1 = px(s.end);
        if (s.kind == Span::Block) {
            waits.flush();
            bars.addRect(x0, y0 + 2, std::max(x1, x0 + 1), y0 + h - 2, c);
            marks::hatch(marks, x0, y0 + 2, x1, y0 + h - 2, h / 2, style.blockHatch);
            continue;
        }
        waits.add(x0, x1, c);
        if (aggregate)
            continue;
        // The resume: a tick, or the outcome's own shape (cross, diamond, slash).
        if (s.result != WaitResult::Ok) {
            marks::outcome(marks, s.result, x1, mid, std::min(7.0f, h / 2 - 3), style.markColor(s.result));
            lastTick = x1;
        } else if (x1 - lastTick >= 1.0f) {
            marks.addRect(x1 - 1.0f, y0 + 2, x1 + 1.0f, y0 + h - 2, style.tick);
            lastTick = x1;
        }
    }
    waits.flush();

    // How the task ended: a cross for an error, a slash for a cancellation.
    if (info.outcome == TaskOutcome::Error || info.outcome == TaskOutcome::Cancelled) {
        if (info.endNs <= f.playhead) {
            const WaitResult shape =
                info.outcome == TaskOutcome::Error ? WaitResult::Failed : WaitResult::Cancelled;
            marks::outcome(marks, shape, px(info.endNs), mid, std::min(8.0f, h / 2 - 2),
                           style.markColor(shape));
        }
    }
}

} // namespace awaitscope
