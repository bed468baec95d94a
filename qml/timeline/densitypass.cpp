#include "geometrybatch.h"
#include "timelinepasses.h"

#include <algorithm>
#include <cmath>

namespace awaitscope {

void buildDensityPass(QuadBatch &bars, const TimelineFrame &f, const BuildScale &scale, int row, float y0)
{
    const TaskId task = f.lanes->taskAtRow(row);
    if (!f.index || task >= f.index->taskCount() || f.width <= 0)
        return;
    const DensityHistogram *density = f.index->density(task);
    if (!density)
        return;
    // One bin per pixel over the visible range, each the most descendants waiting (or blocked) in
    // any histogram bucket it covers. The histogram is kept by the index as events arrive, so this
    // costs the buckets up to the view's end, not the number of tasks or spans.
    const timemath::View &view = f.view;
    const double w = f.width;
    const int bins = int(std::ceil(w)) + 1;
    const qint64 viewEnd = std::min(view.start + view.duration, f.playhead);
    if (viewEnd < view.start)
        return;
    const std::size_t buckets = density->bucketOf(viewEnd) + 1;
    const std::vector<qint32> waiting = density->occupancy(DensityHistogram::Wait, buckets, f.playhead);
    const std::vector<qint32> blocked = density->occupancy(DensityHistogram::Block, buckets, f.playhead);
    std::vector<qint32> counts(static_cast<std::size_t>(bins), 0);
    std::vector<qint32> blockCounts(static_cast<std::size_t>(bins), 0);
    qint32 most = 1;
    for (int i = 0; i < bins; ++i) {
        const qint64 t0 = std::max<qint64>(timemath::pixelToTime(double(i), view, w), 0);
        const qint64 t1 = std::min(timemath::pixelToTime(double(i + 1), view, w), viewEnd);
        if (t1 < t0 || t0 > viewEnd)
            break;
        const std::size_t b0 = density->bucketOf(t0);
        const std::size_t b1 = std::min(buckets - 1, density->bucketOf(std::max(t0, t1 - 1)));
        for (std::size_t b = b0; b <= b1 && b < buckets; ++b) {
            counts[std::size_t(i)] = std::max(counts[std::size_t(i)], waiting[b]);
            blockCounts[std::size_t(i)] = std::max(blockCounts[std::size_t(i)], blocked[b]);
        }
        most = std::max(most, counts[std::size_t(i)]);
    }
    // Bins map to screen pixels; the block draws in build units: convert back.
    const auto toBuild = [&](int b) { return scale.x(timemath::pixelToTime(double(b), view, w)); };
    const float h = float(f.rowHeight) - 10;
    const float base = y0 + float(f.rowHeight) - 2;
    int i = 0;
    while (i < bins) {
        const qint32 c = counts[std::size_t(i)];
        int j = i + 1;
        while (j < bins && counts[std::size_t(j)] == c)
            ++j;
        if (c > 0) {
            const float hh = std::max(2.0f, h * float(c) / float(most));
            bars.addRect(toBuild(i), base - hh, toBuild(j), base, f.style->density);
        }
        i = j;
    }
    for (int k = 0; k < bins; ++k) {
        if (blockCounts[std::size_t(k)] > 0)
            bars.addRect(toBuild(k), y0 + 8, toBuild(k + 1), y0 + 12, f.style->densityBlock);
    }
}

} // namespace awaitscope
