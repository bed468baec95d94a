#pragma once

#include "commandline.h"
#include "session.h"

class QTextStream;

namespace awaitscope {

/**
 * Runs one scenario without a window: the event loop turns until every task ended (or
 * --quit-after stops the run), then a short summary is printed and the trace exported.
 * Returns the process exit code.
 */
int runHeadless(const CommandLineOptions &options, QTextStream &out, QTextStream &err);

/// The summary lines printed at the end of a headless run.
QString headlessSummary(const Session &session, qint64 wallMs, bool stopped);

class ScriptRun;

/**
 * Runs a Python script (--script) without a window: its output goes to stdout and stderr as it
 * is printed, then the summary. Exit code: 0, sys.exit's code, or 2 for a bad script (a syntax
 * error, an uncaught exception, a loop held past --hold-limit, a wait that can never end, no
 * end within the time limit).
 */
int runHeadlessScript(const CommandLineOptions &options, QTextStream &out, QTextStream &err);

/// The summary lines of a script run.
QString scriptSummary(const ScriptRun &run, qint64 wallMs);

/// How long a headless script may run (wall time) when --quit-after does not say.
inline constexpr qint64 DefaultScriptLimitMs = 60'000;

} // namespace awaitscope
