#include "timelinezoomcontrol.h"

namespace awaitscope {

TimelineZoomControl::TimelineZoomControl(QObject *parent)
    : QObject(parent)
{
}

void TimelineZoomControl::setTraceEnd(qint64 ns)
{
    if (ns == m_traceEnd)
        return;
    m_traceEnd = ns;
    Q_EMIT traceChanged();
}

void TimelineZoomControl::setView(const timemath::View &view)
{
    const timemath::View v{view.start, timemath::clampDuration(view.duration)};
    if (v == m_view)
        return;
    m_view = v;
    Q_EMIT viewChanged();
    keepPlayheadInView();
}

void TimelineZoomControl::setViewStart(double ns)
{
    setView({qint64(ns), m_view.duration});
}

void TimelineZoomControl::setViewDuration(double ns)
{
    setView({m_view.start, qint64(ns)});
}

void TimelineZoomControl::setPlayhead(double ns)
{
    const auto p = qint64(ns);
    if (p == m_playhead)
        return;
    m_playhead = p;
    Q_EMIT playheadChanged();
    keepPlayheadInView();
}

void TimelineZoomControl::setFollow(bool follow)
{
    if (m_follow == follow)
        return;
    m_follow = follow;
    Q_EMIT followChanged();
    keepPlayheadInView();
}

void TimelineZoomControl::keepPlayheadInView()
{
    if (!m_follow)
        return;
    // Keep the playhead in the last tenth of the view; never scroll before the run's start.
    const qint64 limit = m_view.start + qint64(double(m_view.duration) * FollowAt);
    if (m_playhead <= limit && m_playhead >= m_view.start)
        return;
    const qint64 start = std::max<qint64>(0, m_playhead - qint64(double(m_view.duration) * FollowAt));
    if (start == m_view.start)
        return;
    m_view.start = start;
    Q_EMIT viewChanged();
}

void TimelineZoomControl::zoomAt(double x, double width, double factor)
{
    markAdjusted();
    setView(timemath::zoomAround(m_view, x, width, factor));
}

void TimelineZoomControl::zoomBy(double width, double factor)
{
    double x = timemath::timeToPixel(m_playhead, m_view, width);
    if (x < 0 || x > width)
        x = width / 2;
    zoomAt(x, width, factor);
}

void TimelineZoomControl::panBy(double dx, double width)
{
    if (dx == 0.0)
        return;
    markAdjusted();
    setFollow(false);
    setView(timemath::panBy(m_view, dx, width));
}

void TimelineZoomControl::panByPage(double pages, double width)
{
    panBy(-pages * width * 0.8, width);
}

void TimelineZoomControl::markAdjusted()
{
    if (m_userAdjusted)
        return;
    m_userAdjusted = true;
    Q_EMIT adjustedChanged();
}

void TimelineZoomControl::restart()
{
    if (m_userAdjusted) {
        m_userAdjusted = false;
        Q_EMIT adjustedChanged();
    }
    setFollow(true);
    setPlayhead(0);
    setView({0, DefaultViewNs});
}

void TimelineZoomControl::runEnded()
{
    if (m_userAdjusted)
        return;
    setFollow(false);
    fitAll();
}

void TimelineZoomControl::fitAll()
{
    const qint64 end = std::max<qint64>(std::max(m_traceEnd, m_playhead), 1'000'000);
    setView({0, qint64(double(end) * 1.05)});
}

} // namespace awaitscope
