// The scheduler: one timer over a heap of due wake-ups.

#include "clock.h"
#include "scheduler.h"

#include <QSignalSpy>
#include <QTest>
#include <QTimer>
#include <vector>

using namespace awaitscope;

namespace {

struct Recorder {
    std::vector<int> order;
    std::vector<WakeReason> reasons;
    std::vector<qint64> times;
    SimClock *clock = nullptr;
};

struct Probe {
    Recorder *rec;
    int id;
    static void wake(void *ctx, WakeReason reason)
    {
        auto *p = static_cast<Probe *>(ctx);
        p->rec->order.push_back(p->id);
        p->rec->reasons.push_back(reason);
        p->rec->times.push_back(p->rec->clock->now());
    }
};

constexpr qint64 Ms = 1'000'000;

/// Probes 0 to n - 1, recording into rec.
std::vector<Probe> makeProbes(Recorder &rec, int n)
{
    std::vector<Probe> probes;
    for (int i = 0; i < n; ++i)
        probes.push_back({&rec, i});
    return probes;
}

} // namespace

class TestScheduler : public QObject {
    Q_OBJECT

private:
    SimClock m_clock;

    void drain(Scheduler &s)
    {
        // Virtual time: the loop idles only when nothing is pending.
        QTRY_VERIFY_WITH_TIMEOUT(s.pending() == 0, 10000);
    }

private Q_SLOTS:
    void init()
    {
        m_clock = SimClock();
        m_clock.setMode(ClockMode::Virtual);
    }

    void firesInDueOrderWithFifoTies()
    {
        Scheduler s(&m_clock);
        Recorder rec;
        rec.clock = &m_clock;
        // ids 0..5 with due times chosen out of order, and ties at 20 ms and 0 ms.
        const std::vector<qint64> due = {30 * Ms, 20 * Ms, 0, 20 * Ms, 10 * Ms, 0};
        std::vector<Probe> probes;
        probes.reserve(due.size());
        for (int i = 0; i < int(due.size()); ++i)
            probes.push_back({&rec, i});
        for (int i = 0; i < int(due.size()); ++i)
            s.schedule(due[i], 0, &Probe::wake, &probes[i]);
        QCOMPARE(s.pending(), 6u);
        drain(s);
        QCOMPARE(rec.order, (std::vector<int>{2, 5, 4, 1, 3, 0}));
        QCOMPARE(rec.times, (std::vector<qint64>{0, 0, 10 * Ms, 20 * Ms, 20 * Ms, 30 * Ms}));
    }

    void manyTiesStayFifo()
    {
        Scheduler s(&m_clock);
        Recorder rec;
        rec.clock = &m_clock;
        std::vector<Probe> probes = makeProbes(rec, 1000);
        for (auto &p : probes)
            s.schedule(5 * Ms, 0, &Probe::wake, &p);
        drain(s);
        QCOMPARE(int(rec.order.size()), 1000);
        for (int i = 0; i < 1000; ++i)
            QCOMPARE(rec.order[std::size_t(i)], i);
    }

    void pauseHoldsAndStepRunsExactlyOne()
    {
        Scheduler s(&m_clock);
        Recorder rec;
        rec.clock = &m_clock;
        std::vector<Probe> probes{{&rec, 0}, {&rec, 1}, {&rec, 2}};
        s.pause();
        m_clock.pause();
        s.schedule(10 * Ms, 0, &Probe::wake, &probes[0]);
        s.schedule(30 * Ms, 0, &Probe::wake, &probes[1]);
        s.schedule(20 * Ms, 0, &Probe::wake, &probes[2]);
        QTest::qWait(50);
        QVERIFY(rec.order.empty()); // paused: nothing runs, however long the loop turns

        QVERIFY(s.step());
        QCOMPARE(rec.order, (std::vector<int>{0}));
        QCOMPARE(m_clock.now(), 10 * Ms); // the clock moved to the event, not further
        QVERIFY(s.step());
        QCOMPARE(rec.order, (std::vector<int>{0, 2}));
        QCOMPARE(m_clock.now(), 20 * Ms);

        s.resume();
        m_clock.resume();
        drain(s);
        QCOMPARE(rec.order, (std::vector<int>{0, 2, 1}));
        QVERIFY(!s.step()); // nothing left
    }

