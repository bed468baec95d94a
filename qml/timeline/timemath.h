#pragma once

#include "names.h"

// Time <-> pixel arithmetic of the timeline: pure functions, tested with data-driven rows.
// Times are qint64 nanoseconds of simulated time; pixels are doubles in item coordinates.

#include <QString>
#include <QtGlobal>
#include <algorithm>
#include <cmath>

namespace awaitscope::timemath {

/// The visible part of the time axis: [start, start + duration).
struct View {
    qint64 start = 0;
    qint64 duration = 1;
    friend bool operator==(const View &, const View &) = default;
};

inline constexpr qint64 MinDuration = 1'000; // 1 us across the whole width
inline constexpr qint64 MaxDuration = 24LL * 3600 * 1'000'000'000; // one day

inline double timeToPixel(qint64 t, const View &v, double width)
{
    if (v.duration <= 0 || width <= 0)
        return 0.0;
    return double(t - v.start) * width / double(v.duration);
}

inline qint64 pixelToTime(double x, const View &v, double width)
{
    if (width <= 0)
        return v.start;
    return v.start + qint64(std::llround(x * double(v.duration) / width));
}

/// Nanoseconds covered by one pixel (at least 1e-9 so callers can divide by it).
inline double nsPerPixel(const View &v, double width)
{
    if (width <= 0)
        return 1.0;
    return std::max(1e-9, double(v.duration) / width);
}

inline qint64 clampDuration(qint64 d)
{
    return std::clamp(d, MinDuration, MaxDuration);
}

/// Zooms by factor (> 1 zooms in) keeping the time under pointerX where it is.
inline View zoomAround(const View &v, double pointerX, double width, double factor)
{
    if (width <= 0 || !(factor > 0))
        return v;
    const qint64 anchor = pixelToTime(pointerX, v, width);
    const qint64 duration = clampDuration(qint64(std::llround(double(v.duration) / factor)));
    const double fraction = std::clamp(pointerX / width, 0.0, 1.0);
    return {anchor - qint64(std::llround(fraction * double(duration))), duration};
}

/// Moves the view by dx pixels (dx > 0 drags the content right: earlier times come into view).
inline View panBy(const View &v, double dx, double width)
{
    if (width <= 0)
        return v;
    return {v.start - qint64(std::llround(dx * double(v.duration) / width)), v.duration};
}

/// A 1, 2, 5 x 10^k step so that ticks are at least minSpacingPx apart.
inline qint64 tickStep(const View &v, double width, double minSpacingPx)
{
    if (v.duration <= 0 || width <= 0 || minSpacingPx <= 0)
        return 1;
    const double minStep = double(v.duration) * minSpacingPx / width;
    qint64 magnitude = 1;
    while (magnitude <= MaxDuration) {
        for (const qint64 m : {1, 2, 5}) {
            if (double(magnitude * m) >= minStep)
                return magnitude * m;
        }
        magnitude *= 10;
    }
    return magnitude;
}

/// The first tick at or after the view's start.
inline qint64 firstTick(const View &v, qint64 step)
{
    if (step <= 0)
        return v.start;
    const qint64 q = v.start / step;
    qint64 t = q * step;
    if (t < v.start)
        t += step;
    return t;
}

/// "250 ms", "1.5 s", "12 us": a duration with the unit its size deserves.
/// (The one formatter lives in core: names.h.)
using awaitscope::formatDuration;

} // namespace awaitscope::timemath
