// The runtime: tasks, joins, errors, cancellation, lifetimes, batched notifications.

#include "network.h"
#include "runtime.h"
#include "runtimefixture.h"
#include "testutil.h"

#include <QSignalSpy>
#include <QTest>
#include <QThread>
#include <QTimer>
#include <stdexcept>

using namespace awaitscope;
using namespace awaitscope::test;

class TestRuntime : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void init() { FrameGuard::live = FrameGuard::destroyed = 0; }

    void spawnJoinAndParentage()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        int sum = 0;
        QString caught;
        QSignalSpy finished(&rt, &Runtime::allTasksFinished);
        const auto main = rt.spawn("main", parentOf, std::ref(rt), &sum, &caught);
        QVERIFY(finished.wait(5000));
        QCOMPARE(sum, 3);
        QCOMPARE(caught, QStringLiteral("boom in a job"));
        const Trace &t = rt.trace();
        QCOMPARE(t.taskCount(), 4u);
        for (TaskId id = 1; id < 4; ++id)
            QCOMPARE(t.task(id).parent, main.id());
        QCOMPARE(t.task(main.id()).outcome, TaskOutcome::Ok);
        QCOMPARE(t.task(3).outcome, TaskOutcome::Error);
        QCOMPARE(t.taskMessage(3), QStringLiteral("boom in a job"));
        QCOMPARE(t.task(main.id()).endNs, 30 * Ms); // joined the slowest child
        QCOMPARE(FrameGuard::live, 0);
    }

    void uncaughtErrorIsRecordedNotFatal()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        QSignalSpy finished(&rt, &Runtime::allTasksFinished);
        const auto job = rt.spawn("thrower", thrower, std::ref(rt));
        QVERIFY(finished.wait(5000));
        QVERIFY(job.isDone());
        QCOMPARE(rt.trace().task(job.id()).outcome, TaskOutcome::Error);
        QCOMPARE(rt.runningTasks(), 0u);
    }

    void cancelUnwindsOneTaskAndItsChildren()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        rt.pause();
        const auto a = rt.spawn("a", sleeper, std::ref(rt), 100 * Ms, 1);
        const auto b = rt.spawn("b", forever, std::ref(rt));
        QCOMPARE(FrameGuard::live, 2);
        rt.cancel(b.id());
        rt.resume();
        QTRY_COMPARE_WITH_TIMEOUT(rt.runningTasks(), 0u, 5000);
        QCOMPARE(rt.trace().task(b.id()).outcome, TaskOutcome::Cancelled);
        QCOMPARE(rt.trace().task(a.id()).outcome, TaskOutcome::Ok);
        QCOMPARE(FrameGuard::live, 0);
        const auto awaits = test::awaitsOf(rt.trace(), b.id());
        QCOMPARE(awaits.back().result, WaitResult::Cancelled);
        QCOMPARE(awaits.back().endNs, qint64(0)); // ended at once, not after 1000 ms
    }

    void cancelMidAwaitEndsTheWaitTheChildrenAndReachesTheJoin()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        bool sawCancel = false;
        const auto b = rt.spawn("boss", boss, std::ref(rt), &sawCancel);
        const TaskId w = test::findTask(rt.trace(), QStringLiteral("worker"));
        const TaskId leaf = test::findTask(rt.trace(), QStringLiteral("leaf"));
        rt.spawn("canceller", cancelAfter, std::ref(rt), 100 * Ms, w); // (as a click would)
        QCOMPARE(FrameGuard::live, 2);
        QTRY_COMPARE_WITH_TIMEOUT(rt.runningTasks(), 0u, 5000);
        const Trace &t = rt.trace();
        QCOMPARE(t.task(w).outcome, TaskOutcome::Cancelled);
        QCOMPARE(t.task(leaf).outcome, TaskOutcome::Cancelled);
        QCOMPARE(t.task(b.id()).outcome, TaskOutcome::Ok); // it caught the cancellation
        QVERIFY(sawCancel);
        // The worker's wait ended cancelled at 100 ms, not at 500 ms; so did its child's.
        const auto work = test::awaitsOf(t, w);
        QCOMPARE(work.front().label, QStringLiteral("work"));
        QCOMPARE(work.front().result, WaitResult::Cancelled);
        QCOMPARE(work.front().endNs, 100 * Ms);
        QCOMPARE(work.size(), std::size_t(1)); // the leaf's join never began
        QCOMPARE(test::awaitsOf(t, leaf).back().result, WaitResult::Cancelled);
        QCOMPARE(test::awaitsOf(t, leaf).back().endNs, 100 * Ms);
        // The boss's join ends with the cancellation arriving.
        const auto join = test::awaitsOf(t, b.id());
        QCOMPARE(join.size(), std::size_t(1));
        QCOMPARE(join.front().kind, SiteKind::Join);
        QCOMPARE(join.front().result, WaitResult::Cancelled);
        QCOMPARE(join.front().endNs, 100 * Ms);
        QCOMPARE(FrameGuard::live, 0);
    }

    void cancelReachesEveryDescendantButNoOther()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        const auto bystander = rt.spawn("bystander", forever, std::ref(rt));
        const auto root = rt.spawn("root", grandparent, std::ref(rt));
        rt.spawn("after", forever, std::ref(rt)); // spawned after, not a descendant
        QCOMPARE(rt.runningTasks(), 5u);
        const Trace &trace = rt.trace();
        QCOMPARE(trace.task(test::findTask(trace, QStringLiteral("grandchild"))).parent,
                 test::findTask(trace, QStringLiteral("child")));
        rt.cancel(root.id());
        QTRY_COMPARE_WITH_TIMEOUT(rt.runningTasks(), 2u, 5000);
        const Trace &t = rt.trace();
        QCOMPARE(t.task(test::findTask(t, QStringLiteral("child"))).outcome, TaskOutcome::Cancelled);
        QCOMPARE(t.task(test::findTask(t, QStringLiteral("grandchild"))).outcome, TaskOutcome::Cancelled);
        QCOMPARE(t.task(root.id()).outcome, TaskOutcome::Cancelled);
        QCOMPARE(t.task(bystander.id()).outcome, TaskOutcome::Running);
        QCOMPARE(t.task(test::findTask(t, QStringLiteral("after"))).outcome, TaskOutcome::Running);
        rt.cancelAll();
        QCOMPARE(FrameGuard::live, 0);
    }

    void cancelAllUnwindsTenThousandSuspendedTasks()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        for (int i = 0; i < 10000; ++i)
            rt.spawn({QStringLiteral("sleeper(%1)"), i}, sleeper, std::ref(rt), qint64(i + 1) * Ms, i);
        QCOMPARE(FrameGuard::live, 10000);
        QCOMPARE(rt.scheduler().pending(), 10000u);
        rt.cancelAll();
        QCOMPARE(FrameGuard::live, 0); // every frame destroyed, synchronously
        QCOMPARE(FrameGuard::destroyed, 10000);
        QCOMPARE(rt.scheduler().pending(), 0u);
        QCOMPARE(rt.runningTasks(), 0u);
        for (TaskId id = 0; id < rt.trace().taskCount(); ++id)
            QCOMPARE(rt.trace().task(id).outcome, TaskOutcome::Cancelled);
    }

    void requestCancelAllUnwindsInBatches()
    {
        // The asynchronous stop: nothing unwinds inside the call, the loop gets turns while the
        // tasks unwind, and every task ends cancelled. A paused runtime is resumed for it.
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        rt.scheduler().setBatchBudgetNs(0);
        constexpr int Tasks = int(Runtime::CancelSlice) * 2 + 5000; // three slices of requests
        for (int i = 0; i < Tasks; ++i)
            rt.spawn({QStringLiteral("sleeper(%1)"), i}, sleeper, std::ref(rt), qint64(i + 1) * Ms, i);
        rt.pause();
        QSignalSpy finished(&rt, &Runtime::allTasksFinished);
        rt.requestCancelAll();
        QVERIFY(!rt.isPaused());
        QCOMPARE(FrameGuard::live, Tasks); // nothing unwound yet
        QVERIFY(rt.isRequestingCancel()); // the rest are asked in later turns of the loop
        int liveWhenOtherEventRan = -1;
        QTimer::singleShot(0, this, [&] { liveWhenOtherEventRan = FrameGuard::live; });
        QVERIFY(finished.wait(10000));
        QVERIFY2(liveWhenOtherEventRan > 0, "a posted event waited for every task to unwind");
        QCOMPARE(FrameGuard::live, 0);
        QCOMPARE(rt.runningTasks(), 0u);
        for (TaskId id = 0; id < rt.trace().taskCount(); ++id)
            QCOMPARE(rt.trace().task(id).outcome, TaskOutcome::Cancelled);
        // Cancelled at the time of the request, not when each sleep would have ended.
        QCOMPARE(rt.trace().task(Tasks - 1).endNs, 0);
        QVERIFY(!rt.isRequestingCancel());
    }

    void reservedRoomIsNotReallocated()
    {
        // A run that says its size up front grows into reserved room: no vector doubles (and
        // copies, and stalls the loop) halfway through.
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        rt.reserve(20000);
        const std::size_t capacity = rt.trace().taskCapacity();
        QVERIFY(capacity >= 20000);
        for (int i = 0; i < 20000; ++i)
            rt.spawn({QStringLiteral("sleeper(%1)"), i}, sleeper, std::ref(rt), qint64(i + 1) * Ms, i);
        QCOMPARE(rt.trace().taskCount(), 20000u);
        QCOMPARE(rt.trace().taskCapacity(), capacity);
        rt.cancelAll();
        // A much smaller run gives the big buffer back.
        rt.reset();
        rt.reserve(10);
        QVERIFY(rt.trace().taskCapacity() < capacity);
    }

    void stubbornTaskStillEndsOnCancelAll()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        rt.spawn("stubborn", catchesEverything, std::ref(rt));
        rt.cancelAll();
        QCOMPARE(FrameGuard::live, 0);
        QCOMPARE(rt.runningTasks(), 0u);
    }

    void destroyingTheRuntimeUnwindsItsTasks()
    {
        {
            Runtime rt;
            for (int i = 0; i < 100; ++i)
                rt.spawn("forever", forever, std::ref(rt));
            QCOMPARE(FrameGuard::live, 100);
        }
        QCOMPARE(FrameGuard::live, 0);
    }

    void resetClearsTraceAndClock()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        rt.spawn("a", sleeper, std::ref(rt), 10 * Ms, 1);
        QTRY_COMPARE_WITH_TIMEOUT(rt.runningTasks(), 0u, 5000);
        QCOMPARE(rt.now(), 10 * Ms);
        const quint64 gen = rt.generation();
        QSignalSpy cleared(&rt.trace(), &Trace::cleared);
        rt.reset();
        QCOMPARE(cleared.count(), 1);
        QCOMPARE(rt.trace().size(), quint64(0));
        QCOMPARE(rt.trace().taskCount(), 0u);
        QCOMPARE(rt.now(), qint64(0));
        QCOMPARE(rt.generation(), gen + 1);
    }

    void awaitOutsideATaskIsAnError()
    {
        Runtime rt;
        QString error;
        awaitOutsideTask(rt, &error); // not spawned: no task to charge the wait to
        QVERIFY(error.contains(QLatin1String("spawn")));
        QCOMPARE(rt.scheduler().pending(), 0u);
    }

    void blockingSectionHoldsTheClock()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        SimNetwork net(&rt);
        const TaskId task = rt.beginTask("sync");
        {
            CurrentTaskScope scope(&rt.scheduler(), task);
            rt.blocking(QStringLiteral("two requests"), [&net] {
                net.getBlocking(QStringLiteral("/a"));
                net.getBlocking(QStringLiteral("/b"));
            });
        }
        rt.endTask(task, TaskOutcome::Ok);
        const Trace &t = rt.trace();
        qint64 begin = -1, end = -1;
        for (quint64 i = 0; i < t.size(); ++i) {
            if (t.at(i).kind() == EventKind::BlockBegin)
                begin = t.at(i).timeNs;
            if (t.at(i).kind() == EventKind::BlockEnd)
                end = t.at(i).timeNs;
        }
        QCOMPARE(begin, qint64(0));
        QCOMPARE(end, 200 * Ms);
    }

    void callbackTaskEndsWhenToldOrCancelled()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        SimNetwork net(&rt);
        const TaskId done = rt.beginTask("done");
        const TaskId dropped = rt.beginTask("dropped");
        {
            CurrentTaskScope scope(&rt.scheduler(), done);
            net.get(QStringLiteral("/a"), [&rt, done](const Response &, const QString &error) {
                rt.endTask(done, TaskOutcome::Ok, error);
            });
        }
        {
            CurrentTaskScope scope(&rt.scheduler(), dropped);
            net.get(QStringLiteral("/b"), [](const Response &, const QString &) { QFAIL("must not run"); });
        }
        rt.cancel(dropped);
        QTRY_COMPARE_WITH_TIMEOUT(rt.runningTasks(), 0u, 5000);
        QCOMPARE(rt.trace().task(done).outcome, TaskOutcome::Ok);
        QCOMPARE(rt.trace().task(dropped).outcome, TaskOutcome::Cancelled);
    }

    void listenersAreToldInBatches()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        QSignalSpy appended(&rt.trace(), &Trace::eventsAppended);
        const quint64 batchesBefore = rt.scheduler().batches();
        for (int i = 0; i < 1000; ++i)
            rt.spawn("s", sleeper, std::ref(rt), 5 * Ms, i);
        QTRY_COMPARE_WITH_TIMEOUT(rt.runningTasks(), 0u, 5000);
        // 1000 spawns, suspends, resumes and finishes: 4000 events, one notification per scheduler
        // batch (plus the spawns'), not one per event. How many batches depends on the machine's
        // speed against the batch budget (5 on a quiet one, 6 seen under ASan in CI).
        QCOMPARE(rt.trace().size(), quint64(4000));
        const quint64 batches = rt.scheduler().batches() - batchesBefore;
        QVERIFY2(
            quint64(appended.count()) <= batches + 1 && appended.count() <= 40,
            qPrintable(QStringLiteral("%1 notifications in %2 batches").arg(appended.count()).arg(batches)));
        quint64 covered = 0;
        for (const auto &args : appended)
            covered += args.at(1).toULongLong() - args.at(0).toULongLong();
        QCOMPARE(covered, quint64(4000));
    }

    void stepRunsOneWakeUpAtATime()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Real);
        rt.pause();
        const qint64 t0 = rt.now();
        rt.spawn("a", sleeper, std::ref(rt), 50 * Ms, 1);
        rt.spawn("b", sleeper, std::ref(rt), 20 * Ms, 2);
        QTest::qWait(80); // paused: real time passes, simulated time does not
        QCOMPARE(rt.now(), t0);
        QCOMPARE(rt.runningTasks(), 2u);
        QVERIFY(rt.step());
        QCOMPARE(rt.now(), t0 + 20 * Ms);
        QCOMPARE(rt.trace().task(1).outcome, TaskOutcome::Ok); // b first
        QCOMPARE(rt.trace().task(0).outcome, TaskOutcome::Running);
        QVERIFY(rt.step());
        QCOMPARE(rt.now(), t0 + 50 * Ms);
        QCOMPARE(rt.runningTasks(), 0u);
        QVERIFY(!rt.step());
    }

    void holdsLongerThanAFrameAreRecorded()
    {
        Runtime rt;
        rt.setClockMode(ClockMode::Virtual);
        QSignalSpy finished(&rt, &Runtime::allTasksFinished);
        rt.spawn("long", holdsTheLoop, std::ref(rt), 40);
        rt.spawn("short", holdsTheLoop, std::ref(rt), 1);
        QVERIFY(finished.wait(5000));
        const QList<qint64> holds = holdsOf(rt.trace());
        QCOMPARE(holds.size(), 1); // the short section held the loop for less than a frame
        QVERIFY2(holds[0] >= 40, qPrintable(QString::number(holds[0])));
    }

    void aRunStartedInsideANestedLoopHasNoStaleParent()
    {
        // A reset and a new run from a timer inside a nested loop (a presenter's R while
        // infectious's blockOn spins): the old task is still on the stack, dispatching. The new
        // run's first task must not take it as its parent: task 0's parent was task 0, a cycle
        // that hung every walk up the tree (seen in the long soak).
        Runtime rt;
        rt.setClockMode(ClockMode::Real);
        bool restarted = false;
        rt.spawnSync("sync caller", 0, [&rt, &restarted] {
            const auto job = rt.spawn("job", sleeper, std::ref(rt), 10'000 * Ms, 1);
            QTimer::singleShot(20, &rt, [&rt, &restarted] {
                rt.reset();
                rt.spawn("fresh", sleeper, std::ref(rt), 10 * Ms, 2);
                restarted = true;
            });
            try {
                rt.blockOn(job);
            } catch (...) {
                // cancelled by the reset
            }
        });
        QTRY_VERIFY_WITH_TIMEOUT(restarted, 5000);
        QCOMPARE(rt.trace().taskCount(), 1u);
        QCOMPARE(rt.trace().task(0).parent, NoTask);
        QTRY_COMPARE_WITH_TIMEOUT(rt.runningTasks(), 0u, 5000);
    }

    void nestedLoopsAreNotHolds()
    {
        // A posted callback that spins a nested loop for a while serves the loop meanwhile.
        Runtime rt;
        rt.setClockMode(ClockMode::Real);
        QSignalSpy finished(&rt, &Runtime::allTasksFinished);
        rt.spawnSync("sync caller", 0, [&rt] {
            const auto job = rt.spawn("job", sleeper, std::ref(rt), 60 * Ms, 1);
            QCOMPARE(rt.blockOn(job), 1);
        });
        QVERIFY(finished.wait(5000));
        QVERIFY(holdsOf(rt.trace()).isEmpty());
    }
};

QTEST_GUILESS_MAIN(TestRuntime)
#include "tst_runtime.moc"
