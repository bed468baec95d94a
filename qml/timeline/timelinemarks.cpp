#include "timelinemarks.h"

#include <algorithm>
#include <cmath>

namespace awaitscope::marks {

namespace {

/// A bar of the given thickness from a to b.
void stroke(QuadBatch &batch, QPointF a, QPointF b, float width, VertexColor c)
{
    const QPointF d = b - a;
    const double len = std::hypot(d.x(), d.y());
    if (len <= 0)
        return;
    const QPointF n(-d.y() / len * width / 2, d.x() / len * width / 2);
    batch.addQuad(a + n, b + n, b - n, a - n, c);
}

} // namespace

void cross(QuadBatch &batch, float x, float y, float r, VertexColor c)
{
    const float w = std::max(2.0f, r / 2.5f);
    stroke(batch, {x - r, y - r}, {x + r, y + r}, w, c);
    stroke(batch, {x - r, y + r}, {x + r, y - r}, w, c);
}

void diamond(QuadBatch &batch, float x, float y, float r, VertexColor c)
{
    batch.addQuad({x, y - r}, {x + r, y}, {x, y + r}, {x - r, y}, c);
}

void slash(QuadBatch &batch, float x, float y, float r, VertexColor c)
{
    stroke(batch, {x - r / 2, y + r}, {x + r / 2, y - r}, std::max(2.5f, r / 2.2f), c);
}

void outcome(QuadBatch &batch, WaitResult result, float x, float y, float r, VertexColor c)
{
    switch (result) {
    case WaitResult::Failed:
        cross(batch, x, y, r, c);
        break;
    case WaitResult::TimedOut:
        diamond(batch, x, y, r, c);
        break;
    case WaitResult::Cancelled:
        slash(batch, x, y, r, c);
        break;
    case WaitResult::Ok:
        break;
    }
}

void hatch(QuadBatch &batch, float x0, float y0, float x1, float y1, float gap, VertexColor c)
{
    const float h = y1 - y0;
    const float w = gap / 2.5f;
    if (h <= 0 || x1 - x0 < h + w || gap <= 0)
        return; // too narrow to carry stripes: the fill alone says it
    // Parallelograms leaning right, each wholly inside the rectangle.
    for (float x = x0; x + h + w <= x1; x += gap)
        batch.addQuad({x, y1}, {x + w, y1}, {x + w + h, y0}, {x + h, y0}, c);
}

} // namespace awaitscope::marks
