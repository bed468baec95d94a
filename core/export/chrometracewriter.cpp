#include "chrometracewriter.h"

#include "jsonescape.h"
#include "names.h"
#include "outputfile.h"
#include "spanreader.h"
#include "trace.h"

#include <QIODevice>
#include <QJsonDocument>
#include <cstdio>
#include <vector>

namespace awaitscope {

namespace {

QByteArray escaped(const QString &s)
{
    return jsonEscaped(s);
}

/// Buffers output and flushes it to the device in large writes.
class JsonOut {
public:
    explicit JsonOut(QIODevice *device)
        : m_device(device)
    {
        m_buffer.reserve(BufferSize + 4096);
    }
    JsonOut &operator<<(const char *s)
    {
        m_buffer.append(s);
        return check();
    }
    JsonOut &operator<<(const QByteArray &s)
    {
        m_buffer.append(s);
        return check();
    }
    JsonOut &operator<<(QLatin1StringView s)
    {
        m_buffer.append(s.data(), s.size());
        return check();
    }
    JsonOut &operator<<(qint64 v)
    {
        m_buffer.append(QByteArray::number(v));
        return check();
    }
    /// A time in microseconds with nanosecond precision, as the format wants.
    JsonOut &micros(qint64 ns)
    {
        const bool negative = ns < 0;
        const quint64 a = quint64(negative ? -ns : ns);
        if (negative)
            m_buffer.append('-');
        m_buffer.append(QByteArray::number(a / 1000));
        const quint64 frac = a % 1000;
        if (frac) {
            char digits[5] = {'.', char('0' + frac / 100), char('0' + frac / 10 % 10), char('0' + frac % 10),
                              0};
            m_buffer.append(digits);
        }
        return check();
    }
    /// A JSON string literal, escaped.
    JsonOut &str(const QString &s)
    {
        m_buffer.append('"');
        m_buffer.append(escaped(s));
        m_buffer.append('"');
        return check();
    }
    bool finish()
    {
        flush();
        return m_ok;
    }

private:
    static constexpr qsizetype BufferSize = 1 << 20;
    JsonOut &check()
    {
        if (m_buffer.size() >= BufferSize)
            flush();
        return *this;
    }
    void flush()
    {
        if (!m_buffer.isEmpty() && m_device->write(m_buffer) != m_buffer.size())
            m_ok = false;
        m_buffer.clear();
    }
    QIODevice *m_device;
    QByteArray m_buffer;
    bool m_ok = true;
};

} // namespace

bool ChromeTraceWriter::write(QIODevice *device) const
{
    JsonOut out(device);
    const Trace &t = m_trace;
    // The end of the trace: slices still open (a run stopped mid-await) end there.
    const qint64 endNs = t.size() ? t.at(t.size() - 1).timeNs : 0;

    // Escaped labels of the sites, once each.
    std::vector<QByteArray> siteNames(t.siteCount());
    std::vector<QByteArray> siteLines(t.siteCount());
    for (SiteId s = 0; s < t.siteCount(); ++s) {
        const Site &site = t.siteAt(s);
        siteNames[s] = escaped(t.string(site.label));
        siteLines[s] = escaped(t.string(site.file) + u':' + QString::number(site.line));
    }

    QJsonObject other = m_otherData;
    other.insert(QStringLiteral("generator"), QStringLiteral("Awaitscope"));
    out << R"({"displayTimeUnit":"ms","otherData":)" << QJsonDocument(other).toJson(QJsonDocument::Compact)
        << R"(,"traceEvents":[)";
    out << R"({"ph":"M","pid":1,"name":"process_name","args":{"name":"Awaitscope run"}})";

    // Lanes: one thread per task, named after it, sorted by id.
    for (TaskId id = 0; id < t.taskCount(); ++id) {
        const qint64 tid = qint64(id) + 1;
        out << ",\n{\"ph\":\"M\",\"pid\":1,\"tid\":" << tid << R"(,"name":"thread_name","args":{"name":)";
        out.str(t.taskName(id)) << "}}";
        out << ",\n{\"ph\":\"M\",\"pid\":1,\"tid\":" << tid
            << R"(,"name":"thread_sort_index","args":{"sort_index":)" << qint64(id) << "}}";
    }

    // Lifetimes and spawn flows.
    for (TaskId id = 0; id < t.taskCount(); ++id) {
        const TaskInfo &info = t.task(id);
        const qint64 tid = qint64(id) + 1;
        const qint64 end = info.endNs >= 0 ? info.endNs : endNs;
        out << ",\n{\"ph\":\"X\",\"cat\":\"task\",\"pid\":1,\"tid\":" << tid << ",\"ts\":";
        out.micros(info.spawnNs) << ",\"dur\":";
        out.micros(end - info.spawnNs) << ",\"name\":";
        out.str(t.taskName(id)) << R"(,"args":{"task":)" << qint64(id) << R"(,"outcome":")"
                                << outcomeName(info.outcome) << "\"";
        if (info.message) {
            out << ",\"message\":";
            out.str(t.taskMessage(id));
        }
        out << "}}";
        if (info.parent != NoTask) {
            out << ",\n{\"ph\":\"s\",\"cat\":\"spawn\",\"name\":\"spawn\",\"id\":" << qint64(id)
                << ",\"pid\":1,\"tid\":" << qint64(info.parent) + 1 << ",\"ts\":";
            out.micros(info.spawnNs) << "}";
            out << ",\n{\"ph\":\"f\",\"bp\":\"e\",\"cat\":\"spawn\",\"name\":\"spawn\",\"id\":" << qint64(id)
                << ",\"pid\":1,\"tid\":" << tid << ",\"ts\":";
            out.micros(info.spawnNs) << "}";
        }
    }

