// Readouts paced to an interval of wall time, on a clock the test moves by hand.

#include "pacer.h"

#include <QSignalSpy>
#include <QTest>

using namespace awaitscope;

class TestPacer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void firstChangeGoesOutAtOnce();
    void changesWithinTheIntervalWaitAndAreNotLost();
    void flushGoesOutWhateverTheTime();
};

namespace {
constexpr qint64 Ms = 1'000'000;
}

void TestPacer::firstChangeGoesOutAtOnce()
{
    qint64 now = 5 * Ms;
    Pacer pacer(100 * Ms, [&now] { return now; });
    QSignalSpy ready(&pacer, &Pacer::ready);
    pacer.changed();
    QCOMPARE(ready.count(), 1);
    QVERIFY(!pacer.isPending());
    now += 100 * Ms; // a whole interval later: at once again
    pacer.changed();
    QCOMPARE(ready.count(), 2);
}

void TestPacer::changesWithinTheIntervalWaitAndAreNotLost()
{
    qint64 now = 0;
    Pacer pacer(100 * Ms, [&now] { return now; });
    QSignalSpy ready(&pacer, &Pacer::ready);
    pacer.changed();
    QCOMPARE(ready.count(), 1);
    // Every frame for a while: nothing goes out, one change waits.
    for (int frame = 1; frame < 6; ++frame) {
        now += 16 * Ms;
        pacer.changed();
    }
    QCOMPARE(ready.count(), 1);
    QVERIFY(pacer.isPending());
    // No more changes (a paused run): the waiting one still goes out, once.
    QVERIFY(ready.wait(5000));
    QCOMPARE(ready.count(), 2);
    QVERIFY(!pacer.isPending());
    QTest::qWait(150);
    QCOMPARE(ready.count(), 2);
}

void TestPacer::flushGoesOutWhateverTheTime()
{
    qint64 now = 0;
    Pacer pacer(100 * Ms, [&now] { return now; });
    QSignalSpy ready(&pacer, &Pacer::ready);
    pacer.changed();
    now += 1 * Ms;
    pacer.changed(); // waits
    QVERIFY(pacer.isPending());
    pacer.flush(); // a reset: now, and the waiting change is the one that went out
    QCOMPARE(ready.count(), 2);
    QVERIFY(!pacer.isPending());
    now += 1 * Ms;
    pacer.changed(); // the interval counts from the flush
    QCOMPARE(ready.count(), 2);
}

QTEST_GUILESS_MAIN(TestPacer)
#include "tst_pacer.moc"
