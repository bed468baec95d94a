#pragma once

#include <QJsonObject>
#include <QString>

class QIODevice;

namespace awaitscope {

class Trace;

/**
 * Writes a trace as Chrome Trace Event JSON, readable by Perfetto, chrome://tracing, speedscope
 * and Qt Creator's trace viewer. Each task is its own thread lane (`M` thread_name metadata
 * with the task's name) holding an `X` slice for its lifetime; each suspended await is an `X`
 * slice named by the awaited call, with the source line in args; blocked sections are `X`
 * slices in the "blocked" category; errors and cancellations are `i` instants; spawns are flow
 * events (`s`/`f`) from parent to child. Times are microseconds.
 */
class ChromeTraceWriter {
public:
    explicit ChromeTraceWriter(const Trace &trace)
        : m_trace(trace)
    {
    }
    /// More to say in "otherData" (next to "generator"), e.g. {"run": RunConfig::toJson()}.
    void setOtherData(const QJsonObject &extra) { m_otherData = extra; }
    /// Streams the JSON to device; false on a write error.
    bool write(QIODevice *device) const;
    /// Writes to path through OutputFile: a regular file atomically (a complete file or none),
    /// a device, a FIFO or "-" (standard output) straight into. On failure, error says why.
    bool writeFile(const QString &path, QString *error = nullptr) const;

private:
    const Trace &m_trace;
    QJsonObject m_otherData;
};

} // namespace awaitscope
