#pragma once

#include "lanemodel.h"
#include "timelinestyle.h"
#include "timemath.h"
#include "traceindex.h"

#include <QString>

namespace awaitscope {

/**
 * What the timeline's geometry passes, labels and hit tests need to know about the item: a
 * snapshot taken by the item (on the render thread while the GUI thread waits, or on the GUI
 * thread for polish and input), so the passes are plain functions of it.
 */
struct TimelineFrame {
    const TraceIndex *index = nullptr;
    const LaneModel *lanes = nullptr;
    const TimelineStyle *style = nullptr;
    timemath::View view;
    qint64 playhead = 0;
    double width = 0;
    double height = 0;
    double rowHeight = 28;
    double contentY = 0;
    int selectedTask = -1;
    QString highlightFile;
    int highlightLine = -1;

    bool isValid() const { return index && index->trace() && lanes && width > 0; }
    const Trace &trace() const { return *index->trace(); }
    int firstVisibleRow() const;
    int lastVisibleRow() const;
    /// True if the span's site is the line picked in the code pane.
    bool isHighlighted(SiteId site) const;
};

/// The scale a block of lanes was built at: x = (t - origin) / nsPerPx.
struct BuildScale {
    qint64 origin = 0;
    double nsPerPx = 1.0;
    float x(qint64 t) const { return float(double(t - origin) / nsPerPx); }
};

} // namespace awaitscope
