#include "scenario.h"
#include "scenariomodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;

class TestScenarioModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scenarios();
};

void TestScenarioModel::scenarios()
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

QTEST_GUILESS_MAIN(TestScenarioModel)
#include "tst_scenariomodel.moc"
