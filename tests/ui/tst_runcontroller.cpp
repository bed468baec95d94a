#include "runcontroller.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace awaitscope;

class TestRunController : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void knobs();
    void commandLineWins();
    void runToTheEnd();
    void stepAndReset();
    void framesAreBatched();
    void bigRunStopsOverSeveralFrames();
};

void TestRunController::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a throw-away place
    QCoreApplication::setOrganizationName(QStringLiteral("awaitscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_runcontroller"));
}

void TestRunController::knobs()
{
    RunController c;
    QSignalSpy config(&c, &RunController::configChanged);
    c.setScenarioIndex(c.scenarios()->rowOf(QStringLiteral("stress")));
    QCOMPARE(c.scenarioId(), QStringLiteral("stress"));
    QCOMPARE(c.jobs(), findScenario(QStringLiteral("stress"))->defaultJobs);
    c.setJobs(5'000'000); // clamped to the scenario's maximum
    QCOMPARE(c.jobs(), findScenario(QStringLiteral("stress"))->maxJobs);
    c.setFailureRate(2);
    QCOMPARE(c.failureRate(), 1.0);
    c.setSpeed(1000);
    QCOMPARE(c.speed(), SimClock::MaxSpeed);
    QVERIFY(config.count() >= 4);
    QVERIFY(c.runConfig().validate().isEmpty());
}

void TestRunController::commandLineWins()
{
    CommandLineOptions o;
    o.run.scenario = QStringLiteral("fan-out");
    o.run.jobs = 7;
    o.run.network.latencyMs = 50;
    RunController c;
    c.configure(o, false);
    QCOMPARE(c.scenarioId(), QStringLiteral("fan-out"));
    QCOMPARE(c.jobs(), 7);
    QCOMPARE(c.latencyMs(), 50.0);
    QCOMPARE(c.speed(), RunController::TeachingSpeed); // --speed not given
    QCOMPARE(c.runConfig().clock, ClockMode::Real);
    o.speedGiven = true;
    o.run.speed = 2;
    o.clockGiven = true;
    o.run.clock = ClockMode::Virtual;
    c.configure(o, false);
    QCOMPARE(c.speed(), 2.0);
    QCOMPARE(c.runConfig().clock, ClockMode::Virtual);
}

void TestRunController::runToTheEnd()
{
    CommandLineOptions o;
    o.run.scenario = QStringLiteral("fan-out");
    o.run.jobs = 30;
    o.clockGiven = true;
    o.run.clock = ClockMode::Virtual;
    RunController c;
    c.configure(o, false);
    QSignalSpy finished(&c, &RunController::runFinished);
    QVERIFY(c.run());
    QVERIFY(c.running());
    QVERIFY(finished.wait(10'000));
    QVERIFY(c.finished());
    QCOMPARE(c.tasks(), 31);
    QCOMPARE(c.doneTasks(), 31);
    QCOMPARE(c.suspendedTasks(), 0);
    // Three requests per job, and main's join of the first job: the others are done by then
    // (the virtual clock runs the batch at once), so joining them does not suspend.
    QCOMPARE(c.awaits(), 30.0 * 3 + 1);
    QCOMPARE(c.lanes()->rowCount(), 31);
    QCOMPARE(c.sourceFiles(), (QStringList{QStringLiteral("fanout.cpp"), QStringLiteral("fetchuser.cpp")}));
    QVERIFY(c.concurrency() > 20); // 30 jobs waiting together
}

void TestRunController::stepAndReset()
{
    CommandLineOptions o;
    o.run.scenario = QStringLiteral("fetch-user");
    o.clockGiven = true;
    o.run.clock = ClockMode::Virtual;
    RunController c;
    c.configure(o, false);
    c.step(); // starts paused at the first suspension
    QVERIFY(c.running());
    QVERIFY(c.paused());
    const double before = c.awaits();
    QVERIFY(before >= 1);
    c.step();
    c.step();
    QVERIFY(c.awaits() > before);
    c.reset();
    QVERIFY(!c.running());
    QCOMPARE(c.tasks(), 0);
    QCOMPARE(c.lanes()->rowCount(), 0);
}

void TestRunController::framesAreBatched()
{
    // A thousand jobs start in one batch: the UI hears about it in a handful of frames.
    CommandLineOptions o;
    o.run.scenario = QStringLiteral("stress");
    o.run.jobs = 1000;
    o.clockGiven = true;
    o.run.clock = ClockMode::Virtual;
    RunController c;
    c.configure(o, false);
    QSignalSpy frames(&c, &RunController::frame);
    QSignalSpy finished(&c, &RunController::runFinished);
    QVERIFY(c.run());
    QVERIFY(finished.wait(20'000));
    QVERIFY(c.index()->eventCount() > 3000);
    // Finished means the window has read the whole run, not only that the engine is done.
    QVERIFY(c.index()->caughtUp());
    QCOMPARE(c.index()->eventCount(), c.session().runtime().trace().size());
    QCOMPARE(c.doneTasks(), 1001);
    QVERIFY2(quint64(frames.count()) < c.index()->eventCount() / 10,
             qPrintable(
                 QStringLiteral("%1 frames for %2 events").arg(frames.count()).arg(c.index()->eventCount())));
}

void TestRunController::bigRunStopsOverSeveralFrames()
{
    // Reset with 20,000 tasks mid-await: the controller stops the run over several batches
    // (the loop keeps turning), then clears it.
    CommandLineOptions o;
    o.run.scenario = QStringLiteral("stress");
    o.run.jobs = 20000;
    o.speedGiven = true;
    o.run.speed = SimClock::MinSpeed; // a 100 ms request takes 2 s
    RunController c;
    c.configure(o, false);
    QVERIFY(c.run());
    QTRY_VERIFY_WITH_TIMEOUT(c.session().runtime().runningTasks() > quint32(RunController::AsyncStopTasks),
                             10'000);
    c.reset();
    QVERIFY(c.stopping());
    QVERIFY(c.running()); // not yet: nothing unwound inside the call
    int turns = 0;
    QTimer counter;
    QObject::connect(&counter, &QTimer::timeout, [&turns] { ++turns; });
    counter.start(0);
    QTRY_VERIFY_WITH_TIMEOUT(!c.stopping() && !c.running(), 20'000);
    QVERIFY2(turns > 1, qPrintable(QStringLiteral("the loop turned %1 times while stopping").arg(turns)));
    QCOMPARE(c.tasks(), 0);
    QVERIFY(!c.finished());
}

QTEST_GUILESS_MAIN(TestRunController)
#include "tst_runcontroller.moc"
