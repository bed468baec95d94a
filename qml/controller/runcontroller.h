#pragma once

#include "frameticker.h"
#include "recording.h"
#include "runsettings.h"
#include "runview.h"
#include "scriptsource.h"
#include "session.h"

#include <QObject>
#include <QtQml/qqmlregistration.h>
#include <memory>

namespace awaitscope {

/**
 * The window's side of the live run: the commands (run, pause, step, reset, cancel), the run's
 * state, and the per-frame poll that brings new trace events to the live view. The trace tells
 * about new events in batches; the controller reads them once per animation frame
 * (FrameTicker), never per event, and at most PollBudgetNs of them per frame: a burst is caught
 * up over the next frames instead of holding one.
 *
 * Stopping a big run (more than AsyncStopTasks running) is a small state machine: Run or Reset
 * first ask every task to unwind over several batches (Session::requestStop), and act once the
 * last one ended.
 *
 * In Python mode (script()->active()) the same commands drive the ScriptSource's ScriptRun
 * instead of the Session, and the view reads its trace.
 *
 * A run opened from a file (showRecording()) is shown as a finished run until the next Run,
 * Reset or mode switch: the live run is cleared, and the view reads the file's trace.
 */
class RunController : public QObject {
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(awaitscope::RunSettings *settings READ settings CONSTANT)
    Q_PROPERTY(awaitscope::RunView *view READ view CONSTANT)
    Q_PROPERTY(awaitscope::ScriptSource *script READ script CONSTANT)
    Q_PROPERTY(bool running READ running NOTIFY stateChanged)
    Q_PROPERTY(bool paused READ paused NOTIFY stateChanged)
    Q_PROPERTY(bool finished READ finished NOTIFY stateChanged)
    Q_PROPERTY(bool stopping READ stopping NOTIFY stateChanged)
    Q_PROPERTY(QString error READ error NOTIFY stateChanged)
    /// The run shown was opened from a file.
    Q_PROPERTY(bool showsRecording READ showsRecording NOTIFY stateChanged)
    /// ... and it is a trace from another program (no settings, no source: tracks and slices).
    Q_PROPERTY(bool showsForeignTrace READ showsForeignTrace NOTIFY stateChanged)
    /// What the opened file is, in a line of styled text for the header (empty: the live run).
    Q_PROPERTY(QString recordingDescription READ recordingDescription NOTIFY stateChanged)
public:
    /// Longest the index may spend reading new events in one frame.
    static constexpr qint64 PollBudgetNs = 2'000'000;
    /// With more running tasks than this, Run and Reset first stop the run over several frames
    /// (Session::requestStop) instead of unwinding every task at once: a million took 1.5 s.
    static constexpr int AsyncStopTasks = 10'000;
    /// How long the blocking scenario waits before it starts (and freezes the loop): a few
    /// frames, so the cleared view is on screen first.
    static constexpr int BlockingStartDelayMs = 80;

    explicit RunController(QObject *parent = nullptr);
    ~RunController() override;

    RunSettings *settings() noexcept { return &m_settings; }
    RunView *view() noexcept { return &m_view; }
    Session &session() noexcept { return m_session; }
    ScriptSource *script() noexcept { return &m_script; }
    const ScriptSource *script() const noexcept { return &m_script; }
    /// The runtime of the live run: the script's in Python mode, else the session's.
    Runtime &runtime() noexcept { return m_script.active() ? m_script.run().runtime() : m_session.runtime(); }
    const Runtime &runtime() const noexcept
    {
        return m_script.active() ? m_script.run().runtime() : m_session.runtime();
    }
    /// The configuration of the live run (for exports).
    const RunConfig &runConfig() const noexcept
    {
        return m_script.active() ? m_script.run().config() : m_session.config();
    }
    /// The run opened from a file that the view shows, or null (the live run).
    const Recording *recording() const noexcept { return m_recording.get(); }
    bool showsRecording() const noexcept { return m_recording != nullptr; }
    bool showsForeignTrace() const noexcept { return m_recording && m_recording->isForeign(); }
    QString recordingDescription() const;
    /// What the window shows, for exports: the opened file's run, or the live one.
    const Trace &shownTrace() const { return m_recording ? *m_recording->trace : runtime().trace(); }
    /// Its configuration (null for a trace from another program).
    const RunConfig *shownConfig() const
    {
        return m_recording ? (m_recording->config ? &*m_recording->config : nullptr) : &runConfig();
    }
    /// Shows a run read from a file, finished: the live run stops and is cleared.
    void showRecording(std::unique_ptr<Recording> recording);
    /// The text of a source file kept in the opened file (empty: none, or no file is shown).
    Q_INVOKABLE QString recordedSource(const QString &file) const
    {
        return m_recording ? m_recording->sources.value(file) : QString();
    }

    bool running() const noexcept
    {
        return m_script.active() ? m_script.run().isRunning() : m_session.isRunning();
    }
    bool paused() const { return runtime().isPaused(); }
    bool finished() const noexcept { return m_finished; }
    /// A big run is unwinding before a restart or a reset (see AsyncStopTasks).
    bool stopping() const noexcept { return m_afterStop != AfterStop::Nothing; }
    QString error() const { return m_error; }

    /// Starts the chosen scenario (restarting if one runs); false (and error set) if invalid.
    Q_INVOKABLE bool run();
    Q_INVOKABLE void togglePause();
    /// Space: starts a run when none is going, else pauses or resumes it.
    Q_INVOKABLE void runOrPause();
    Q_INVOKABLE void step();
    /// Stops the run and clears the trace.
    Q_INVOKABLE void reset();
    /// Cancels a task and its descendants: they unwind from their awaits (Delete on the
    /// selected lane, or its context menu). A root task (main) stops the whole run. Returns what
    /// happened, in a few words for the window's notice ("already finished: nothing to cancel").
    Q_INVOKABLE QString cancelTask(int task);
    Q_INVOKABLE QString formatDuration(double ns) const;

    /// Reads new trace events now (the per-frame poll does it by itself).
    void pollNow();

Q_SIGNALS:
    void stateChanged();
    /// After every poll, with the wall time it took (reading new events, models, bindings).
    void polled(qint64 durationNs);
    void runFinished();
    /// A short message for the window (what a cancel did), shown for a few seconds.
    void notice(const QString &text);

private:
    enum class AfterStop { Nothing, Run, Reset };
    void poll();
    /// After a run started (or failed to: m_error): the view starts over and polls each frame.
    bool started();
    void onRunEnded();
    /// Python mode on or off: the view reads the other run's trace.
    void switchMode();
    /// Starts an asynchronous stop if the run is big; then `then` happens once it has ended.
    bool stopFirst(AfterStop then);
    /// Back from an opened file to the live run's trace.
    void dropRecording();
    QString cancelQuietly(int task);

    RunSettings m_settings;
    Session m_session;
    ScriptSource m_script;
    std::unique_ptr<Recording> m_recording; // the run opened from a file, while shown (outlives the view)
    RunView m_view;
    FrameTicker m_ticker;
    bool m_finished = false;
    bool m_sessionFinished = false;
    AfterStop m_afterStop = AfterStop::Nothing;
    bool m_scriptRestarting = false; // the script run is being reset: its finished() is not an end
    bool m_startPending = false; // the blocking scenario's start, after BlockingStartDelayMs
    QString m_error;
};

} // namespace awaitscope
