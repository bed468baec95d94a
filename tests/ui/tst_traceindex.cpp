#include "session.h"
#include "tracefixture.h"
#include "traceindex.h"
#include "tracesummary.h"

#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;
using namespace awaitscope::testing;

class TestTraceIndex : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownTrace();
    void incrementalMatchesSummary();
    void clearedWithTrace();
};

void TestTraceIndex::knownTrace()
{
    Trace trace;
    TraceIndex index;
    index.setTrace(&trace);
    buildKnownTrace(trace);
    QSignalSpy updated(&index, &TraceIndex::updated);
    QVERIFY(index.update());
    QCOMPARE(updated.count(), 1);
    QVERIFY(!index.update()); // nothing new: no signal
    QCOMPARE(updated.count(), 1);

    QCOMPARE(index.taskCount(), 2u);
    QCOMPARE(index.roots(), std::vector<TaskId>{0});
    QCOMPARE(index.track(0).children, std::vector<TaskId>{1});
    QCOMPARE(index.track(1).depth, 1u);
    const auto &spans = index.track(1).spans;
    QCOMPARE(spans.size(), std::size_t(2));
    QCOMPARE(spans[0].begin, 100 * Ms);
    QCOMPARE(spans[0].end, 300 * Ms);
    QCOMPARE(spans[1].result, WaitResult::Failed);
    QCOMPARE(index.awaits(), quint64(3));
    QCOMPARE(index.failedWaits(), quint64(1));
    QCOMPARE(index.awaitedNs(), 400 * Ms); // the join is not counted
    QCOMPARE(index.finishedOk(), 1u);
    QCOMPARE(index.finishedFailed(), 1u);
    QCOMPARE(index.suspendedNow(), 0u);
    QCOMPARE(index.locationFiles(), QStringList{QStringLiteral("fixture.cpp")});
}

void TestTraceIndex::incrementalMatchesSummary()
{
    // Read a real run in many small steps: the totals must equal a one-pass summary.
    Session session;
    RunConfig config;
    config.scenario = QStringLiteral("errors");
    config.clock = ClockMode::Virtual;
    TraceIndex index;
    index.setTrace(&session.runtime().trace());
    QSignalSpy finished(&session, &Session::finished);
    QCOMPARE(session.start(config), QString());
    int maxWaiting = 0;
    while (finished.isEmpty()) {
        index.update();
        quint32 waiting = 0;
        for (quint32 loc = 0; loc < index.locationCount(); ++loc)
            waiting += index.waitingAtLocation(loc);
        QCOMPARE(waiting, index.suspendedNow() + index.blockedNow());
        maxWaiting = std::max(maxWaiting, int(waiting));
        QCoreApplication::processEvents();
    }
    index.update();
    const TraceSummary sum = TraceSummary::of(session.runtime().trace());
    QCOMPARE(index.taskCount(), sum.tasks);
    QCOMPARE(index.awaits(), sum.awaits);
    QCOMPARE(index.failedWaits(), sum.failedWaits);
    QCOMPARE(index.awaitedNs(), sum.awaitedNs);
    QCOMPARE(index.blockedNs(), sum.blockedNs);
    QCOMPARE(index.finishedOk(), sum.ok);
    QCOMPARE(index.finishedFailed(), sum.failed);
    QCOMPARE(index.finishedCancelled(), sum.cancelled);
    QCOMPARE(index.suspendedNow(), 0u);
    QVERIFY(maxWaiting > 1);
}

void TestTraceIndex::clearedWithTrace()
{
    Trace trace;
    TraceIndex index;
    index.setTrace(&trace);
    buildKnownTrace(trace);
    index.update();
    QSignalSpy reset(&index, &TraceIndex::reset);
    trace.clear();
    QCOMPARE(reset.count(), 1);
    QCOMPARE(index.taskCount(), 0u);
    QCOMPARE(index.eventCount(), quint64(0));
}

QTEST_GUILESS_MAIN(TestTraceIndex)
#include "tst_traceindex.moc"
