#pragma once

#include "runview.h"

#include <QObject>
#include <QString>
#include <QtQml/qqmlregistration.h>
#include <vector>

namespace awaitscope {

/**
 * One of Compare's three recordings, as the window shows it: its name, the scenario that ran it
 * and its code, its RunView (lanes, playhead, state at any time) over that run's trace, its
 * figures once finished, and the proof of responsiveness recorded during its own run: the loop
 * lag and frame time samples the ResponsivenessMonitor took while this variant ran, each with
 * the wall time it ended at (from the variant's start).
 */
class CompareVariant : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("A CompareVariant belongs to a CompareController")
    Q_PROPERTY(QString name READ name CONSTANT)
    /// How the window names it ("co_await" for "await").
    Q_PROPERTY(QString title READ title CONSTANT)
    /// How it does the job, in a few words ("all jobs at once (fan-out)").
    Q_PROPERTY(QString how READ how CONSTANT)
    Q_PROPERTY(QString scenario READ scenario CONSTANT)
    Q_PROPERTY(QString sourceFile READ sourceFile CONSTANT)
    Q_PROPERTY(awaitscope::RunView *view READ view CONSTANT)
    /// Waiting, running (its run in progress) or finished.
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY stateChanged)
    /// From its start to its last event, in the run's clock (-1 until finished).
    Q_PROPERTY(double totalNs READ totalNs NOTIFY stateChanged)
    /// The longest stretch the loop was held, in the run's clock (-1 until finished).
    Q_PROPERTY(double longestHoldNs READ longestHoldNs NOTIFY stateChanged)
    /// The wall time its run took (what the samples' times are measured against).
    Q_PROPERTY(double wallNs READ wallNs NOTIFY stateChanged)
    Q_PROPERTY(double maxLagMs READ maxLagMs NOTIFY samplesChanged)
    Q_PROPERTY(double maxFrameMs READ maxFrameMs NOTIFY samplesChanged)
public:
    /// A responsiveness sample: it ended atNs of wall time after the variant started, and
    /// lasted ms (a loop lag: how late the probe was; a frame: the time since the last one).
    struct Sample {
        qint64 atNs;
        float ms;
    };

    explicit CompareVariant(int index, QObject *parent = nullptr);

    int index() const noexcept { return m_index; }
    QString name() const;
    QString title() const;
    QString how() const;
    QString scenario() const;
    QString sourceFile() const;
    RunView *view() noexcept { return &m_view; }
    const RunView *view() const noexcept { return &m_view; }

    bool running() const noexcept { return m_running; }
    bool finished() const noexcept { return m_totalNs >= 0; }
    double totalNs() const noexcept { return double(m_totalNs); }
    double longestHoldNs() const noexcept { return double(m_longestHoldNs); }
    double wallNs() const noexcept { return double(m_wallEndNs - m_wallStartNs); }

    /// Its run starts at wallNs (the monitor's clock): samples are recorded from then on. On the
    /// real clock, speed is the run's (its clock is wall time times speed); 0: the virtual clock.
    void started(qint64 wallNs, double speed = 0);
    /// Its run ended at wallNs with these figures (run's clock).
    void ended(qint64 wallNs, qint64 totalNs, qint64 longestHoldNs);
    /// Forgets the run and its samples (a new compare, or leaving it).
    void clear();

    /// Whether a sample covering [atNs - ms, atNs] of the monitor's clock overlaps this run.
    bool covers(qint64 atNs, double ms) const;
    void addLag(qint64 atNs, double ms);
    void addFrame(qint64 atNs, double ms);
    const std::vector<Sample> &lags() const noexcept { return m_lags; }
    const std::vector<Sample> &frames() const noexcept { return m_frames; }
    double maxLagMs() const noexcept { return m_maxLagMs; }
    double maxFrameMs() const noexcept { return m_maxFrameMs; }
    /// A wall time from the variant's start in the run's clock: times the speed on the real
    /// clock; on the virtual clock scaled so that its wall duration spans its total.
    qint64 wallToRun(qint64 wallNs) const;

Q_SIGNALS:
    void stateChanged();
    void samplesChanged();

private:
    int m_index;
    RunView m_view;
    bool m_running = false;
    double m_speed = 0;
    qint64 m_wallStartNs = -1;
    qint64 m_wallEndNs = -1;
    qint64 m_totalNs = -1;
    qint64 m_longestHoldNs = -1;
    std::vector<Sample> m_lags;
    std::vector<Sample> m_frames;
    double m_maxLagMs = 0;
    double m_maxFrameMs = 0;
};

} // namespace awaitscope
