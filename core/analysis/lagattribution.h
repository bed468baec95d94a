#pragma once

#include <QJsonObject>
#include <QtGlobal>
#include <array>
#include <vector>

namespace awaitscope {

/**
 * Says what held the GUI thread when the loop-lag probe was served late.
 *
 * The GUI thread reports spans of known work (an engine batch, a frame poll, the wait for the
 * render thread to synchronise a frame); each late probe then splits its lateness, the time from
 * when it was due to when it ran, into the part each kind of work covered and the rest ("other":
 * QML bindings, input, polish, or the thread not running at all). Durations of every span are
 * kept too, for percentiles. Times are nanoseconds on one monotonic clock. GUI thread only.
 */
class LagAttribution {
public:
    enum Work : int { EngineBatch, FramePoll, FrameSync, WorkKinds };

    /// Lateness at or above this counts as a late sample (the target for the loop lag).
    static constexpr double LateThresholdMs = 8.0;

    /// Records that the GUI thread did (or waited for) work of this kind from beginNs to endNs.
    void record(Work kind, qint64 beginNs, qint64 endNs);

    /// A probe due at dueNs ran at ranNs: attributes the lateness if it is over the threshold.
    /// Spans that ended before dueNs are dropped afterwards (they can cover no later probe).
    void probe(qint64 dueNs, qint64 ranNs);

    int lateSamples() const noexcept { return m_lateSamples; }
    /// Total lateness of the late samples, and the part of it each kind covered.
    double lateMs() const noexcept { return double(m_lateNs) / 1e6; }
    double coveredMs(Work kind) const noexcept { return double(m_coveredNs[std::size_t(kind)]) / 1e6; }
    double otherMs() const noexcept;
    /// Every recorded span's duration in ms, per kind.
    const std::vector<float> &durations(Work kind) const noexcept { return m_durations[std::size_t(kind)]; }

    void clear();

    /// {"late_threshold_ms", "late_samples", "late_ms", "engine_batch_ms", ..., "other_ms",
    ///  "spans": {"engine_batch": {count, p50_ms, p99_ms, max_ms}, ...}}
    QJsonObject toJson() const;

    static const char *name(Work kind) noexcept;

private:
    struct Span {
        qint64 begin;
        qint64 end;
        Work kind;
    };
    std::vector<Span> m_spans; // not yet older than the last probe's due time
    std::array<std::vector<float>, WorkKinds> m_durations;
    std::array<qint64, WorkKinds> m_coveredNs{};
    qint64 m_lateNs = 0;
    int m_lateSamples = 0;
};

} // namespace awaitscope
