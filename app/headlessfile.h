#pragma once

#include "commandline.h"
#include "recording.h"

class QTextStream;

namespace awaitscope {

/**
 * `--open FILE --headless` (or `FILE --headless`): loads a recording or a Chrome trace, prints
 * its summary (or, with --at, only the state at that time), re-exports it (--export-trace) and
 * saves it (--save). Returns the exit code (ExitUsage for a bad file).
 */
int runOpenedFile(const CommandLineOptions &options, QTextStream &out, QTextStream &err);

/// What --at and --save do, after a run or a load: prints the state JSON on out, writes the
/// recording. Returns 0, or ExitUsage after printing the error.
int writeRecordingOutputs(const Trace &trace, const RunConfig *config, const QMap<QString, QString> &sources,
                          const CommandLineOptions &options, QTextStream &out, QTextStream &err);

/// The summary printed for an opened file.
QString openedFileSummary(const Recording &recording, const QString &path);

} // namespace awaitscope
