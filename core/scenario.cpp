#include "scenario.h"

#include "scenarios/scenarios.h"

#include <QFile>

// Resources of a static library are not registered by themselves.
static void initResources()
{
    Q_INIT_RESOURCE(scenarios);
}

namespace awaitscope {

namespace {

void slowReports(SimNetwork &net)
{
    EndpointConfig slow = net.defaults();
    slow.latencyMs = net.defaults().latencyMs * 6.0;
    net.setEndpoint(QStringLiteral("/reports"), slow);
}

void errorsSetup(SimNetwork &net)
{
    // Failures on /users, a report that takes too long, a long poll that will be cancelled.
    EndpointConfig users = net.defaults();
    users.failureRate = std::max(users.failureRate, 0.3);
    net.setEndpoint(QStringLiteral("/users"), users);
    EndpointConfig report = net.defaults();
    report.latencyMs = net.defaults().latencyMs * 10.0;
    report.timeoutMs = net.defaults().latencyMs * 2.0;
    net.setEndpoint(QStringLiteral("/reports"), report);
    EndpointConfig poll = net.defaults();
    poll.latencyMs = std::max(1000.0, net.defaults().latencyMs * 10.0);
    net.setEndpoint(QStringLiteral("/events"), poll);
}

void slowIoSetup(SimNetwork &net)
{
    EndpointConfig slow = net.defaults();
    slow.latencyMs = net.defaults().latencyMs * 10.0;
    net.setEndpoint(QStringLiteral("/reports"), slow);
}

QList<Scenario> makeScenarios()
{
    using namespace scenarios;
    return {
        {QStringLiteral("fetch-user"),
         QStringLiteral("Fetch a user"),
         QStringLiteral("The article's fetch_user: three awaits in order, in code that reads top to bottom."),
         QStringLiteral(
             "Three bars one after another in the task's lane, one per co_await line; the window keeps "
             "drawing while each waits."),
         QStringLiteral("fetchuser.cpp"),
         1,
         1000,
         false,
         &fetchUserMain,
         nullptr,
         {}},
        {QStringLiteral("callbacks"),
         QStringLiteral("Callbacks"),
         QStringLiteral("The same flow written with nested callbacks on the same network."),
         QStringLiteral(
             "The same bars as fetch-user, from code shaped like a pyramid: the order lives in the "
             "nesting, not on the page."),
         QStringLiteral("callbacks.cpp"),
         1,
         1000,
         false,
         &callbacksMain,
         nullptr,
         {}},
        {QStringLiteral("blocking"),
         QStringLiteral("Blocking (freezes the loop)"),
         QStringLiteral("The same flow with synchronous waits on the GUI thread: the event loop freezes."),
         QStringLiteral(
             "The heartbeat stops, the slider will not move, the loop lag jumps to the whole job. Jobs run "
             "one after another: the sum of their latencies."),
         QStringLiteral("blocking.cpp"),
         1,
         20,
         true,
         &blockingMain,
         nullptr,
         {}},
        {QStringLiteral("fan-out"),
         QStringLiteral("Fan-out"),
         QStringLiteral("fetch_user for N users at once: start all, then await all."),
         QStringLiteral(
             "Many lanes waiting at the same time; the whole batch takes about three latencies, not 3 x N."),
         QStringLiteral("fanout.cpp"),
         10,
         100000,
         false,
         &fanOutMain,
         nullptr,
         {10, 100, 1000}},
        {QStringLiteral("slow-io"),
         QStringLiteral("Slow I/O stays slow"),
         QStringLiteral("One slow endpoint among fast ones: concurrency does not make slow I/O fast."),
         QStringLiteral("The fast lanes end early; the run still lasts as long as the one slow request."),
         QStringLiteral("slowio.cpp"),
         5,
         10000,
         false,
         &slowIoMain,
         &slowIoSetup,
         {}},
        {QStringLiteral("infectious"),
         QStringLiteral("Async is infectious"),
         QStringLiteral(
             "Synchronous callers that need an async result: a nested event loop against becoming a "
             "coroutine too."),
         QStringLiteral(
             "sync_caller(1) has its answer at 3 latencies but is stuck under the nested loop started "
             "after it; async_caller(1) resumes as soon as its answer arrives."),
         QStringLiteral("infectious.cpp"),
         1,
         0,
         false,
         &infectiousMain,
         &slowReports,
         {}},
        {QStringLiteral("errors"),
         QStringLiteral("Errors and cancellation"),
         QStringLiteral("Failures and timeouts propagating through awaits into try/catch; a cancelled task "
                        "unwinding."),
         QStringLiteral(
             "Red marks where requests fail, retries after a back-off, a timeout handled, and long_poll() "
             "cancelled mid-await."),
         QStringLiteral("errors.cpp"),
         6,
         10000,
         false,
         &errorsMain,
         &errorsSetup,
         {}},
        {QStringLiteral("stress"),
         QStringLiteral("Stress"),
         QStringLiteral("N small concurrent jobs (10,000 by default, up to 1,000,000)."),
         QStringLiteral("Frame times and loop lag stay low while every job waits at once."),
         QStringLiteral("stress.cpp"),
         10000,
         1000000,
         false,
         &stressMain,
         nullptr,
         {1000, 10000, 100000, 1000000}},
    };
}

} // namespace

QString Scenario::sourceResource() const
{
    return QStringLiteral(":/awaitscope/scenarios/") + sourceFile;
}

QString Scenario::source() const
{
    initResources();
    QFile f(sourceResource());
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return QString::fromUtf8(f.readAll());
}

const QList<Scenario> &allScenarios()
{
    static const QList<Scenario> all = makeScenarios();
    return all;
}

const Scenario *findScenario(const QString &id)
{
    for (const Scenario &s : allScenarios()) {
        if (s.id == id)
            return &s;
    }
    return nullptr;
}

QStringList scenarioIds()
{
    QStringList ids;
    for (const Scenario &s : allScenarios())
        ids << s.id;
    return ids;
}

} // namespace awaitscope
