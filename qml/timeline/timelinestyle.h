#pragma once

#include "geometrybatch.h"
#include "timelinecolors.h"
#include "traceindex.h"

#include <array>

namespace awaitscope {

/// The timeline's colours as the vertex-colour material wants them: made once per theme change
/// (not once per lane or per frame).
struct TimelineStyle {
    VertexColor stripe, selected, highlightRow, grid, wait, join, nested, block, blockHatch, failed, timedOut,
        cancelled, tick, lifeline, errorMark, timeoutMark, cancelMark, highlight, playhead, hold,
        densityBlock, densityAxis;
    std::array<VertexColor, TimelineColors::DensitySites + 1> density;

    static TimelineStyle from(const TimelineColors &c);

    /// The fill of a span: by how it ended, else by what it waits on.
    VertexColor spanColor(const Span &span, SiteKind siteKind) const;
    /// The mark at the end of a wait that did not end well (failed, timed out, cancelled).
    VertexColor markColor(WaitResult result) const;
};

} // namespace awaitscope
