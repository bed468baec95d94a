#pragma once

#include <QColor>

namespace awaitscope {

/// The timeline's colours (alpha included), one set per theme variant; the scene-graph item
/// converts them to vertex colours once per theme change.
struct TimelineColors {
    QColor stripe; // every other lane
    QColor selected; // the selected lane
    QColor highlightRow; // lanes waiting on the line picked in the code
    QColor grid;
    QColor wait; // an await on I/O or a timer
    QColor join; // an await on another task
    QColor nested; // a nested event loop
    QColor block; // a section holding the loop
    QColor failed;
    QColor cancelled;
    QColor tick; // a resume
    QColor lifeline;
    QColor errorMark;
    QColor cancelMark;
    QColor highlight; // the outline over awaits on the picked line
    QColor playhead;
    QColor density;
    QColor densityBlock;

    static const TimelineColors &light();
    static const TimelineColors &dark();
};

} // namespace awaitscope
