#pragma once

#include "trace.h"

#include <QByteArray>
#include <QString>
#include <vector>

namespace awaitscope {

class TraceIndex;

/**
 * The timeline as an SVG picture for slides: the lanes shown (names, bars by outcome, the
 * outcomes' shapes, a collapsed group's density), a time axis over the range shown, and the
 * holds of the loop. Text stays text (selectable, scalable); colours come from the caller (the
 * window's theme), so the picture looks like the window.
 */
class SvgTimelineWriter {
public:
    /// Colours as CSS colour strings (#rrggbb).
    struct Style {
        QString background, text, grid, wait, join, nested, block, failed, timedOut, cancelled, tick,
            lifeline, density, hold;
        int fontPx = 14;
        int rowHeight = 28;
    };
    /// A lane: a task, drawn as its density when aggregate.
    struct Lane {
        TaskId task = NoTask;
        bool aggregate = false;
    };

    SvgTimelineWriter(const TraceIndex &index, Style style);

    /// The picture of lanes over [startNs, endNs] (the playhead cuts what is still open), width
    /// pixels wide. Empty if the index has no trace.
    QByteArray write(const std::vector<Lane> &lanes, qint64 startNs, qint64 endNs, qint64 playheadNs,
                     int width, const QString &title) const;

private:
    const TraceIndex &m_index;
    Style m_style;
};

} // namespace awaitscope
