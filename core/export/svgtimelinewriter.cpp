#include "svgtimelinewriter.h"

#include "names.h"
#include "traceindex.h"

#include <QXmlStreamWriter>
#include <algorithm>
#include <cmath>

namespace awaitscope {

namespace {

constexpr int NamesWidth = 260;
constexpr int AxisHeight = 28;
constexpr int TitleHeight = 34;
constexpr int AggregateRows = 4;

QString num(double v)
{
    return QString::number(v, 'f', 1);
}

/// A "nice" step for about `ticks` ticks over a duration: 1, 2 or 5 times a power of ten.
qint64 tickStep(qint64 duration, int ticks)
{
    const double raw = double(std::max<qint64>(duration, 1)) / std::max(ticks, 1);
    const double p = std::pow(10.0, std::floor(std::log10(raw)));
    for (const double k : {1.0, 2.0, 5.0, 10.0}) {
        if (k * p >= raw)
            return std::max<qint64>(1, qint64(k * p));
    }
    return qint64(10 * p);
}

} // namespace

SvgTimelineWriter::SvgTimelineWriter(const TraceIndex &index, Style style)
    : m_index(index)
    , m_style(std::move(style))
{
}

QByteArray SvgTimelineWriter::write(const std::vector<Lane> &lanes, qint64 startNs, qint64 endNs,
                                    qint64 playheadNs, int width, const QString &title) const
{
    const Trace *trace = m_index.trace();
    if (!trace)
        return {};
    width = std::max(width, NamesWidth + 200);
    endNs = std::max(endNs, startNs + 1);
    const Style &st = m_style;
    const int rowH = std::max(st.rowHeight, 12);
    int rows = 0;
    for (const Lane &l : lanes)
        rows += l.aggregate ? AggregateRows : 1;
    const int height = TitleHeight + AxisHeight + rows * rowH + 8;
    const double plotW = width - NamesWidth - 8;
    const auto x = [&](qint64 t) {
        return NamesWidth + std::clamp(double(t - startNs) / double(endNs - startNs), -0.01, 1.01) * plotW;
    };

    QByteArray out;
    QXmlStreamWriter w(&out);
    w.setAutoFormatting(true);
    w.writeStartDocument();
    w.writeStartElement(QStringLiteral("svg"));
    w.writeDefaultNamespace(QStringLiteral("http://www.w3.org/2000/svg"));
    w.writeAttribute(QStringLiteral("width"), QString::number(width));
    w.writeAttribute(QStringLiteral("height"), QString::number(height));
    w.writeAttribute(QStringLiteral("viewBox"), QStringLiteral("0 0 %1 %2").arg(width).arg(height));
    w.writeAttribute(QStringLiteral("font-family"), QStringLiteral("sans-serif"));
    w.writeAttribute(QStringLiteral("font-size"), QString::number(st.fontPx));
    w.writeTextElement(QStringLiteral("title"), title);

    const auto rect = [&](double x0, double y0, double x1, double y1, const QString &fill) {
        if (x1 - x0 <= 0 || y1 - y0 <= 0)
            return;
        w.writeEmptyElement(QStringLiteral("rect"));
        w.writeAttribute(QStringLiteral("x"), num(x0));
        w.writeAttribute(QStringLiteral("y"), num(y0));
        w.writeAttribute(QStringLiteral("width"), num(std::max(x1 - x0, 1.0)));
        w.writeAttribute(QStringLiteral("height"), num(y1 - y0));
        w.writeAttribute(QStringLiteral("fill"), fill);
    };
    const auto text = [&](double tx, double ty, const QString &s, const QString &fill, bool bold = false) {
        w.writeStartElement(QStringLiteral("text"));
        w.writeAttribute(QStringLiteral("x"), num(tx));
        w.writeAttribute(QStringLiteral("y"), num(ty));
        w.writeAttribute(QStringLiteral("fill"), fill);
        if (bold)
            w.writeAttribute(QStringLiteral("font-weight"), QStringLiteral("bold"));
        w.writeCharacters(s);
        w.writeEndElement();
    };
    const auto shape = [&](WaitResult r, double cx, double cy, double s, const QString &fill) {
        QString d;
        switch (r) {
        case WaitResult::Failed: // a cross
            d = QStringLiteral("M%1 %2 L%3 %4 M%1 %4 L%3 %2")
                    .arg(num(cx - s), num(cy - s), num(cx + s), num(cy + s));
            break;
        case WaitResult::TimedOut: // a diamond
            w.writeEmptyElement(QStringLiteral("path"));
            w.writeAttribute(QStringLiteral("d"),
                             QStringLiteral("M%1 %2 L%3 %4 L%1 %5 L%6 %4 Z")
                                 .arg(num(cx), num(cy - s), num(cx + s), num(cy), num(cy + s), num(cx - s)));
            w.writeAttribute(QStringLiteral("fill"), fill);
            return;
        case WaitResult::Cancelled: // a slash
            d = QStringLiteral("M%1 %2 L%3 %4")
                    .arg(num(cx - s / 2), num(cy + s), num(cx + s / 2), num(cy - s));
            break;
        case WaitResult::Ok:
            return;
        }
        w.writeEmptyElement(QStringLiteral("path"));
        w.writeAttribute(QStringLiteral("d"), d);
        w.writeAttribute(QStringLiteral("stroke"), fill);
        w.writeAttribute(QStringLiteral("stroke-width"), QStringLiteral("3"));
    };

    rect(0, 0, width, height, st.background);
    text(8, TitleHeight - 10, title, st.text, true);

    // The axis: simulated time.
    const int axisY = TitleHeight + AxisHeight;
    const qint64 step = tickStep(endNs - startNs, std::max(2, int(plotW / 120)));
    for (qint64 t = (startNs / step) * step; t <= endNs; t += step) {
        if (t < startNs)
            continue;
        rect(x(t), axisY - 4, x(t) + 1, height, st.grid);
        text(x(t) + 3, axisY - 8, formatDuration(t), st.text);
    }
    text(width - 130, TitleHeight - 10, QStringLiteral("simulated time"), st.text);

    int row = 0;
    for (const Lane &lane : lanes) {
        if (lane.task >= m_index.taskCount())
            continue;
        const double y0 = axisY + row * rowH;
        const int laneRows = lane.aggregate ? AggregateRows : 1;
        const double h = laneRows * rowH;
        const TaskInfo &info = trace->task(lane.task);
        const TaskTrack &track = m_index.track(lane.task);
        QString name = trace->taskName(lane.task);
        if (lane.aggregate)
            name += QStringLiteral("  [%1 tasks]").arg(track.children.size());
        text(8 + std::min<int>(int(track.depth), 8) * 12, y0 + rowH / 2.0 + st.fontPx / 3.0, name, st.text);

        if (lane.aggregate) {
            // How many of its tasks wait, over the range: a step outline of the histogram.
            if (const DensityHistogram *d = m_index.density(lane.task)) {
                const qint64 last = std::min(endNs, playheadNs);
                const std::size_t buckets = d->bucketOf(last) + 1;
                const std::vector<qint32> occ = d->occupancy(DensityHistogram::Wait, buckets, playheadNs);
                const std::size_t first = d->bucketOf(startNs);
                const qint32 peak = std::max<qint32>(
                    1, first < occ.size() ? *std::max_element(occ.begin() + qsizetype(first), occ.end()) : 1);
                QString path = QStringLiteral("M%1 %2").arg(num(x(startNs)), num(y0 + h - 2));
                for (std::size_t b = first; b < occ.size(); ++b) {
                    const double yy = y0 + h - 2 - (h - rowH) * occ[b] / double(peak);
                    const qint64 t0 = std::max<qint64>(qint64(b) * d->bucketNs(), startNs);
                    const qint64 t1 = std::min<qint64>(qint64(b + 1) * d->bucketNs(), last);
                    path += QStringLiteral(" L%1 %2 L%3 %2").arg(num(x(t0)), num(yy), num(x(t1)));
                }
                path += QStringLiteral(" L%1 %2 Z").arg(num(x(last)), num(y0 + h - 2));
                w.writeEmptyElement(QStringLiteral("path"));
                w.writeAttribute(QStringLiteral("d"), path);
                w.writeAttribute(QStringLiteral("fill"), st.density);
                text(12, y0 + rowH * 1.5 + st.fontPx / 3.0,
                     QStringLiteral("waiting at once, top = %1").arg(peak), st.text);
            }
        } else {
            const qint64 end = info.endNs >= 0 ? std::min(info.endNs, playheadNs) : playheadNs;
            rect(x(info.spawnNs), y0 + h / 2 - 1, x(end), y0 + h / 2 + 1, st.lifeline);
            for (const Span &s : track.spans) {
                if (s.begin > endNs || s.begin > playheadNs)
                    break;
                const qint64 e = s.isOpen() ? playheadNs : std::min(s.end, playheadNs);
                if (e < startNs)
                    continue;
                QString fill = s.kind == Span::Block ? st.block : st.wait;
                const SiteKind kind = trace->siteAt(s.site).kind;
                if (kind == SiteKind::Join)
                    fill = st.join;
                else if (kind == SiteKind::NestedLoop)
                    fill = st.nested;
                if (!s.isOpen() && s.end <= playheadNs) {
                    if (s.result == WaitResult::Failed)
                        fill = st.failed;
                    else if (s.result == WaitResult::TimedOut)
                        fill = st.timedOut;
                    else if (s.result == WaitResult::Cancelled)
                        fill = st.cancelled;
                }
                rect(x(s.begin), y0 + 4, x(e), y0 + h - 4, fill);
                if (x(e) - x(s.begin) > 90)
                    text(x(s.begin) + 4, y0 + h / 2 + st.fontPx / 3.0,
                         trace->string(trace->siteAt(s.site).label), st.background);
                if (!s.isOpen() && s.end <= playheadNs && s.result != WaitResult::Ok)
                    shape(s.result, x(s.end), y0 + h / 2, std::min(7.0, h / 2 - 3), st.text);
            }
        }
        for (const Hold &hold : m_index.holds()) {
            if (hold.task != lane.task || hold.timeNs < startNs || hold.timeNs > endNs)
                continue;
            rect(x(hold.timeNs) - 2, y0, x(hold.timeNs) + 2, y0 + rowH, st.hold);
            text(x(hold.timeNs) + 6, y0 + rowH / 2.0 + st.fontPx / 3.0,
                 QStringLiteral("held the loop %1 (wall)").arg(formatDuration(hold.wallNs)), st.hold, true);
        }
        row += laneRows;
    }
    w.writeEndElement(); // svg
    w.writeEndDocument();
    return out;
}

} // namespace awaitscope
