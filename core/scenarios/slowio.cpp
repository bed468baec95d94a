// slow-io: one slow endpoint among fast ones.
//
// Concurrency overlaps the waiting, it does not shorten it. The fast requests
// finish early; the whole batch still takes as long as /reports/yearly, which
// answers ten times slower. Async is not a magic bullet: slow I/O stays slow.

#include "scenarios.h"

namespace awaitscope::scenarios {

QCoro::Task<Response> fetch(SimNetwork &net, QString path)
{
    co_return co_await net.get(path);
}

QCoro::Task<> slowIoMain(Runtime &rt, SimNetwork &net, int jobs)
{
    std::vector<Job<Response>> pending;
    pending.push_back(
        rt.spawn("fetch(/reports/yearly)", fetch, std::ref(net), QStringLiteral("/reports/yearly")));
    for (int id = 1; id <= jobs; ++id)
        pending.push_back(rt.spawn({QStringLiteral("fetch(/users/%1)"), id}, fetch, std::ref(net),
                                   QStringLiteral("/users/%1").arg(id)));

    for (const auto &job : pending) {
        const Response response = co_await job.join();
        Q_UNUSED(response);
    }
}

void slowIoSetup(SimNetwork &net)
{
    EndpointConfig slow = net.defaults();
    slow.latencyMs = net.defaults().latencyMs * 10.0;
    net.setEndpoint(QStringLiteral("/reports"), slow);
}

// How the window lists this scenario (see scenario.h).
const Scenario scenario_slowio{
    .id = QStringLiteral("slow-io"),
    .title = QStringLiteral("Slow I/O stays slow"),
    .summary = QStringLiteral("One slow endpoint among fast ones: concurrency does not make slow I/O fast."),
    .lookFor =
        QStringLiteral("The fast lanes end early; the run still lasts as long as the one slow request."),
    .sourceFile = QStringLiteral("slowio.cpp"),
    .defaultJobs = 5,
    .maxJobs = 10000,
    .entry = &slowIoMain,
    .setup = &slowIoSetup,
};

} // namespace awaitscope::scenarios
