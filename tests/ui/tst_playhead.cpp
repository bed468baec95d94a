#include "playhead.h"
#include "runview.h"
#include "tracefixture.h"

#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;
using namespace awaitscope::testing;

// The known trace (tracefixture.h): main (task 0) waits on its child from 0 to 500 ms (line
// 10) and ends well at 600 ms; the child (task 1) waits on GET /a 100..300 ms (line 20), on
// GET /b 300..500 ms (line 21), and fails at 500 ms.
class TestPlayhead : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void followsNowWhileLive();
    void stateAtTimeDrivesTheView();
    void liveAgainShowsNow();
    void stepsBothWays();
    void seekIsClamped();
    void codeCountsAtATime();
    void playingReachesNowAndIsLive();
    void clearedTraceIsLiveAgain();
};

namespace {
constexpr int Main = 0;
constexpr int Child = 1;

QString outcome(RunView &view, int task)
{
    const int row = view.lanes()->rowOfTask(task);
    return view.lanes()->data(view.lanes()->index(row), LaneModel::OutcomeRole).toString();
}
bool suspended(RunView &view, int task)
{
    const int row = view.lanes()->rowOfTask(task);
    return view.lanes()->data(view.lanes()->index(row), LaneModel::SuspendedRole).toBool();
}
/// Frames until the view has read the whole trace: the index in the first, the playhead's state
/// timeline in the next (a frame in which the index read something new leaves the past alone).
void settle(RunView &view, qint64 nowNs = -1)
{
    for (int frame = 0; frame < 4; ++frame) {
        view.update(-1, nowNs);
        if (view.index()->caughtUp() && view.playhead()->caughtUp())
            return;
    }
}

} // namespace

void TestPlayhead::followsNowWhileLive()
{
    Trace trace;
    buildKnownTrace(trace);
    RunView view;
    view.setTrace(&trace);
    Playhead &p = *view.playhead();
    QVERIFY(p.live());
    QSignalSpy moved(&p, &Playhead::timeChanged);
    view.update(-1, 250 * Ms);
    QVERIFY(p.live());
    QCOMPARE(p.time(), 250 * Ms);
    QCOMPARE(p.end(), 250 * Ms);
    QCOMPARE(moved.count(), 1);
    // A busy live frame (the index read new events) leaves the past unread; the next reads it.
    QVERIFY(!p.caughtUp());
    // A step back then leaves live where it is (the past is read from the next frame on).
    QVERIFY(p.stepEvent(-1));
    QVERIFY(!p.live());
    QCOMPARE(p.time(), 250 * Ms);
    view.update(-1, 250 * Ms);
    QVERIFY(p.caughtUp());
    QVERIFY(p.stepEvent(-1)); // now a real step, to the event before
    QVERIFY(p.time() < 250 * Ms);
    p.goLive();
    QCOMPARE(view.nowNs(), double(250 * Ms));
}

