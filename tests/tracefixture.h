#pragma once

// Hand-built traces with known shapes, shared by the UI tests.

#include "trace.h"

namespace awaitscope::testing {

inline constexpr qint64 Ms = 1'000'000;

/// main (0) joins child (1); child awaits "GET /a" 100..300 ms (ok), then "GET /b" 300..500 ms
/// (failed) and ends with an error at 500 ms; main resumes and ends well at 600 ms.
inline void buildKnownTrace(Trace &trace)
{
    trace.clear();
    const SiteId join = trace.site(QStringLiteral("join child"), "fixture.cpp", 10, SiteKind::Join);
    const SiteId a = trace.site(QStringLiteral("GET /a"), "fixture.cpp", 20);
    const SiteId b = trace.site(QStringLiteral("GET /b"), "fixture.cpp", 21);
    const TaskId main = trace.addTask(NoTask, trace.intern(QStringLiteral("main")), -1, 0);
    const TaskId child = trace.addTask(main, trace.intern(QStringLiteral("child(%1)")), 1, 0);
    trace.append(0, main, EventKind::Suspend, join);
    trace.append(100 * Ms, child, EventKind::Suspend, a);
    trace.append(300 * Ms, child, EventKind::Resume, quint32(WaitResult::Ok));
    trace.append(300 * Ms, child, EventKind::Suspend, b);
    trace.append(500 * Ms, child, EventKind::Resume, quint32(WaitResult::Failed));
    trace.finishTask(child, TaskOutcome::Error, 500 * Ms, QStringLiteral("GET /b failed"));
    trace.append(500 * Ms, main, EventKind::Resume, quint32(WaitResult::Ok));
    trace.finishTask(main, TaskOutcome::Ok, 600 * Ms);
}

/// One task (id 0) with n awaits of lengthNs every periodNs from 0, all finished well.
inline void buildRepeatedWaits(Trace &trace, int n, qint64 periodNs, qint64 lengthNs)
{
    trace.clear();
    const SiteId s = trace.site(QStringLiteral("sleep"), "fixture.cpp", 30);
    const TaskId t = trace.addTask(NoTask, trace.intern(QStringLiteral("worker")), -1, 0);
    for (int i = 0; i < n; ++i) {
        trace.append(qint64(i) * periodNs, t, EventKind::Suspend, s);
        trace.append(qint64(i) * periodNs + lengthNs, t, EventKind::Resume, quint32(WaitResult::Ok));
    }
    trace.finishTask(t, TaskOutcome::Ok, qint64(n) * periodNs);
}

} // namespace awaitscope::testing
