#include "geometrybatch.h"
#include "lanemodel.h"
#include "timelineitem.h"
#include "tracefixture.h"

#include <QSGGeometryNode>
#include <QTest>
#include <memory>

using namespace awaitscope;
using namespace awaitscope::testing;

namespace {

/// The item with its scene-graph hooks callable from the test, as the render loop calls them.
class TestableTimeline : public TimelineItem {
public:
    using TimelineItem::updatePaintNode;
    using TimelineItem::updatePolish;
};

struct Counts {
    int nodes = 0;
    int vertices = 0;
};

Counts count(const QSGNode *node)
{
    Counts c;
    for (const QSGNode *n = node->firstChild(); n; n = n->nextSibling()) {
        if (n->type() == QSGNode::GeometryNodeType) {
            ++c.nodes;
            c.vertices += static_cast<const QSGGeometryNode *>(n)->geometry()->vertexCount();
        }
        const Counts inner = count(n);
        c.nodes += inner.nodes;
        c.vertices += inner.vertices;
    }
    return c;
}

constexpr int Quad = QuadBatch::VerticesPerQuad;

/// A trace, its index and lanes, and a timeline 1000 x 300 px showing 0..1 s.
struct Fixture {
    Trace trace;
    TraceIndex index;
    LaneModel lanes;
    TestableTimeline item;
    std::unique_ptr<QSGNode> root;

    Fixture()
    {
        index.setTrace(&trace);
        lanes.setIndex(&index);
        item.setLaneModel(&lanes);
        item.setSize({1000, 300});
        item.setRowHeight(28);
        item.zoom()->setFollow(false);
        item.zoom()->setView({0, 1000 * Ms});
    }
    TimelineRootNode *frame()
    {
        index.update();
        item.updatePolish();
        QSGNode *n = item.updatePaintNode(root.release(), nullptr);
        root.reset(n);
        return static_cast<TimelineRootNode *>(n);
    }
};

} // namespace

class TestTimelineItem : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownTrace();
    void playheadClips();
    void mergesWithinAPixel();
    void splitsBigBatches();
    void reusesBlocks();
    void aggregateLane();
    void labelsAreBounded();
    void hoverAndClick();
    void follow();
};

void TestTimelineItem::knownTrace()
{
    Fixture f;
    buildKnownTrace(f.trace);
    f.item.zoom()->setPlayhead(1000 * Ms);
    TimelineRootNode *root = f.frame();
    QCOMPARE(root->blocks.size(), std::size_t(1));
    TimelineRootNode::Block *block = root->blocks.front();
    QCOMPARE(block->childCount(), 2); // bars, then marks
    // main: lifeline + join bar; child: lifeline + ok bar + failed bar (two colours: not merged).
    QCOMPARE(count(block->firstChild()).vertices, 5 * Quad);
    // main: resume tick; child: resume tick, the failed wait's cross (two strokes) and the
    // error's cross at its end (two strokes).
    QCOMPARE(count(block->lastChild()).vertices, 6 * Quad);
    // Nothing open: the live layer holds only the playhead... which is out of view at 1 s? No:
    // 1 s is the right edge, still drawn.
    QCOMPARE(count(root->live).vertices, 1 * Quad);
    // Back: one stripe (odd row) and grid lines at the ticks.
    QCOMPARE(count(root->back).vertices, int(1 + f.item.ticks()->rowCount()) * Quad);
}

void TestTimelineItem::playheadClips()
{
    Fixture f;
    buildKnownTrace(f.trace);
    f.item.zoom()->setPlayhead(200 * Ms); // inside the child's first await, before anything ended
    TimelineRootNode *root = f.frame();
    TimelineRootNode::Block *block = root->blocks.front();
    QCOMPARE(count(block->firstChild()).vertices, 0);
    QCOMPARE(count(block->lastChild()).vertices, 0);
    // Live: two lifelines (running at the playhead), the open join, the open await, the playhead.
    QCOMPARE(count(root->live).vertices, 5 * Quad);
    QVERIFY(block->dependsOnPlayhead);

    // Moving the playhead to the end rebuilds the clipped block.
    const int builds = block->builds;
    f.item.zoom()->setPlayhead(1000 * Ms);
    f.frame();
    QCOMPARE(block->builds, builds + 1);
    QCOMPARE(count(block->firstChild()).vertices, 5 * Quad);
    QVERIFY(!block->dependsOnPlayhead); // nothing clipped at the end

    // Scrubbed back (the replay's playhead): the block drawn whole is rebuilt, clipped again.
    f.item.zoom()->setPlayhead(200 * Ms);
    f.frame();
    QCOMPARE(block->builds, builds + 2);
    QCOMPARE(count(block->firstChild()).vertices, 0);
    QCOMPARE(count(block->lastChild()).vertices, 0);
}

void TestTimelineItem::mergesWithinAPixel()
{
    Fixture f;
    // 1 ms per pixel; 100 awaits of 2 us every 5 us: all inside one pixel.
    buildRepeatedWaits(f.trace, 100, 5'000, 2'000);
    f.item.zoom()->setPlayhead(1000 * Ms);
    TimelineRootNode *root = f.frame();
    TimelineRootNode::Block *block = root->blocks.front();
    QCOMPARE(count(block->firstChild()).vertices, 2 * Quad); // lifeline + one merged bar
    QCOMPARE(count(block->lastChild()).vertices, 1 * Quad); // one tick for the pixel

    // Zoomed in 1000 times (1 us per pixel) they come apart again.
    f.item.zoom()->setView({0, 1 * Ms});
    root = f.frame();
    QCOMPARE(count(root->blocks.front()->firstChild()).vertices, (1 + 100) * Quad);
}