void TestPlayhead::stateAtTimeDrivesTheView()
{
    Trace trace;
    buildKnownTrace(trace);
    RunView view;
    view.setTrace(&trace);
    view.setPrimarySource(QStringLiteral("fixture.cpp"));
    settle(view);
    // Now (the end): main done, the child failed.
    QCOMPARE(view.doneTasks(), 1);
    QCOMPARE(outcome(view, Main), QStringLiteral("ok"));
    QSignalSpy frame(&view, &RunView::frame);
    QSignalSpy caption(&view, &RunView::captionChanged);

    view.playhead()->seek(double(200 * Ms));
    QVERIFY(!view.playhead()->live());
    QVERIFY(view.inPast());
    QCOMPARE(frame.count(), 1); // QML hears of it once
    QCOMPARE(view.nowNs(), double(200 * Ms));
    QCOMPARE(view.tasks(), 2);
    QCOMPARE(view.suspendedTasks(), 2); // main on the join, the child on GET /a
    QCOMPARE(view.runningTasks(), 2); // not ended
    QCOMPARE(view.doneTasks(), 0);
    QCOMPARE(view.failedTasks(), 0);
    QCOMPARE(view.awaits(), 2.0);
    QCOMPARE(outcome(view, Main), QStringLiteral("running"));
    QCOMPARE(outcome(view, Child), QStringLiteral("running"));
    QVERIFY(suspended(view, Child));
    QTRY_COMPARE(view.sourceWaiting(), QList<int>{2}); // paced: a readout within ReadoutIntervalNs
    QVERIFY(!caption.isEmpty());
    QVERIFY2(view.caption().startsWith(QStringLiteral("At 200")), qPrintable(view.caption()));

    view.playhead()->seek(double(550 * Ms));
    QCOMPARE(view.failedTasks(), 1);
    QCOMPARE(view.doneTasks(), 0);
    QCOMPARE(view.suspendedTasks(), 0);
    QCOMPARE(outcome(view, Child), QStringLiteral("error"));
    QCOMPARE(outcome(view, Main), QStringLiteral("running"));
    QVERIFY(!suspended(view, Child));
    QTRY_COMPARE(view.sourceWaiting(), QList<int>{0});
}

void TestPlayhead::liveAgainShowsNow()
{
    Trace trace;
    buildKnownTrace(trace);
    RunView view;
    view.setTrace(&trace);
    settle(view);
    QSignalSpy live(view.playhead(), &Playhead::liveChanged);
    view.playhead()->seek(double(50 * Ms));
    QCOMPARE(view.doneTasks(), 0);
    QCOMPARE(outcome(view, Main), QStringLiteral("running"));
    QCOMPARE(outcome(view, Child), QStringLiteral("running"));
    view.playhead()->goLive();
    QCOMPARE(live.count(), 2);
    QVERIFY(!view.inPast());
    QCOMPARE(view.playhead()->time(), 600 * Ms);
    QCOMPARE(view.doneTasks(), 1);
    QCOMPARE(view.failedTasks(), 1);
    QCOMPARE(outcome(view, Main), QStringLiteral("ok"));
    QCOMPARE(outcome(view, Child), QStringLiteral("error"));
}

void TestPlayhead::stepsBothWays()
{
    Trace trace;
    buildKnownTrace(trace);
    RunView view;
    view.setTrace(&trace);
    settle(view);
    Playhead &p = *view.playhead();
    p.toStart();
    QCOMPARE(p.time(), 0);
    QVERIFY(!p.live());
    QVERIFY(p.stepEvent(1));
    QCOMPARE(p.time(), 100 * Ms);
    QVERIFY(p.stepEvent(1));
    QCOMPARE(p.time(), 300 * Ms);
    QVERIFY(p.stepEvent(-1));
    QCOMPARE(p.time(), 100 * Ms);
    QVERIFY(p.stepAwait(Child, 1));
    QCOMPARE(p.time(), 300 * Ms); // GET /b
    QVERIFY(!p.stepAwait(Child, 1)); // no further await: it stays
    QCOMPARE(p.time(), 300 * Ms);
    QVERIFY(p.stepAwait(Child, -1));
    QCOMPARE(p.time(), 100 * Ms); // GET /a
    QVERIFY(!p.stepAwait(7, 1)); // no such task
    QVERIFY(!p.stepAwait(-1, 1)); // none selected
    p.toEnd();
    QCOMPARE(p.time(), 600 * Ms);
    QVERIFY(!p.stepEvent(1));
    QCOMPARE(p.time(), 600 * Ms);
}

void TestPlayhead::seekIsClamped()
{
    Trace trace;
    buildKnownTrace(trace);
    RunView view;
    view.setTrace(&trace);
    settle(view);
    view.playhead()->seek(-5e9);
    QCOMPARE(view.playhead()->time(), 0);
    view.playhead()->seek(1e15);
    QCOMPARE(view.playhead()->time(), 600 * Ms);
    view.playhead()->seek(std::numeric_limits<double>::quiet_NaN());
    QCOMPARE(view.playhead()->time(), 600 * Ms);
}

