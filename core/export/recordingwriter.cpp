#include "recordingwriter.h"

#include "outputfile.h"
#include "scenario.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtEndian>
#include <functional>

namespace awaitscope {

namespace {

/// Little-endian output, buffered, remembering whether every write succeeded.
class Out {
public:
    explicit Out(QIODevice *device)
        : m_device(device)
    {
    }
    ~Out() { flush(); }
    void bytes(const char *data, qsizetype n)
    {
        m_buffer.append(data, n);
        if (m_buffer.size() >= (1 << 20))
            flush();
    }
    template<typename T>
    void number(T v)
    {
        char b[sizeof(T)];
        qToLittleEndian(v, b);
        bytes(b, sizeof b);
    }
    void text(const QString &s)
    {
        const QByteArray utf8 = s.toUtf8();
        number(quint32(utf8.size()));
        bytes(utf8.constData(), utf8.size());
    }
    /// A section: its tag, its length, then what body writes (measured first into a buffer).
    void section(const char (&tag)[4], qint64 length)
    {
        bytes(tag, 4);
        number(quint64(length));
    }
    bool flush()
    {
        if (!m_buffer.isEmpty() && m_device->write(m_buffer) != m_buffer.size())
            m_ok = false;
        m_buffer.clear();
        return m_ok;
    }

private:
    QIODevice *m_device;
    QByteArray m_buffer;
    bool m_ok = true;
};

qint64 textBytes(const QString &s)
{
    return 4 + s.toUtf8().size();
}

/// The one place that writes a file safely: a complete file or none (to become OutputFile).
/// Through OutputFile, as every export: a file atomically, a device, a FIFO or "-" straight into.
bool writeAtomically(const QString &path, const std::function<bool(QIODevice *)> &write, QString *error)
{
    OutputFile file(path);
    if (!file.open()) {
        if (error)
            *error = file.errorString();
        return false;
    }
    if (!write(file.device()) || !file.commit()) {
        if (error)
            *error = file.errorString().isEmpty()
                ? QStringLiteral("cannot write %1: %2").arg(path, file.writeError())
                : file.errorString();
        file.cancel();
        return false;
    }
    return true;
}

} // namespace

RecordingWriter::RecordingWriter(const Trace &trace, const RunConfig *config, QMap<QString, QString> sources)
    : m_trace(trace)
    , m_config(config)
    , m_sources(std::move(sources))
{
}

QMap<QString, QString> RecordingWriter::sourcesFor(const Trace &trace, const QString &scenarioId)
{
    QSet<quint32> files;
    for (SiteId s = 0; s < trace.siteCount(); ++s)
        files.insert(trace.siteAt(s).file);
    QMap<QString, QString> out;
    QSet<QString> names;
    for (const quint32 f : files)
        names.insert(trace.string(f));
    if (const Scenario *s = findScenario(scenarioId))
        names.insert(s->sourceFile); // the file the window shows for the run
    for (const Scenario &scenario : allScenarios()) {
        if (names.contains(scenario.sourceFile) && !out.contains(scenario.sourceFile))
            out.insert(scenario.sourceFile, scenario.source());
    }
    return out;
}

QJsonObject RecordingWriter::configJson(const RunConfig &c)
{
    return QJsonObject{
        {QStringLiteral("scenario"), c.scenario},
        {QStringLiteral("jobs"), c.jobs},
        {QStringLiteral("latency_model"), latencyModelName(c.network.model)},
        {QStringLiteral("latency_ms"), c.network.latencyMs},
        {QStringLiteral("jitter_ms"), c.network.jitterMs},
        {QStringLiteral("failure_rate"), c.network.failureRate},
        {QStringLiteral("timeout_ms"), c.network.timeoutMs},
        {QStringLiteral("payload_bytes"), double(c.network.payloadBytes)},
        {QStringLiteral("seed"), double(c.seed)},
        {QStringLiteral("speed"), c.speed},
        {QStringLiteral("clock"),
         c.clock == ClockMode::Virtual ? QStringLiteral("virtual") : QStringLiteral("real")},
    };
}

bool RecordingWriter::write(QIODevice *device) const
{
    namespace r = recording;
    const Trace &t = m_trace;
    Out out(device);
    out.bytes(r::Magic, sizeof r::Magic);
    out.number(r::Version);

    const QByteArray config =
        m_config ? QJsonDocument(configJson(*m_config)).toJson(QJsonDocument::Compact) : QByteArray();
    out.section(r::ConfigTag, config.size());
    out.bytes(config.constData(), config.size());

    // Strings: every interned string, in id order (id 0 is the empty string).
    const quint32 strings = t.stringCount();
    qint64 stringBytes = 4;
    for (quint32 i = 0; i < strings; ++i)
        stringBytes += textBytes(t.string(i));
    out.section(r::StringsTag, stringBytes);
    out.number(strings);
    for (quint32 i = 0; i < strings; ++i)
        out.text(t.string(i));

    out.section(r::SitesTag, 4 + qint64(t.siteCount()) * r::SiteBytes);
    out.number(t.siteCount());
    for (SiteId s = 0; s < t.siteCount(); ++s) {
        const Site &site = t.siteAt(s);
        out.number(site.label);
        out.number(site.file);
        out.number(site.line);
        out.number(quint8(site.kind));
    }

    out.section(r::TasksTag, 4 + qint64(t.taskCount()) * r::TaskBytes);
    out.number(t.taskCount());
    for (TaskId id = 0; id < t.taskCount(); ++id) {
        const TaskInfo &info = t.task(id);
        out.number(info.parent);
        out.number(info.name);
        out.number(info.nameArg);
        out.number(info.message);
    }

    out.section(r::EventsTag, 8 + qint64(t.size()) * r::EventBytes);
    out.number(t.size());
    for (quint64 i = 0; i < t.size(); ++i) {
        const TraceEvent e = t.at(i);
        out.number(e.timeNs);
        out.number(e.task);
        out.number(e.packed);
    }

    qint64 sourceBytes = 4;
    for (auto it = m_sources.cbegin(); it != m_sources.cend(); ++it)
        sourceBytes += textBytes(it.key()) + textBytes(it.value());
    out.section(r::SourcesTag, sourceBytes);
    out.number(quint32(m_sources.size()));
    for (auto it = m_sources.cbegin(); it != m_sources.cend(); ++it) {
        out.text(it.key());
        out.text(it.value());
    }
    out.section(r::EndTag, 0);
    return out.flush();
}

bool RecordingWriter::writeFile(const QString &path, QString *error) const
{
    return writeAtomically(
        path, [this](QIODevice *device) { return write(device); }, error);
}

} // namespace awaitscope
