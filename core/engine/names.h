#pragma once

// The words for a trace's enums, defined once: the export, the summary, the lanes, the hover
// text and the command line all say them the same way.

#include "trace.h"

#include <QLatin1StringView>
#include <QString>
#include <optional>

namespace awaitscope {

/// "running", "ok", "error", "cancelled".
QLatin1StringView outcomeName(TaskOutcome outcome);
std::optional<TaskOutcome> outcomeFromName(QLatin1StringView name);

/// "ok", "failed", "timed out", "cancelled".
QLatin1StringView waitResultName(WaitResult result);
std::optional<WaitResult> waitResultFromName(QLatin1StringView name);

/// A duration for people: "250 ms", "1.5 ms", "2 s", "12 µs", three significant digits at most;
/// zero is "0".
QString formatDuration(qint64 ns);

} // namespace awaitscope
