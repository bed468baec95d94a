#pragma once

#include "runconfig.h"
#include "tracesummary.h"

#include <QString>

namespace awaitscope {

/**
 * The words of a headless summary, shared by a scenario run, a script run and an opened file so
 * the three say the same thing the same way (scripts and tests read these lines).
 */
namespace summarytext {

/// "virtual" or "real".
QString clockName(ClockMode mode);

/// "scenario fan-out: 20 jobs, seed 1, virtual clock" (no line end).
QString scenarioLine(const RunConfig &config);

/// The lines after the first: tasks, awaits and errors, holds of the loop, total time.
/// wallMs < 0: the wall time is unknown (an opened file) and is left out.
QString traceLines(const TraceSummary &summary, qint64 wallMs);

/// The same for a trace from another program: tracks and slices on the trace's own clock
/// (it has no tasks, awaits or simulated time).
QString foreignTraceLines(const TraceSummary &summary);

} // namespace summarytext

} // namespace awaitscope
