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

} // namespace awaitscope
