#include "timelinestyle.h"

namespace awaitscope {

TimelineStyle TimelineStyle::from(const TimelineColors &c)
{
    const auto v = [](const QColor &color) { return VertexColor::from(color); };
    return {v(c.stripe),   v(c.selected), v(c.highlightRow), v(c.grid),       v(c.wait),
            v(c.join),     v(c.nested),   v(c.block),        v(c.failed),     v(c.cancelled),
            v(c.tick),     v(c.lifeline), v(c.errorMark),    v(c.cancelMark), v(c.highlight),
            v(c.playhead), v(c.density),  v(c.densityBlock)};
}

VertexColor TimelineStyle::spanColor(const Span &span, SiteKind siteKind) const
{
    if (span.kind == Span::Block)
        return block;
    if (!span.isOpen()) {
        if (span.result == WaitResult::Failed || span.result == WaitResult::TimedOut)
            return failed;
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

} // namespace awaitscope
