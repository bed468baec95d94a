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
};

QTEST_GUILESS_MAIN(TestTraceSummary)
#include "tst_tracesummary.moc"
