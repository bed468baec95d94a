// stress: many small concurrent jobs (10,000 by default, up to 1,000,000).
//
// Each job awaits three quick requests. One timer drives a heap of due
// coroutines, resumed in batches of a few milliseconds at most, so the window
// keeps drawing however many jobs are waiting at once.

#include "scenarios.h"

namespace awaitscope::scenarios {

QCoro::Task<> small_job(SimNetwork &net)
{
    for (int i = 0; i < 3; ++i) {
        const Response pong = co_await net.get(QStringLiteral("/ping"));
        Q_UNUSED(pong);
    }
}

QCoro::Task<> stressMain(Runtime &rt, SimNetwork &net, int jobs)
{
    std::vector<Job<void>> pending;
    pending.reserve(std::size_t(jobs));
    for (int i = 1; i <= jobs; ++i) {
        pending.push_back(rt.spawn({QStringLiteral("job(%1)"), i}, small_job, std::ref(net)));
        if (i % 250 == 0) // starting a million jobs is work too: let the loop breathe
            co_await rt.sleep(0, QStringLiteral("yield to the event loop"));
    }
    for (int i = 1; i <= jobs; ++i) {
        Job<void> &job = pending[std::size_t(i - 1)];
        co_await job.join(); // a job that already ended is joined without suspending...
        job = {}; // (done with it: a million finished jobs freed at once would hold the loop)
        if (i % 250 == 0) // ...so this loop must yield by itself, like the one above
            co_await rt.sleep(0, QStringLiteral("yield to the event loop"));
    }
}

// How the window lists this scenario (see scenario.h).
const Scenario scenario_stress{
    .id = QStringLiteral("stress"),
    .title = QStringLiteral("Stress"),
    .summary = QStringLiteral("N small concurrent jobs (10,000 by default, up to 1,000,000)."),
    .lookFor = QStringLiteral("Frame times and loop lag stay low while every job waits at once."),
    .sourceFile = QStringLiteral("stress.cpp"),
    .defaultJobs = 10000,
    .maxJobs = 1000000,
    .entry = &stressMain,
    .jobPresets = {1000, 10000, 100000, 1000000},
};

} // namespace awaitscope::scenarios
