#pragma once

#include "frameticker.h"
#include "statetimeline.h"

#include <QElapsedTimer>
#include <QList>
#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace awaitscope {

/**
 * The time the window shows, its own: during a live run it follows "now" (live); the user can
 * move it to any time of the run (seek, steps, play), live or finished, and the run goes on
 * underneath. What the run was like at that time comes from a StateTimeline over the view's
 * trace, read once per frame within a budget (update()), never per event.
 *
 * Play moves the time forwards at `speed` simulated seconds per wall second (the speed slider);
 * reaching the latest time it becomes live again. The RunView that owns the playhead re-reads
 * the state (counters, lanes, code counts, caption) when the shown time moves.
 */
class Playhead : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A Playhead belongs to a RunView")
    /// True while the shown time is "now" (the run's latest time).
    Q_PROPERTY(bool live READ live NOTIFY liveChanged)
    /// The time shown, in simulated nanoseconds (now, while live).
    Q_PROPERTY(double timeNs READ timeNsAsDouble NOTIFY timeChanged)
    /// The latest time of the run so far (its end, once finished).
    Q_PROPERTY(double endNs READ endNsAsDouble NOTIFY endChanged)
    Q_PROPERTY(bool playing READ playing NOTIFY playingChanged)
    /// Simulated time per wall time while playing.
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY speedChanged)
public:
    explicit Playhead(QObject *parent = nullptr);
    ~Playhead() override;

    /// The trace to read (null: none). Forgets what was read, and becomes live.
    void setTrace(const Trace *trace);
    /// The state of the run at any time (null without a trace).
    const StateTimeline *timeline() const noexcept { return m_timeline.get(); }

    /// Once per frame: reads new events (at most budgetNs of them, negative: all) and, while live,
    /// follows nowNs. Returns true if events were read.
    /// The run's clock moved to nowNs (live: the playhead follows); the state timeline reads
    /// what was appended, within budgetNs, unless readTimeline is false (a busy live run).
    bool update(qint64 budgetNs, qint64 nowNs, bool readTimeline = true);
    /// True when the timeline has read every event of the trace.
    bool caughtUp() const noexcept { return !m_timeline || m_timeline->caughtUp(); }
    /// The trace was cleared or replaced: live at 0 again, nothing read.
    void reset();

    bool live() const noexcept { return m_live; }
    qint64 time() const noexcept { return m_time; }
    double timeNsAsDouble() const noexcept { return double(m_time); }
    qint64 end() const noexcept { return m_end; }
    double endNsAsDouble() const noexcept { return double(m_end); }
    bool playing() const noexcept { return m_ticker.isActive(); }
    double speed() const noexcept { return m_speed; }
    void setSpeed(double speed);

    /// Shows the run at ns (clamped to [0, end]); no longer live.
    Q_INVOKABLE void seek(double ns);
    /// Back to now (the key F).
    Q_INVOKABLE void goLive();
    /// To the next (direction > 0) or previous event; false if there is none.
    Q_INVOKABLE bool stepEvent(int direction);
    /// To the task's next or previous await; false if there is none.
    Q_INVOKABLE bool stepAwait(int task, int direction);
    Q_INVOKABLE void toStart();
    Q_INVOKABLE void toEnd();
    /// Plays forwards from the shown time (from the start if it is at the end), or stops.
    Q_INVOKABLE void togglePlay();
    Q_INVOKABLE void stop();

    /// Tasks waiting (or blocking) on each line of file at t: index line - 1, up to the last
    /// line with any (empty if none).
    Q_INVOKABLE QList<int> waitingAt(const QString &file, double t) const;
    /// 1 for each line of file that held the loop at t (blocked sections), else 0.
    Q_INVOKABLE QList<int> blockingAt(const QString &file, double t) const;

    /// The caption of a time in the past: when, where most tasks wait, what has ended.
    static QString captionAt(const StateTimeline &timeline, qint64 t);

Q_SIGNALS:
    void liveChanged();
    void timeChanged();
    void endChanged();
    void playingChanged();
    void speedChanged();

private:
    void setTime(qint64 t, bool live);
    void tick();

    std::unique_ptr<StateTimeline> m_timeline;
    const Trace *m_trace = nullptr;
    bool m_live = true;
    qint64 m_time = 0;
    qint64 m_end = 0;
    double m_speed = 1.0;
    FrameTicker m_ticker;
    QElapsedTimer m_wall;
    qint64 m_lastTickNs = 0;
};

} // namespace awaitscope
