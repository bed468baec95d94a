// fan-out: fetch_user for N users at once. Start them all, then await them all.
//
// Every fetch_user still runs its three awaits in order, but while one waits the
// event loop runs the others. The whole batch takes about as long as the longest
// chain (three latencies), not the sum of all of them (3 x N latencies).

#include "scenarios.h"

namespace awaitscope::scenarios {

QCoro::Task<> fanOutMain(Runtime &rt, SimNetwork &net, int jobs)
{
    std::vector<Job<UserPage>> pending;
    for (int id = 1; id <= jobs; ++id) // start all...
        pending.push_back(rt.spawn({QStringLiteral("fetch_user(%1)"), id}, fetch_user, std::ref(net), id));

    int pages = 0;
    for (const auto &job : pending) { // ...then await all
        const UserPage page = co_await job.join();
        pages += page.user.status == 200 ? 1 : 0;
    }
    Q_UNUSED(pages);
}

// How the window lists this scenario (see scenario.h).
const Scenario scenario_fanout{
    .id = QStringLiteral("fan-out"),
    .title = QStringLiteral("Fan-out"),
    .summary = QStringLiteral("fetch_user for N users at once: start all, then await all."),
    .lookFor = QStringLiteral(
        "Many lanes waiting at the same time; the whole batch takes about three latencies, not 3 x N."),
    .sourceFile = QStringLiteral("fanout.cpp"),
    .defaultJobs = 10,
    .maxJobs = 100000,
    .entry = &fanOutMain,
    .jobPresets = {10, 100, 1000},
};

} // namespace awaitscope::scenarios
