#include "playhead.h"

#include "timemath.h"

#include <algorithm>
#include <cmath>

namespace awaitscope {

Playhead::Playhead(QObject *parent)
    : QObject(parent)
    , m_ticker([this] { tick(); })
{
}

Playhead::~Playhead()
{
    m_ticker.stop();
}

void Playhead::setTrace(const Trace *trace)
{
    if (m_trace)
        disconnect(m_trace, nullptr, this, nullptr);
    m_trace = trace;
    m_timeline = trace ? std::make_unique<StateTimeline>(*trace) : nullptr;
    if (m_trace)
        connect(m_trace, &Trace::cleared, this, &Playhead::reset);
    reset();
}

void Playhead::reset()
{
    if (m_timeline)
        m_timeline->clear();
    stop();
    if (m_end != 0) {
        m_end = 0;
        Q_EMIT endChanged();
    }
    setTime(0, true);
}

bool Playhead::update(qint64 budgetNs, qint64 nowNs, bool readTimeline)
{
    const bool fresh = readTimeline && m_timeline && m_timeline->update(budgetNs);
    const qint64 end = std::max<qint64>(0, nowNs);
    const bool moved = end != m_end;
    m_end = end;
    if (moved)
        Q_EMIT endChanged();
    if (m_live)
        setTime(m_end, true);
    return fresh;
}

void Playhead::setSpeed(double speed)
{
    if (!(speed > 0) || speed == m_speed)
        return;
    m_speed = speed;
    Q_EMIT speedChanged();
}

void Playhead::setTime(qint64 t, bool live)
{
    const bool liveChanged = live != m_live;
    const bool moved = t != m_time;
    m_live = live;
    m_time = t;
    if (liveChanged)
        Q_EMIT this->liveChanged();
    if (moved || liveChanged)
        Q_EMIT timeChanged();
}

void Playhead::seek(double ns)
{
    if (!std::isfinite(ns))
        return;
    stop();
    setTime(std::clamp<qint64>(qint64(ns), 0, m_end), false);
}

void Playhead::goLive()
{
    stop();
    setTime(m_end, true);
}

bool Playhead::stepEvent(int direction)
{
    if (!m_timeline || direction == 0)
        return false;
    stop();
    const qint64 t =
        direction > 0 ? m_timeline->nextEventTime(m_time) : m_timeline->previousEventTime(m_time);
    if (t < 0 && m_live && !m_timeline->caughtUp()) {
        seek(double(m_time)); // a busy live run: the past is read from now on (RunView::update)
        return true;
    }
    if (t < 0)
        return false;
    seek(double(t));
    return true;
}

bool Playhead::stepAwait(int task, int direction)
{
    if (!m_timeline || task < 0 || quint32(task) >= m_timeline->taskCount() || direction == 0)
        return false;
    stop();
    const qint64 t = direction > 0 ? m_timeline->nextAwait(TaskId(task), m_time)
                                   : m_timeline->previousAwait(TaskId(task), m_time);
    if (t < 0)
        return false;
    seek(double(t));
    return true;
}

void Playhead::toStart()
{
    stop();
    seek(0);
}

void Playhead::toEnd()
{
    stop();
    seek(double(m_end));
}

void Playhead::togglePlay()
{
    if (playing()) {
        stop();
        return;
    }
    if (m_live || m_time >= m_end)
        setTime(0, false); // a replay from the start
    m_ticker.start(); // (its first tick, at once, starts the wall clock)
    Q_EMIT playingChanged();
}

void Playhead::stop()
{
    if (!playing())
        return;
    m_ticker.stop();
    Q_EMIT playingChanged();
}

void Playhead::tick()
{
    if (m_ticker.currentTime() == 0) {
        m_wall.start();
        m_lastTickNs = 0;
        return;
    }
    const qint64 wall = m_wall.nsecsElapsed();
    const qint64 t = m_time + qint64(double(wall - m_lastTickNs) * m_speed);
    m_lastTickNs = wall;
    if (t >= m_end) {
        goLive(); // caught up with the run (or its end)
        return;
    }
    setTime(t, false);
}

QList<int> Playhead::waitingAt(const QString &file, double t) const
{
    QList<int> counts;
    if (!m_timeline || !m_trace)
        return counts;
    for (const StateTimeline::LineCount &c : m_timeline->linesAt(qint64(t))) {
        const StateTimeline::Line &l = m_timeline->line(c.line);
        if (l.line < 1 || m_trace->string(l.file) != file)
            continue;
        if (counts.size() < qsizetype(l.line))
            counts.resize(qsizetype(l.line), 0);
        counts[qsizetype(l.line) - 1] += int(c.waiting);
    }
    return counts;
}

QList<int> Playhead::blockingAt(const QString &file, double t) const
{
    QList<int> lines;
    if (!m_timeline || !m_trace)
        return lines;
    for (quint32 i = 0; i < m_timeline->lineCount(); ++i) {
        const StateTimeline::Line &l = m_timeline->line(i);
        if (l.line < 1 || m_timeline->blockedAtLine(i, qint64(t)) == 0 || m_trace->string(l.file) != file)
            continue;
        if (lines.size() < qsizetype(l.line))
            lines.resize(qsizetype(l.line), 0);
        lines[qsizetype(l.line) - 1] = 1;
    }
    return lines;
}

QString Playhead::captionAt(const StateTimeline &timeline, qint64 t)
{
    const StateCounters c = timeline.countersAt(t);
    QString caption = QStringLiteral("At %1: ").arg(timemath::formatDuration(t));
    quint32 most = 0;
    quint32 busiest = 0;
    for (const StateTimeline::LineCount &l : timeline.linesAt(t)) {
        if (l.waiting > most) {
            most = l.waiting;
            busiest = l.line;
        }
    }
    if (c.blocked > 0) {
        caption += QStringLiteral("the loop is held: nothing else runs; ");
    } else if (most > 0) {
        const StateTimeline::Line &l = timeline.line(busiest);
        caption += (most == 1 ? QStringLiteral("1 task waits") : QStringLiteral("%L1 tasks wait").arg(most)) +
            QStringLiteral(" on line %1 of %2; ").arg(l.line).arg(timeline.trace().string(l.file));
    }
    caption += QStringLiteral("%L1 of %L2 tasks started, %L3 waiting, %L4 ended")
                   .arg(c.started)
                   .arg(timeline.taskCount())
                   .arg(c.waiting)
                   .arg(c.done + c.failed + c.cancelled);
    if (c.failed + c.cancelled > 0)
        caption += QStringLiteral(" (%L1 failed, %L2 cancelled)").arg(c.failed).arg(c.cancelled);
    return caption;
}

} // namespace awaitscope
