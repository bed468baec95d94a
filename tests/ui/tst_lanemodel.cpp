#include "lanemodel.h"
#include "session.h"
#include "tracefixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>
#include <algorithm>

using namespace awaitscope;
using namespace awaitscope::testing;

class TestLaneModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void lanesOfKnownTrace();
    void lanesDuringARun();
    void lanesCollapseBigGroups();
};

void TestLaneModel::lanesOfKnownTrace()
{
    Trace trace;
    TraceIndex index;
    index.setTrace(&trace);
    LaneModel lanes;
    lanes.setIndex(&index);
    QAbstractItemModelTester tester(&lanes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    buildKnownTrace(trace);
    index.update();
    QCOMPARE(lanes.rowCount(), 2);
    QCOMPARE(lanes.data(lanes.index(0), LaneModel::NameRole).toString(), QStringLiteral("main"));
    QCOMPARE(lanes.data(lanes.index(1), LaneModel::NameRole).toString(), QStringLiteral("child(1)"));
    QCOMPARE(lanes.data(lanes.index(1), LaneModel::DepthRole).toInt(), 1);
    QCOMPARE(lanes.data(lanes.index(1), LaneModel::OutcomeRole).toString(), QStringLiteral("error"));
    QCOMPARE(lanes.data(lanes.index(1), LaneModel::MessageRole).toString(), QStringLiteral("GET /b failed"));
    QCOMPARE(lanes.data(lanes.index(0), LaneModel::ChildCountRole).toInt(), 1);
    QCOMPARE(lanes.rowOfTask(1), 1);

    // Collapsing hides the child; the parent lane then aggregates it, a tall lane of
    // AggregateRows rows (its density needs the room), each of them its task.
    lanes.toggleExpanded(0);
    QCOMPARE(lanes.rowCount(), LaneModel::AggregateRows);
    QVERIFY(lanes.isAggregate(0));
    QCOMPARE(lanes.rowOfTask(1), -1);
    QCOMPARE(lanes.rowOfTask(0), 0);
    QCOMPARE(lanes.laneStart(LaneModel::AggregateRows - 1), 0);
    QCOMPARE(lanes.laneRows(2), LaneModel::AggregateRows);
    QCOMPARE(lanes.data(lanes.index(0), LaneModel::SpanRowRole).toInt(), 0);
    QCOMPARE(lanes.data(lanes.index(3), LaneModel::SpanRowRole).toInt(), 3);
    QCOMPARE(lanes.taskAtRow(3), TaskId(0));
    lanes.toggleExpanded(0);
    QCOMPARE(lanes.rowCount(), 2);
    QVERIFY(!lanes.isAggregate(0));

    trace.clear();
    QCOMPARE(lanes.rowCount(), 0);
}

void TestLaneModel::lanesDuringARun()
{
    Session session;
    TraceIndex index;
    index.setTrace(&session.runtime().trace());
    LaneModel lanes;
    lanes.setIndex(&index);
    QAbstractItemModelTester tester(&lanes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&lanes, &QAbstractItemModel::rowsInserted);
    QSignalSpy finished(&session, &Session::finished);
    RunConfig config;
    config.scenario = QStringLiteral("errors");
    config.clock = ClockMode::Virtual;
    QCOMPARE(session.start(config), QString());
    while (finished.isEmpty()) {
        QCoreApplication::processEvents();
        index.update();
    }
    index.update();
    QCOMPARE(lanes.rowCount(), int(session.runtime().trace().taskCount()));
    QVERIFY(!inserted.isEmpty());
    // Children follow their parent, deeper by one.
    for (int row = 1; row < lanes.rowCount(); ++row) {
        const TaskId task = lanes.taskAtRow(row);
        const TaskId parent = session.runtime().trace().task(task).parent;
        QVERIFY(lanes.rowOfTask(int(parent)) < row);
        QCOMPARE(lanes.data(lanes.index(row), LaneModel::DepthRole).toInt(),
                 lanes.data(lanes.index(lanes.rowOfTask(int(parent))), LaneModel::DepthRole).toInt() + 1);
    }
}

void TestLaneModel::lanesCollapseBigGroups()
{
    Trace trace;
    TraceIndex index;
    index.setTrace(&trace);
    LaneModel lanes;
    lanes.setIndex(&index);
    QAbstractItemModelTester tester(&lanes, QAbstractItemModelTester::FailureReportingMode::QtTest);
    trace.clear();
    const TaskId main = trace.addTask(NoTask, trace.intern(QStringLiteral("main")), -1, 0);
    const quint32 name = trace.intern(QStringLiteral("job(%1)"));
    for (int i = 0; i < int(LaneModel::AutoCollapseChildren) + 1; ++i)
        trace.addTask(main, name, i, 0);
    index.update();
    QCOMPARE(lanes.rowCount(), LaneModel::AggregateRows); // one tall lane, not thousands of rows
    QVERIFY(lanes.isAggregate(0));

    // More children later: no row moves, but the group's count is told to change.
    QSignalSpy changed(&lanes, &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 10; ++i)
        trace.addTask(main, name, i, 0);
    index.update();
    QCOMPARE(lanes.rowCount(), LaneModel::AggregateRows);
    QCOMPARE(lanes.data(lanes.index(0), LaneModel::ChildCountRole).toInt(),
             int(LaneModel::AutoCollapseChildren) + 11);
    const bool toldCount = std::any_of(changed.begin(), changed.end(), [](const QList<QVariant> &args) {
        return args.at(0).toModelIndex().row() == 0 &&
            args.at(2).value<QList<int>>().contains(LaneModel::ChildCountRole);
    });
    QVERIFY2(toldCount, "the group lane's child count changed silently");

    lanes.setExpanded(0, true);
    QCOMPARE(lanes.rowCount(), int(LaneModel::AutoCollapseChildren) + 12);
}

QTEST_GUILESS_MAIN(TestLaneModel)
#include "tst_lanemodel.moc"
