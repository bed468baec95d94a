#pragma once

#include "random.h"
#include "runtime.h"

#include <QList>
#include <QString>
#include <functional>
#include <optional>
#include <source_location>

namespace awaitscope {

enum class LatencyModel : quint8 {
    Fixed, // always the latency; jitter ignored
    Uniform, // latency ± jitter, uniformly
    Normal, // normal around the latency, jitter as standard deviation, never below 0
    LogNormal, // log-normal with the latency as median; jitter sets the spread (long tail)
};

QString latencyModelName(LatencyModel model);
std::optional<LatencyModel> latencyModelFromName(const QString &name);

/// How one endpoint behaves. Times in milliseconds of simulated time.
struct EndpointConfig {
    LatencyModel model = LatencyModel::Uniform;
    double latencyMs = 100.0;
    double jitterMs = 0.0;
    double failureRate = 0.0; // 0..1: the request fails (after its latency)
    double timeoutMs = 0.0; // 0: none; otherwise a slower request fails with a timeout then
    qint64 payloadBytes = 512;

    /// Empty if valid, else what is wrong ("latency must not be negative").
    QString validate() const;
};

struct Response {
    QString path;
    int status = 200;
    qint64 bytes = 0;
    qint64 latencyNs = 0;
    /// A small synthetic JSON body naming the path, made on demand.
    QByteArray body() const;
};

/// Counters over every request of a run.
struct NetworkStats {
    quint64 requests = 0;
    quint64 failures = 0;
    quint64 timeouts = 0;
    quint64 bytes = 0;
    double latencySumMs = 0.0;
    double latencySumSqMs = 0.0;
    double latencyMinMs = 0.0;
    double latencyMaxMs = 0.0;
    double meanLatencyMs() const { return requests ? latencySumMs / double(requests) : 0.0; }
    double stddevLatencyMs() const;
};

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
