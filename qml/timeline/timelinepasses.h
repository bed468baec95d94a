#pragma once

// The timeline's geometry passes: plain functions that fill batches of rectangles from a frame
// snapshot. The item owns the nodes and decides what to rebuild; each pass only draws.

#include "labelmodel.h"
#include "timelineframe.h"

#include <vector>

namespace awaitscope {

class QuadBatch;

/// A lane's closed spans, lifeline, resume ticks and outcome marks, at y0 in build units.
/// Sets *clipped if something of it depends on where the playhead is.
void buildLanePass(QuadBatch &bars, QuadBatch &marks, const TimelineFrame &f, const BuildScale &scale,
                   int row, float y0, bool *clipped);

/// Where a tall lane's density goes: bars stand on `bottom` and reach `top` at the peak; only
/// the part between clipTop and clipBottom (the rows of the block being built) is drawn.
struct DensityBox {
    float top, bottom, clipTop, clipBottom;
};

/// An aggregate lane: how many descendants wait (or block) over the visible range, one bin per
/// pixel, stacked by await site, from the index's density histogram. Returns the peak drawn
/// (the top of the scale).
qint32 buildDensityPass(QuadBatch &bars, const TimelineFrame &f, const BuildScale &scale, TaskId task,
                        const DensityBox &box);

/// Row stripes, the selection, the highlighted lanes and the grid (item coordinates).
void buildBackPass(QuadBatch &batch, const TimelineFrame &f, const std::vector<PlacedLabel> &ticks);

/// What is still open at the playhead (waits in progress, running tasks), the highlighted
/// awaits, and the playhead itself, for the visible lanes (item coordinates).
void buildLivePass(QuadBatch &batch, const TimelineFrame &f);

} // namespace awaitscope
