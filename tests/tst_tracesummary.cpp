#include "tracefixture.h"
#include "tracesummary.h"

#include <QTest>
#include <limits>

using namespace awaitscope;
using namespace awaitscope::testing;

class TestTraceSummary : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void totalsOfAKnownTrace()
    {
        Trace trace;
        buildKnownTrace(trace);
        const TraceSummary s = TraceSummary::of(trace);
        QCOMPARE(s.tasks, 2u);
        QCOMPARE(s.ok, 1u);
        QCOMPARE(s.failed, 1u);
        QCOMPARE(s.awaits, quint64(3));
        QCOMPARE(s.failedWaits, quint64(1));
        QCOMPARE(s.awaitedNs, 400 * Ms); // the join only mirrors the child's requests
        QCOMPARE(s.spanNs, 600 * Ms);
        QCOMPARE(s.concurrency(), 400.0 / 600.0);
    }

    void sumsSaturateInsteadOfOverflowing()
    {
        // Three tasks each waiting 4e18 ns at once: the sum is beyond a qint64.
        Trace trace;
        const SiteId site = trace.site(QStringLiteral("GET /slow"), "fixture.cpp", 1);
        const qint64 length = 4'000'000'000'000'000'000;
        for (int i = 0; i < 3; ++i) {
            const TaskId t = trace.addTask(NoTask, trace.intern(QStringLiteral("job(%1)")), i, 0);
            trace.append(0, t, EventKind::Suspend, site);
        }
        for (TaskId t = 0; t < 3; ++t)
            trace.append(length, t, EventKind::Resume, quint32(WaitResult::Ok));
        const TraceSummary s = TraceSummary::of(trace);
        QCOMPARE(s.awaits, quint64(3));
        QCOMPARE(s.awaitedNs, std::numeric_limits<qint64>::max());
        QVERIFY(s.concurrency() > 2.0);
    }

    void openWaitsCountUpToTheLastEvent()
    {
        // A run stopped mid-await (or a foreign trace's slice that never ends): the open wait
        // counts up to the last event, as the window counts it up to now.
        Trace trace;
        const SiteId site = trace.site(QStringLiteral("GET /slow"), "fixture.cpp", 1);
        const TaskId open = trace.addTask(NoTask, trace.intern(QStringLiteral("open")), -1, 0);
        const TaskId closed = trace.addTask(NoTask, trace.intern(QStringLiteral("closed")), -1, 0);
        trace.append(10 * Ms, open, EventKind::Suspend, site);
        trace.append(20 * Ms, closed, EventKind::Suspend, site);
        trace.append(50 * Ms, closed, EventKind::Resume, quint32(WaitResult::Ok));
        const TraceSummary s = TraceSummary::of(trace);
        QCOMPARE(s.awaits, quint64(2));
        QCOMPARE(s.awaitedNs, 30 * Ms + 40 * Ms);
        QCOMPARE(s.spanNs, 50 * Ms); // from the spawns at 0
    }
};

QTEST_GUILESS_MAIN(TestTraceSummary)
#include "tst_tracesummary.moc"
