#pragma once

#include "networktypes.h"
#include "random.h"
#include "requestawaiter.h"
#include "runtime.h"

#include <QList>
#include <QString>
#include <functional>
#include <source_location>

namespace awaitscope {

/**
 * A simulated network: named endpoints with a latency model, jitter, failure rate, timeout and
 * payload size, drawn from one seeded generator so a seed reproduces a run exactly. Requests
 * are awaited (`co_await net.get("/users/1")`), answered through a callback, or waited for
 * synchronously (getBlocking, the blocking scenario's way).
 */
class SimNetwork {
public:
    using Callback = std::function<void(const Response &response, const QString &error)>;

    explicit SimNetwork(Runtime *rt, quint64 seed = 1);

    Runtime *runtime() const noexcept { return m_rt; }
    void setSeed(quint64 seed);
    quint64 seed() const noexcept { return m_seed; }

    /// The behaviour of every path not configured otherwise.
    void setDefaults(const EndpointConfig &config) { m_defaults = config; }
    const EndpointConfig &defaults() const noexcept { return m_defaults; }
    /// Configures paths starting with prefix ("/reports"); the longest matching prefix wins.
    void setEndpoint(const QString &prefix, const EndpointConfig &config);
    const EndpointConfig &configFor(const QString &path) const;

    RequestAwaiter get(const QString &path, std::source_location loc = std::source_location::current());
    /// The callback style: cb runs later, as the current task, with an empty error on success.
    void get(const QString &path, Callback cb, std::source_location loc = std::source_location::current());
    /// The blocking style: holds the thread (the event loop) for the whole latency.
    Response getBlocking(const QString &path);

    const NetworkStats &stats() const noexcept { return m_stats; }
    void resetStats() { m_stats = {}; }

    // For the awaiter ----------------------------------------------------------------------
    enum Outcome : quint8 { Ok, Failed, TimedOut };
    struct Draw {
        qint64 waitNs; // how long until the answer (or the timeout)
        Outcome outcome;
    };
    Draw draw(const QString &path);
    Response makeResponse(const QString &path, qint64 latencyNs) const;
    [[noreturn]] void throwFor(const QString &path, Outcome outcome, qint64 waitNs) const;
    static QString errorText(const QString &path, Outcome outcome, qint64 waitNs);

private:
    Runtime *m_rt;
    quint64 m_seed;
    Random m_random;
    EndpointConfig m_defaults;
    QList<std::pair<QString, EndpointConfig>> m_endpoints;
    NetworkStats m_stats;
};

} // namespace awaitscope
