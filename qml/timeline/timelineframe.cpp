#include "timelineframe.h"

#include <algorithm>
#include <cmath>

namespace awaitscope {

int TimelineFrame::firstVisibleRow() const
{
    return std::max(0, int(std::floor(contentY / rowHeight)));
}

int TimelineFrame::lastVisibleRow() const
{
    if (!lanes)
        return -1;
    return std::min(lanes->count() - 1, int(std::floor((contentY + height) / rowHeight)));
}

bool TimelineFrame::isHighlighted(SiteId site) const
{
    if (highlightLine <= 0 || !index || !index->trace())
        return false;
    const Site &s = trace().siteAt(site);
    return int(s.line) == highlightLine && trace().string(s.file) == highlightFile;
}

} // namespace awaitscope
