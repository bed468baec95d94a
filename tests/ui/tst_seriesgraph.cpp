#include "geometrybatch.h"
#include "responsivenessmonitor.h"
#include "seriesgraph.h"

#include <QSGGeometryNode>
#include <QTest>
#include <memory>

using namespace awaitscope;

namespace {

class TestableGraph : public SeriesGraph {
public:
    using SeriesGraph::updatePaintNode;
};

/// The colours of every quad under node, in order.
QList<QRgb> quadColors(const QSGNode *node)
{
    QList<QRgb> out;
    for (const QSGNode *n = node->firstChild(); n; n = n->nextSibling()) {
        if (n->type() != QSGNode::GeometryNodeType)
            continue;
        const QSGGeometry *g = static_cast<const QSGGeometryNode *>(n)->geometry();
        const auto *v = g->vertexDataAsColoredPoint2D();
        for (int i = 0; i < g->vertexCount(); i += QuadBatch::VerticesPerQuad)
            out << qRgba(v[i].r, v[i].g, v[i].b, v[i].a);
    }
    return out;
}

} // namespace

class TestSeriesGraph : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void barsAndThresholdLine();
    void warningColourAboveTheThreshold();
    void lagSeries();
};

void TestSeriesGraph::barsAndThresholdLine()
{
    ResponsivenessMonitor monitor;
    for (int i = 0; i < 10; ++i)
        monitor.addFrame(10);
    TestableGraph graph;
    graph.setSize({240, 100});
    graph.setMonitor(&monitor);
    graph.setMaxMs(50);
    graph.setThresholdMs(25);
    std::unique_ptr<QSGNode> root(graph.updatePaintNode(nullptr, nullptr));
    QCOMPARE(quadColors(root.get()).size(), 10 + 1); // a bar per sample, and the line

    graph.setThresholdMs(60); // above the scale: no line
    root.reset(graph.updatePaintNode(root.release(), nullptr));
    QCOMPARE(quadColors(root.get()).size(), 10);
}

void TestSeriesGraph::warningColourAboveTheThreshold()
{
    ResponsivenessMonitor monitor;
    monitor.addFrame(10);
    monitor.addFrame(40);
    monitor.addFrame(100); // beyond maxMs: clipped to the top, still a warning
    TestableGraph graph;
    graph.setSize({240, 100});
    graph.setMonitor(&monitor);
    graph.setMaxMs(50);
    graph.setThresholdMs(25);
    graph.setColor(Qt::green);
    graph.setWarningColor(Qt::red);
    std::unique_ptr<QSGNode> root(graph.updatePaintNode(nullptr, nullptr));
    const QList<QRgb> colors = quadColors(root.get());
    QCOMPARE(colors.size(), 4);
    QCOMPARE(colors[0], qRgba(0, 255, 0, 255));
    QCOMPARE(colors[1], qRgba(255, 0, 0, 255));
    QCOMPARE(colors[2], qRgba(255, 0, 0, 255));
}

void TestSeriesGraph::lagSeries()
{
    ResponsivenessMonitor monitor;
    monitor.addFrame(10);
    monitor.addLag(3);
    monitor.addLag(4);
    TestableGraph graph;
    graph.setSize({240, 100});
    graph.setMonitor(&monitor);
    graph.setSeries(ResponsivenessMonitor::Lag);
    graph.setThresholdMs(1000); // no line
    std::unique_ptr<QSGNode> root(graph.updatePaintNode(nullptr, nullptr));
    QCOMPARE(quadColors(root.get()).size(), 2);
}

QTEST_MAIN(TestSeriesGraph)
#include "tst_seriesgraph.moc"
