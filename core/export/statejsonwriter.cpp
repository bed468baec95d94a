#include "statejsonwriter.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace awaitscope {

namespace {

/// Milliseconds as JSON: a whole number when it is one, else with the nanoseconds.
QJsonValue milliseconds(qint64 ns)
{
    if (ns % 1'000'000 == 0)
        return QJsonValue(ns / 1'000'000);
    return QJsonValue(double(ns) / 1e6);
}

} // namespace

QByteArray StateJsonWriter::at(qint64 timeNs) const
{
    const Trace &trace = m_timeline.trace();
    const StateCounters c = m_timeline.countersAt(timeNs);
    QJsonObject counters{
        {QStringLiteral("started"), qint64(c.started)},     {QStringLiteral("running"), qint64(c.running)},
        {QStringLiteral("waiting"), qint64(c.waiting)},     {QStringLiteral("blocked"), qint64(c.blocked)},
        {QStringLiteral("done"), qint64(c.done)},           {QStringLiteral("failed"), qint64(c.failed)},
        {QStringLiteral("cancelled"), qint64(c.cancelled)}, {QStringLiteral("awaits"), qint64(c.awaits)},
    };
    QJsonArray tasks;
    for (TaskId id = 0; id < m_timeline.taskCount() && id < trace.taskCount(); ++id) {
        const TaskStateAt s = m_timeline.stateAt(id, timeNs);
        QJsonObject task{
            {QStringLiteral("id"), qint64(id)},
            {QStringLiteral("name"), trace.taskName(id)},
            {QStringLiteral("state"), QString(taskStateName(s.state))},
        };
        if (s.site != NoSite) {
            const Site &site = trace.siteAt(s.site);
            task.insert(QStringLiteral("since_ms"), milliseconds(s.sinceNs));
            task.insert(QStringLiteral("file"), trace.string(site.file));
            task.insert(QStringLiteral("line"), qint64(site.line));
            task.insert(QStringLiteral("call"), trace.string(site.label));
        }
        tasks.append(task);
    }
    QJsonArray lines;
    for (const auto &[line, waiting] : m_timeline.linesAt(timeNs)) {
        const StateTimeline::Line &where = m_timeline.line(line);
        lines.append(QJsonObject{
            {QStringLiteral("file"), trace.string(where.file)},
            {QStringLiteral("line"), qint64(where.line)},
            {QStringLiteral("waiting"), qint64(waiting)},
        });
    }
    const QJsonObject state{
        {QStringLiteral("time_ms"), milliseconds(timeNs)},
        {QStringLiteral("counters"), counters},
        {QStringLiteral("tasks"), tasks},
        {QStringLiteral("lines"), lines},
    };
    return QJsonDocument(state).toJson(QJsonDocument::Compact);
}

} // namespace awaitscope