void TestPlayhead::codeCountsAtATime()
{
    Trace trace;
    buildKnownTrace(trace);
    RunView view;
    view.setTrace(&trace);
    settle(view);
    const Playhead &p = *view.playhead();
    QList<int> at200(20, 0);
    at200[9] = 1; // line 10: main's join
    at200[19] = 1; // line 20: GET /a
    QCOMPARE(p.waitingAt(QStringLiteral("fixture.cpp"), double(200 * Ms)), at200);
    QList<int> at400(21, 0);
    at400[9] = 1;
    at400[20] = 1; // line 21: GET /b
    QCOMPARE(p.waitingAt(QStringLiteral("fixture.cpp"), double(400 * Ms)), at400);
    QCOMPARE(p.waitingAt(QStringLiteral("fixture.cpp"), double(600 * Ms)), QList<int>());
    QCOMPARE(p.waitingAt(QStringLiteral("other.cpp"), double(200 * Ms)), QList<int>());
    QCOMPARE(p.blockingAt(QStringLiteral("fixture.cpp"), double(200 * Ms)), QList<int>());

    Trace blocking;
    const SiteId block = blocking.site(QStringLiteral("hold"), "b.cpp", 3, SiteKind::Blocking);
    const TaskId t = blocking.addTask(NoTask, blocking.intern(QStringLiteral("t")), -1, 0);
    blocking.append(10 * Ms, t, EventKind::BlockBegin, block);
    blocking.append(30 * Ms, t, EventKind::BlockEnd, block);
    blocking.finishTask(t, TaskOutcome::Ok, 40 * Ms);
    RunView other;
    other.setTrace(&blocking);
    settle(other);
    QCOMPARE(other.playhead()->blockingAt(QStringLiteral("b.cpp"), double(20 * Ms)), (QList<int>{0, 0, 1}));
    QCOMPARE(other.playhead()->blockingAt(QStringLiteral("b.cpp"), double(35 * Ms)), QList<int>());
    other.playhead()->seek(double(20 * Ms));
    QCOMPARE(other.blockedTasks(), 1);
    QVERIFY2(other.caption().contains(QStringLiteral("held")), qPrintable(other.caption()));
}

void TestPlayhead::playingReachesNowAndIsLive()
{
    Trace trace;
    buildKnownTrace(trace);
    RunView view;
    view.setTrace(&trace);
    settle(view);
    Playhead &p = *view.playhead();
    p.setSpeed(1e6); // a millisecond of wall time plays 1000 s
    QSignalSpy playing(&p, &Playhead::playingChanged);
    p.togglePlay(); // from live: a replay from the start
    QVERIFY(p.playing());
    QCOMPARE(p.time(), 0);
    QVERIFY(!p.live());
    QTRY_VERIFY(p.live()); // played to the end: live again, stopped
    QVERIFY(!p.playing());
    QCOMPARE(playing.count(), 2);
    QCOMPARE(p.time(), 600 * Ms);
    // A seek stops playing.
    p.togglePlay();
    QVERIFY(p.playing());
    p.seek(double(100 * Ms));
    QVERIFY(!p.playing());
    QCOMPARE(p.time(), 100 * Ms);
}

void TestPlayhead::clearedTraceIsLiveAgain()
{
    Trace trace;
    buildKnownTrace(trace);
    RunView view;
    view.setTrace(&trace);
    settle(view);
    view.playhead()->seek(double(200 * Ms));
    QVERIFY(view.inPast());
    trace.clear();
    QVERIFY(view.playhead()->live());
    QCOMPARE(view.playhead()->time(), 0);
    QCOMPARE(view.playhead()->timeline()->taskCount(), 0u);
    QVERIFY(!view.lanes()->stateAt());
    buildKnownTrace(trace);
    settle(view);
    QCOMPARE(view.playhead()->timeline()->taskCount(), 2u);
}

QTEST_GUILESS_MAIN(TestPlayhead)
#include "tst_playhead.moc"
