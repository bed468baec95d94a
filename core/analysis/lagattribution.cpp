#include "lagattribution.h"

#include "samplestats.h"

#include <algorithm>
#include <cmath>

namespace awaitscope {

namespace {
constexpr std::size_t MaxKeptDurations = 2'000'000;

double rounded(double v)
{
    return std::round(v * 1000.0) / 1000.0;
}
} // namespace

const char *LagAttribution::name(Work kind) noexcept
{
    switch (kind) {
    case EngineBatch:
        return "engine_batch";
    case FramePoll:
        return "frame_poll";
    case FrameSync:
        return "frame_sync";
    case WorkKinds:
        break;
    }
    return "?";
}

void LagAttribution::record(Work kind, qint64 beginNs, qint64 endNs)
{
    if (kind < 0 || kind >= WorkKinds || endNs < beginNs)
        return;
    m_spans.push_back({beginNs, endNs, kind});
    auto &d = m_durations[std::size_t(kind)];
    if (d.size() < MaxKeptDurations)
        d.push_back(float(double(endNs - beginNs) / 1e6));
}

void LagAttribution::probe(qint64 dueNs, qint64 ranNs)
{
    const qint64 late = ranNs - dueNs;
    if (double(late) / 1e6 >= LateThresholdMs) {
        ++m_lateSamples;
        m_lateNs += late;
        // Spans of one kind do not overlap each other (one thread), so overlaps add up; spans of
        // different kinds might (a poll inside a batch), and the first recorded kind wins there.
        std::array<std::vector<std::pair<qint64, qint64>>, WorkKinds> parts;
        for (const Span &s : m_spans) {
            const qint64 b = std::max(s.begin, dueNs);
            const qint64 e = std::min(s.end, ranNs);
            if (e > b)
                parts[std::size_t(s.kind)].emplace_back(b, e);
        }
        std::vector<std::pair<qint64, qint64>> taken;
        for (int k = 0; k < WorkKinds; ++k) {
            for (auto [b, e] : parts[std::size_t(k)]) {
                // Subtract what an earlier kind already covered.
                qint64 covered = e - b;
                for (auto [tb, te] : taken)
                    covered -= std::max<qint64>(0, std::min(e, te) - std::max(b, tb));
                m_coveredNs[std::size_t(k)] += std::max<qint64>(0, covered);
                taken.emplace_back(b, e);
            }
        }
    }
    std::erase_if(m_spans, [dueNs](const Span &s) { return s.end <= dueNs; });
}

double LagAttribution::otherMs() const noexcept
{
    qint64 covered = 0;
    for (qint64 c : m_coveredNs)
        covered += c;
    return double(m_lateNs - covered) / 1e6;
}

void LagAttribution::clear()
{
    m_spans.clear();
    for (auto &d : m_durations)
        d.clear();
    m_coveredNs.fill(0);
    m_lateNs = 0;
    m_lateSamples = 0;
}

QJsonObject LagAttribution::toJson() const
{
    QJsonObject json{
        {QStringLiteral("late_threshold_ms"), LateThresholdMs},
        {QStringLiteral("late_samples"), m_lateSamples},
        {QStringLiteral("late_ms"), rounded(lateMs())},
        {QStringLiteral("other_ms"), rounded(otherMs())},
    };
    QJsonObject spans;
    for (int k = 0; k < WorkKinds; ++k) {
        const auto kind = Work(k);
        const QString key = QString::fromLatin1(name(kind));
        json.insert(key + QStringLiteral("_ms"), rounded(coveredMs(kind)));
        const auto &d = durations(kind);
        spans.insert(key,
                     QJsonObject{
                         {QStringLiteral("count"), qint64(d.size())},
                         {QStringLiteral("p50_ms"), rounded(percentile(d, 50))},
                         {QStringLiteral("p99_ms"), rounded(percentile(d, 99))},
                         {QStringLiteral("max_ms"), rounded(maximum(d))},
                     });
    }
    json.insert(QStringLiteral("spans"), spans);
    return json;
}

} // namespace awaitscope
