#pragma once

#include "network.h"
#include "runconfig.h"
#include "runtime.h"
#include "scriptdispatcher.h"
#include "scriptrecorder.h"
#include "scriptresult.h"

#include <QObject>
#include <QString>
#include <memory>
#include <vector>

class QEventLoop;
struct _object;

namespace awaitscope {

class ScriptWatchdog;

/**
 * One Python script run on one runtime and network: the Session of scripts. start() resets
 * whatever ran before, then runs the script as __main__ from a posted event; `asyncio.run()`
 * inside it runs on the engine (awaitscope.AwaitscopeLoop), so the trace, the clock, pause,
 * step and speed behave as for C++ scenarios. finished() tells when the script has returned
 * (or failed: result()).
 *
 * One run at a time executes Python (the interpreter is global); the functions under "For the
 * loop" are what the built-in module _awaitscope calls.
 */
class ScriptRun : public QObject {
    Q_OBJECT
public:
    explicit ScriptRun(QObject *parent = nullptr);
    ~ScriptRun() override;

    Runtime &runtime() noexcept { return m_runtime; }
    const Runtime &runtime() const noexcept { return m_runtime; }
    const Trace &trace() const noexcept { return m_runtime.trace(); }
    SimNetwork &network() noexcept { return m_network; }
    const RunConfig &config() const noexcept { return m_config; }
    /// The script being run (as given to start()), and its file name as tracebacks show it.
    const QString &source() const noexcept { return m_source; }
    const QString &fileName() const noexcept { return m_fileName; }
    /// Everything the script printed (stdout and stderr, in order).
    const QString &output() const noexcept { return m_output; }
    const ScriptResult &result() const noexcept { return m_result; }

    /// Longest a script may hold the event loop (one step, wall time) before it is interrupted.
    void setHoldLimitMs(qint64 ms) noexcept { m_holdLimitMs = ms; }
    qint64 holdLimitMs() const noexcept { return m_holdLimitMs; }
    static constexpr qint64 DefaultHoldLimitMs = 5000;

    /// Starts a run of source (fileName names it in the trace and tracebacks); returns an error
    /// message (and starts nothing) if config is invalid. The script runs from the event loop.
    QString start(const RunConfig &config, const QString &source, const QString &fileName);
    /// Stops the script: ScriptStopped is raised where it runs its loop, and asyncio.run cancels
    /// its tasks, which unwind (except/finally blocks run) within UnwindLimitMs; then, or on a
    /// second stop(), whatever is left is dropped. finished() tells when it is over; the trace
    /// is kept.
    void stop(const QString &why = QStringLiteral("stopped"));
    static constexpr int UnwindLimitMs = 3000;
    /// Session's name for stop() (which already lets the event loop run while tasks unwind).
    void requestStop() { stop(); }
    /// Stops and clears the trace and the output.
    void reset();
    bool isRunning() const noexcept { return m_running; }
    /// True while the script's Python code is on the stack (it spins nested event loops inside
    /// the event that started it). Do not destroy the run then: stop() it and wait for
    /// finished(), which comes once the script has unwound.
    bool isExecuting() const noexcept { return m_executing; }

    /// The run executing Python now, if any.
    static ScriptRun *active() noexcept;
    /// The watchdog's busy period epoch is still going on (the script still holds the loop).
    bool isHoldCurrent(quint64 epoch) const noexcept;

    // For the loop (called from Python through _awaitscope) ---------------------------------
    qint64 now() const noexcept { return m_runtime.now(); }
    /// Schedules handle (a new reference is taken) at dueNs (-1: now); returns a ticket.
    quint64 schedule(qint64 dueNs, _object *handle);
    void unschedule(quint64 ticket);
    /// The recording hooks (ScriptRecorder), dropped once the script no longer belongs to the run.
    TaskId spawn(const QString &pattern, qint32 arg, TaskId parent)
    {
        return stale() ? NoTask : m_recorder.spawn(pattern, arg, parent);
    }
    void resumeTask(TaskId task, WaitResult result)
    {
        if (!stale())
            m_recorder.resume(task, result);
    }
    SiteId site(const QString &label, const QByteArray &file, quint32 line, SiteKind kind)
    {
        return m_recorder.site(label, file, line, kind);
    }
    void suspendTask(TaskId task, SiteId site)
    {
        if (!stale())
            m_recorder.suspend(task, site);
    }
    void finishTask(TaskId task, TaskOutcome outcome, const QString &message)
    {
        if (!stale())
            m_recorder.finish(task, outcome, message);
    }
    /// Spins a nested event loop until the loop stops; false (and a Python error set) if the
    /// run was stopped or the script can never finish. The calling task (the script's top
    /// level) is recorded as waiting at file:line meanwhile.
    bool spin(bool stopAlready, const QString &label, const QByteArray &file, quint32 line);
    /// asyncio's loop.stop(): the nested loop returns once the current wake-up ended.
    void requestLoopStop();
    void write(int fd, const QString &text);
    /// time.sleep inside the script: a blocked section; false (Python error set) if interrupted.
    bool blockSleep(double seconds, const QString &label, const QByteArray &file, quint32 line);

Q_SIGNALS:
    void started();
    void finished();
    /// The script printed text (fd 1: stdout, 2: stderr).
    void outputWritten(const QString &text, int fd);

private:
    struct Pending;
    struct PyError {
        _object *type = nullptr;
        _object *value = nullptr;
        _object *tb = nullptr;
        explicit operator bool() const noexcept { return type != nullptr; }
    };
    static void onWake(void *ctx, WakeReason reason);
    void execScript(quint64 generation);
    void abort(ScriptResult::Status status, const QString &message);
    void requestScriptStop(ScriptResult::Status status, const QString &why);
    void stopNow(ScriptResult::Status status, const QString &why);
    void dropPython();
    void endRun();

    Runtime m_runtime;
    SimNetwork m_network;
    ScriptRecorder m_recorder{m_runtime}; // spawns, suspends, resumes, finishes: the trace
    ScriptDispatcher m_dispatcher; // runs the handles, records the task steps (cached sites)
    RunConfig m_config;
    QString m_source;
    QString m_fileName;
    QByteArray m_fileNameUtf8;
    QString m_output;
    ScriptResult m_result;
    std::vector<Pending *> m_deferred; // due after loop.stop(): run when the loop runs again
    std::vector<QEventLoop *> m_loops; // nested loops spinning, innermost last
    std::unique_ptr<ScriptWatchdog> m_watchdog;
    PyError m_pendingError; // escaped a wake-up: spin() raises it into the script
    qint64 m_holdLimitMs = DefaultHoldLimitMs;
    bool m_running = false;
    bool m_executing = false; // inside the script's exec (Python may run)
    bool m_loopStopping = false;
    /// Nothing the script does may reach the run any more: it was stopped hard, or the run it
    /// belongs to was reset or replaced while it unwinds.
    bool stale() const noexcept { return m_aborted || m_execGeneration != m_generation; }

    bool m_aborted = false;
    bool m_stopRequested = false; // stop() asked the script to unwind
    bool m_stopRaised = false; // ScriptStopped was raised into it
    quint64 m_generation = 0;
    quint64 m_execGeneration = 0; // the generation of the script on the stack
};

} // namespace awaitscope
