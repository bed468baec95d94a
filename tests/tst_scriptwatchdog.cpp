#include "scriptwatchdog.h"

#include <QElapsedTimer>
#include <QTest>
#include <atomic>

using namespace awaitscope;

namespace {
std::atomic<int> s_fired{0};
std::atomic<quint64> s_epoch{0};
void onFire(quint64 epoch)
{
    s_epoch = epoch;
    ++s_fired;
}
bool waitFor(int count, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (s_fired.load() < count && t.elapsed() < timeoutMs)
        QTest::qSleep(5);
    return s_fired.load() >= count;
}
} // namespace

class TestScriptWatchdog : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init()
    {
        s_fired = 0;
        s_epoch = 0;
    }
    void firesWhenABusyPeriodOutlastsTheLimit();
    void doesNotFireForShortPeriods();
    void firesOncePerPeriod();
    void limitCanChange();
    void inactiveNeverFires();
};

void TestScriptWatchdog::firesWhenABusyPeriodOutlastsTheLimit()
{
    ScriptWatchdog dog(&onFire, 100);
    dog.setActive(true);
    QElapsedTimer t;
    t.start();
    const quint64 epoch = dog.enter();
    QVERIFY(dog.isCurrent(epoch));
    QVERIFY(!dog.hasFired());
    QVERIFY(waitFor(1, 3000));
    QVERIFY(t.elapsed() >= 100);
    QCOMPARE(s_epoch.load(), epoch);
    QVERIFY(dog.hasFired());
    dog.leave();
    QVERIFY(!dog.isCurrent(epoch));
    QVERIFY(!dog.hasFired());
}

void TestScriptWatchdog::doesNotFireForShortPeriods()
{
    ScriptWatchdog dog(&onFire, 150);
    dog.setActive(true);
    for (int i = 0; i < 10; ++i) {
        dog.enter();
        QTest::qSleep(30);
        dog.leave();
        QTest::qSleep(30);
    }
    QTest::qSleep(200);
    QCOMPARE(s_fired.load(), 0);
}

void TestScriptWatchdog::firesOncePerPeriod()
{
    ScriptWatchdog dog(&onFire, 50);
    dog.setActive(true);
    const quint64 first = dog.enter();
    QVERIFY(waitFor(1, 3000));
    QTest::qSleep(200);
    QCOMPARE(s_fired.load(), 1);
    dog.leave();
    const quint64 second = dog.enter();
    QVERIFY(second != first);
    QVERIFY(waitFor(2, 3000));
    QCOMPARE(s_epoch.load(), second);
    dog.leave();
}

void TestScriptWatchdog::limitCanChange()
{
    ScriptWatchdog dog(&onFire, 60'000);
    dog.setActive(true);
    QCOMPARE(dog.limitMs(), 60'000);
    dog.setLimitMs(50);
    QCOMPARE(dog.limitMs(), 50);
    dog.enter();
    QVERIFY(waitFor(1, 3000));
    dog.leave();
}

void TestScriptWatchdog::inactiveNeverFires()
{
    ScriptWatchdog dog(&onFire, 20);
    dog.enter();
    QTest::qSleep(150);
    QCOMPARE(s_fired.load(), 0);
    dog.setActive(true); // the period already going on is caught once active
    QVERIFY(waitFor(1, 3000));
    dog.leave();
    dog.setActive(false);
}

QTEST_GUILESS_MAIN(TestScriptWatchdog)
#include "tst_scriptwatchdog.moc"
