#pragma once

#include "labelmodel.h"
#include "timelineframe.h"

#include <vector>

namespace awaitscope {

/// Placement of the texts over the timeline (done on the GUI thread, at polish time).
namespace timelinelabels {

inline constexpr double LabelMinWidth = 60.0;
inline constexpr int MaxLabels = 200;
inline constexpr double TickSpacing = 110.0;

/// The time axis: a tick every 1, 2 or 5 x 10^k ns, at least TickSpacing pixels apart.
std::vector<PlacedLabel> ticks(const TimelineFrame &f);

/// Labels of the bars wide enough to hold one (visible lanes only, at most MaxLabels): what
/// each await waits on.
std::vector<PlacedLabel> barLabels(const TimelineFrame &f);

/// Where a task held the event loop longer than a frame: at the hold's time on its lane, with its
/// wall-clock duration.
std::vector<PlacedLabel> holdLabels(const TimelineFrame &f);

} // namespace timelinelabels

} // namespace awaitscope
