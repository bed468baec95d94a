#include "responsivenessmonitor.h"

#include "samplestats.h"

#include <QJsonObject>
#include <algorithm>

namespace awaitscope {

namespace {

constexpr std::size_t MaxKeptSamples = 2'000'000; // about nine hours of frames

void push(std::vector<float> &ring, std::size_t &head, float v, std::size_t capacity)
{
    if (ring.size() < capacity) {
        ring.push_back(v);
        return;
    }
    ring[head] = v;
    head = (head + 1) % capacity;
}

std::vector<float> ordered(const std::vector<float> &ring, std::size_t head)
{
    std::vector<float> out;
    out.reserve(ring.size());
    for (std::size_t i = 0; i < ring.size(); ++i)
        out.push_back(ring[(head + i) % ring.size()]);
    return out;
}

double recentMax(const std::vector<float> &ring, std::size_t head, std::size_t n)
{
    const std::vector<float> h = ordered(ring, head);
    const std::size_t from = h.size() > n ? h.size() - n : 0;
    float m = 0;
    for (std::size_t i = from; i < h.size(); ++i)
        m = std::max(m, h[i]);
    return double(m);
}

} // namespace

ResponsivenessMonitor::ResponsivenessMonitor(QObject *parent)
    : QObject(parent)
    , m_ticker([this] { onAnimationFrame(); })
{
    m_clock.start();
    m_probe.setTimerType(Qt::PreciseTimer);
    m_probe.setInterval(ProbeIntervalMs);
    connect(&m_probe, &QTimer::timeout, this, &ResponsivenessMonitor::onProbe);
    connect(&m_readouts, &Pacer::ready, this, &ResponsivenessMonitor::readoutChanged);
}

void ResponsivenessMonitor::setWindow(QQuickWindow *window)
{
    if (m_window == window)
        return;
    if (m_window)
        disconnect(m_window, nullptr, this, nullptr);
    m_window = window;
    m_lastFrameNs = -1;
    if (!m_window)
        startProbe();
    if (m_window) {
        // Emitted on the render thread: queued to this object's (the GUI) thread.
        connect(m_window, &QQuickWindow::frameSwapped, this, &ResponsivenessMonitor::onFrameSwapped,
                Qt::QueuedConnection);
    }
    if (m_window && m_attributing) {
        // afterAnimating is emitted on the GUI thread just before it locks for the sync;
        // afterSynchronizing on the render thread just before it lets the GUI thread go.
        connect(
            m_window, &QQuickWindow::afterAnimating, this,
            [this] { m_syncWaitBeginNs.store(timestampNs(), std::memory_order_relaxed); },
            Qt::DirectConnection);
        connect(
            m_window, &QQuickWindow::afterSynchronizing, this,
            [this] {
                const qint64 begin = m_syncWaitBeginNs.exchange(-1, std::memory_order_relaxed);
                if (begin < 0)
                    return;
                const qint64 end = timestampNs();
                const QMutexLocker lock(&m_syncMutex);
                m_syncSpans.emplace_back(begin, end);
            },
            Qt::DirectConnection);
    }
    Q_EMIT windowChanged();
}

void ResponsivenessMonitor::onFrameSwapped()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastFrameNs >= 0)
        addFrame(double(now - m_lastFrameNs) / 1e6);
    m_lastFrameNs = now;
    // The lag probe starts with the first frame: loading the window is not event-loop lag.
    if (!m_probe.isActive())
        startProbe();
}

void ResponsivenessMonitor::startProbe()
{
    // The first interval counts from now: a loop held right after this shows as lag.
    m_lastProbeNs = m_clock.nsecsElapsed();
    m_probe.start();
}

void ResponsivenessMonitor::onProbe()
{
    const qint64 now = m_clock.nsecsElapsed();
    if (m_lastProbeNs >= 0) {
        const double late = double(now - m_lastProbeNs) / 1e6 - ProbeIntervalMs;
        addLag(std::max(0.0, late));
        if (m_attributing) {
            takeSyncSpans();
            m_attribution.probe(m_lastProbeNs + qint64(ProbeIntervalMs) * 1'000'000, now);
        }
    }
    m_lastProbeNs = now;
}

void ResponsivenessMonitor::takeSyncSpans()
{
    std::vector<std::pair<qint64, qint64>> spans;
    {
        const QMutexLocker lock(&m_syncMutex);
        spans.swap(m_syncSpans);
    }
    for (const auto &[begin, end] : spans)
        m_attribution.record(LagAttribution::FrameSync, begin, end);
}

