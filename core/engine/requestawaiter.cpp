#include "requestawaiter.h"

#include "network.h"

namespace awaitscope {

RequestAwaiter::RequestAwaiter(SimNetwork *net, QString path, SiteId site) noexcept
    : WaitAwaiter(net->runtime(), site)
    , m_net(net)
    , m_path(std::move(path))
{
}

void RequestAwaiter::await_suspend(std::coroutine_handle<> h)
{
    const SimNetwork::Draw d = m_net->draw(m_path);
    m_latencyNs = d.waitNs;
    m_outcome = d.outcome;
    m_result = d.outcome == SimNetwork::Ok  ? WaitResult::Ok
        : d.outcome == SimNetwork::TimedOut ? WaitResult::TimedOut
                                            : WaitResult::Failed;
    suspendUntil(h, m_rt->now() + d.waitNs);
}

Response RequestAwaiter::await_resume() const
{
    throwIfCancelled();
    if (m_outcome != SimNetwork::Ok)
        m_net->throwFor(m_path, SimNetwork::Outcome(m_outcome), m_latencyNs);
    return m_net->makeResponse(m_path, m_latencyNs);
}

} // namespace awaitscope
