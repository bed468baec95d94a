#pragma once

#include "recording.h"

#include <QString>
#include <optional>

namespace awaitscope {

/**
 * Opens what a user hands over: an Awaitscope recording (by its magic) or a Chrome Trace Event
 * JSON file (anything starting with '{' or '['). What `awaitscope FILE` and the window's Open
 * call.
 */
class TraceFileReader {
public:
    /// The file's run, or none with error set, naming the file and the problem.
    static std::optional<Recording> open(const QString &path, QString *error);
};

} // namespace awaitscope
