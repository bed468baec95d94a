#pragma once

#include <QByteArray>
#include <QString>
#include <QtGlobal>
#include <optional>

namespace awaitscope {

// The simulated network's vocabulary: latency models, an endpoint's behaviour, a response, the
// counters over a run (SimNetwork in network.h uses them).

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

} // namespace awaitscope
