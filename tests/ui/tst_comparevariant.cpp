// One variant of Compare: its names, which samples are its own, and its clocks.

#include "comparevariant.h"

#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;

class TestCompareVariant : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void namesSayWhatEachVariantDoes();
    void samplesBelongToTheRunTheyOverlap();
    void wallTimeOnTheRunsClock();
    void clearForgetsTheRun();
};

namespace {
constexpr qint64 Ms = 1'000'000;
}

void TestCompareVariant::namesSayWhatEachVariantDoes()
{
    const CompareVariant blocking(0), callbacks(1), await(2);
    QCOMPARE(blocking.name(), QStringLiteral("blocking"));
    QCOMPARE(await.name(), QStringLiteral("await"));
    QCOMPARE(await.title(), QStringLiteral("co_await")); // as the code says it
    QCOMPARE(callbacks.title(), QStringLiteral("callbacks"));
    // The co_await variant runs the fan-out scenario: the screen says how each does the job.
    QCOMPARE(await.scenario(), QStringLiteral("fan-out"));
    QVERIFY2(await.how().contains(QLatin1String("fan-out")), qPrintable(await.how()));
    QVERIFY2(blocking.how().contains(QLatin1String("one request at a time")), qPrintable(blocking.how()));
    QVERIFY(callbacks.how() != await.how());
}

void TestCompareVariant::samplesBelongToTheRunTheyOverlap()
{
    CompareVariant v(0);
    QVERIFY(!v.covers(10 * Ms, 1)); // not started: nothing is its own
    v.started(100 * Ms);
    QVERIFY(v.running());
    QVERIFY(!v.covers(90 * Ms, 1)); // before its start
    QVERIFY(v.covers(150 * Ms, 1));
    v.ended(400 * Ms, 1500 * Ms, 1500 * Ms);
    QVERIFY(v.finished());
    QCOMPARE(v.totalNs(), double(1500 * Ms));
    // The freeze that ended after the run did (the late probe fired once the loop was free)
    // is still this run's; a sample wholly after it is not.
    QVERIFY(v.covers(450 * Ms, 300));
    QVERIFY(!v.covers(450 * Ms, 10));
    QSignalSpy samples(&v, &CompareVariant::samplesChanged);
    v.addLag(450 * Ms, 300);
    v.addFrame(200 * Ms, 16);
    QCOMPARE(samples.count(), 2);
    QCOMPARE(v.lags().size(), std::size_t(1));
    QCOMPARE(v.lags().front().atNs, 350 * Ms); // from the variant's start
    QCOMPARE(v.maxLagMs(), 300.0);
    QCOMPARE(v.maxFrameMs(), 16.0);
}

void TestCompareVariant::wallTimeOnTheRunsClock()
{
    CompareVariant real(1);
    real.started(0, 0.5); // the real clock at half speed
    real.ended(600 * Ms, 300 * Ms, 0);
    QCOMPARE(real.wallToRun(200 * Ms), 100 * Ms);
    CompareVariant virt(2);
    virt.started(0); // the virtual clock: 20 ms of wall time spans its 300 ms
    virt.ended(20 * Ms, 300 * Ms, 0);
    QCOMPARE(virt.wallToRun(10 * Ms), 150 * Ms);
    QCOMPARE(virt.wallNs(), double(20 * Ms));
}

void TestCompareVariant::clearForgetsTheRun()
{
    CompareVariant v(2);
    v.started(0);
    v.addLag(5 * Ms, 3);
    v.ended(10 * Ms, 300 * Ms, 0);
    QSignalSpy state(&v, &CompareVariant::stateChanged);
    v.clear();
    QCOMPARE(state.count(), 1);
    QVERIFY(!v.finished());
    QVERIFY(!v.running());
    QVERIFY(v.lags().empty());
    QCOMPARE(v.maxLagMs(), 0.0);
    v.clear(); // nothing to forget: no signal
    QCOMPARE(state.count(), 1);
}

QTEST_MAIN(TestCompareVariant)
#include "tst_comparevariant.moc"
