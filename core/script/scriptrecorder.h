#pragma once

#include "runtime.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace awaitscope {

/**
 * The recording hooks of a script run: what the loop's `_dispatch` reports about asyncio's tasks
 * (spawned, resumed, suspended at a script line, finished) written into the run's Trace, as the
 * engine records C++ tasks. It knows which tasks are suspended, so a wait is never opened twice
 * nor left open: closeOpenWaits() resumes them as cancelled when the run ends.
 *
 * Python-free: ScriptRun forwards to it (and drops the calls of a script that no longer belongs
 * to the run).
 */
class ScriptRecorder {
public:
    explicit ScriptRecorder(Runtime &runtime) noexcept
        : m_runtime(runtime)
    {
    }

    /// Forgets the tasks of the last run and records the script's top level, a task named name.
    TaskId beginScript(const QString &name);
    TaskId scriptTask() const noexcept { return m_scriptTask; }
    /// A task this run recorded (so events may be appended for it).
    bool knows(TaskId task) const noexcept { return task < m_suspended.size(); }
    bool isSuspended(TaskId task) const noexcept { return knows(task) && m_suspended[task]; }

    /// Records a new task, a child of parent (a task not of this run: of the script's top level).
    TaskId spawn(const QString &pattern, qint32 arg, TaskId parent);
    /// The task's next step begins: it resumes (if it was suspended) with result, and becomes the
    /// scheduler's current task and the stepping one.
    void resume(TaskId task, WaitResult result);
    /// Interns a site (what is awaited, where) in the trace.
    SiteId site(const QString &label, const QByteArray &file, quint32 line, SiteKind kind);
    /// The task waits at site (ignored if it already waits, or the site is unknown).
    void suspend(TaskId task, SiteId site);
    /// The task ended (a wait still open resumes as cancelled first).
    void finish(TaskId task, TaskOutcome outcome, const QString &message);
    /// Every task still suspended resumes as cancelled (the run is ending), as C++ tasks do.
    void closeOpenWaits();

    /// The task the current wake-up steps (for holds), NoTask between wake-ups.
    TaskId stepping() const noexcept { return m_stepping; }
    void setStepping(TaskId task) noexcept { m_stepping = task; }

private:
    Runtime &m_runtime;
    TaskId m_scriptTask = NoTask;
    TaskId m_stepping = NoTask;
    std::vector<quint8> m_suspended; // per task: suspended at an await
};

} // namespace awaitscope
