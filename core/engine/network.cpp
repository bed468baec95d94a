#include "network.h"

#include "runlimits.h"

#include <QThread>
#include <algorithm>
#include <cmath>

namespace awaitscope {

namespace {
constexpr double NsPerMs = 1'000'000.0;
const QString GetPrefix = QStringLiteral("GET ");
} // namespace

QString latencyModelName(LatencyModel model)
{
    switch (model) {
    case LatencyModel::Fixed:
        return QStringLiteral("fixed");
    case LatencyModel::Uniform:
        return QStringLiteral("uniform");
    case LatencyModel::Normal:
        return QStringLiteral("normal");
    case LatencyModel::LogNormal:
        return QStringLiteral("lognormal");
    }
    return {};
}

std::optional<LatencyModel> latencyModelFromName(const QString &name)
{
    for (const auto m :
         {LatencyModel::Fixed, LatencyModel::Uniform, LatencyModel::Normal, LatencyModel::LogNormal}) {
        if (latencyModelName(m) == name)
            return m;
    }
    return std::nullopt;
}

QString EndpointConfig::validate() const
{
    if (!std::isfinite(latencyMs) || latencyMs < 0.0)
        return QStringLiteral("latency must be a non-negative number of milliseconds");
    if (latencyMs > limits::MaxLatencyMs)
        return QStringLiteral("latency must be at most %1 ms").arg(limits::MaxLatencyMs);
    if (!std::isfinite(jitterMs) || jitterMs < 0.0)
        return QStringLiteral("jitter must be a non-negative number of milliseconds");
    if (jitterMs > limits::MaxJitterMs)
        return QStringLiteral("jitter must be at most %1 ms").arg(limits::MaxJitterMs);
    if (!std::isfinite(failureRate) || failureRate < 0.0 || failureRate > 1.0)
        return QStringLiteral("failure rate must be between 0 and 1");
    if (!std::isfinite(timeoutMs) || timeoutMs < 0.0 || timeoutMs > limits::MaxTimeoutMs)
        return QStringLiteral("timeout must be between 0 (none) and %1 ms").arg(limits::MaxTimeoutMs);
    if (payloadBytes < 0)
        return QStringLiteral("payload size must not be negative");
    return {};
}

QByteArray Response::body() const
{
    return QStringLiteral(R"({"path":"%1","status":%2,"bytes":%3})")
        .arg(path)
        .arg(status)
        .arg(bytes)
        .toUtf8();
}

double NetworkStats::stddevLatencyMs() const
{
    if (requests < 2)
        return 0.0;
    const double n = double(requests);
    const double mean = latencySumMs / n;
    return std::sqrt(std::max(0.0, latencySumSqMs / n - mean * mean));
}

// --- network -------------------------------------------------------------------------------

SimNetwork::SimNetwork(Runtime *rt, quint64 seed)
    : m_rt(rt)
    , m_seed(seed)
    , m_random(seed)
{
}

void SimNetwork::setSeed(quint64 seed)
{
    m_seed = seed;
    m_random.reseed(seed);
}

void SimNetwork::setEndpoint(const QString &prefix, const EndpointConfig &config)
{
    for (auto &e : m_endpoints) {
        if (e.first == prefix) {
            e.second = config;
            return;
        }
    }
    m_endpoints.append({prefix, config});
}

const EndpointConfig &SimNetwork::configFor(const QString &path) const
{
    const EndpointConfig *best = &m_defaults;
    qsizetype bestLength = -1;
    for (const auto &e : m_endpoints) {
        if (e.first.size() > bestLength && path.startsWith(e.first)) {
            best = &e.second;
            bestLength = e.first.size();
        }
    }
    return *best;
}

SimNetwork::Draw SimNetwork::draw(const QString &path)
{
    const EndpointConfig &c = configFor(path);
    double ms = c.latencyMs;
    switch (c.model) {
    case LatencyModel::Fixed:
        break;
    case LatencyModel::Uniform:
        if (c.jitterMs > 0.0)
            ms = m_random.uniform(c.latencyMs - c.jitterMs, c.latencyMs + c.jitterMs);
        break;
    case LatencyModel::Normal:
        if (c.jitterMs > 0.0)
            ms = c.latencyMs + c.jitterMs * m_random.normal();
        break;
    case LatencyModel::LogNormal:
        if (c.jitterMs > 0.0 && c.latencyMs > 0.0)
            ms = c.latencyMs * std::exp(std::log1p(c.jitterMs / c.latencyMs) * m_random.normal());
        break;
    }
    // Every draw within the limits, whatever the model: a log-normal tail with the widest spread
    // reaches 1e15 ms, beyond what a qint64 of nanoseconds holds.
    ms = std::clamp(ms, 0.0, limits::MaxLatencyMs);
    // Always draw the failure, so the stream of numbers does not depend on the failure rate.
    const bool failed = m_random.uniform() < c.failureRate;

    Outcome outcome = failed ? Failed : Ok;
    if (c.timeoutMs > 0.0 && ms > c.timeoutMs) {
        ms = c.timeoutMs;
        outcome = TimedOut;
    }
    ++m_stats.requests;
    m_stats.latencySumMs += ms;
    m_stats.latencySumSqMs += ms * ms;
    m_stats.latencyMinMs = m_stats.requests == 1 ? ms : std::min(m_stats.latencyMinMs, ms);
    m_stats.latencyMaxMs = std::max(m_stats.latencyMaxMs, ms);
    if (outcome == Failed)
        ++m_stats.failures;
    else if (outcome == TimedOut)
        ++m_stats.timeouts;
    else
        m_stats.bytes += quint64(c.payloadBytes);
    return {qint64(std::llround(ms * NsPerMs)), outcome};
}

Response SimNetwork::makeResponse(const QString &path, qint64 latencyNs) const
{
    Response r;
    r.path = path;
    r.status = 200;
    r.bytes = configFor(path).payloadBytes;
    r.latencyNs = latencyNs;
    return r;
}

QString SimNetwork::errorText(const QString &path, Outcome outcome, qint64 waitNs)
{
    const double ms = double(waitNs) / NsPerMs;
    if (outcome == TimedOut)
        return QStringLiteral("GET %1 timed out after %2 ms").arg(path).arg(ms);
    return QStringLiteral("GET %1 failed after %2 ms: connection reset").arg(path).arg(ms);
}

void SimNetwork::throwFor(const QString &path, Outcome outcome, qint64 waitNs) const
{
    throw NetworkError(outcome == TimedOut ? NetworkError::Kind::TimedOut : NetworkError::Kind::Failed,
                       errorText(path, outcome, waitNs));
}

RequestAwaiter SimNetwork::get(const QString &path, std::source_location loc)
{
    return RequestAwaiter(this, path, m_rt->site(GetPrefix + path, loc));
}

void SimNetwork::get(const QString &path, Callback cb, std::source_location loc)
{
    const Draw d = draw(path);
    const SiteId site = m_rt->site(GetPrefix + path, loc);
    const WaitResult result = d.outcome == Ok ? WaitResult::Ok
        : d.outcome == TimedOut               ? WaitResult::TimedOut
                                              : WaitResult::Failed;
    m_rt->callAt(
        m_rt->now() + d.waitNs, site,
        [this, path, d, cb = std::move(cb)]() {
            if (d.outcome == Ok)
                cb(makeResponse(path, d.waitNs), QString());
            else
                cb(Response{path, 0, 0, d.waitNs}, errorText(path, d.outcome, d.waitNs));
        },
        result);
}

Response SimNetwork::getBlocking(const QString &path)
{
    const Draw d = draw(path);
    m_rt->blockFor(d.waitNs);
    if (d.outcome != Ok)
        throwFor(path, d.outcome, d.waitNs);
    return makeResponse(path, d.waitNs);
}

} // namespace awaitscope
