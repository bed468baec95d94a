#pragma once

// Shared helpers for the engine's tests: run a session to its end on the virtual clock, and
// read lanes out of a trace.

#include "session.h"
#include "trace.h"

#include <QSignalSpy>
#include <QTest>
#include <vector>

namespace awaitscope::test {

/// Runs config (virtual clock unless set otherwise) until every task ended. False on timeout.
inline bool runToEnd(Session &session, RunConfig config, int timeoutMs = 20000)
{
    QSignalSpy finished(&session, &Session::finished);
    const QString error = session.start(config);
    if (!error.isEmpty()) {
        qWarning() << "start failed:" << error;
        return false;
    }
    return !session.isRunning() || finished.wait(timeoutMs);
}

inline RunConfig virtualConfig(const QString &scenario, int jobs = -1)
{
    RunConfig c;
    c.scenario = scenario;
    c.jobs = jobs;
    c.clock = ClockMode::Virtual;
    c.network.latencyMs = 100;
    c.network.jitterMs = 0;
    return c;
}

/// One await of a task, as the timeline draws it.
struct Await {
    QString label;
    QString file;
    quint32 line;
    qint64 startNs;
    qint64 endNs;
    WaitResult result;
    SiteKind kind;
};

inline TaskId findTask(const Trace &trace, const QString &name)
{
    for (TaskId id = 0; id < trace.taskCount(); ++id) {
        if (trace.taskName(id) == name)
            return id;
    }
    return NoTask;
}

inline std::vector<Await> awaitsOf(const Trace &trace, TaskId task)
{
    std::vector<Await> out;
    for (quint64 i = 0; i < trace.size(); ++i) {
        const TraceEvent &e = trace.at(i);
        if (e.task != task)
            continue;
        if (e.kind() == EventKind::Suspend) {
            const Site &s = trace.siteAt(e.arg());
            out.push_back(
                {trace.string(s.label), trace.string(s.file), s.line, e.timeNs, -1, WaitResult::Ok, s.kind});
        } else if (e.kind() == EventKind::Resume && !out.empty()) {
            out.back().endNs = e.timeNs;
            out.back().result = WaitResult(e.arg());
        }
    }
    return out;
}

constexpr qint64 Ms = 1'000'000;

} // namespace awaitscope::test
