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

} // namespace awaitscope::scenarios
