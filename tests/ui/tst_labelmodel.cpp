#include "labelmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;

class TestLabelModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void labels();
};

void TestLabelModel::labels()
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

QTEST_GUILESS_MAIN(TestLabelModel)
#include "tst_labelmodel.moc"
