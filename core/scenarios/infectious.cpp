// infectious: synchronous code that needs an async result.
//
// Either the caller blocks on a nested event loop (what QCoro::waitFor does),
// or the caller becomes a coroutine too, and so do its callers: async spreads.
// Nested loops look harmless but they stack. sync_caller(1) gets its answer at
// 3 latencies, yet it cannot return until sync_caller(2)'s nested loop, which
// started inside it, has finished: it waits until 6.5 latencies. The coroutine
// callers each resume the moment their own answer arrives.

#include "scenarios.h"

namespace awaitscope::scenarios {

QCoro::Task<Response> fetch_report(SimNetwork &net)
{
    co_return co_await net.get(QStringLiteral("/reports/yearly"));
}

// Synchronous callers: they keep their signatures, and block on a nested loop.
void sync_caller(Runtime &rt, SimNetwork &net, int id)
{
    const auto job = rt.spawn({QStringLiteral("fetch_user(%1)"), id}, fetch_user, std::ref(net), id);
    const UserPage page = rt.blockOn(job); // QEventLoop::exec(): this stack is stuck here
    Q_UNUSED(page);
}

void sync_report_caller(Runtime &rt, SimNetwork &net)
{
    const auto job = rt.spawn("fetch_report()", fetch_report, std::ref(net));
    const Response report = rt.blockOn(job);
    Q_UNUSED(report);
}

// Coroutine callers: the caller awaits, so its caller must be a coroutine too.
QCoro::Task<> async_caller(SimNetwork &net, int id)
{
    const UserPage page = co_await fetch_user(net, id);
    Q_UNUSED(page);
}

QCoro::Task<> async_report_caller(Runtime &rt, SimNetwork &net, qint64 delayNs)
{
    co_await rt.sleep(delayNs, QStringLiteral("start later"));
    const Response report = co_await fetch_report(net);
    Q_UNUSED(report);
}

QCoro::Task<> infectiousMain(Runtime &rt, SimNetwork &net, int jobs)
{
    Q_UNUSED(jobs);
    const qint64 half = qint64(net.defaults().latencyMs * 500'000.0); // half a latency, in ns

    rt.spawnSync({QStringLiteral("sync_caller(%1)"), 1}, 0, [&rt, &net] { sync_caller(rt, net, 1); });
    rt.spawnSync("sync_report_caller()", half, [&rt, &net] { sync_report_caller(rt, net); });

    const auto a = rt.spawn({QStringLiteral("async_caller(%1)"), 1}, async_caller, std::ref(net), 1);
    const auto b = rt.spawn("async_report_caller()", async_report_caller, std::ref(rt), std::ref(net), half);
    co_await a.join();
    co_await b.join();
}

void infectiousSetup(SimNetwork &net)
{
    EndpointConfig slow = net.defaults();
    slow.latencyMs = net.defaults().latencyMs * 6.0;
    net.setEndpoint(QStringLiteral("/reports"), slow);
}

// How the window lists this scenario (see scenario.h).
const Scenario scenario_infectious{
    .id = QStringLiteral("infectious"),
    .title = QStringLiteral("Async is infectious"),
    .summary = QStringLiteral(
        "Synchronous callers that need an async result: a nested event loop against becoming a "
        "coroutine too."),
    .lookFor = QStringLiteral(
        "sync_caller(1) has its answer at 3 latencies but is stuck under the nested loop started "
        "after it; async_caller(1) resumes as soon as its answer arrives."),
    .sourceFile = QStringLiteral("infectious.cpp"),
    .defaultJobs = 1,
    .maxJobs = 1,
    .entry = &infectiousMain,
    .setup = &infectiousSetup,
};

} // namespace awaitscope::scenarios
