#pragma once

#include <QColor>
#include <array>

namespace awaitscope {

/// The timeline's colours (alpha included), one set per theme variant; the scene-graph item
/// converts them to vertex colours once per theme change. Outcomes are told apart by shape as
/// well as by colour (see timelinemarks.h): a cross for a failure, a diamond for a timeout, a
/// slash for a cancellation, hatching for a section that holds the loop.
struct TimelineColors {
    static constexpr int DensitySites = 4; // await sites a density lane colours apart (+ "other")

    QColor stripe; // every other lane
    QColor selected; // the selected lane
    QColor highlightRow; // lanes waiting on the line picked in the code
    QColor grid;
    QColor wait; // an await on I/O or a timer
    QColor join; // an await on another task
    QColor nested; // a nested event loop
    QColor block; // a section holding the loop
    QColor blockHatch; // its stripes
    QColor failed;
    QColor timedOut;
    QColor cancelled;
    QColor tick; // a resume
    QColor lifeline;
    QColor errorMark;
    QColor timeoutMark;
    QColor cancelMark;
    QColor highlight; // the outline over awaits on the picked line
    QColor playhead;
    QColor hold; // where the loop was held longer than a frame
    std::array<QColor, DensitySites + 1> density; // per await site, then every other site
    QColor densityBlock;
    QColor densityAxis;

    static const TimelineColors &light();
    static const TimelineColors &dark();
    static const TimelineColors &highContrastLight();
    static const TimelineColors &highContrastDark();
};

} // namespace awaitscope
