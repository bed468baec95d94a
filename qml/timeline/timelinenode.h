#pragma once

#include <QSGNode>
#include <QSGTransformNode>
#include <vector>

namespace awaitscope {

/// The scene graph of the timeline, kept between frames so unchanged parts are not rebuilt.
class TimelineRootNode : public QSGNode {
public:
    /// A block of lanes, in time units of its build scale; rebuilt only when its lanes changed.
    class Block : public QSGTransformNode {
    public:
        int index = -1;
        quint64 layoutRevision = 0;
        quint64 taskRevision = 0;
        quint64 scaleId = 0;
        quint64 styleRevision = 0;
        qint64 playhead = 0;
        bool dependsOnPlayhead = false; // clipped by the playhead, or aggregates open waits
        bool dependsOnView = false; // aggregates: density binned over the visible range
        qint32 densityPeak = 0; // the top of its densities' scale
        int builds = 0;
    };

    TimelineRootNode()
    {
        back = new QSGNode;
        content = new QSGTransformNode;
        live = new QSGNode;
        appendChildNode(back);
        appendChildNode(content);
        appendChildNode(live);
    }

    QSGNode *back = nullptr; // row stripes, selection, grid (item coordinates)
    QSGTransformNode *content = nullptr; // blocks; the matrix maps build time units to pixels
    QSGNode *live = nullptr; // open waits, running tasks, highlights, playhead (item coordinates)
    std::vector<Block *> blocks; // children of content, any order

    // The build scale: content x = (t - origin) / nsPerPx.
    qint64 origin = 0;
    double nsPerPx = 1.0;
    quint64 scaleId = 0;
};

} // namespace awaitscope
