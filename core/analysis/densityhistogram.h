#pragma once

#include "trace.h"

#include <QtGlobal>
#include <array>
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
 *
 * Waits are kept per await site: the first SiteChannels sites seen get a channel each, every
 * other site shares one, so a lane can show *where* its descendants wait, stacked.
 */
class DensityHistogram {
public:
    enum Kind { Wait = 0, Block = 1 }; // Wait: every wait channel together
    static constexpr std::size_t MaxBuckets = std::size_t(1) << 18;
    static constexpr int SiteChannels = 4;
    static constexpr int OtherChannel = SiteChannels; // waits at any further site
    static constexpr int BlockChannel = SiteChannels + 1;
    static constexpr int Channels = SiteChannels + 2;
    static constexpr SiteId NoSite = 0xffffffffu;

    /// A span opens and closes: block, or a wait at an unknown site.
    void open(Kind kind, qint64 begin) { openChannel(kind == Block ? BlockChannel : OtherChannel, begin); }
    void close(Kind kind, qint64 begin, qint64 end)
    {
        closeChannel(kind == Block ? BlockChannel : OtherChannel, begin, end);
    }
    /// A wait at a site opens and closes.
    void openWait(SiteId site, qint64 begin) { openChannel(channelFor(site), begin); }
    void closeWait(SiteId site, qint64 begin, qint64 end) { closeChannel(channelFor(site), begin, end); }

    /// The site a wait channel stands for (NoSite for OtherChannel and channels not used yet).
    SiteId siteOfChannel(int channel) const noexcept
    {
        return channel >= 0 && channel < SiteChannels ? m_sites[std::size_t(channel)] : NoSite;
    }
    /// Wait channels in use (sites seen, plus "other" if anything went there).
    int usedSiteChannels() const noexcept { return m_usedSites; }

    qint64 bucketNs() const noexcept { return m_bucketNs; }
    std::size_t bucketOf(qint64 t) const noexcept { return std::size_t(std::max<qint64>(t, 0) / m_bucketNs); }

    /// Occupancy of buckets [0, count): closed spans, plus open ones up to (and including) the
    /// playhead's bucket.
    std::vector<qint32> occupancy(Kind kind, std::size_t count, qint64 playhead) const
    {
        if (kind == Block)
            return channelOccupancy(BlockChannel, count, playhead);
        std::vector<qint32> out(count, 0);
        for (int c = 0; c <= OtherChannel; ++c) {
            const std::vector<qint32> one = channelOccupancy(c, count, playhead);
            for (std::size_t b = 0; b < count; ++b)
                out[b] += one[b];
        }
        return out;
    }
    std::vector<qint32> channelOccupancy(int channel, std::size_t count, qint64 playhead) const
    {
        std::vector<qint32> out(count, 0);
        const std::size_t last = bucketOf(playhead);
        qint32 closed = 0;
        qint32 open = 0;
        const auto &closedDiff = m_closed[std::size_t(channel)];
        const auto &openDiff = m_open[std::size_t(channel)];
        for (std::size_t b = 0; b < count; ++b) {
            closed += at(closedDiff, b);
            open += at(openDiff, b);
            out[b] = closed + (b <= last ? open : 0);
        }
        return out;
    }

private:
    int channelFor(SiteId site)
    {
        for (int c = 0; c < m_usedSites && c < SiteChannels; ++c)
            if (m_sites[std::size_t(c)] == site)
                return c;
        if (m_usedSites < SiteChannels) {
            m_sites[std::size_t(m_usedSites)] = site;
            return m_usedSites++;
        }
        return OtherChannel;
    }
    void openChannel(int channel, qint64 begin) { add(m_open[std::size_t(channel)], begin, +1); }
    void closeChannel(int channel, qint64 begin, qint64 end)
    {
        add(m_open[std::size_t(channel)], begin, -1);
        const std::size_t b0 = bucketOf(begin);
        // At least the span's own bucket, so a short wait is never lost.
        const std::size_t b1 = std::max(b0 + 1, bucketOf(std::max(begin, end - 1)) + 1);
        add(m_closed[std::size_t(channel)], b0, +1);
        add(m_closed[std::size_t(channel)], b1, -1);
    }
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
        for (auto *arrays : {&m_open, &m_closed}) {
            for (std::vector<qint32> &v : *arrays) {
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
    std::array<std::vector<qint32>, Channels> m_open;
    std::array<std::vector<qint32>, Channels> m_closed;
    std::array<SiteId, SiteChannels> m_sites{};
    int m_usedSites = 0;
};

} // namespace awaitscope
