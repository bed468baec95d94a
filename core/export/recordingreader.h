#pragma once

#include "recording.h"

#include <QString>
#include <optional>

class QJsonObject;

namespace awaitscope {

/**
 * Loads a recording file (docs/recording-format.md). Every count, id, time and length is checked
 * against the file before anything is allocated or indexed, so a bad file (empty, truncated,
 * garbage, another version, absurd numbers) gives a message naming the problem, never a crash
 * or a hang. The file is mapped, not read into memory.
 */
class RecordingReader {
public:
    /// The recording in path, or none with error set ("truncated in the events section: ...").
    static std::optional<Recording> readFile(const QString &path, QString *error);
    /// The same from bytes in memory.
    static std::optional<Recording> read(const char *data, qint64 size, QString *error);
    /// True if data starts like a recording (its magic).
    static bool looksLikeRecording(const char *data, qint64 size);
    /// Settings as RecordingWriter::configJson wrote them; none with error set if they are bad.
    static std::optional<RunConfig> configFromJson(const QJsonObject &json, QString *error);
};

} // namespace awaitscope
