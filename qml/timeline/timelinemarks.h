#pragma once

// Marks drawn on the timeline, each outcome with its own shape so that colour is never the only
// difference (colour-blind viewers, washed-out projectors): a cross for a failure, a diamond for
// a timeout, a slash for a cancellation, diagonal hatching over a section that holds the loop.

#include "geometrybatch.h"
#include "trace.h"

namespace awaitscope::marks {

/// An X of half-size r centred on (x, y).
void cross(QuadBatch &batch, float x, float y, float r, VertexColor c);
/// A diamond of half-size r centred on (x, y).
void diamond(QuadBatch &batch, float x, float y, float r, VertexColor c);
/// A slash (/) of half-height r centred on (x, y).
void slash(QuadBatch &batch, float x, float y, float r, VertexColor c);
/// The shape for how a wait ended (nothing for Ok).
void outcome(QuadBatch &batch, WaitResult result, float x, float y, float r, VertexColor c);
/// Diagonal stripes inside the rectangle [x0, x1] x [y0, y1], `gap` pixels apart.
void hatch(QuadBatch &batch, float x0, float y0, float x1, float y1, float gap, VertexColor c);

} // namespace awaitscope::marks
