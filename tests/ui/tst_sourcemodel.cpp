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

QTEST_MAIN(TestSourceModel)
#include "tst_sourcemodel.moc"
