#include "exporter.h"

#include "chrometracewriter.h"
#include "outputfile.h"
#include "runcontroller.h"
#include "svgtimelinewriter.h"
#include "theme.h"
#include "timelineitem.h"

#include <QBuffer>
#include <QImage>
#include <QQuickItem>
#include <QQuickItemGrabResult>
#include <cmath>

namespace awaitscope {

namespace {

// Through OutputFile: a file atomically (a complete file or none); a device, a FIFO or "-"
// straight into, never replaced.
QString saveBytes(const QString &path, const QByteArray &bytes)
{
    QString error;
    if (!OutputFile::writeAll(path, bytes, &error))
        return error.isEmpty() ? QObject::tr("could not write %1").arg(path) : error;
    return {};
}

} // namespace

Exporter::Exporter(QObject *parent)
    : QObject(parent)
{
}

void Exporter::setController(RunController *controller)
{
    if (m_controller == controller)
        return;
    m_controller = controller;
    Q_EMIT controllerChanged();
}

QString Exporter::localPath(const QUrl &file)
{
    return file.isLocalFile() ? file.toLocalFile() : file.toString();
}

QString Exporter::saveTrace(const QUrl &file) const
{
    if (!m_controller)
        return tr("nothing to export");
    const QString path = localPath(file);
    if (path.isEmpty())
        return tr("no file name");
    QString error;
    ChromeTraceWriter writer(m_controller->shownTrace()); // (an opened file's run too)
    if (const RunConfig *config = m_controller->shownConfig())
        writer.setOtherData({{QStringLiteral("run"), config->toJson()}});
    if (!writer.writeFile(path, &error))
        return error.isEmpty() ? tr("could not write %1").arg(path) : error;
    return {};
}

QByteArray Exporter::svgOf(const TimelineItem &timeline, const QString &title)
{
    const LaneModel *lanes = timeline.laneModel();
    const TraceIndex *index = lanes ? lanes->traceIndex() : nullptr;
    if (!index || !index->trace())
        return {};
    const Theme &theme = *Theme::instance();
    const TimelineColors &c = theme.timeline();
    const auto css = [](const QColor &q) { return q.name(QColor::HexRgb); };
    SvgTimelineWriter::Style style{
        .background = css(theme.dark() ? QColor(Qt::black) : QColor(Qt::white)),
        .text = css(theme.dark() ? QColor(Qt::white) : QColor(Qt::black)),
        .grid = css(c.grid),
        .wait = css(c.wait),
        .join = css(c.join),
        .nested = css(c.nested),
        .block = css(c.block),
        .failed = css(c.failed),
        .timedOut = css(c.timedOut),
        .cancelled = css(c.cancelled),
        .tick = css(c.tick),
        .lifeline = css(c.lifeline),
        .density = css(c.density[0]),
        .hold = css(c.hold),
        .fontPx = theme.smallFontSize(),
        .rowHeight = int(std::lround(timeline.rowHeight())),
    };
    // The lanes on screen, each once (a tall lane spans several rows).
    std::vector<SvgTimelineWriter::Lane> shown;
    const int first = int(std::floor(timeline.contentY() / timeline.rowHeight()));
    const int last = int(std::ceil((timeline.contentY() + timeline.height()) / timeline.rowHeight()));
    for (int row = std::max(0, first); row < std::min(last, lanes->count()); ++row) {
        if (lanes->laneStart(row) == row || row == first)
            shown.push_back({lanes->taskAtRow(row), lanes->isAggregate(row)});
    }
    const timemath::View view = timeline.zoom()->view();
    return SvgTimelineWriter(*index, style)
        .write(shown, view.start, view.start + view.duration, timeline.zoom()->playhead(),
               int(std::lround(timeline.width())) + 260, title);
}

QString Exporter::saveSvg(const QUrl &file, TimelineItem *timeline) const
{
    if (!timeline || !m_controller)
        return tr("nothing to export");
    const QString path = localPath(file);
    if (path.isEmpty())
        return tr("no file name");
    const QByteArray svg = svgOf(*timeline, m_controller->settings()->scenarioTitle());
    if (svg.isEmpty())
        return tr("the timeline is empty");
    return saveBytes(path, svg);
}

void Exporter::savePng(const QUrl &file, QQuickItem *item)
{
    const QString path = localPath(file);
    if (!item || path.isEmpty()) {
        Q_EMIT finished(path, item ? tr("no file name") : tr("nothing to export"));
        return;
    }
    const QSharedPointer<QQuickItemGrabResult> grab = item->grabToImage();
    if (!grab) {
        Q_EMIT finished(path, tr("the window cannot give a picture now"));
        return;
    }
    connect(grab.data(), &QQuickItemGrabResult::ready, this, [this, grab, path] {
        QByteArray png;
        {
            QBuffer buffer(&png);
            buffer.open(QIODevice::WriteOnly);
            if (grab->image().isNull() || !grab->image().save(&buffer, "PNG")) {
                Q_EMIT finished(path, tr("could not make the picture"));
                return;
            }
        }
        Q_EMIT finished(path, saveBytes(path, png));
    });
}

} // namespace awaitscope
