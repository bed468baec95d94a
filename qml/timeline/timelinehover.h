#pragma once

#include "timelineframe.h"

namespace awaitscope {

/// What is under the pointer on the timeline, and how to say it.
namespace timelinehover {

struct Hit {
    TaskId task = NoTask;
    const Span *span = nullptr;
};

/// The lane at y and the span at x (blocked sections and the innermost await win).
Hit hitTest(const TimelineFrame &f, double x, double y);

/// The hover text for a hit: the task, and the await or section under the pointer with its
/// source line, start, duration and outcome. Empty over nothing.
QString describe(const TimelineFrame &f, const Hit &hit);

} // namespace timelinehover

} // namespace awaitscope
