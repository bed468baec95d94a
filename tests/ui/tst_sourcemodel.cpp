#include "session.h"
#include "sourcemodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;

class TestSourceModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sourceCounts();
    void countsAtAnotherTime();
};

void TestSourceModel::sourceCounts()
{
    Session session;
    TraceIndex index;
    index.setTrace(&session.runtime().trace());
    SourceModel source;
    QAbstractItemModelTester tester(&source, QAbstractItemModelTester::FailureReportingMode::QtTest);
    source.setTraceIndex(&index);
    source.setFileName(QStringLiteral("fetchuser.cpp"));
    QVERIFY(source.rowCount() > 10);
    QCOMPARE(source.data(source.index(0), SourceModel::LineNumberRole).toInt(), 1);

    // Fan-out with a virtual clock, paused after the first batch: every job waits on one line.
    RunConfig config;
    config.scenario = QStringLiteral("fan-out");
    config.jobs = 25;
    config.clock = ClockMode::Virtual;
    QCOMPARE(session.start(config), QString());
    session.runtime().pause();
    index.update();
    QCOMPARE(source.totalWaiting(), 25);
    const int line = source.busiestLine();
    QVERIFY(line > 0);
    QCOMPARE(source.data(source.index(line - 1), SourceModel::WaitingRole).toInt(), 25);
    QVERIFY(source.data(source.index(line - 1), SourceModel::PlainTextRole)
                .toString()
                .contains(QLatin1String("co_await")));

    // The main task waits in fanout.cpp, not here.
    SourceModel fanout;
    fanout.setTraceIndex(&index);
    fanout.setFileName(QStringLiteral("fanout.cpp"));
    QCOMPARE(fanout.totalWaiting(), 1);

    QSignalSpy changed(&source, &QAbstractItemModel::dataChanged);
    source.setSelectedLine(3);
    QCOMPARE(changed.count(), 1);
    QVERIFY(source.data(source.index(2), SourceModel::SelectedRole).toBool());
    session.reset();
    QCOMPARE(source.totalWaiting(), 0);
}

void TestSourceModel::countsAtAnotherTime()
{
    // The playhead's counts (lists per line) replace the index's while atTime is set.
    Session session;
    TraceIndex index;
    index.setTrace(&session.runtime().trace());
    SourceModel source;
    QAbstractItemModelTester tester(&source, QAbstractItemModelTester::FailureReportingMode::QtTest);
    source.setTraceIndex(&index);
    source.setFileName(QStringLiteral("fetchuser.cpp"));
    RunConfig config;
    config.scenario = QStringLiteral("fan-out");
    config.jobs = 25;
    config.clock = ClockMode::Virtual;
    QCOMPARE(session.start(config), QString());
    session.runtime().pause();
    index.update();
    QCOMPARE(source.totalWaiting(), 25);
    const int now = source.busiestLine();

    source.setWaitingAtTime({0, 0, 3, 0, 7}); // (lines past the list count 0)
    QCOMPARE(source.totalWaiting(), 25); // not shown until atTime
    source.setBlockingAtTime({0, 1});
    QSignalSpy total(&source, &SourceModel::totalWaitingChanged);
    source.setAtTime(true);
    QCOMPARE(total.count(), 1);
    QCOMPARE(source.totalWaiting(), 10);
    QCOMPARE(source.busiestLine(), 5);
    QCOMPARE(source.data(source.index(2), SourceModel::WaitingRole).toInt(), 3);
    QCOMPARE(source.data(source.index(now - 1), SourceModel::WaitingRole).toInt(), now == 5 ? 7 : 0);
    QVERIFY(source.data(source.index(1), SourceModel::BlockingRole).toBool());
    source.setWaitingAtTime({});
    QCOMPARE(source.totalWaiting(), 0);
    source.setAtTime(false); // now again, from the index
    QCOMPARE(source.totalWaiting(), 25);
    QCOMPARE(source.data(source.index(now - 1), SourceModel::WaitingRole).toInt(), 25);
    QVERIFY(!source.data(source.index(1), SourceModel::BlockingRole).toBool());
}

QTEST_MAIN(TestSourceModel)
#include "tst_sourcemodel.moc"