void TestTimelineItem::splitsBigBatches()
{
    Fixture f;
    // 20,000 awaits, each a pixel wide with two pixels between: nothing merges.
    const int n = 20'000;
    buildRepeatedWaits(f.trace, n, 3'000, 1'000);
    f.item.setSize({double(n) * 3, 300});
    f.item.zoom()->setView({0, qint64(n) * 3'000});
    f.item.zoom()->setPlayhead(double(qint64(n) * 3'000));
    TimelineRootNode *root = f.frame();
    const QSGNode *bars = root->blocks.front()->firstChild();
    const Counts c = count(bars);
    QCOMPARE(c.vertices, (n + 1) * Quad);
    QCOMPARE(c.nodes, 2);
    for (const QSGNode *node = bars->firstChild(); node; node = node->nextSibling())
        QVERIFY(static_cast<const QSGGeometryNode *>(node)->geometry()->vertexCount() < 65'535);
}

void TestTimelineItem::reusesBlocks()
{
    Fixture f;
    buildKnownTrace(f.trace);
    f.item.zoom()->setPlayhead(1000 * Ms);
    TimelineRootNode *root = f.frame();
    TimelineRootNode::Block *block = root->blocks.front();
    QCOMPARE(block->builds, 1);

    f.frame(); // nothing changed
    QCOMPARE(block->builds, 1);
    f.item.zoom()->setView({50 * Ms, 1000 * Ms}); // a pan: only the matrix moves
    f.frame();
    QCOMPARE(block->builds, 1);
    QVERIFY(!root->content->matrix().isIdentity());
    f.item.zoom()->setView({50 * Ms, 900 * Ms}); // a small zoom: still the matrix
    f.frame();
    QCOMPARE(block->builds, 1);
    f.item.zoom()->setView({0, 100 * Ms}); // ten times: rebuilt at the new scale
    f.frame();
    QCOMPARE(block->builds, 2);

    // A new event in a lane of the block rebuilds it; the same nodes are reused.
    const QSGNode *barsHolder = block->firstChild();
    const SiteId s = f.trace.site(QStringLiteral("late"), "fixture.cpp", 40);
    f.trace.append(700 * Ms, 0, EventKind::Suspend, s);
    f.trace.append(800 * Ms, 0, EventKind::Resume, 0);
    f.frame();
    QCOMPARE(block->builds, 3);
    QCOMPARE(block->firstChild(), barsHolder);
}

void TestTimelineItem::aggregateLane()
{
    Fixture f;
    buildKnownTrace(f.trace);
    f.item.zoom()->setPlayhead(1000 * Ms);
    f.index.update();
    f.lanes.setExpanded(0, false);
    TimelineRootNode *root = f.frame();
    QCOMPARE(f.lanes.rowCount(), LaneModel::AggregateRows);
    const int vertices = count(root->blocks.front()->firstChild()).vertices;
    // The density of the child's two awaits, one channel per line (GET /a 100..300 ms, GET /b
    // 300..500 ms: two runs), its scale's two lines, and main's own join strip.
    QCOMPARE(vertices, 5 * Quad);
    QCOMPARE(root->blocks.front()->densityPeak, 1);
    QVERIFY(root->blocks.front()->dependsOnView);
}

void TestTimelineItem::labelsAreBounded()
{
    Fixture f;
    buildRepeatedWaits(f.trace, 1000, 1 * Ms, 1 * Ms);
    f.item.zoom()->setView({0, 5 * Ms}); // 200 px per await: every visible one is wide enough
    f.item.zoom()->setPlayhead(1000 * Ms);
    f.frame();
    QCOMPARE(f.item.labels()->rowCount(), 5);
    QCOMPARE(f.item.labels()->data(f.item.labels()->index(0), LabelModel::TextRole).toString(),
             QStringLiteral("sleep"));
    f.item.zoom()->setView({0, 1000 * Ms}); // 1 px each: none
    f.frame();
    QCOMPARE(f.item.labels()->rowCount(), 0);
    QVERIFY(f.item.ticks()->rowCount() >= 5);
}

void TestTimelineItem::hoverAndClick()
{
    Fixture f;
    buildKnownTrace(f.trace);
    f.item.zoom()->setPlayhead(1000 * Ms);
    f.frame();
    // Row 1 (child) at 200 ms: its first await.
    const QString text = f.item.describeAt(200, 28 + 14);
    QVERIFY2(text.contains(QLatin1String("child(1)")), qPrintable(text));
    QVERIFY(text.contains(QLatin1String("GET /a")));
    QVERIFY(text.contains(QLatin1String("fixture.cpp:20")));
    QVERIFY(text.contains(QLatin1String("start 100 ms, 200 ms")));
    QVERIFY(f.item.describeAt(400, 28 + 14).contains(QLatin1String("failed")));
    QVERIFY(f.item.describeAt(200, 200).isEmpty()); // below the last lane
}

void TestTimelineItem::follow()
{
    Fixture f;
    buildKnownTrace(f.trace);
    f.item.zoom()->setView({0, 100 * Ms});
    f.item.zoom()->setFollow(true);
    f.item.zoom()->setPlayhead(500 * Ms);
    f.frame();
    QVERIFY(f.item.zoom()->viewStartAsDouble() > 0);
    QVERIFY(f.item.zoom()->viewStartAsDouble() + f.item.zoom()->viewDurationAsDouble() >= 500 * Ms);
    f.item.panBy(100, 0); // the user pans: following stops
    QVERIFY(!f.item.zoom()->follow());
    const double start = f.item.zoom()->viewStartAsDouble();
    f.item.zoom()->setPlayhead(900 * Ms);
    f.frame();
    QCOMPARE(f.item.zoom()->viewStartAsDouble(), start);
}

QTEST_MAIN(TestTimelineItem)
#include "tst_timelineitem.moc"
