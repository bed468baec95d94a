#pragma once

#include "recording.h"

#include <QByteArray>
#include <QString>
#include <optional>

namespace awaitscope {

/**
 * Imports Chrome Trace Event JSON (an object with "traceEvents", or a bare array), from
 * Awaitscope or any other program: lanes (tasks) from threads (pid, tid) and async tracks
 * (pid, cat, id), named by `M` thread_name events or their first slice; bars from `X` slices,
 * `B`/`E` pairs and `b`/`e` async pairs (nested slices show as their outermost one); `s`/`f` flows
 * make the flow's start lane the parent of its end lane. Times are shifted to start at 0.
 *
 * Awaitscope's own export is read back exactly: task lifetimes and outcomes (`X` in category
 * "task"), awaits with their source lines and results, blocked sections and holds, so exporting
 * it again gives the same events (only the kind of a join's site is not in the export).
 */
class ChromeTraceReader {
public:
    /// A larger file is refused: the JSON parser needs several times its size in memory.
    static constexpr qint64 MaxFileBytes = qint64(512) << 20;

    static std::optional<Recording> readFile(const QString &path, QString *error);
    /// error names the problem ("not valid JSON: ...", "valid JSON, but not a Chrome trace: ...").
    static std::optional<Recording> read(const QByteArray &json, QString *error);
};

} // namespace awaitscope
