#pragma once

#include "networktypes.h"
#include "runtime.h"

#include <QString>

namespace awaitscope {

class SimNetwork;

/// `co_await net.get(path)`: suspends for the drawn latency, then returns the Response or throws
/// NetworkError (failure, timeout) or TaskCancelled.
class RequestAwaiter : public WaitAwaiter {
public:
    RequestAwaiter(SimNetwork *net, QString path, SiteId site) noexcept;
    void await_suspend(std::coroutine_handle<> h);
    Response await_resume() const;

private:
    SimNetwork *m_net;
    QString m_path;
    qint64 m_latencyNs = 0;
    quint8 m_outcome = 0;
};

} // namespace awaitscope
