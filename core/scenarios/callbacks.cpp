// callbacks: the same flow as fetch-user, written with nested callbacks.
//
// Just as concurrent, on the same network, but the sequence is now a pyramid:
// every step is a function handed to the previous one, every level repeats the
// error check, and "what happens next" is no longer the next line.

#include "scenarios.h"

namespace awaitscope::scenarios {

using Done = std::function<void(const QString &error)>;

void fetch_user_callbacks(SimNetwork &net, int id, Done done)
{
    net.get(QStringLiteral("/users/%1").arg(id), [&net, id, done](const Response &, const QString &error) {
        if (!error.isEmpty())
            return done(error);
        net.get(QStringLiteral("/users/%1/posts").arg(id),
                [&net, id, done](const Response &, const QString &error) {
                    if (!error.isEmpty())
                        return done(error);
                    net.get(QStringLiteral("/users/%1/comments").arg(id),
                            [done](const Response &, const QString &error) {
                                done(error); // finally: user, posts and comments (if nothing failed)
                            });
                });
    });
}

QCoro::Task<> callbacksMain(Runtime &rt, SimNetwork &net, int jobs)
{
    for (int id = 1; id <= jobs; ++id) {
        // No coroutine to await: the task ends when the innermost callback says so.
        const TaskId task = rt.beginTask({QStringLiteral("fetch_user_callbacks(%1)"), id});
        CurrentTaskScope scope(&rt.scheduler(), task);
        fetch_user_callbacks(net, id, [&rt, task](const QString &error) {
            rt.endTask(task, error.isEmpty() ? TaskOutcome::Ok : TaskOutcome::Error, error);
        });
    }
    co_return;
}

// How the window lists this scenario (see scenario.h).
const Scenario scenario_callbacks{
    .id = QStringLiteral("callbacks"),
    .title = QStringLiteral("Callbacks"),
    .summary = QStringLiteral("The same flow written with nested callbacks on the same network."),
    .lookFor =
        QStringLiteral("The same bars as fetch-user, from code shaped like a pyramid: the order lives in the "
                       "nesting, not on the page."),
    .sourceFile = QStringLiteral("callbacks.cpp"),
    .defaultJobs = 1,
    .maxJobs = 1000,
    .entry = &callbacksMain,
};

} // namespace awaitscope::scenarios
