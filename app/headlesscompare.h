#pragma once

#include "commandline.h"
#include "comparerun.h"

#include <QJsonArray>

class QTextStream;

namespace awaitscope {

/// --compare --headless: runs CompareRun (blocking, callbacks, co_await in turn) and prints its
/// figures as a JSON array on stdout. Returns the process exit code.
int runHeadlessCompare(const CommandLineOptions &options, QTextStream &out, QTextStream &err);

/// [{"variant", "scenario", "jobs", "requests", "total_ms", "longest_hold_ms"}, ...] in the runs' clock.
QJsonArray compareJson(const CompareRun &run);

} // namespace awaitscope
