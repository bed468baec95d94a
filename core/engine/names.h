#pragma once

// The words for a trace's enums, defined once: the export, the summary, the lanes, the hover
// text and the command line all say them the same way.

#include "trace.h"

#include <QLatin1StringView>
#include <optional>

namespace awaitscope {

/// "running", "ok", "error", "cancelled".
QLatin1StringView outcomeName(TaskOutcome outcome);
std::optional<TaskOutcome> outcomeFromName(QLatin1StringView name);

/// "ok", "failed", "timed out", "cancelled".
QLatin1StringView waitResultName(WaitResult result);
std::optional<WaitResult> waitResultFromName(QLatin1StringView name);

} // namespace awaitscope
