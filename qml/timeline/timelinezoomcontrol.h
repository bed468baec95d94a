#pragma once

#include "timemath.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * Where the timeline looks, as nested intervals of simulated nanoseconds: the whole trace
 * [0, traceEnd] contains the playhead, and the visible range (view) is any part of the axis. One
 * NOTIFY per interval. While following, the view keeps the playhead in its last tenth (never
 * before 0); panning stops following, F starts it again.
 *
 * Pixel arguments are in the timeline item's coordinates: width is its width.
 */
class TimelineZoomControl : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A TimelineZoomControl belongs to a TimelineItem")
    Q_PROPERTY(double traceEnd READ traceEndAsDouble NOTIFY traceChanged)
    Q_PROPERTY(double viewStart READ viewStartAsDouble WRITE setViewStart NOTIFY viewChanged)
    Q_PROPERTY(double viewDuration READ viewDurationAsDouble WRITE setViewDuration NOTIFY viewChanged)
    Q_PROPERTY(double playhead READ playheadAsDouble WRITE setPlayhead NOTIFY playheadChanged)
    Q_PROPERTY(bool follow READ follow WRITE setFollow NOTIFY followChanged)
    /// The user zoomed or panned during this run: the run's end leaves the view alone then.
    Q_PROPERTY(bool userAdjusted READ userAdjusted NOTIFY adjustedChanged)
public:
    /// Where the playhead sits in a followed view, as a fraction of its width.
    static constexpr double FollowAt = 0.9;
    /// The view of a run that just started.
    static constexpr qint64 DefaultViewNs = 500'000'000;

    explicit TimelineZoomControl(QObject *parent = nullptr);

    qint64 traceEnd() const noexcept { return m_traceEnd; }
    double traceEndAsDouble() const noexcept { return double(m_traceEnd); }
    /// The end of what was recorded so far (the latest event's time).
    void setTraceEnd(qint64 ns);

    timemath::View view() const noexcept { return m_view; }
    void setView(const timemath::View &view);
    double viewStartAsDouble() const noexcept { return double(m_view.start); }
    void setViewStart(double ns);
    double viewDurationAsDouble() const noexcept { return double(m_view.duration); }
    void setViewDuration(double ns);

    qint64 playhead() const noexcept { return m_playhead; }
    double playheadAsDouble() const noexcept { return double(m_playhead); }
    void setPlayhead(double ns);

    bool follow() const noexcept { return m_follow; }
    void setFollow(bool follow);

    Q_INVOKABLE void zoomAt(double x, double width, double factor);
    /// Keyboard zoom: around the playhead when it is in view, else the middle.
    Q_INVOKABLE void zoomBy(double width, double factor);
    /// Drags the axis by dx pixels (stops following).
    Q_INVOKABLE void panBy(double dx, double width);
    Q_INVOKABLE void panByPage(double pages, double width);
    /// Shows the whole run so far (at least a millisecond).
    Q_INVOKABLE void fitAll();
    bool userAdjusted() const noexcept { return m_userAdjusted; }
    /// A new run: following from 0 again, the default zoom, nothing adjusted.
    Q_INVOKABLE void restart();
    /// The run ended: fit it, unless the user zoomed or panned meanwhile.
    Q_INVOKABLE void runEnded();

Q_SIGNALS:
    void traceChanged();
    void viewChanged();
    void playheadChanged();
    void followChanged();
    void adjustedChanged();

private:
    void keepPlayheadInView();
    void markAdjusted();

    qint64 m_traceEnd = 0;
    timemath::View m_view{0, DefaultViewNs};
    qint64 m_playhead = 0;
    bool m_follow = true;
    bool m_userAdjusted = false;
};

} // namespace awaitscope
