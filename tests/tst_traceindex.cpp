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
    void budgetedUpdatesCatchUp();
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
    QCOMPARE(index.track(0).children.size(), std::size_t(1));
    QCOMPARE(index.track(0).children[0], TaskId(1));
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
    // The failure is counted at its line (21), nothing at the line that went well (20).
    for (quint32 loc = 0; loc < index.locationCount(); ++loc) {
        const quint32 line = index.location(loc).line;
        QCOMPARE(index.outcomesAtLocation(loc).failed, line == 21 ? 1u : 0u);
        QCOMPARE(index.outcomesAtLocation(loc).total(), line == 21 ? 1u : 0u);
    }
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

void TestTraceIndex::budgetedUpdatesCatchUp()
{
    // A zero budget reads one slice of events per update: the index lags behind, never reads an
    // event twice or skips one, and ends exactly where a single full update does.
    Session session;
    RunConfig config;
    config.scenario = QStringLiteral("stress");
    config.jobs = 2000;
    config.clock = ClockMode::Virtual;
    QSignalSpy finished(&session, &Session::finished);
    QCOMPARE(session.start(config), QString());
    QVERIFY(finished.wait(20'000));
    const Trace &trace = session.runtime().trace();

    TraceIndex sliced;
    sliced.setTrace(&trace);
    int updates = 0;
    quint64 last = 0;
    while (!sliced.caughtUp()) {
        QVERIFY(sliced.update(0));
        QVERIFY(sliced.eventCount() > last);
        last = sliced.eventCount();
        QVERIFY(sliced.taskCount() <= trace.taskCount());
        ++updates;
    }
    QVERIFY2(updates > 10,
             qPrintable(QStringLiteral("%1 updates for %2 events").arg(updates).arg(trace.size())));
    QVERIFY(!sliced.update(0)); // nothing left

    TraceIndex whole;
    whole.setTrace(&trace);
    QVERIFY(whole.update());
    QVERIFY(whole.caughtUp());
    QCOMPARE(sliced.eventCount(), trace.size());
    QCOMPARE(sliced.taskCount(), whole.taskCount());
    QCOMPARE(sliced.awaits(), whole.awaits());
    QCOMPARE(sliced.awaitedNs(), whole.awaitedNs());
    QCOMPARE(sliced.finishedOk(), whole.finishedOk());
    QCOMPARE(sliced.suspendedNow(), 0u);
    for (TaskId t = 0; t < whole.taskCount(); ++t) {
        QCOMPARE(sliced.track(t).spans.size(), whole.track(t).spans.size());
        QCOMPARE(sliced.track(t).children.size(), whole.track(t).children.size());
    }
}

QTEST_GUILESS_MAIN(TestTraceIndex)
#include "tst_traceindex.moc"
