#include "loopwarnings.h"

#include <algorithm>

namespace awaitscope {

std::size_t LoopWarnings::update(const TraceIndex &index)
{
    const std::vector<Hold> &holds = index.holds();
    if (holds.size() < m_warnings.size())
        m_warnings.clear(); // the index was cleared and read again
    const std::size_t before = m_warnings.size();
    for (std::size_t i = before; i < holds.size(); ++i)
        m_warnings.push_back(describe(index, holds[i]));
    return m_warnings.size() - before;
}

std::size_t LoopWarnings::deliberateCount() const noexcept
{
    return std::size_t(std::count_if(m_warnings.begin(), m_warnings.end(),
                                     [](const LoopWarning &w) { return w.deliberate; }));
}

LoopWarning LoopWarnings::describe(const TraceIndex &index, const Hold &hold)
{
    LoopWarning w;
    w.task = hold.task;
    w.timeNs = hold.timeNs;
    w.wallNs = hold.wallNs;
    w.beginNs = hold.timeNs;
    if (hold.task >= index.taskCount())
        return w;
    // The latest span that began by the hold's end: the blocked section it happened in, or the
    // await the task came back from before it held the loop.
    const auto &spans = index.track(hold.task).spans;
    for (std::size_t i = spans.size(); i-- > 0;) {
        const Span &s = spans[i];
        if (s.begin > hold.timeNs)
            continue;
        w.site = s.site;
        w.beginNs = s.kind == Span::Block ? s.begin : hold.timeNs;
        w.deliberate = s.kind == Span::Block && (s.isOpen() || s.end >= hold.timeNs);
        break;
    }
    return w;
}

} // namespace awaitscope
