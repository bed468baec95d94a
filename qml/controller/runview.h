#pragma once

#include "lanemodel.h"
#include "narrator.h"
#include "pacer.h"
#include "playhead.h"
#include "traceindex.h"

#include <QElapsedTimer>
#include <QObject>
#include <QStringList>
#include <QTimer>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * What the window shows of one trace: its index, its lanes, the summary counters, and which
 * source files its awaits point at with how many tasks wait in each. It reads any trace: the
 * live run's, or (later) a finished or loaded one; several views can exist at once.
 *
 * The owner calls update() once per frame: the index reads what was appended since, within a
 * time budget, and the view tells QML once (frame()). The numbers meant to be read (counters,
 * per-file waiting counts) change at most every ReadoutIntervalNs (readoutChanged()), and at once
 * when the run resets or ends: at 100,000 tasks they change every frame, and re-laying out their
 * text sixty times a second cost the GUI thread as much as reading the trace (perf), for digits
 * nobody can read at that rate.
 *
 * The view shows the run at its playhead's time: "now" while live (from the index), else any
 * earlier time (from the playhead's StateTimeline): the counters, the lanes' states, the code
 * counts and the caption are those of that time, and nowNs is that time.
 */
class RunView : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A RunView belongs to a RunController")
    Q_PROPERTY(awaitscope::TraceIndex *index READ index CONSTANT)
    Q_PROPERTY(awaitscope::LaneModel *lanes READ lanes CONSTANT)
    Q_PROPERTY(awaitscope::Playhead *playhead READ playhead CONSTANT)
    /// The time shown: the run's clock while the playhead is live, else the playhead's time.
    Q_PROPERTY(double nowNs READ nowNs NOTIFY frame)
    /// The clock as the numeric readouts show it (nowNs as of the latest readoutChanged()).
    Q_PROPERTY(double elapsedNs READ elapsedNs NOTIFY readoutChanged)
    // The getters below read the index as of now; only their notification is paced.
    Q_PROPERTY(int tasks READ tasks NOTIFY readoutChanged)
    Q_PROPERTY(int runningTasks READ runningTasks NOTIFY readoutChanged)
    Q_PROPERTY(int suspendedTasks READ suspendedTasks NOTIFY readoutChanged)
    Q_PROPERTY(int blockedTasks READ blockedTasks NOTIFY readoutChanged)
    Q_PROPERTY(int doneTasks READ doneTasks NOTIFY readoutChanged)
    Q_PROPERTY(int failedTasks READ failedTasks NOTIFY readoutChanged)
    Q_PROPERTY(int cancelledTasks READ cancelledTasks NOTIFY readoutChanged)
    Q_PROPERTY(double awaits READ awaits NOTIFY readoutChanged)
    Q_PROPERTY(double failedWaits READ failedWaits NOTIFY readoutChanged)
    Q_PROPERTY(double awaitedNs READ awaitedNs NOTIFY readoutChanged)
    Q_PROPERTY(double concurrency READ concurrency NOTIFY readoutChanged)
    Q_PROPERTY(QStringList sourceFiles READ sourceFiles NOTIFY sourceFilesChanged)
    Q_PROPERTY(QList<int> sourceWaiting READ sourceWaiting NOTIFY sourceWaitingChanged)
    Q_PROPERTY(int busiestSource READ busiestSource NOTIFY sourceWaitingChanged)
    /// The longest the loop was held (wall time) so far in this run: the freeze, after it ended.
    Q_PROPERTY(double longestHoldNs READ longestHoldNs NOTIFY readoutChanged)
    /// One sentence narrating the run (Narrator), for the caption strip.
    Q_PROPERTY(QString caption READ caption NOTIFY captionChanged)
public:
    explicit RunView(QObject *parent = nullptr);

    void setTrace(const Trace *trace);
    const Trace *trace() const noexcept { return m_index.trace(); }
    TraceIndex *index() noexcept { return &m_index; }
    const TraceIndex *index() const noexcept { return &m_index; }
    LaneModel *lanes() noexcept { return &m_lanes; }
    Playhead *playhead() noexcept { return &m_playhead; }
    /// True while the view shows an earlier time than now (the playhead is not live).
    bool inPast() const noexcept { return !m_playhead.live(); }

    /// The file listed first (the scenario's own), whether or not an await points at it yet.
    void setPrimarySource(const QString &file);
    /// Reads new events (at most budgetNs of them, negative: all) and moves the view's clock to
    /// nowNs (negative: the time of the latest event read). Emits frame() if anything changed;
    /// returns true if events were read.
    bool update(qint64 budgetNs, qint64 nowNs);

    qint64 now() const noexcept { return m_now; }
    double nowNs() const noexcept { return double(shownTime()); }
    double elapsedNs() const noexcept { return double(m_readoutNow); }
    static constexpr qint64 ReadoutIntervalNs = 100'000'000;
    /// The time shown (now, or the playhead's).
    qint64 shownTime() const noexcept { return inPast() ? m_playhead.time() : m_now; }
    int tasks() const { return inPast() ? int(m_at.started) : int(m_index.taskCount()); }
    int runningTasks() const
    {
        return inPast() ? int(m_at.running + m_at.waiting + m_at.blocked) : int(m_index.runningTasks());
    }
    int suspendedTasks() const { return inPast() ? int(m_at.waiting) : int(m_index.suspendedNow()); }
    int blockedTasks() const { return inPast() ? int(m_at.blocked) : int(m_index.blockedNow()); }
    int doneTasks() const { return inPast() ? int(m_at.done) : int(m_index.finishedOk()); }
    int failedTasks() const { return inPast() ? int(m_at.failed) : int(m_index.finishedFailed()); }
    int cancelledTasks() const { return inPast() ? int(m_at.cancelled) : int(m_index.finishedCancelled()); }
    double awaits() const { return inPast() ? double(m_at.awaits) : double(m_index.awaits()); }
    double failedWaits() const { return double(m_index.failedWaits()); }
    /// Awaited time so far (0 while showing the past: the index sums it for now only).
    double awaitedNs() const { return inPast() ? 0.0 : double(m_index.awaitedUntil(m_now)); }
    /// Awaited time per unit of elapsed time: how many waits overlapped on average.
    double concurrency() const { return m_now > 0 && !inPast() ? awaitedNs() / double(m_now) : 0.0; }

    QStringList sourceFiles() const { return m_sourceFiles; }
    /// Tasks waiting right now in each of sourceFiles.
    QList<int> sourceWaiting() const { return m_sourceWaiting; }
    /// The position of a file in sourceFiles, or -1.
    Q_INVOKABLE int sourceIndexOf(const QString &file) const { return int(m_sourceFiles.indexOf(file)); }
    /// The source file with the most tasks waiting now (kept while nothing waits).
    int busiestSource() const noexcept { return m_busiestSource; }

    double longestHoldNs() const { return double(m_index.longestHoldNs()); }
    QString caption() const { return m_caption; }
    /// What the run was asked to do, for the narration.
    void setFacts(const Narrator::RunFacts &facts) { m_narrator.setFacts(facts); }
    /// The run has ended (the narration says how it went).
    void setEnded(bool ended);

    /// Forgets what was shown (the trace was cleared): counters at zero, the clock at 0.
    void reset();

Q_SIGNALS:
    /// Once per update while something changed: new events, or the clock moved.
    void frame();
    /// The counters changed: at most every ReadoutIntervalNs of wall time, and on reset and end.
    void readoutChanged();
    void sourceFilesChanged();
    void sourceWaitingChanged();
    void captionChanged();

private:
    void updateSourceFiles();
    void updateSourceWaiting();
    void updateCaption();
    /// Tells QML the counters changed now (force) or once ReadoutIntervalNs has passed since the
    /// last time (the pacer catches the last change of a paused or finished run).
    void readout(bool force) { force ? m_readouts.flush() : m_readouts.changed(); }
    void onReadout();
    /// The playhead moved: the state at its time (or now again, when live).
    void showPlayhead();

    TraceIndex m_index;
    Playhead m_playhead;
    StateCounters m_at; // the counters at the playhead's time, while not live
    LaneModel m_lanes;
    QString m_primarySource;
    qint64 m_now = 0;
    QStringList m_sourceFiles;
    QList<int> m_sourceWaiting;
    int m_busiestSource = 0;
    Narrator m_narrator;
    QString m_caption;
    QElapsedTimer m_wall;
    Pacer m_readouts{ReadoutIntervalNs};
    qint64 m_readoutNow = 0;
    bool m_ended = false;
};

} // namespace awaitscope
