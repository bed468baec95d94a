#pragma once

// Every limit of a run, defined once. The engine enforces them, the command line names them in
// its messages, remembered settings are clamped to them, and the window's spin boxes read them
// (exposed to QML as constants).

#include <QtGlobal>

namespace awaitscope::limits {

/// Simulated milliseconds: ten minutes of latency is already absurd for a demo; more is a typo.
inline constexpr double MaxLatencyMs = 600'000.0;
inline constexpr double MaxJitterMs = MaxLatencyMs;
inline constexpr double MaxTimeoutMs = MaxLatencyMs;

/// The seed of the network's generator. It fits a QML int (the spin box's type) and a double.
inline constexpr quint64 MaxSeed = 2'147'483'647;

/// The clock's speed factor (real clock): simulated time per unit of wall time.
inline constexpr double MinSpeed = 0.05;
inline constexpr double MaxSpeed = 20.0;
/// The window's pace when --speed is not given: a 100 ms request takes a second on screen.
inline constexpr double WindowSpeed = 0.1;

/// No scenario takes more jobs than this (each declares its own maximum, at most this).
inline constexpr int MaxJobs = 1'000'000;

} // namespace awaitscope::limits
