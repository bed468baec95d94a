// Compare in the window's terms: three variants run in turn with the window's settings, each
// viewed on its own RunView, one shared time for all three, per-variant responsiveness samples,
// and leaving it gives the normal controller back.

#include "comparecontroller.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace awaitscope;
using awaitscope::test::Ms;

class TestCompareController : public QObject {
    Q_OBJECT

    static RunOverrides fiveAt100()
    {
        RunOverrides o;
        o.scenario = QStringLiteral("fetch-user");
        o.jobs = 5;
        o.latencyMs = 100;
        o.jitterMs = 0;
        o.failureRate = 0;
        o.clock = ClockMode::Virtual;
        return o;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QCoreApplication::setOrganizationName(QStringLiteral("awaitscope-tests"));
        QCoreApplication::setApplicationName(QStringLiteral("tst_comparecontroller"));
    }

    void threeWaysOnOneTime()
    {
        RunController normal;
        normal.settings()->applyOverrides(fiveAt100());
        CompareController compare;
        compare.setController(&normal);
        QSignalSpy done(&compare, &CompareController::compareFinished);
        // The status says which variant runs, as each starts.
        QStringList statuses;
        connect(&compare, &CompareController::stateChanged, this, [&] { statuses << compare.status(); });
        QVERIFY(compare.enter());
        QVERIFY(compare.active());
        QVERIFY(compare.running());
        QCOMPARE(compare.current(), 0);
        QVERIFY(compare.status().startsWith(QStringLiteral("1/3 blocking")));
        QVERIFY(done.wait(20'000));
        QVERIFY(compare.finished());
        QVERIFY(!compare.running());
        QVERIFY(compare.virtualClock());
        QVERIFY(statuses.contains(QStringLiteral("2/3 callbacks running…")));
        QVERIFY(statuses.contains(QStringLiteral("3/3 co_await running…")));

        // Blocking: 15 latencies one after another; callbacks and co_await: about 3.
        constexpr qint64 L = 100 * Ms;
        const double totals[] = {compare.variant(0)->totalNs(), compare.variant(1)->totalNs(),
                                 compare.variant(2)->totalNs()};
        QVERIFY2(totals[0] >= 15 * L && totals[0] < 16 * L, qPrintable(QString::number(totals[0])));
        for (int v : {1, 2})
            QVERIFY2(totals[v] >= 3 * L && totals[v] < 4 * L, qPrintable(QString::number(totals[v])));
        QVERIFY(compare.variant(0)->longestHoldNs() >= double(15 * L));
        QCOMPARE(compare.variant(1)->longestHoldNs(), 0.0);
        // Each view read its own run, to the end; the shared time is live at the longest end.
        for (int v = 0; v < 3; ++v) {
            RunView *view = compare.variant(v)->view();
            QVERIFY(view->tasks() > 5);
            QCOMPARE(view->doneTasks(), view->tasks());
            QCOMPARE(double(view->playhead()->end()), totals[v]);
            QVERIFY(view->playhead()->live());
        }
        QCOMPARE(compare.endNs(), totals[0]);
        QVERIFY(compare.live());

        // One time for all three: each shows its own run at it (or its end, if it ended earlier).
        const qint64 t = 150 * Ms;
        compare.seek(double(t));
        QVERIFY(!compare.live());
        QCOMPARE(qint64(compare.timeNs()), t);
        for (int v = 0; v < 3; ++v) {
            Playhead *p = compare.variant(v)->view()->playhead();
            QVERIFY(!p->live());
            QCOMPARE(p->time(), t);
            QCOMPARE(qint64(compare.variant(v)->view()->nowNs()), t);
        }
        // At 150 ms the blocking run holds the loop; the other two wait on the network.
        QCOMPARE(compare.variant(0)->view()->blockedTasks(), 1);
        QVERIFY(compare.variant(1)->view()->runningTasks() > 0);
        QVERIFY(compare.variant(2)->view()->suspendedTasks() > 0);
        for (int v = 0; v < 3; ++v)
            QVERIFY(compare.variant(v)->view()->doneTasks() < compare.variant(v)->view()->tasks());
        compare.seek(double(10 * L)); // past the end of two of them
        QCOMPARE(compare.variant(0)->view()->playhead()->time(), 10 * L);
        QCOMPARE(double(compare.variant(1)->view()->playhead()->time()), totals[1]);
        // A step goes to the nearest event of any of the three.
        compare.seek(double(t));
        QVERIFY(compare.stepEvent(1));
        QVERIFY(qint64(compare.timeNs()) > t);
        for (int v = 0; v < 3; ++v)
            QCOMPARE(compare.variant(v)->view()->playhead()->time(),
                     std::min(qint64(compare.timeNs()), compare.variant(v)->view()->playhead()->end()));
        compare.toStart();
        QCOMPARE(compare.timeNs(), 0.0);
        compare.goLive();
        QVERIFY(compare.live());
        for (int v = 0; v < 3; ++v)
            QVERIFY(compare.variant(v)->view()->playhead()->live());

        // Leaving: everything of Compare goes, and the normal controller runs again.
        compare.leave();
        QVERIFY(!compare.active());
        QVERIFY(!compare.finished());
        for (int v = 0; v < 3; ++v) {
            QVERIFY(!compare.variant(v)->finished());
            QCOMPARE(compare.variant(v)->view()->tasks(), 0);
        }
        QSignalSpy normalDone(&normal, &RunController::runFinished);
        QVERIFY(normal.run());
        QVERIFY(normalDone.wait(10'000));
        QVERIFY(normal.view()->tasks() > 1);
    }

    void enteringStopsTheNormalRunAndBadSettingsAreAnError()
    {
        RunController normal;
        RunOverrides o = fiveAt100();
        o.jobs = 500; // callbacks and fan-out take it, blocking does not
        normal.settings()->applyOverrides(o);
        CompareController compare;
        compare.setController(&normal);
        QSignalSpy notice(&compare, &CompareController::notice);
        QVERIFY(!compare.enter());
        QVERIFY(compare.active());
        QVERIFY(!compare.running());
        QVERIFY(compare.error().contains(QStringLiteral("blocking")));
        QCOMPARE(notice.count(), 1);
        QCOMPARE(compare.status(), compare.error());
        compare.leave();
        QVERIFY(compare.error().isEmpty());

        normal.settings()->applyOverrides(fiveAt100());
        QVERIFY(normal.run());
        QVERIFY(normal.running());
        QVERIFY(compare.enter());
        QVERIFY(!normal.running()); // one run at a time
        compare.leave();
        QVERIFY(!compare.running());
    }

    void samplesGoToTheVariantThatRan()
    {
        CompareVariant v(0);
        v.started(1000 * Ms);
        QVERIFY(v.covers(1010 * Ms, 5));
        QVERIFY(!v.covers(990 * Ms, 0)); // before it started
        v.addLag(1010 * Ms, 5);
        v.ended(2000 * Ms, 1500 * Ms, 1500 * Ms);
        // The freeze's late probe fires after the end; what it measured began during the run.
        QVERIFY(v.covers(2100 * Ms, 1000));
        QVERIFY(!v.covers(2100 * Ms, 10));
        v.addLag(2100 * Ms, 1000);
        QCOMPARE(v.maxLagMs(), 1000.0);
        QCOMPARE(int(v.lags().size()), 2);
        QCOMPARE(v.lags()[1].atNs, 1100 * Ms); // from the variant's start
        // A sample that only follows the late one is not its (it began after the end).
        QVERIFY(!v.covers(2116 * Ms, 16));
        // Its wall time spans its total in the run's clock.
        QCOMPARE(v.wallNs(), double(1000 * Ms));
        QCOMPARE(v.wallToRun(1000 * Ms), 1500 * Ms);
        // On the real clock, the run's time is wall time times the speed.
        v.started(0, 0.1);
        QCOMPARE(v.wallToRun(1000 * Ms), 100 * Ms);
        v.clear();
        QVERIFY(v.lags().empty());
        QVERIFY(!v.finished());
    }

    void monitorSamplesAreRecordedPerVariant()
    {
        RunController normal;
        normal.settings()->applyOverrides(fiveAt100());
        ResponsivenessMonitor monitor;
        CompareController compare;
        compare.setController(&normal);
        compare.setMonitor(&monitor);
        QSignalSpy done(&compare, &CompareController::compareFinished);
        // A sample taken as each variant starts is that variant's (virtual clock: the runs are
        // too quick for the monitor's own probe to be counted on).
        for (int v = 0; v < 3; ++v) {
            connect(compare.variant(v), &CompareVariant::stateChanged, this, [&compare, &monitor, v] {
                if (compare.variant(v)->running())
                    monitor.addLag(0.0);
            });
        }
        QVERIFY(compare.enter());
        QVERIFY(done.wait(20'000));
        for (int v = 0; v < 3; ++v)
            QCOMPARE(int(compare.variant(v)->lags().size()), 1);
        QCOMPARE(compare.stripScaleMs(), CompareController::MinStripScaleMs);
        monitor.addLag(0.0); // after the three: nobody's
        QCOMPARE(int(compare.variant(2)->lags().size()), 1);
    }
};

QTEST_MAIN(TestCompareController)
#include "tst_comparecontroller.moc"
