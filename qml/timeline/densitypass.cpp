#include "geometrybatch.h"
#include "timelinepasses.h"

#include <algorithm>
#include <array>
#include <cmath>

namespace awaitscope {

namespace {

static_assert(TimelineColors::DensitySites == DensityHistogram::SiteChannels,
              "one colour per density channel of the index");

using Channels = std::array<qint32, DensityHistogram::SiteChannels + 1>; // sites, then "other"

qint32 total(const Channels &c)
{
    qint32 sum = 0;
    for (const qint32 v : c)
        sum += v;
    return sum;
}

} // namespace

qint32 buildDensityPass(QuadBatch &bars, const TimelineFrame &f, const BuildScale &scale, TaskId task,
                        const DensityBox &box)
{
    if (!f.index || task >= f.index->taskCount() || f.width <= 0)
        return 0;
    const DensityHistogram *density = f.index->density(task);
    if (!density)
        return 0;
    // One bin per pixel over the visible range. Each bin shows the histogram bucket it covers
    // where the most descendants wait, split by await site and stacked; the histogram is kept by
    // the index as events arrive, so this costs the buckets up to the view's end, not the number
    // of tasks or spans.
    const timemath::View &view = f.view;
    const double w = f.width;
    const int bins = int(std::ceil(w)) + 1;
    const qint64 viewEnd = std::min(view.start + view.duration, f.playhead);
    if (viewEnd < view.start)
        return 0;
    const std::size_t buckets = density->bucketOf(viewEnd) + 1;
    std::array<std::vector<qint32>, DensityHistogram::SiteChannels + 1> waiting;
    for (int c = 0; c <= DensityHistogram::OtherChannel; ++c)
        waiting[std::size_t(c)] = density->channelOccupancy(c, buckets, f.playhead);
    const std::vector<qint32> blocked = density->occupancy(DensityHistogram::Block, buckets, f.playhead);
    std::vector<Channels> counts(static_cast<std::size_t>(bins), Channels{});
    std::vector<qint32> blockCounts(static_cast<std::size_t>(bins), 0);
    qint32 most = 0;
    for (int i = 0; i < bins; ++i) {
        const qint64 t0 = std::max<qint64>(timemath::pixelToTime(double(i), view, w), 0);
        const qint64 t1 = std::min(timemath::pixelToTime(double(i + 1), view, w), viewEnd);
        if (t1 < t0 || t0 > viewEnd)
            break;
        const std::size_t b0 = density->bucketOf(t0);
        const std::size_t b1 = std::min(buckets - 1, density->bucketOf(std::max(t0, t1 - 1)));
        qint32 best = -1;
        for (std::size_t b = b0; b <= b1 && b < buckets; ++b) {
            Channels here{};
            for (std::size_t c = 0; c < here.size(); ++c)
                here[c] = waiting[c][b];
            if (const qint32 t = total(here); t > best) {
                best = t;
                counts[std::size_t(i)] = here;
            }
            blockCounts[std::size_t(i)] = std::max(blockCounts[std::size_t(i)], blocked[b]);
        }
        most = std::max(most, best);
    }
    // Bins map to screen pixels; the block draws in build units: convert back.
    const auto toBuild = [&](int b) { return scale.x(timemath::pixelToTime(double(b), view, w)); };
    const float h = box.bottom - box.top;
    const float scaleTop = float(std::max(most, 1));
    const auto clipped = [&](float x0, float y0, float x1, float y1, VertexColor c) {
        y0 = std::max(y0, box.clipTop);
        y1 = std::min(y1, box.clipBottom);
        if (y1 > y0)
            bars.addRect(x0, y0, x1, y1, c);
    };
    // The scale: a base line and the peak's line (the legend names the peak).
    clipped(toBuild(0), box.bottom, toBuild(bins), box.bottom + 1, f.style->densityAxis);
    clipped(toBuild(0), box.top, toBuild(bins), box.top + 1, f.style->densityAxis);
    int i = 0;
    while (i < bins) {
        const Channels &c = counts[std::size_t(i)];
        int j = i + 1;
        while (j < bins && counts[std::size_t(j)] == c)
            ++j;
        float y = box.bottom;
        for (std::size_t k = 0; k < c.size(); ++k) {
            if (c[k] <= 0)
                continue;
            const float hh = std::max(1.0f, h * float(c[k]) / scaleTop);
            clipped(toBuild(i), y - hh, toBuild(j), y, f.style->density[k]);
            y -= hh;
        }
        i = j;
    }
    for (int k = 0; k < bins; ++k) {
        if (blockCounts[std::size_t(k)] > 0)
            clipped(toBuild(k), box.top - 5, toBuild(k + 1), box.top - 1, f.style->densityBlock);
    }
    return most;
}

} // namespace awaitscope
