// A Compare variant's responsiveness strip: each sample a bar over the stretch it measured, on
// the timeline's axis, scaled to the strip's top.

#include "responsivenessstrip.h"
#include "testutil.h"

#include <QTest>

using namespace awaitscope;
using awaitscope::test::Ms;

class TestResponsivenessStrip : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aFreezeIsOneWideTallBar()
    {
        CompareVariant variant(0);
        variant.started(0);
        variant.addLag(16 * Ms, 0.2); // on time: nothing to draw
        variant.addFrame(100 * Ms, 16); // a frame, 84..100 ms
        variant.ended(1000 * Ms, 1000 * Ms, 1000 * Ms); // wall = run time
        variant.addLag(1000 * Ms, 900); // the freeze: 100..1000 ms, its probe late after it
        TimelineZoomControl zoom;
        zoom.setFollow(false); // (as in Compare: the axis is shared, not following)
        zoom.setView({0, 1000 * Ms});
        ResponsivenessStrip strip;
        strip.setWidth(1000);
        strip.setHeight(50);
        strip.setMaxMs(100);
        QVERIFY(strip.bars().empty()); // no variant, no axis yet
        strip.setVariant(&variant);
        strip.setZoom(&zoom);
        const std::vector<ResponsivenessStrip::Bar> bars = strip.bars();
        QCOMPARE(int(bars.size()), 2);
        const ResponsivenessStrip::Bar &frame = bars[0];
        QVERIFY(!frame.lag);
        QCOMPARE(frame.x0, 84.0f);
        QCOMPARE(frame.x1, 100.0f);
        QCOMPARE(frame.height, 8.0f); // 16 ms of 100, 50 px high
        const ResponsivenessStrip::Bar &freeze = bars[1];
        QVERIFY(freeze.lag);
        QCOMPARE(freeze.x0, 100.0f);
        QCOMPARE(freeze.x1, 1000.0f);
        QCOMPARE(freeze.height, 50.0f); // over the top: the whole strip

        // Zoomed to the first 200 ms: the freeze is cut at the edge, the frame is twice as wide.
        zoom.setView({0, 200 * Ms});
        const std::vector<ResponsivenessStrip::Bar> zoomed = strip.bars();
        QCOMPARE(int(zoomed.size()), 2);
        QCOMPARE(zoomed[0].x0, 420.0f);
        QCOMPARE(zoomed[1].x1, 1000.0f);
        // Scrolled past both: nothing.
        zoom.setView({2000 * Ms, 200 * Ms});
        QVERIFY(strip.bars().empty());
    }
};

QTEST_MAIN(TestResponsivenessStrip)
#include "tst_responsivenessstrip.moc"
