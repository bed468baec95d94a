// The warnings panel's rows: one per hold of the loop, deliberate or not, with the line; they
// follow the index (new holds become rows at its update, a clear empties them).

#include "warningmodel.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;

class TestWarningModel : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rowsFollowTheIndex()
    {
        constexpr qint64 Ms = 1'000'000;
        Trace trace;
        TraceIndex index;
        index.setTrace(&trace);
        WarningModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        QSignalSpy count(&model, &WarningModel::countChanged);
        model.setIndex(&index);
        QCOMPARE(model.traceIndex(), &index);

        // main blocks on purpose (a blocked section with a hold inside); worker holds the loop
        // after an await (a scheduler wake-up).
        const TaskId main = trace.addTask(NoTask, trace.intern(QStringLiteral("main")), -1, 0);
        const TaskId worker = trace.addTask(main, trace.intern(QStringLiteral("worker(%1)")), 2, 0);
        const SiteId busy = trace.site(QStringLiteral("busy"), "blocking.cpp", 17, SiteKind::Blocking);
        const SiteId get = trace.site(QStringLiteral("GET /x"), "fanout.cpp", 12, SiteKind::Wait);
        trace.append(10 * Ms, main, EventKind::BlockBegin, busy);
        trace.append(40 * Ms, main, EventKind::Hold, 30'000);
        trace.append(40 * Ms, main, EventKind::BlockEnd, busy);
        trace.flush();
        index.update();
        QCOMPARE(model.rowCount(), 1);
        trace.append(50 * Ms, worker, EventKind::Suspend, get);
        trace.append(60 * Ms, worker, EventKind::Resume, 0);
        trace.append(60 * Ms, worker, EventKind::Hold, 25'000);
        trace.flush();
        index.update();
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.count(), 2);
        QCOMPARE(model.unexpectedCount(), 1);
        QVERIFY(count.count() >= 2);

        const QModelIndex a = model.index(0);
        QCOMPARE(model.data(a, WarningModel::TaskNameRole).toString(), QStringLiteral("main"));
        QCOMPARE(model.data(a, WarningModel::DeliberateRole).toBool(), true);
        QCOMPARE(model.data(a, WarningModel::LineRole).toInt(), 17);
        QCOMPARE(model.data(a, WarningModel::FileRole).toString(), QStringLiteral("blocking.cpp"));
        QCOMPARE(model.data(a, WarningModel::WallNsRole).toDouble(), 30.0 * Ms);
        QCOMPARE(model.data(a, WarningModel::BeginNsRole).toDouble(), 10.0 * Ms); // its section's start
        const QModelIndex b = model.index(1);
        QCOMPARE(model.data(b, WarningModel::TaskIdRole).toInt(), int(worker));
        QCOMPARE(model.data(b, WarningModel::TaskNameRole).toString(), QStringLiteral("worker(2)"));
        QCOMPARE(model.data(b, WarningModel::DeliberateRole).toBool(), false);
        QCOMPARE(model.data(b, WarningModel::LabelRole).toString(), QStringLiteral("GET /x"));
        QCOMPARE(model.data(b, WarningModel::LineRole).toInt(), 12);
        QCOMPARE(model.data(b, WarningModel::TimeNsRole).toDouble(), 60.0 * Ms);
        QVERIFY(model.roleNames().values().contains("deliberate"));

        // A new run: the index is cleared, the rows go.
        index.clear();
        QCOMPARE(model.rowCount(), 0);
        model.setIndex(nullptr);
        QCOMPARE(model.traceIndex(), nullptr);
    }
};

QTEST_GUILESS_MAIN(TestWarningModel)
#include "tst_warningmodel.moc"
