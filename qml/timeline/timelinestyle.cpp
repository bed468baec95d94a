#include "timelinestyle.h"

namespace awaitscope {

TimelineStyle TimelineStyle::from(const TimelineColors &c)
{
    const auto v = [](const QColor &color) { return VertexColor::from(color); };
    TimelineStyle s{
        .stripe = v(c.stripe),
        .selected = v(c.selected),
        .highlightRow = v(c.highlightRow),
        .grid = v(c.grid),
        .wait = v(c.wait),
        .join = v(c.join),
        .nested = v(c.nested),
        .block = v(c.block),
        .blockHatch = v(c.blockHatch),
        .failed = v(c.failed),
        .timedOut = v(c.timedOut),
        .cancelled = v(c.cancelled),
        .tick = v(c.tick),
        .lifeline = v(c.lifeline),
        .errorMark = v(c.errorMark),
        .timeoutMark = v(c.timeoutMark),
        .cancelMark = v(c.cancelMark),
        .highlight = v(c.highlight),
        .playhead = v(c.playhead),
        .hold = v(c.hold),
        .densityBlock = v(c.densityBlock),
        .densityAxis = v(c.densityAxis),
        .density = {},
    };
    for (std::size_t i = 0; i < c.density.size(); ++i)
        s.density[i] = v(c.density[i]);
    return s;
}

VertexColor TimelineStyle::spanColor(const Span &span, SiteKind siteKind) const
{
    if (span.kind == Span::Block)
        return block;
    if (!span.isOpen()) {
        if (span.result == WaitResult::Failed)
            return failed;
        if (span.result == WaitResult::TimedOut)
            return timedOut;
        if (span.result == WaitResult::Cancelled)
            return cancelled;
    }
    switch (siteKind) {
    case SiteKind::Join:
        return join;
    case SiteKind::NestedLoop:
        return nested;
    case SiteKind::Blocking:
        return block;
    case SiteKind::Wait:
        break;
    }
    return wait;
}

VertexColor TimelineStyle::markColor(WaitResult result) const
{
    switch (result) {
    case WaitResult::TimedOut:
        return timeoutMark;
    case WaitResult::Cancelled:
        return cancelMark;
    default:
        return errorMark;
    }
}

} // namespace awaitscope
