#pragma once

#include "geometrybatch.h"
#include "timelinecolors.h"
#include "traceindex.h"

namespace awaitscope {

/// The timeline's colours as the vertex-colour material wants them: made once per theme change
/// (not once per lane or per frame).
struct TimelineStyle {
    VertexColor stripe, selected, highlightRow, grid, wait, join, nested, block, failed, cancelled, tick,
        lifeline, errorMark, cancelMark, highlight, playhead, density, densityBlock;

    static TimelineStyle from(const TimelineColors &c);

    /// The fill of a span: by how it ended, else by what it waits on.
    VertexColor spanColor(const Span &span, SiteKind siteKind) const;
};

} // namespace awaitscope
