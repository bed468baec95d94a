#include "scriptrecorder.h"

namespace awaitscope {

TaskId ScriptRecorder::beginScript(const QString &name)
{
    m_suspended.clear();
    m_stepping = NoTask;
    m_scriptTask = m_runtime.beginTask(TaskName(name));
    m_suspended.resize(std::size_t(m_scriptTask) + 1, 0);
    return m_scriptTask;
}

TaskId ScriptRecorder::spawn(const QString &pattern, qint32 arg, TaskId parent)
{
    if (!knows(parent))
        parent = m_scriptTask;
    const CurrentTaskScope scope(&m_runtime.scheduler(), parent); // (beginTask's parent)
    const TaskId id = m_runtime.beginTask(TaskName(pattern, arg));
    if (m_suspended.size() <= id)
        m_suspended.resize(std::size_t(id) + 1, 0);
    return id;
}

void ScriptRecorder::resume(TaskId task, WaitResult result)
{
    if (!knows(task))
        return;
    if (m_suspended[task]) {
        m_suspended[task] = 0;
        m_runtime.trace().append(m_runtime.now(), task, EventKind::Resume, quint32(result));
    }
    m_runtime.scheduler().setCurrentTask(task); // (the dispatch's scope restores it)
    m_stepping = task;
}

SiteId ScriptRecorder::site(const QString &label, const QByteArray &file, quint32 line, SiteKind kind)
{
    return m_runtime.trace().site(label, file.constData(), line, kind);
}

void ScriptRecorder::suspend(TaskId task, SiteId site)
{
    if (!knows(task) || m_suspended[task] || site >= m_runtime.trace().siteCount())
        return;
    m_runtime.trace().append(m_runtime.now(), task, EventKind::Suspend, site);
    m_suspended[task] = 1;
}

void ScriptRecorder::finish(TaskId task, TaskOutcome outcome, const QString &message)
{
    if (!knows(task))
        return;
    if (m_suspended[task]) {
        m_suspended[task] = 0;
        m_runtime.trace().append(m_runtime.now(), task, EventKind::Resume, quint32(WaitResult::Cancelled));
    }
    m_runtime.endTask(task, outcome, message);
}

void ScriptRecorder::closeOpenWaits()
{
    for (TaskId t = 0; t < m_suspended.size(); ++t) {
        if (m_suspended[t]) {
            m_suspended[t] = 0;
            m_runtime.trace().append(m_runtime.now(), t, EventKind::Resume, quint32(WaitResult::Cancelled));
        }
    }
}

} // namespace awaitscope
