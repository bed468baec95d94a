#pragma once

#include <QtGlobal>
#include <cmath>
#include <numbers>

namespace awaitscope {

/**
 * xoshiro256** seeded through splitmix64, with its own uniform, normal and log-normal
 * transforms: the standard library's distributions are implementation-defined, and one seed
 * must reproduce a run exactly everywhere.
 */
class Random {
public:
    explicit Random(quint64 seed = 1) { reseed(seed); }

    void reseed(quint64 seed)
    {
        for (quint64 &s : m_s) {
            seed += 0x9e3779b97f4a7c15ull;
            quint64 z = seed;
            z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
            z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
            s = z ^ (z >> 31);
        }
        m_haveSpare = false;
    }

    quint64 next() noexcept
    {
        const quint64 result = rotl(m_s[1] * 5, 7) * 9;
        const quint64 t = m_s[1] << 17;
        m_s[2] ^= m_s[0];
        m_s[3] ^= m_s[1];
        m_s[1] ^= m_s[2];
        m_s[0] ^= m_s[3];
        m_s[2] ^= t;
        m_s[3] = rotl(m_s[3], 45);
        return result;
    }

    /// Uniform in [0, 1).
    double uniform() noexcept { return double(next() >> 11) * 0x1.0p-53; }
    double uniform(double lo, double hi) noexcept { return lo + (hi - lo) * uniform(); }

    /// Standard normal (Box-Muller, the spare value kept for the next call).
    double normal() noexcept
    {
        if (m_haveSpare) {
            m_haveSpare = false;
            return m_spare;
        }
        double u1 = uniform();
        while (u1 <= 0.0)
            u1 = uniform();
        const double u2 = uniform();
        const double r = std::sqrt(-2.0 * std::log(u1));
        m_spare = r * std::sin(2.0 * std::numbers::pi * u2);
        m_haveSpare = true;
        return r * std::cos(2.0 * std::numbers::pi * u2);
    }

private:
    static quint64 rotl(quint64 x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    quint64 m_s[4] = {};
    double m_spare = 0.0;
    bool m_haveSpare = false;
};

} // namespace awaitscope
