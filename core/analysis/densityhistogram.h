#pragma once

#include <QtGlobal>
#include <vector>

namespace awaitscope {

/**
 * How many of a group's descendants wait (or block) over time, kept incrementally: spans are
 * added as they open and close (O(1) each, amortised), and drawing reads fixed-width time buckets
 * instead of walking every span of every descendant on every frame (which, at 100,000 tasks, was
 * the window's most expensive work, measured with perf).
 *
 * Closed spans are a difference array (+1 at the first bucket, -1 after the last); open spans
 * count from their first bucket up to the playhead. Buckets start at 100 us and double (merging
 * pairs) whenever there would be more than MaxBuckets.
 */
class DensityHistogram {
public:
    enum Kind { Wait = 0, Block = 1 };
    static constexpr std::size_t MaxBuckets = std::size_t(1) << 18;

    void open(Kind kind, qint64 begin) { add(m_open[kind], begin, +1); }
    void close(Kind kind, qint64 begin, qint64 end)
    {
        add(m_open[kind], begin, -1);
        const std::size_t b0 = bucketOf(begin);
        // At least the span's own bucket, so a short wait is never lost.
        const std::size_t b1 = std::max(b0 + 1, bucketOf(std::max(begin, end - 1)) + 1);
        add(m_closed[kind], b0, +1);
        add(m_closed[kind], b1, -1);
    }

    qint64 bucketNs() const noexcept { return m_bucketNs; }
    std::size_t bucketOf(qint64 t) const noexcept { return std::size_t(std::max<qint64>(t, 0) / m_bucketNs); }

    /// Occupancy of buckets [0, count): closed spans, plus open ones up to (and including) the
    /// playhead's bucket.
    std::vector<qint32> occupancy(Kind kind, std::size_t count, qint64 playhead) const
    {
        std::vector<qint32> out(count, 0);
        const std::size_t last = bucketOf(playhead);
        qint32 closed = 0;
        qint32 open = 0;
        for (std::size_t b = 0; b < count; ++b) {
            closed += at(m_closed[kind], b);
            open += at(m_open[kind], b);
            out[b] = closed + (b <= last ? open : 0);
        }
        return out;
    }

private:
    static qint32 at(const std::vector<qint32> &v, std::size_t b) noexcept { return b < v.size() ? v[b] : 0; }
    void add(std::vector<qint32> &v, qint64 t, qint32 delta) { add(v, bucketOf(t), delta); }
    void add(std::vector<qint32> &v, std::size_t b, qint32 delta)
    {
        while (b >= MaxBuckets) {
            coarsen();
            b /= 2;
        }
        if (b >= v.size())
            v.resize(std::max(b + 1, v.size() * 2), 0);
        v[b] += delta;
    }
    void coarsen()
    {
        for (auto *arrays : {m_open, m_closed}) {
            for (int k = 0; k < 2; ++k) {
                std::vector<qint32> &v = arrays[k];
                for (std::size_t i = 0; i < v.size(); ++i) {
                    const qint32 x = v[i];
                    v[i] = 0;
                    v[i / 2] += x;
                }
            }
        }
        m_bucketNs *= 2;
    }

    qint64 m_bucketNs = 100'000;
    std::vector<qint32> m_open[2];
    std::vector<qint32> m_closed[2];
};

} // namespace awaitscope
