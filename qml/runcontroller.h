#pragma once

#include "commandline.h"
#include "frameticker.h"
#include "lanemodel.h"
#include "scenariomodel.h"
#include "session.h"
#include "traceindex.h"

#include <QObject>
#include <QStringList>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * The window's side of a run: the knobs (scenario, jobs, network, seed, speed), the commands
 * (run, pause, step, reset), and the per-frame poll that brings new trace events to the index,
 * the lanes and the summary. The trace tells about new events in batches; the controller reads
 * them once per animation frame (FrameTicker), never per event, and at most PollBudgetNs of
 * them per frame: a burst is caught up over the next frames instead of holding one.
 */
class RunController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(awaitscope::ScenarioModel *scenarios READ scenarios CONSTANT)
    Q_PROPERTY(awaitscope::TraceIndex *index READ index CONSTANT)
    Q_PROPERTY(awaitscope::LaneModel *lanes READ lanes CONSTANT)

    Q_PROPERTY(int scenarioIndex READ scenarioIndex WRITE setScenarioIndex NOTIFY scenarioChanged)
    Q_PROPERTY(QString scenarioId READ scenarioId NOTIFY scenarioChanged)
    Q_PROPERTY(QString scenarioTitle READ scenarioTitle NOTIFY scenarioChanged)
    Q_PROPERTY(QString scenarioSummary READ scenarioSummary NOTIFY scenarioChanged)
    Q_PROPERTY(QString scenarioLookFor READ scenarioLookFor NOTIFY scenarioChanged)
    Q_PROPERTY(QString sourceFile READ sourceFile NOTIFY scenarioChanged)
    Q_PROPERTY(int maxJobs READ maxJobs NOTIFY scenarioChanged)
    Q_PROPERTY(QList<int> jobPresets READ jobPresets NOTIFY scenarioChanged)
    Q_PROPERTY(bool blocksEventLoop READ blocksEventLoop NOTIFY scenarioChanged)

    Q_PROPERTY(int jobs READ jobs WRITE setJobs NOTIFY configChanged)
    Q_PROPERTY(double latencyMs READ latencyMs WRITE setLatencyMs NOTIFY configChanged)
    Q_PROPERTY(double jitterMs READ jitterMs WRITE setJitterMs NOTIFY configChanged)
    Q_PROPERTY(double failureRate READ failureRate WRITE setFailureRate NOTIFY configChanged)
    Q_PROPERTY(int seed READ seed WRITE setSeed NOTIFY configChanged)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY configChanged)
    Q_PROPERTY(double minSpeed READ minSpeed CONSTANT)
    Q_PROPERTY(double maxSpeed READ maxSpeed CONSTANT)

    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(bool paused READ paused NOTIFY stateChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY stateChanged)
    Q_PROPERTY(bool stopping READ stopping NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    Q_PROPERTY(double nowNs READ nowNs NOTIFY frame)

    Q_PROPERTY(int tasks READ tasks NOTIFY frame)
    Q_PROPERTY(int runningTasks READ runningTasks NOTIFY frame)
    Q_PROPERTY(int suspendedTasks READ suspendedTasks NOTIFY frame)
    Q_PROPERTY(int blockedTasks READ blockedTasks NOTIFY frame)
    Q_PROPERTY(int doneTasks READ doneTasks NOTIFY frame)
    Q_PROPERTY(int failedTasks READ failedTasks NOTIFY frame)
    Q_PROPERTY(int cancelledTasks READ cancelledTasks NOTIFY frame)
    Q_PROPERTY(double awaits READ awaits NOTIFY frame)
    Q_PROPERTY(double failedWaits READ failedWaits NOTIFY frame)
    Q_PROPERTY(double awaitedNs READ awaitedNs NOTIFY frame)
    Q_PROPERTY(double concurrency READ concurrency NOTIFY frame)
    Q_PROPERTY(QStringList sourceFiles READ sourceFiles NOTIFY sourceFilesChanged)
    Q_PROPERTY(QList<int> sourceWaiting READ sourceWaiting NOTIFY sourceWaitingChanged)
    Q_PROPERTY(int busiestSource READ busiestSource NOTIFY sourceWaitingChanged)
public:
    /// Longest the index may spend reading new events in one frame.
    static constexpr qint64 PollBudgetNs = 2'000'000;
    /// With more running tasks than this, Run and Reset first stop the run over several frames
    /// (Session::requestStop) instead of unwinding every task at once: a million took 1.5 s.
    static constexpr int AsyncStopTasks = 10'000;
    /// The window's pace when --speed is not given: a 100 ms request takes a second on screen.
    static constexpr double TeachingSpeed = 0.1;

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    /// Applies the command line: remembered settings (unless persist is false) under the options
    /// that were given.
    void configure(const CommandLineOptions &options, bool persist);

    ScenarioModel *scenarios() noexcept { return &m_scenarios; }
    TraceIndex *index() noexcept { return &m_index; }
    LaneModel *lanes() noexcept { return &m_lanes; }
    Session &session() noexcept { return m_session; }

    int scenarioIndex() const noexcept { return m_scenarioIndex; }
    void setScenarioIndex(int index);
    const Scenario &scenario() const;
    QString scenarioId() const { return scenario().id; }
    QString scenarioTitle() const { return scenario().title; }
    QString scenarioSummary() const { return scenario().summary; }
    QString scenarioLookFor() const { return scenario().lookFor; }
    QString sourceFile() const { return scenario().sourceFile; }
    int maxJobs() const { return scenario().maxJobs; }
    QList<int> jobPresets() const { return scenario().jobPresets; }
    bool blocksEventLoop() const { return scenario().blocksEventLoop; }

    int jobs() const noexcept { return m_jobs; }
    void setJobs(int jobs);
    double latencyMs() const noexcept { return m_config.network.latencyMs; }
    void setLatencyMs(double ms);
    double jitterMs() const noexcept { return m_config.network.jitterMs; }
    void setJitterMs(double ms);
    double failureRate() const noexcept { return m_config.network.failureRate; }
    void setFailureRate(double p);
    int seed() const noexcept { return int(m_config.seed); }
    void setSeed(int seed);
    double speed() const noexcept { return m_config.speed; }
    void setSpeed(double speed);
    static double minSpeed() { return SimClock::MinSpeed; }
    static double maxSpeed() { return SimClock::MaxSpeed; }

    bool running() const noexcept { return m_session.isRunning(); }
    bool paused() const { return m_session.runtime().isPaused(); }
    bool finished() const noexcept { return m_finished; }
    /// A big run is unwinding before a restart or a reset (see AsyncStopTasks).
    bool stopping() const noexcept { return m_afterStop != AfterStop::Nothing; }
    QString error() const { return m_error; }
    double nowNs() const noexcept { return double(m_now); }

    int tasks() const { return int(m_index.taskCount()); }
    int runningTasks() const { return int(m_index.runningTasks()); }
    int suspendedTasks() const { return int(m_index.suspendedNow()); }
    int blockedTasks() const { return int(m_index.blockedNow()); }
    int doneTasks() const { return int(m_index.finishedOk()); }
    int failedTasks() const { return int(m_index.finishedFailed()); }
    int cancelledTasks() const { return int(m_index.finishedCancelled()); }
    double awaits() const { return double(m_index.awaits()); }
    double failedWaits() const { return double(m_index.failedWaits()); }
    double awaitedNs() const { return double(m_index.awaitedUntil(m_now)); }
    /// Awaited time per unit of elapsed time: how many waits overlapped on average.
    double concurrency() const { return m_now > 0 ? awaitedNs() / double(m_now) : 0.0; }
    QStringList sourceFiles() const { return m_sourceFiles; }
    /// Tasks waiting right now in each of sourceFiles.
    QList<int> sourceWaiting() const { return m_sourceWaiting; }
    /// The position of a file in sourceFiles, or -1.
    Q_INVOKABLE int sourceIndexOf(const QString &file) const { return int(m_sourceFiles.indexOf(file)); }
    /// The source file with the most tasks waiting now (kept while nothing waits).
    int busiestSource() const noexcept { return m_busiestSource; }

    /// The run configuration the knobs describe.
    RunConfig runConfig() const;

    /// Starts the chosen scenario (restarting if one runs); false (and error set) if invalid.
    Q_INVOKABLE bool run();
    Q_INVOKABLE void togglePause();
    /// Space: starts a run when none is going, else pauses or resumes it.
    Q_INVOKABLE void runOrPause();
    Q_INVOKABLE void step();
    /// Stops the run and clears the trace.
    Q_INVOKABLE void reset();
    /// Cancels a task and its descendants: they unwind from their awaits.
    Q_INVOKABLE void cancelTask(int task);
    Q_INVOKABLE QString formatDuration(double ns) const;

    /// Reads new trace events now (the per-frame poll does it by itself).
    void pollNow();

Q_SIGNALS:
    void scenarioChanged();
    void configChanged();
    void stateChanged();
    void sourceFilesChanged();
    void sourceWaitingChanged();
    /// Once per frame while something changed: new events, or the clock moved.
    void frame();
    /// After every poll, with the wall time it took (reading new events, models, bindings).
    void polled(qint64 durationNs);
    void runFinished();

private:
    void poll();
    void save() const;
    void load();
    void updateSourceFiles();
    void updateSourceWaiting();

    ScenarioModel m_scenarios;
    Session m_session;
    TraceIndex m_index;
    LaneModel m_lanes;
    FrameTicker m_ticker;
    RunConfig m_config;
    int m_scenarioIndex = 0;
    int m_jobs = 1;
    qint64 m_now = 0;
    bool m_finished = false;
    bool m_sessionFinished = false;
    enum class AfterStop { Nothing, Run, Reset };
    AfterStop m_afterStop = AfterStop::Nothing;
    /// Starts an asynchronous stop if the run is big; then `then` happens once it has ended.
    bool stopFirst(AfterStop then);
    /// Sets a network knob if it changed: tells, and remembers it.
    void setNetworkValue(double &field, double value);
    bool m_persist = false;
    QString m_error;
    QStringList m_sourceFiles;
    QList<int> m_sourceWaiting;
    int m_busiestSource = 0;
};

} // namespace awaitscope