    void nextDueSkipsAWaitWokenEarly()
    {
        // A wait woken before its time leaves its heap entry behind: the next due time is the
        // other wait's, not the stale entry's.
        Scheduler s(&m_clock);
        Recorder rec;
        rec.clock = &m_clock;
        std::vector<Probe> probes{{&rec, 0}, {&rec, 1}};
        s.pause();
        m_clock.pause();
        const Ticket early = s.schedule(m_clock.now() + 10 * Ms, 0, &Probe::wake, &probes[0]);
        s.schedule(m_clock.now() + 10'000 * Ms, 0, &Probe::wake, &probes[1]);
        QVERIFY(s.wake(early, WakeReason::Cancelled));
        QVERIFY(s.step());
        QCOMPARE(rec.order, (std::vector<int>{0}));
        QCOMPARE(s.nextDue(), m_clock.now() + 10'000 * Ms);
        s.resume();
        m_clock.resume();
        drain(s);
    }

    void wakeEarlyRunsOnceWithItsReason()
    {
        Scheduler s(&m_clock);
        Recorder rec;
        rec.clock = &m_clock;
        std::vector<Probe> probes{{&rec, 0}, {&rec, 1}};
        const Ticket t = s.schedule(100 * Ms, 0, &Probe::wake, &probes[0]);
        s.schedule(50 * Ms, 0, &Probe::wake, &probes[1]);
        QVERIFY(s.isLive(t));
        QVERIFY(s.wake(t, WakeReason::Cancelled));
        drain(s);
        QCOMPARE(rec.order, (std::vector<int>{0, 1}));
        QCOMPARE(rec.reasons[0], WakeReason::Cancelled);
        QCOMPARE(rec.times[0], qint64(0)); // ended at once, not at its due time
        QVERIFY(!s.isLive(t));
        QVERIFY(!s.wake(t, WakeReason::Due)); // stale: nothing happens
        QTest::qWait(20);
        QCOMPARE(int(rec.order.size()), 2); // and the old heap entry never fired
    }

    void virtualClockSkipsCancelledWaits()
    {
        // A cancelled wait leaves its heap entry behind: the virtual clock must not go to it.
        Scheduler s(&m_clock);
        Recorder rec;
        rec.clock = &m_clock;
        std::vector<Probe> probes{{&rec, 0}, {&rec, 1}};
        const Ticket longWait = s.schedule(10'000 * Ms, 0, &Probe::wake, &probes[0]);
        s.schedule(100 * Ms, 0, &Probe::wake, &probes[1]);
        QVERIFY(s.wake(longWait, WakeReason::Cancelled));
        drain(s);
        for (int i = 0; i < 10; ++i)
            QCoreApplication::processEvents(); // any wake-up left would run now
        QCOMPARE(rec.order, (std::vector<int>{0, 1}));
        QCOMPARE(rec.times[1], 100 * Ms);
        QCOMPARE(m_clock.now(), 100 * Ms); // the run ends at 100 ms, not at 10 s
    }

    void parkedWaitsEndOnlyWhenWoken()
    {
        Scheduler s(&m_clock);
        Recorder rec;
        rec.clock = &m_clock;
        Probe p{&rec, 7};
        const Ticket t = s.park(0, &Probe::wake, &p);
        QTest::qWait(20);
        QVERIFY(rec.order.empty());
        QCOMPARE(s.pending(), 1u);
        QCOMPARE(s.nextDue(), qint64(-1));
        s.wake(t, WakeReason::Due);
        drain(s);
        QCOMPARE(rec.order, (std::vector<int>{7}));
    }

    void cancelAllEndsEveryWaitSynchronously()
    {
        Scheduler s(&m_clock);
        Recorder rec;
        rec.clock = &m_clock;
        std::vector<Probe> probes = makeProbes(rec, 100);
        for (int i = 0; i < 100; ++i) {
            if (i % 2)
                s.park(0, &Probe::wake, &probes[std::size_t(i)]);
            else
                s.schedule(qint64(i) * Ms, 0, &Probe::wake, &probes[std::size_t(i)]);
        }
        QCOMPARE(s.cancelAll(), 0u);
        QCOMPARE(s.pending(), 0u);
        QCOMPARE(int(rec.order.size()), 100);
        for (const WakeReason r : rec.reasons)
            QCOMPARE(r, WakeReason::Cancelled);
        QCOMPARE(s.nextDue(), qint64(-1));
    }

    void cancelAllGivesTheSlotsBack()
    {
        // A reset after a big run: its slots, heap and queues are given back, and no ticket of
        // the old run matches a wait registered afterwards in a reused slot.
        Scheduler s(&m_clock);
        Recorder rec;
        rec.clock = &m_clock;
        std::vector<Probe> probes = makeProbes(rec, 10000);
        std::vector<Ticket> old;
        for (int i = 0; i < 10000; ++i)
            old.push_back(s.schedule(qint64(i) * Ms, 0, &Probe::wake, &probes[std::size_t(i)]));
        QVERIFY(s.slotCapacity() >= 10000);
        QCOMPARE(s.cancelAll(), 0u);
        QCOMPARE(s.slotCapacity(), std::size_t(0));

        Probe fresh{&rec, -1};
        const Ticket ticket = s.park(0, &Probe::wake, &fresh);
        QCOMPARE(ticket.slot, old.front().slot); // the same slot again...
        for (const Ticket &t : old) {
            QVERIFY(!s.isLive(t)); // ...which no old ticket can reach
            QVERIFY(!s.wake(t, WakeReason::Due));
        }
        QVERIFY(s.isLive(ticket));
        QVERIFY(s.wake(ticket, WakeReason::Due));
        drain(s);
        QCOMPARE(rec.order.back(), -1);
    }

    void cancelAllInsideAWakeUpKeepsTheSlots()
    {
        // A wake-up that cancels everything (a reset from inside a task): the dispatch that called
        // it still runs on the slots, which stay until a cancelAll() from outside.
        Scheduler s(&m_clock);
        struct Canceller {
            Scheduler *s;
            quint32 leftAfter = 99;
            static void wake(void *ctx, WakeReason)
            {
                auto *c = static_cast<Canceller *>(ctx);
                c->leftAfter = c->s->cancelAll();
            }
        } canceller{&s};
        Recorder rec;
        rec.clock = &m_clock;
        std::vector<Probe> probes = makeProbes(rec, 100);
        s.schedule(0, 0, &Canceller::wake, &canceller);
        for (int i = 0; i < 100; ++i)
            s.schedule(qint64(i + 1) * Ms, 0, &Probe::wake, &probes[std::size_t(i)]);
        drain(s);
        QCOMPARE(canceller.leftAfter, 0u);
        QCOMPARE(int(rec.order.size()), 100);
        for (const WakeReason r : rec.reasons)
            QCOMPARE(r, WakeReason::Cancelled);
        QVERIFY(s.slotCapacity() >= 101);
        QCOMPARE(s.cancelAll(), 0u);
        QCOMPARE(s.slotCapacity(), std::size_t(0));
    }

    void batchesYieldToTheEventLoop()
    {
        // With a zero budget every batch ends after 64 wake-ups: other events get their turn
        // in between instead of waiting for all 10,000.
        Scheduler s(&m_clock);
        s.setBatchBudgetNs(0);
        Recorder rec;
        rec.clock = &m_clock;
        std::vector<Probe> probes = makeProbes(rec, 10000);
        for (auto &p : probes)
            s.schedule(0, 0, &Probe::wake, &p);
        std::size_t doneWhenOtherEventRan = 0;
        QTimer::singleShot(0, this, [&] { doneWhenOtherEventRan = rec.order.size(); });
        QSignalSpy batches(&s, &Scheduler::batchFinished);
        drain(s);
        QVERIFY2(doneWhenOtherEventRan < 10000, "a posted event waited for the whole heap");
        QVERIFY(batches.count() >= 10000 / 64);
        QCOMPARE(s.dispatched(), quint64(10000));
    }

    void aWakeUpThatRegistersManyWaitsEndsItsBatch()
    {
        // A loop that spawns a thousand tasks per wake-up is one dispatch but a thousand waits:
        // the budget is checked after it, not only every 64 dispatches.
        Scheduler s(&m_clock);
        s.setBatchBudgetNs(0);
        struct Spawner {
            Scheduler *s;
            std::vector<quint64> batchWhenRun;
            static void wake(void *ctx, WakeReason)
            {
                auto *self = static_cast<Spawner *>(ctx);
                self->batchWhenRun.push_back(self->s->batches());
                for (int i = 0; i < 1000; ++i)
                    self->s->schedule(
                        self->s->now() + 1000 * Ms, 1, [](void *, WakeReason) {}, nullptr);
            }
        } spawner{&s, {}};
        for (int i = 0; i < 3; ++i)
            s.schedule(0, 0, &Spawner::wake, &spawner);
        drain(s);
        QCOMPARE(int(spawner.batchWhenRun.size()), 3);
        QVERIFY2(spawner.batchWhenRun[0] < spawner.batchWhenRun[1] &&
                     spawner.batchWhenRun[1] < spawner.batchWhenRun[2],
                 "three wake-ups that each registered 1,000 waits ran in one batch");
    }

    void realClockScalesWithSpeed_data()
    {
        QTest::addColumn<double>("speed");
        QTest::addColumn<qint64>("simulatedNs");
        QTest::addColumn<qint64>("wallNs");
        QTest::newRow("1x") << 1.0 << 100 * Ms << 100 * Ms;
        QTest::newRow("20x") << 20.0 << 100 * Ms << 5 * Ms;
        QTest::newRow("0.05x") << 0.05 << 100 * Ms << 2000 * Ms;
        QTest::newRow("clamped above") << 1000.0 << 100 * Ms << 5 * Ms;
        QTest::newRow("clamped below") << 0.0 << 100 * Ms << 2000 * Ms;
    }

    void realClockScalesWithSpeed()
    {
        QFETCH(double, speed);
        QFETCH(qint64, simulatedNs);
        QFETCH(qint64, wallNs);
        SimClock c;
        c.pause(); // frozen: the arithmetic alone, free of timing noise
        c.setSpeed(speed);
        const qint64 now = c.now();
        QCOMPARE(c.wallDelayUntil(now + simulatedNs), wallNs);
        QCOMPARE(c.wallDelayUntil(now - 1), qint64(0));
    }

    void pausedClockDoesNotMove()
    {
        SimClock c;
        c.setMode(ClockMode::Real);
        c.pause();
        const qint64 t = c.now();
        QTest::qWait(20);
        QCOMPARE(c.now(), t);
        c.resume();
        QTest::qWait(20);
        QVERIFY(c.now() > t);
    }
};

QTEST_GUILESS_MAIN(TestScheduler)
#include "tst_scheduler.moc"
