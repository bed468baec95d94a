// errors: failures, timeouts and cancellation travel through awaits.
//
// A failed request throws out of its co_await, through fetch_user, into the
// caller's try/catch, like any exception in sequential code. A timeout is just
// another error. A cancelled task resumes from its await with TaskCancelled and
// unwinds through every frame: nothing is left dangling.

#include "scenarios.h"

namespace awaitscope::scenarios {

QCoro::Task<int> fetch_with_retry(Runtime &rt, SimNetwork &net, int id)
{
    for (int attempt = 1;; ++attempt) {
        try {
            const UserPage page = co_await fetch_user(net, id);
            Q_UNUSED(page);
            co_return attempt;
        } catch (const NetworkError &) {
            if (attempt == 3)
                throw; // give up: the task ends with this error
        }
        co_await rt.sleep(50'000'000, QStringLiteral("back off 50 ms"));
    }
}

QCoro::Task<> fetch_report_with_timeout(SimNetwork &net)
{
    try {
        const Response report = co_await net.get(QStringLiteral("/reports/yearly"));
        Q_UNUSED(report);
    } catch (const NetworkError &) {
        // Timed out: recorded, handled, the task still ends normally.
    }
}

QCoro::Task<> long_poll(SimNetwork &net)
{
    const Response events = co_await net.get(QStringLiteral("/events/long-poll"));
    Q_UNUSED(events);
}

QCoro::Task<> errorsMain(Runtime &rt, SimNetwork &net, int jobs)
{
    std::vector<Job<int>> users;
    for (int id = 1; id <= jobs; ++id)
        users.push_back(rt.spawn({QStringLiteral("fetch_with_retry(%1)"), id}, fetch_with_retry, std::ref(rt),
                                 std::ref(net), id));
    const auto report = rt.spawn("fetch_report_with_timeout()", fetch_report_with_timeout, std::ref(net));
    const auto poll = rt.spawn("long_poll()", long_poll, std::ref(net));

    co_await rt.sleep(150'000'000, QStringLiteral("let the long poll start"));
    rt.cancel(poll.id()); // it resumes from its await with TaskCancelled

    for (const auto &job : users) {
        try {
            const int attempts = co_await job.join();
            Q_UNUSED(attempts);
        } catch (const NetworkError &) {
            // three failures in a row: that user is reported as failed
        }
    }
    co_await report.join();
    try {
        co_await poll.join();
    } catch (const TaskCancelled &) {
        // awaiting a cancelled task rethrows its cancellation: handled on purpose here
    }
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

// How the window lists this scenario (see scenario.h).
const Scenario scenario_errors{
    .id = QStringLiteral("errors"),
    .title = QStringLiteral("Errors and cancellation"),
    .summary =
        QStringLiteral("Failures and timeouts propagating through awaits into try/catch; a cancelled task "
                       "unwinding."),
    .lookFor = QStringLiteral(
        "Red marks where requests fail, retries after a back-off, a timeout handled, and long_poll() "
        "cancelled mid-await."),
    .sourceFile = QStringLiteral("errors.cpp"),
    .defaultJobs = 6,
    .maxJobs = 10000,
    .entry = &errorsMain,
    .setup = &errorsSetup,
};

} // namespace awaitscope::scenarios
