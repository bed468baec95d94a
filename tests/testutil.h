#pragma once

// Shared helpers for the engine's tests: run a session to its end on the virtual clock, and
// read lanes out of a trace.

#include "session.h"
#include "spanreader.h"
#include "trace.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <vector>

namespace awaitscope::test {

/// Writes text into dir/name (created or replaced) and returns its path; empty if it failed.
inline QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &text)
{
    const QString path = dir.filePath(name);
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(text) != text.size())
        return {};
    return path;
}

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
    // Through the same span reader as the export, the summary and the window.
    struct Collect : SpanVisitor {
        const Trace &trace;
        TaskId task;
        std::vector<Await> out;
        void waitEnded(TaskId t, qint64 begin, qint64 end, SiteId site, WaitResult result)
        {
            if (t != task)
                return;
            const Site &s = trace.siteAt(site);
            out.push_back({trace.string(s.label), trace.string(s.file), s.line, begin, end, result, s.kind});
        }
        void unfinished(TaskId t, qint64 begin, qint64, SiteId site, bool blocked)
        {
            if (t != task || blocked)
                return;
            const Site &s = trace.siteAt(site);
            out.push_back(
                {trace.string(s.label), trace.string(s.file), s.line, begin, -1, WaitResult::Ok, s.kind});
        }
    } collect{{}, trace, task, {}};
    readSpans(trace, collect, true);
    std::sort(collect.out.begin(), collect.out.end(),
              [](const Await &a, const Await &b) { return a.startNs < b.startNs; });
    return std::move(collect.out);
}

constexpr qint64 Ms = 1'000'000;

} // namespace awaitscope::test
