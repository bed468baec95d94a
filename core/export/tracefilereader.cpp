#include "tracefilereader.h"

#include "chrometracereader.h"
#include "recordingreader.h"

#include <QFile>

namespace awaitscope {

std::optional<Recording> TraceFileReader::open(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const QByteArray head = file.peek(64);
    file.close();
    if (RecordingReader::looksLikeRecording(head.constData(), head.size()))
        return RecordingReader::readFile(path, error);
    const QByteArray text = head.trimmed();
    if (text.startsWith('{') || text.startsWith('['))
        return ChromeTraceReader::readFile(path, error);
    if (error)
        *error = head.isEmpty()
            ? QStringLiteral("%1: the file is empty").arg(path)
            : QStringLiteral("%1: neither an Awaitscope recording nor a Chrome trace (JSON)").arg(path);
    return std::nullopt;
}

} // namespace awaitscope
