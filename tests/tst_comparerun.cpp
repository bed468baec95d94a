// The same job three ways (blocking, callbacks, co_await), in turn, with the same settings:
// what each costs in the run's clock, and how long each held the loop.

#include "comparerun.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;
using awaitscope::test::Ms;

class TestCompareRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fiveJobsThreeWays()
    {
        RunConfig c;
        c.clock = ClockMode::Virtual;
        c.jobs = 5;
        c.network.latencyMs = 100;
        c.network.jitterMs = 0;
        CompareRun compare;
        QSignalSpy finished(&compare, &CompareRun::finished);
        QSignalSpy variants(&compare, &CompareRun::variantFinished);
        QCOMPARE(compare.start(c), QString());
        QVERIFY(compare.isRunning());
        QVERIFY(finished.wait(10'000));
        QCOMPARE(variants.count(), 3);
        QVERIFY(!compare.isRunning());
        const auto &r = compare.results();
        QCOMPARE(r.size(), std::size_t(3));
        QCOMPARE(r[0].variant, QStringLiteral("blocking"));
        QCOMPARE(r[1].variant, QStringLiteral("callbacks"));
        QCOMPARE(r[2].variant, QStringLiteral("await"));
        constexpr qint64 L = 100 * Ms;
        for (const CompareResult &x : r) {
            QCOMPARE(x.requests, 15u); // the same job: three requests for each of five users
            QCOMPARE(compare.session(int(&x - r.data())).config().effectiveJobs(), 5);
        }
        // Blocking: one request after another, 15 latencies, and the loop held for all of it.
        QVERIFY2(r[0].totalNs >= 15 * L && r[0].totalNs < 16 * L, qPrintable(QString::number(r[0].totalNs)));
        QVERIFY(r[0].longestHoldNs >= 15 * L);
        // Callbacks and co_await: every job at once, about 3 latencies, the loop never held.
        for (const CompareResult &x : {r[1], r[2]}) {
            QVERIFY2(x.totalNs >= 3 * L && x.totalNs < 4 * L,
                     qPrintable(x.variant + QString::number(x.totalNs)));
            QVERIFY(x.longestHoldNs < HoldThresholdNs);
        }
        // Each variant's trace stays for viewing.
        QVERIFY(compare.session(0).runtime().trace().taskCount() > 5);
        QCOMPARE(compare.session(2).scenario()->id, QStringLiteral("fan-out"));
    }

    void jobsFollowTheStrictestVariant()
    {
        RunConfig c;
        c.clock = ClockMode::Virtual;
        c.jobs = 500; // callbacks and fan-out take it; blocking does not
        const QString error = CompareRun::validate(c);
        QVERIFY(error.contains(QLatin1String("blocking")));
        CompareRun compare;
        QCOMPARE(compare.start(c), error);
        QVERIFY(!compare.isRunning());
        c.jobs = -1; // left to the scenarios: one count for all three
        QCOMPARE(CompareRun::common(c).jobs, CompareRun::DefaultJobs);
        QVERIFY(CompareRun::validate(c).isEmpty());
    }

    void stopRunsNoMore()
    {
        RunConfig c;
        c.clock = ClockMode::Virtual;
        c.jobs = 2;
        CompareRun compare;
        QSignalSpy variants(&compare, &CompareRun::variantFinished);
        QCOMPARE(compare.start(c), QString());
        compare.stop();
        QVERIFY(!compare.isRunning());
        QTest::qWait(100);
        QCOMPARE(variants.count(), 0);
        QVERIFY(compare.results().empty());
    }
};

QTEST_GUILESS_MAIN(TestCompareRun)
#include "tst_comparerun.moc"