    // Awaits and blocked sections, as the span reader pairs them; errors and cancellations.
    struct Slices : SpanVisitor {
        JsonOut &out;
        const Trace &t;
        const std::vector<QByteArray> &siteNames;
        const std::vector<QByteArray> &siteLines;
        void slice(const char *cat, const char *prefix, TaskId task, qint64 from, qint64 to, SiteId site,
                   QLatin1StringView result)
        {
            out << ",\n{\"ph\":\"X\",\"cat\":\"" << cat << "\",\"pid\":1,\"tid\":" << qint64(task) + 1
                << ",\"ts\":";
            out.micros(from) << ",\"dur\":";
            out.micros(to - from) << ",\"name\":\"" << prefix << siteNames[site] << R"(","args":{"line":")"
                                  << siteLines[site] << "\",\"result\":\"" << result << "\"}}";
        }
        void waitEnded(TaskId task, qint64 begin, qint64 end, SiteId site, WaitResult result)
        {
            slice("await", "", task, begin, end, site, waitResultName(result));
            if (result == WaitResult::Failed || result == WaitResult::TimedOut) {
                out << ",\n{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"error\",\"pid\":1,\"tid\":" << qint64(task) + 1
                    << ",\"ts\":";
                out.micros(end) << ",\"name\":\"" << waitResultName(result) << ": " << siteNames[site]
                                << "\"}";
            }
        }
        void blockEnded(TaskId task, qint64 begin, qint64 end, SiteId site)
        {
            slice("blocked", "blocked: ", task, begin, end, site, waitResultName(WaitResult::Ok));
        }
        void finished(TaskId task, qint64 time, TaskOutcome outcome)
        {
            if (outcome != TaskOutcome::Error && outcome != TaskOutcome::Cancelled)
                return;
            out << ",\n{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"" << outcomeName(outcome)
                << "\",\"pid\":1,\"tid\":" << qint64(task) + 1 << ",\"ts\":";
            out.micros(time) << ",\"name\":\"" << outcomeName(outcome) << "\",\"args\":{\"message\":";
            out.str(t.taskMessage(task)) << "}}";
        }
        // The loop held longer than a frame: an instant at the end of the hold, with its wall time.
        void held(TaskId task, qint64 time, qint64 wallNs)
        {
            out << ",\n{\"ph\":\"i\",\"s\":\"t\",\"cat\":\"hold\",\"pid\":1,\"tid\":" << qint64(task) + 1
                << ",\"ts\":";
            out.micros(time) << R"(,"name":"held the event loop","args":{"wall_us":)" << wallNs / 1000
                             << "}}";
        }
        // Awaits still open when the trace ends (a stopped run) are drawn up to its end.
        void unfinished(TaskId task, qint64 begin, qint64 end, SiteId site, bool blocked)
        {
            if (!blocked)
                slice("await", "", task, begin, end, site, QLatin1StringView("unfinished"));
        }
    } slices{{}, out, t, siteNames, siteLines};
    readSpans(t, slices, true);
    out << "\n]}\n";
    return out.finish();
}

bool ChromeTraceWriter::writeFile(const QString &path, QString *error) const
{
    OutputFile file(path);
    if (file.open()) {
        write(file.device()); // a failed write is the file's error: commit() reports it
        if (file.commit())
            return true;
    }
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace awaitscope
