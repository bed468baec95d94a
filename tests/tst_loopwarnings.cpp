// The warnings list: every hold of the loop placed on its lane and line; sections written as
// blocking are deliberate, a wake-up that keeps the loop busy (the scheduler's batch) is not.

#include "loopwarnings.h"
#include "runtime.h"
#include "session.h"
#include "testutil.h"
#include "traceindex.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>

using namespace awaitscope;
using awaitscope::test::Ms;

namespace {

QCoro::Task<> blocksOnPurpose(Runtime &rt)
{
    co_await rt.sleep(10 * Ms, QStringLiteral("before"));
    rt.blocking(QStringLiteral("busy on purpose"), [] { QThread::msleep(30); });
}

QCoro::Task<> hogsTheLoop(Runtime &rt)
{
    co_await rt.sleep(20 * Ms, QStringLiteral("then hog"));
    QThread::msleep(30); // plain code between two awaits: the batch that resumed it holds the loop
    co_await rt.sleep(0, QStringLiteral("after"));
}

QCoro::Task<> polite(Runtime &rt)
{
    for (int i = 0; i < 50; ++i)
        co_await rt.sleep(Ms, QStringLiteral("tick"));
}

} // namespace

class TestLoopWarnings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void deliberateAndUnexpectedHolds()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        QSignalSpy finished(&rt, &Runtime::allTasksFinished);
        const auto a = rt.spawn("blocker", blocksOnPurpose, std::ref(rt));
        const auto b = rt.spawn("hog", hogsTheLoop, std::ref(rt));
        rt.spawn("polite", polite, std::ref(rt));
        QVERIFY(finished.wait(5000));

        TraceIndex index;
        index.setTrace(&rt.trace());
        index.update();
        LoopWarnings warnings;
        QCOMPARE(warnings.update(index), std::size_t(2));
        QCOMPARE(warnings.update(index), std::size_t(0)); // only what is new
        QCOMPARE(warnings.deliberateCount(), std::size_t(1));
        const Trace &t = rt.trace();
        for (const LoopWarning &w : warnings.all()) {
            QVERIFY(w.wallNs >= 30 * Ms);
            QVERIFY(w.hasSite());
            if (w.task == a.id()) {
                QVERIFY(w.deliberate);
                QCOMPARE(t.siteLabel(w.site), QStringLiteral("busy on purpose"));
                QCOMPARE(w.timeNs, 10 * Ms);
            } else {
                QCOMPARE(w.task, b.id()); // the batch's hold goes on the lane that kept it
                QVERIFY(!w.deliberate);
                QCOMPARE(t.siteLabel(w.site), QStringLiteral("after"));
                QCOMPARE(w.timeNs, 20 * Ms);
            }
        }
        // No hold on the polite task's lane: its wake-ups are short.
        for (const Hold &h : index.holds())
            QVERIFY(h.task != test::findTask(t, QStringLiteral("polite")));

        // Cleared (a new run): the list starts over from the index's holds.
        warnings.clear();
        QVERIFY(warnings.all().empty());
        QCOMPARE(warnings.update(index), std::size_t(2));
    }

    void aHoldWithoutSpansHasNoSite()
    {
        Trace trace;
        const TaskId task = trace.addTask(NoTask, trace.intern(QStringLiteral("main")), -1, 0);
        trace.append(5 * Ms, task, EventKind::Hold, quint32(40'000));
        TraceIndex index;
        index.setTrace(&trace);
        index.update();
        LoopWarnings warnings;
        QCOMPARE(warnings.update(index), std::size_t(1));
        const LoopWarning &w = warnings.all().front();
        QCOMPARE(w.task, task);
        QCOMPARE(w.wallNs, 40 * Ms);
        QVERIFY(!w.hasSite());
        QVERIFY(!w.deliberate);
    }
};

QTEST_GUILESS_MAIN(TestLoopWarnings)
#include "tst_loopwarnings.moc"
