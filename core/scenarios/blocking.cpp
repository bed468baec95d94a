// blocking: the same flow with synchronous waits on the GUI thread.
//
// DELIBERATELY BLOCKS THE EVENT LOOP. fetch_user_blocking waits for each answer
// by holding the thread: nothing else runs meanwhile. The window stops drawing,
// the heartbeat freezes, the slider does not move and the loop lag climbs to
// the whole length of the job. Several jobs run one after another: the sum of
// their latencies, not the longest.

#include "scenarios.h"

namespace awaitscope::scenarios {

UserPage fetch_user_blocking(SimNetwork &net, int id)
{
    const Response user = net.getBlocking(QStringLiteral("/users/%1").arg(id));
    const Response posts = net.getBlocking(QStringLiteral("/users/%1/posts").arg(id));
    const Response comments = net.getBlocking(QStringLiteral("/users/%1/comments").arg(id));
    return UserPage{user, posts, comments};
}

QCoro::Task<> blockingJob(Runtime &rt, SimNetwork &net, int id)
{
    co_await rt.sleep(0, QStringLiteral("start from the event loop"));
    rt.blocking(QStringLiteral("fetch_user_blocking(%1)").arg(id),
                [&net, id] { return fetch_user_blocking(net, id); });
}

QCoro::Task<> blockingMain(Runtime &rt, SimNetwork &net, int jobs)
{
    std::vector<Job<void>> pending;
    for (int id = 1; id <= jobs; ++id)
        pending.push_back(rt.spawn({QStringLiteral("fetch_user_blocking(%1)"), id}, blockingJob, std::ref(rt),
                                   std::ref(net), id));
    for (const auto &job : pending)
        co_await job.join();
}

// How the window lists this scenario (see scenario.h).
const Scenario scenario_blocking{
    .id = QStringLiteral("blocking"),
    .title = QStringLiteral("Blocking (freezes the loop)"),
    .summary =
        QStringLiteral("The same flow with synchronous waits on the GUI thread: the event loop freezes."),
    .lookFor = QStringLiteral(
        "The heartbeat stops, the slider will not move, the loop lag jumps to the whole job. Jobs run "
        "one after another: the sum of their latencies."),
    .sourceFile = QStringLiteral("blocking.cpp"),
    .defaultJobs = 1,
    .maxJobs = 20,
    .blocksEventLoop = true,
    .entry = &blockingMain,
};

} // namespace awaitscope::scenarios