void ResponsivenessMonitor::recordWork(LagAttribution::Work kind, qint64 beginNs, qint64 endNs)
{
    if (m_attributing)
        m_attribution.record(kind, beginNs, endNs);
}

void ResponsivenessMonitor::addFrame(double ms)
{
    push(m_frames, m_frameHead, float(ms), HistorySize);
    if (m_allFrames.size() < MaxKeptSamples)
        m_allFrames.push_back(float(ms));
    markSampled();
    Q_EMIT sampleTaken(Frames, ms, timestampNs());
}

void ResponsivenessMonitor::addLag(double ms)
{
    m_lagMs = ms;
    push(m_lags, m_lagHead, float(ms), HistorySize);
    if (m_allLags.size() < MaxKeptSamples)
        m_allLags.push_back(float(ms));
    markSampled();
    Q_EMIT sampleTaken(Lag, ms, timestampNs());
}

void ResponsivenessMonitor::markSampled()
{
    m_sampledPending = true;
    if (!m_ticker.isActive())
        m_ticker.start();
}

void ResponsivenessMonitor::onAnimationFrame()
{
    if (!m_sampledPending) {
        m_ticker.stop(); // nothing new: no reason to keep the animation timer going
        return;
    }
    m_sampledPending = false;
    Q_EMIT sampled();
    m_readouts.changed();
}

void ResponsivenessMonitor::clear()
{
    m_frames.clear();
    m_lags.clear();
    m_frameHead = m_lagHead = 0;
    m_allFrames.clear();
    m_allLags.clear();
    m_lagMs = 0;
    m_lastFrameNs = m_lastProbeNs = -1;
    m_attribution.clear();
    {
        const QMutexLocker lock(&m_syncMutex);
        m_syncSpans.clear();
    }
    m_sampledPending = false;
    Q_EMIT sampled();
    m_readouts.flush();
}

double ResponsivenessMonitor::recentMaxFrameMs() const
{
    return recentMax(m_frames, m_frameHead, 60);
}

double ResponsivenessMonitor::recentMaxLagMs() const
{
    return recentMax(m_lags, m_lagHead, 60);
}

double ResponsivenessMonitor::frameMs() const
{
    const std::vector<float> h = ordered(m_frames, m_frameHead);
    const std::size_t n = std::min<std::size_t>(h.size(), FpsWindow);
    double sum = 0;
    for (std::size_t i = h.size() - n; i < h.size(); ++i)
        sum += double(h[i]);
    return n > 0 ? sum / double(n) : 0.0;
}

double ResponsivenessMonitor::fps() const
{
    const double ms = frameMs();
    return ms > 0 ? 1000.0 / ms : 0.0;
}

double ResponsivenessMonitor::shownMaxLagMs() const
{
    return recentMax(m_lags, m_lagHead, HistorySize);
}

double ResponsivenessMonitor::shownMaxFrameMs() const
{
    return recentMax(m_frames, m_frameHead, HistorySize);
}

std::vector<float> ResponsivenessMonitor::history(Series series) const
{
    return series == Frames ? ordered(m_frames, m_frameHead) : ordered(m_lags, m_lagHead);
}

QJsonObject ResponsivenessMonitor::metrics() const
{
    const auto round = [](double v) { return std::round(v * 1000.0) / 1000.0; };
    QJsonObject frames{
        {QStringLiteral("count"), qint64(m_allFrames.size())},
        {QStringLiteral("p50_ms"), round(percentile(m_allFrames, 50))},
        {QStringLiteral("p95_ms"), round(percentile(m_allFrames, 95))},
        {QStringLiteral("p99_ms"), round(percentile(m_allFrames, 99))},
        {QStringLiteral("max_ms"), round(maximum(m_allFrames))},
    };
    QJsonObject lag{
        {QStringLiteral("count"), qint64(m_allLags.size())},
        {QStringLiteral("p50_ms"), round(percentile(m_allLags, 50))},
        {QStringLiteral("p99_ms"), round(percentile(m_allLags, 99))},
        {QStringLiteral("max_ms"), round(maximum(m_allLags))},
    };
    QJsonObject json{{QStringLiteral("frames"), frames}, {QStringLiteral("loop_lag"), lag}};
    if (m_attributing)
        json.insert(QStringLiteral("lag_attribution"), m_attribution.toJson());
    return json;
}

} // namespace awaitscope
