#include "timelinezoomcontrol.h"

#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;

namespace {
constexpr qint64 Ms = 1'000'000;
}

class TestTimelineZoomControl : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void oneNotifyPerInterval();
    void followKeepsThePlayheadInView();
    void panStopsFollowing();
    void zoomKeepsThePointer();
    void fitAllShowsTheTrace();
    void runEndFitsUnlessTheUserZoomed();
};

void TestTimelineZoomControl::oneNotifyPerInterval()
{
    TimelineZoomControl z;
    z.setFollow(false);
    QSignalSpy trace(&z, &TimelineZoomControl::traceChanged);
    QSignalSpy view(&z, &TimelineZoomControl::viewChanged);
    QSignalSpy playhead(&z, &TimelineZoomControl::playheadChanged);
    QSignalSpy follow(&z, &TimelineZoomControl::followChanged);
    z.setTraceEnd(700 * Ms);
    z.setTraceEnd(700 * Ms); // unchanged: no signal
    QCOMPARE(trace.count(), 1);
    QCOMPARE(view.count(), 0);
    z.setView({10 * Ms, 100 * Ms});
    QCOMPARE(view.count(), 1);
    z.setPlayhead(double(50 * Ms));
    QCOMPARE(playhead.count(), 1);
    QCOMPARE(view.count(), 1); // not following: the view stays
    QCOMPARE(follow.count(), 0);
    QCOMPARE(trace.count(), 1);
    z.setView({10 * Ms, 0}); // a zero range is clamped, not accepted
    QCOMPARE(z.view().duration, timemath::MinDuration);
}

void TestTimelineZoomControl::followKeepsThePlayheadInView()
{
    TimelineZoomControl z;
    QVERIFY(z.follow());
    z.setView({0, 100 * Ms});
    z.setPlayhead(double(50 * Ms)); // inside: nothing moves
    QCOMPARE(z.view().start, 0);
    z.setPlayhead(double(500 * Ms)); // past the last tenth: the view moves to keep it there
    QCOMPARE(z.view().start, 500 * Ms - 90 * Ms);
    z.setPlayhead(double(10 * Ms)); // back before the view (a new run): never before 0
    QCOMPARE(z.view().start, 0);
}

void TestTimelineZoomControl::panStopsFollowing()
{
    TimelineZoomControl z;
    z.setView({0, 100 * Ms});
    QSignalSpy follow(&z, &TimelineZoomControl::followChanged);
    z.panBy(100, 1000); // 100 px of 1000: a tenth of the view, earlier
    QVERIFY(!z.follow());
    QCOMPARE(follow.count(), 1);
    QCOMPARE(z.view().start, -10 * Ms);
    z.setPlayhead(double(900 * Ms));
    QCOMPARE(z.view().start, -10 * Ms); // not following: stays where the user put it
    z.setFollow(true);
    QCOMPARE(z.view().start, 900 * Ms - 90 * Ms);
    z.panByPage(1, 1000); // a page is 80% of the width, later
    QCOMPARE(z.view().start, 810 * Ms + 80 * Ms);
}

void TestTimelineZoomControl::zoomKeepsThePointer()
{
    TimelineZoomControl z;
    z.setFollow(false);
    z.setView({0, 100 * Ms});
    z.zoomAt(250, 1000, 2); // the time under x = 250 (25 ms) stays at x = 250
    QCOMPARE(z.view().duration, 50 * Ms);
    QCOMPARE(timemath::pixelToTime(250, z.view(), 1000), 25 * Ms);
    z.setPlayhead(double(40 * Ms));
    z.zoomBy(1000, 0.5); // keyboard: around the playhead, which is in view
    QCOMPARE(z.view().duration, 100 * Ms);
    QCOMPARE(timemath::pixelToTime(timemath::timeToPixel(40 * Ms, z.view(), 1000), z.view(), 1000), 40 * Ms);
}

void TestTimelineZoomControl::fitAllShowsTheTrace()
{
    TimelineZoomControl z;
    z.setFollow(false);
    z.setTraceEnd(400 * Ms);
    z.fitAll();
    QCOMPARE(z.view().start, 0);
    QCOMPARE(z.view().duration, 420 * Ms); // with a margin of 5%
    TimelineZoomControl empty;
    empty.fitAll(); // nothing recorded: at least a millisecond
    QCOMPARE(empty.view().duration, qint64(1.05 * Ms));
}

void TestTimelineZoomControl::runEndFitsUnlessTheUserZoomed()
{
    TimelineZoomControl z;
    z.setTraceEnd(3'000'000'000);
    z.setPlayhead(3'000'000'000);
    QVERIFY(!z.userAdjusted());
    z.runEnded(); // untouched: the whole run
    QCOMPARE(z.viewStartAsDouble(), 0.0);
    QVERIFY(z.viewDurationAsDouble() >= 3e9);
    QVERIFY(!z.follow());
    // A new run: following from 0 at the default zoom.
    z.restart();
    QVERIFY(z.follow());
    QCOMPARE(z.viewDurationAsDouble(), double(TimelineZoomControl::DefaultViewNs));
    QCOMPARE(z.playheadAsDouble(), 0.0);
    // The user zooms in during the run: its end leaves the view alone.
    z.setTraceEnd(3'000'000'000);
    z.zoomBy(1000, 2.0);
    QVERIFY(z.userAdjusted());
    const double kept = z.viewDurationAsDouble();
    z.setPlayhead(3'000'000'000);
    z.runEnded();
    QCOMPARE(z.viewDurationAsDouble(), kept);
    z.restart();
    QVERIFY(!z.userAdjusted());
}

QTEST_APPLESS_MAIN(TestTimelineZoomControl)
#include "tst_timelinezoomcontrol.moc"
