#include "labelmodel.h"
#include "lanemodel.h"
#include "scenario.h"
#include "scenariomodel.h"
#include "session.h"
#include "sourcemodel.h"
#include "tracefixture.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;
using namespace awaitscope::testing;

class TestModels : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scenarios();
    void lanesOfKnownTrace();
    void lanesDuringARun();
    void lanesCollapseBigGroups();
    void sourceCounts();
    void labels();
};

void TestModels::scenarios()
{
    ScenarioModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QCOMPARE(model.rowCount(), int(allScenarios().size()));
    const int fanOut = model.rowOf(QStringLiteral("fan-out"));
    QVERIFY(fanOut >= 0);
    QCOMPARE(model.data(model.index(fanOut), ScenarioModel::SourceFileRole).toString(),
             QStringLiteral("fanout.cpp"));
    QVERIFY(!model.data(model.index(fanOut), ScenarioModel::LookForRole).toString().isEmpty());
    QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
    QVERIFY(!model.data(model.index(0), Qt::DecorationRole).isValid());
}

void TestModels::lanesOfKnownTrace()
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

    // Collapsing hides the child; the parent lane then aggregates it.
    lanes.toggleExpanded(0);
    QCOMPARE(lanes.rowCount(), 1);
    QVERIFY(lanes.isAggregate(0));
    QCOMPARE(lanes.rowOfTask(1), -1);
    lanes.toggleExpanded(0);
    QCOMPARE(lanes.rowCount(), 2);
    QVERIFY(!lanes.isAggregate(0));

    trace.clear();
    QCOMPARE(lanes.rowCount(), 0);
}

void TestModels::lanesDuringARun()
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

void TestModels::lanesCollapseBigGroups()
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
    QCOMPARE(lanes.rowCount(), 1); // one aggregate lane, not thousands of rows
    QVERIFY(lanes.isAggregate(0));

    // More children later: no row moves, but the group's count is told to change.
    QSignalSpy changed(&lanes, &QAbstractItemModel::dataChanged);
    for (int i = 0; i < 10; ++i)
        trace.addTask(main, name, i, 0);
    index.update();
    QCOMPARE(lanes.rowCount(), 1);
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

void TestModels::sourceCounts()
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

void TestModels::labels()
{
    LabelModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setLabels({{0, 0, 80, QStringLiteral("a")}, {100, 0, 80, QStringLiteral("b")}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(inserted.count(), 1);
    // Same first row, changed second, one more: one change and one insertion, no reset.
    model.setLabels({{0, 0, 80, QStringLiteral("a")},
                     {110, 0, 80, QStringLiteral("b")},
                     {200, 0, 70, QStringLiteral("c")}});
    QCOMPARE(changed.count(), 1);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(model.data(model.index(1), LabelModel::XRole).toDouble(), 110.0);
    model.setLabels({});
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 0);
}

QTEST_GUILESS_MAIN(TestModels)
#include "tst_models.moc"
