#pragma once

#include "recording.h"

#include <QMap>
#include <QString>

class QIODevice;
class QJsonObject;

namespace awaitscope {

/**
 * Saves a run as a recording file (docs/recording-format.md): the trace, the run's settings and
 * the source text of the files its sites point at. Little-endian, streamed.
 */
class RecordingWriter {
public:
    /// config may be null (a trace from another program has none).
    RecordingWriter(const Trace &trace, const RunConfig *config, QMap<QString, QString> sources);

    /// The scenario sources (from the resources) of the files the trace's sites point at, and of
    /// the scenario's own file.
    static QMap<QString, QString> sourcesFor(const Trace &trace, const QString &scenarioId = {});
    /// The settings as the file stores them (RecordingReader::configFromJson reads them back).
    static QJsonObject configJson(const RunConfig &config);

    /// Streams the recording to device; false on a write error.
    bool write(QIODevice *device) const;
    /// Writes atomically: a complete file or none. On failure, error says why.
    bool writeFile(const QString &path, QString *error = nullptr) const;

private:
    const Trace &m_trace;
    const RunConfig *m_config;
    QMap<QString, QString> m_sources;
};

} // namespace awaitscope
