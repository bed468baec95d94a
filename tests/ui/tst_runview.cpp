#include "runview.h"
#include "session.h"
#include "tracefixture.h"

#include <QElapsedTimer>
#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;
using namespace awaitscope::testing;

class TestRunView : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void countersOfAFinishedTrace();
    void sourceFilesOfALiveRun();
    void resetWithTheTrace();
    void resetClearsTheScenarioFilesCount();
    void readoutsArePacedAndNeverLost();
};

void TestRunView::countersOfAFinishedTrace()
{
    Trace trace;
    buildKnownTrace(trace);
    RunView view;
    view.setTrace(&trace);
    QSignalSpy frame(&view, &RunView::frame);
    QVERIFY(view.update(-1, -1)); // negative now: the time of the last event read
    QCOMPARE(frame.count(), 1);
    QCOMPARE(view.now(), 600 * Ms);
    QCOMPARE(view.tasks(), 2);
    QCOMPARE(view.doneTasks(), 1);
    QCOMPARE(view.failedTasks(), 1);
    QCOMPARE(view.suspendedTasks(), 0);
    QCOMPARE(view.awaits(), 3.0);
    QCOMPARE(view.failedWaits(), 1.0);
    QCOMPARE(view.awaitedNs(), double(400 * Ms)); // the child's two requests; the join mirrors them
    QCOMPARE(view.lanes()->rowCount(), 2);
    QVERIFY(!view.update(-1, -1)); // nothing new, nothing moved: no frame
    QCOMPARE(frame.count(), 1);
    view.update(-1, 300 * Ms); // the clock moved: a frame, and the concurrency of the time so far
    QCOMPARE(frame.count(), 2);
    QCOMPARE(view.concurrency(), 400.0 / 300.0);
}

void TestRunView::sourceFilesOfALiveRun()
{
    Session session;
    RunView view;
    view.setTrace(&session.runtime().trace());
    view.setPrimarySource(QStringLiteral("fanout.cpp"));
    QCOMPARE(view.sourceFiles(), QStringList{QStringLiteral("fanout.cpp")});
    RunConfig config;
    config.scenario = QStringLiteral("fan-out");
    config.jobs = 25;
    config.clock = ClockMode::Virtual;
    QCOMPARE(session.start(config), QString());
    session.runtime().pause(); // every job waits on its first request
    QSignalSpy waiting(&view, &RunView::sourceWaitingChanged);
    view.update(-1, session.runtime().now());
    QCOMPARE(view.sourceFiles(),
             (QStringList{QStringLiteral("fanout.cpp"), QStringLiteral("fetchuser.cpp")}));
    QCOMPARE(view.sourceWaiting(), (QList<int>{1, 25}));
    QCOMPARE(view.busiestSource(), 1);
    QCOMPARE(view.sourceIndexOf(QStringLiteral("fetchuser.cpp")), 1);
    QVERIFY(!waiting.isEmpty());
    QCOMPARE(view.suspendedTasks(), 26);
}

void TestRunView::resetWithTheTrace()
{
    Session session;
    RunView view;
    view.setTrace(&session.runtime().trace());
    RunConfig config;
    config.scenario = QStringLiteral("fan-out");
    config.clock = ClockMode::Virtual;
    QCOMPARE(session.start(config), QString());
    session.runtime().pause();
    view.update(-1, session.runtime().now());
    QVERIFY(view.tasks() > 1);
    session.reset();
    view.reset();
    QCOMPARE(view.tasks(), 0);
    QCOMPARE(view.now(), 0);
    QCOMPARE(view.lanes()->rowCount(), 0);
    // Nothing waits any more: no file keeps a stale count.
    for (const int n : view.sourceWaiting())
        QCOMPARE(n, 0);
}

void TestRunView::resetClearsTheScenarioFilesCount()
{
    // Every await in the scenario's own file: the file list is the same after the reset, and
    // the count must still go back to zero.
    Session session;
    RunView view;
    view.setTrace(&session.runtime().trace());
    view.setPrimarySource(QStringLiteral("stress.cpp"));
    RunConfig config;
    config.scenario = QStringLiteral("stress");
    config.jobs = 100;
    config.clock = ClockMode::Virtual;
    QCOMPARE(session.start(config), QString());
    session.runtime().pause();
    view.update(-1, session.runtime().now());
    QCOMPARE(view.sourceFiles(), QStringList{QStringLiteral("stress.cpp")});
    QTRY_VERIFY(view.sourceWaiting().value(0) > 0); // paced: within ReadoutIntervalNs
    QSignalSpy waiting(&view, &RunView::sourceWaitingChanged);
    session.reset();
    view.reset();
    QCOMPARE(view.sourceFiles(), QStringList{QStringLiteral("stress.cpp")});
    QCOMPARE(view.sourceWaiting(), QList<int>{0});
    QCOMPARE(waiting.count(), 1); // QML hears about it
}

void TestRunView::readoutsArePacedAndNeverLost()
{
    Trace trace;
    buildKnownTrace(trace);
    RunView view;
    view.setTrace(&trace); // a reset: a readout at once
    QCOMPARE(view.elapsedNs(), 0.0);
    QSignalSpy readout(&view, &RunView::readoutChanged);
    QSignalSpy waiting(&view, &RunView::sourceWaitingChanged);
    QElapsedTimer wall;
    wall.start();
    view.update(-1, 100 * Ms);
    view.update(-1, 200 * Ms);
    view.update(-1, 300 * Ms); // three frames within the interval: one readout, after it
    if (wall.nsecsElapsed() < RunView::ReadoutIntervalNs) // (a slow machine may cross it)
        QCOMPARE(readout.count(), 0);
    QVERIFY(readout.wait(int(RunView::ReadoutIntervalNs / 1'000'000) * 20));
    QCOMPARE(view.elapsedNs(), double(300 * Ms)); // the latest clock, not the first
    QTest::qWait(int(RunView::ReadoutIntervalNs / 1'000'000) * 2);
    const qsizetype afterPause = readout.count();
    QVERIFY(afterPause <= 2);
    view.setEnded(true); // the end shows at once
    QCOMPARE(readout.count(), afterPause + 1);
    view.reset();
    QCOMPARE(readout.count(), afterPause + 2);
    QCOMPARE(view.elapsedNs(), 0.0);
}

QTEST_GUILESS_MAIN(TestRunView)
#include "tst_runview.moc"
