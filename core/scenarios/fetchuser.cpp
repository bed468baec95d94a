// fetch-user: the article's example, as a C++20 coroutine on the Qt event loop.
//
// The code reads top to bottom like synchronous code. Each co_await is a visible
// "wait here": the coroutine suspends, the event loop runs everything else (the
// window keeps drawing), and the coroutine resumes on the next line when the
// answer arrives. Three awaits, one after another: about three latencies in all.

#include "scenarios.h"

namespace awaitscope::scenarios {

QCoro::Task<UserPage> fetch_user(SimNetwork &net, int id)
{
    const Response user = co_await net.get(QStringLiteral("/users/%1").arg(id));
    const Response posts = co_await net.get(QStringLiteral("/users/%1/posts").arg(id));
    const Response comments = co_await net.get(QStringLiteral("/users/%1/comments").arg(id));
    co_return UserPage{user, posts, comments};
}

QCoro::Task<> fetchUserMain(Runtime &rt, SimNetwork &net, int jobs)
{
    // One user after another: each fetch_user is its own task, awaited before the next starts.
    for (int id = 1; id <= jobs; ++id) {
        const auto job = rt.spawn({QStringLiteral("fetch_user(%1)"), id}, fetch_user, std::ref(net), id);
        const UserPage page = co_await job.join();
        Q_UNUSED(page);
    }
}

// How the window lists this scenario (see scenario.h).
const Scenario scenario_fetchuser{
    .id = QStringLiteral("fetch-user"),
    .title = QStringLiteral("Fetch a user"),
    .summary =
        QStringLiteral("The article's fetch_user: three awaits in order, in code that reads top to bottom."),
    .lookFor = QStringLiteral(
        "Three bars one after another in the task's lane, one per co_await line; the window keeps "
        "drawing while each waits."),
    .sourceFile = QStringLiteral("fetchuser.cpp"),
    .defaultJobs = 1,
    .maxJobs = 1000,
    .entry = &fetchUserMain,
};

} // namespace awaitscope::scenarios
