#pragma once

// Percentiles over recorded samples (frame times, loop lag), for the panel and --metrics.

#include <algorithm>
#include <cmath>
#include <vector>

namespace awaitscope {

/// Nearest-rank percentile (p in 0..100) of unsorted samples; 0 when there are none.
inline double percentile(std::vector<float> samples, double p)
{
    if (samples.empty())
        return 0.0;
    const double rank = std::ceil(std::clamp(p, 0.0, 100.0) / 100.0 * double(samples.size()));
    const auto k = std::size_t(std::max(1.0, rank)) - 1;
    std::nth_element(samples.begin(), samples.begin() + std::ptrdiff_t(k), samples.end());
    return double(samples[k]);
}

inline double maximum(const std::vector<float> &samples)
{
    return samples.empty() ? 0.0 : double(*std::max_element(samples.begin(), samples.end()));
}

} // namespace awaitscope
