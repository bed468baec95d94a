#include "statejsonwriter.h"

#include "jsonescape.h"

#include <QBuffer>
#include <QIODevice>
#include <vector>

namespace awaitscope {

namespace {

/// Milliseconds as JSON: a whole number when it is one, else with the nanoseconds (exact).
QByteArray milliseconds(qint64 ns)
{
    const bool negative = ns < 0;
    const quint64 a = negative ? quint64(-ns) : quint64(ns);
    QByteArray s = (negative ? QByteArray("-") : QByteArray()) + QByteArray::number(a / 1'000'000);
    if (const quint64 fraction = a % 1'000'000) {
        QByteArray digits = QByteArray::number(fraction).rightJustified(6, '0');
        while (digits.endsWith('0'))
            digits.chop(1);
        s += '.' + digits;
    }
    return s;
}

QByteArray quoted(const QString &s)
{
    return '"' + jsonEscaped(s) + '"';
}

} // namespace

bool StateJsonWriter::write(QIODevice *device, qint64 timeNs) const
{
    const Trace &trace = m_timeline.trace();
    QByteArray out;
    bool ok = true;
    const auto flush = [&] {
        if (!out.isEmpty() && device->write(out) != out.size())
            ok = false;
        out.clear();
    };
    const StateCounters c = m_timeline.countersAt(timeNs);
    out += "{\"time_ms\":" + milliseconds(timeNs);
    out += ",\"counters\":{\"started\":" + QByteArray::number(c.started) +
        ",\"running\":" + QByteArray::number(c.running) + ",\"waiting\":" + QByteArray::number(c.waiting) +
        ",\"blocked\":" + QByteArray::number(c.blocked) + ",\"done\":" + QByteArray::number(c.done) +
        ",\"failed\":" + QByteArray::number(c.failed) + ",\"cancelled\":" + QByteArray::number(c.cancelled) +
        ",\"awaits\":" + QByteArray::number(c.awaits) + "}";

    // Each site's "file", "line" and "call", escaped once.
    std::vector<QByteArray> sites(trace.siteCount());
    out += ",\"tasks\":[";
    for (TaskId id = 0; id < m_timeline.taskCount() && id < trace.taskCount(); ++id) {
        const TaskStateAt s = m_timeline.stateAt(id, timeNs);
        if (id > 0)
            out += ',';
        out += "{\"id\":" + QByteArray::number(id) + ",\"name\":" + quoted(trace.taskName(id)) +
            ",\"state\":\"" + QByteArray(taskStateName(s.state).data(), taskStateName(s.state).size()) + '"';
        if (s.site != NoSite && s.site < sites.size()) {
            QByteArray &where = sites[s.site];
            if (where.isEmpty()) {
                const Site &site = trace.siteAt(s.site);
                where = ",\"file\":" + quoted(trace.string(site.file)) +
                    ",\"line\":" + QByteArray::number(site.line) +
                    ",\"call\":" + quoted(trace.string(site.label));
            }
            out += ",\"since_ms\":" + milliseconds(s.sinceNs) + where;
        }
        out += '}';
        if (out.size() > (1 << 20))
            flush();
    }
    out += "],\"lines\":[";
    bool first = true;
    for (const auto &[line, waiting] : m_timeline.linesAt(timeNs)) {
        const StateTimeline::Line &where = m_timeline.line(line);
        out += (first ? "" : ",") + QByteArray("{\"file\":") + quoted(trace.string(where.file)) +
            ",\"line\":" + QByteArray::number(where.line) + ",\"waiting\":" + QByteArray::number(waiting) +
            '}';
        first = false;
    }
    out += "]}\n";
    flush();
    return ok;
}

QByteArray StateJsonWriter::at(qint64 timeNs) const
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    write(&buffer, timeNs);
    QByteArray json = buffer.data();
    json.chop(1); // the newline
    return json;
}

} // namespace awaitscope
