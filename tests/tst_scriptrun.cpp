#include "names.h"
#include "scriptfixture.h"

#include <QElapsedTimer>
#include <QTest>
#include <QTimer>

using namespace awaitscope;
using namespace awaitscope::test;

class TestScriptRun : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void runsTheArticlesFetchUser();
    void recordsSpawnsWithTheirParents();
    void labelsWhatEachAwaitWaitsOn();
    void recordsTaskOutcomes();
    void blockingSleepIsABlockedSection();
    void networkFailuresRaiseInTheScript();
    void syntaxErrorNamesTheLine();
    void uncaughtExceptionGivesTheTraceback();
    void sysExitEndsTheScriptNotTheApp();
    void waitingForeverIsDetected();
    void holdingTheLoopIsInterrupted();
    void blockingSleepIsInterruptedToo();
    void stopEndsARunningScript();
    void secondStopDropsAStubbornScript();
    void restartWhileRunning();
    void realClockFollowsTheSpeed();
    void pauseHoldsTheScript();
    void seedAndJitterReproduce();
};

void TestScriptRun::runsTheArticlesFetchUser()
{
    ScriptRun run;
    QSignalSpy output(&run, &ScriptRun::outputWritten);
    QVERIFY(runExample(run, QStringLiteral("fetch_user.py")));
    QCOMPARE(run.result().status, ScriptResult::Status::Ok);
    QVERIFY(run.output().contains(QLatin1String("three awaits in a row took 0.3 s")));
    QVERIFY(!output.isEmpty());
    QCOMPARE(output.first().at(1).toInt(), 1);
    QVERIFY(!run.isRunning());
    QCOMPARE(run.runtime().runningTasks(), 0u);
    QCOMPARE(run.source(), ScriptExamples::find(QStringLiteral("fetch_user.py")).source);
}

void TestScriptRun::recordsSpawnsWithTheirParents()
{
    ScriptRun run;
    QVERIFY(runExample(run, QStringLiteral("gather_fanout.py")));
    const Trace &trace = run.trace();
    const TaskId script = findTask(trace, QStringLiteral("gather_fanout.py"));
    const TaskId main = findTask(trace, QStringLiteral("main"));
    QVERIFY(script != NoTask);
    QVERIFY(main != NoTask);
    QCOMPARE(trace.task(main).parent, script);
    int children = 0;
    for (TaskId t = 0; t < trace.taskCount(); ++t) {
        if (trace.taskName(t).startsWith(QLatin1String("fetch("))) {
            QCOMPARE(trace.task(t).parent, main);
            ++children;
        }
    }
    QCOMPARE(children, 10);
    QVERIFY(findTask(trace, QStringLiteral("fetch(7)")) != NoTask);
}

void TestScriptRun::labelsWhatEachAwaitWaitsOn()
{
    ScriptRun run;
    QVERIFY(runExample(run, QStringLiteral("fetch_user.py")));
    // The awaits of main: one, on fetch_user, whose frames are the script's: the innermost
    // script line is the await inside get_user_from_db etc.
    const std::vector<Await> awaits = awaitsOfTask(run.trace(), QStringLiteral("main"));
    QCOMPARE(awaits.size(), std::size_t(3));
    QCOMPARE(awaits[0].label, QStringLiteral("net.get('/users/1')"));
    QCOMPARE(awaits[0].file, QStringLiteral("fetch_user.py"));
    QCOMPARE(awaits[0].line, 13u); // response = await net.get(...) in get_user_from_db
    QCOMPARE(awaits[0].endNs - awaits[0].startNs, 100 * Ms);
    QCOMPARE(awaits[1].label, QStringLiteral("net.get('/users/1/posts')"));
    QCOMPARE(awaits[1].line, 18u);
    QCOMPARE(awaits[2].startNs, 200 * Ms);
    QCOMPARE(awaits[0].kind, SiteKind::Wait);

    ScriptRun fan;
    QVERIFY(runExample(fan, QStringLiteral("gather_fanout.py")));
    const std::vector<Await> mainAwaits = awaitsOfTask(fan.trace(), QStringLiteral("main"));
    QCOMPARE(mainAwaits.size(), std::size_t(1));
    QCOMPARE(mainAwaits[0].label, QStringLiteral("gather(10)"));
    QCOMPARE(mainAwaits[0].kind, SiteKind::Join);

    ScriptRun sleeper;
    QVERIFY(runScript(sleeper,
                      QStringLiteral("import asyncio\n"
                                     "async def child():\n"
                                     "    await asyncio.sleep(0.1)\n"
                                     "async def main():\n"
                                     "    await asyncio.create_task(child(), name='kid')\n"
                                     "asyncio.run(main())\n")));
    const std::vector<Await> kid = awaitsOfTask(sleeper.trace(), QStringLiteral("kid"));
    QCOMPARE(kid.size(), std::size_t(1));
    QCOMPARE(kid[0].label, QStringLiteral("sleep(0.1)"));
    QCOMPARE(kid[0].line, 3u);
    const std::vector<Await> main = awaitsOfTask(sleeper.trace(), QStringLiteral("main"));
    QCOMPARE(main.size(), std::size_t(1));
    QCOMPARE(main[0].label, QStringLiteral("kid"));
    QCOMPARE(main[0].kind, SiteKind::Join);
}

void TestScriptRun::recordsTaskOutcomes()
{
    ScriptRun run;
    QVERIFY(runExample(run, QStringLiteral("taskgroup.py")));
    const Trace &trace = run.trace();
    const TaskId failing = findTask(trace, QStringLiteral("failing"));
    const TaskId slow = findTask(trace, QStringLiteral("slow(8)"));
    QVERIFY(failing != NoTask && slow != NoTask);
    QCOMPARE(trace.task(failing).outcome, TaskOutcome::Error);
    QCOMPARE(trace.taskMessage(failing), QStringLiteral("ValueError: item 9 is broken"));
    QCOMPARE(trace.task(slow).outcome, TaskOutcome::Cancelled);
    QCOMPARE(trace.task(findTask(trace, QStringLiteral("main"))).outcome, TaskOutcome::Ok);
    QCOMPARE(trace.task(findTask(trace, QStringLiteral("taskgroup.py"))).outcome, TaskOutcome::Ok);
    // The cancelled sibling's await ended as cancelled.
    const std::vector<Await> awaits = awaitsOf(trace, slow);
    QCOMPARE(awaits.size(), std::size_t(1));
    QCOMPARE(awaits[0].result, WaitResult::Cancelled);
}

void TestScriptRun::blockingSleepIsABlockedSection()
{
    ScriptRun run;
    QVERIFY(runExample(run, QStringLiteral("blocking.py")));
    const Trace &trace = run.trace();
    int begins = 0;
    for (quint64 i = 0; i < trace.size(); ++i) {
        const TraceEvent e = trace.at(i);
        if (e.kind() != EventKind::BlockBegin)
            continue;
        ++begins;
        QCOMPARE(trace.taskName(e.task), QStringLiteral("blocker"));
        QCOMPARE(trace.siteLabel(e.arg()), QStringLiteral("time.sleep(0.25)"));
        QCOMPARE(trace.siteAt(e.arg()).line, 20u);
        QCOMPARE(trace.siteAt(e.arg()).kind, SiteKind::Blocking);
        QCOMPARE(e.timeNs, 50 * Ms);
    }
    QCOMPARE(begins, 1);
    // The ticker's second tick was due at 0.1 s but ran when the loop was let go, at 0.3 s.
    const std::vector<Await> ticks = awaitsOfTask(trace, QStringLiteral("ticker"));
    QCOMPARE(ticks.size(), std::size_t(3));
    QCOMPARE(ticks[0].endNs, 300 * Ms);
}

void TestScriptRun::networkFailuresRaiseInTheScript()
{
    ScriptRun run;
    RunConfig c = virtualScriptConfig();
    c.network.failureRate = 1.0;
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio\n"
                                     "from awaitscope import net, NetworkError\n"
                                     "async def main():\n"
                                     "    try:\n"
                                     "        await net.get('/users/1')\n"
                                     "    except NetworkError as e:\n"
                                     "        print('caught', type(e).__name__, e)\n"
                                     "asyncio.run(main())\n"),
                      c));
    QCOMPARE(run.output(),
             QStringLiteral("caught NetworkError GET /users/1 failed after 100 ms: connection reset\n"));
    const std::vector<Await> awaits = awaitsOfTask(run.trace(), QStringLiteral("main"));
    QCOMPARE(awaits.size(), std::size_t(1));
    QCOMPARE(awaits[0].result, WaitResult::Failed);
    QCOMPARE(run.network().stats().failures, 1u);
}

void TestScriptRun::syntaxErrorNamesTheLine()
{
    ScriptRun run;
    QVERIFY(runScript(run, QStringLiteral("import asyncio\n\ndef broken(:\n    pass\n"),
                      virtualScriptConfig(), QStringLiteral("bad.py")));
    QCOMPARE(run.result().status, ScriptResult::Status::SyntaxError);
    QCOMPARE(run.result().line, 3);
    QVERIFY(run.result().column > 0);
    QVERIFY2(run.result().message.contains(QLatin1String("File \"bad.py\", line 3")),
             qPrintable(run.result().message));
    QVERIFY(run.result().message.contains(QLatin1String("SyntaxError")));
    QVERIFY(run.result().isFailure());
}

void TestScriptRun::uncaughtExceptionGivesTheTraceback()
{
    ScriptRun run;
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio\n"
                                     "async def main():\n"
                                     "    await asyncio.sleep(0.1)\n"
                                     "    raise ValueError('boom')\n"
                                     "asyncio.run(main())\n"),
                      virtualScriptConfig(), QStringLiteral("boom.py")));
    const ScriptResult &r = run.result();
    QCOMPARE(r.status, ScriptResult::Status::Error);
    QVERIFY2(r.message.startsWith(QLatin1String("Traceback (most recent call last):")),
             qPrintable(r.message));
    QVERIFY(r.message.contains(QLatin1String("File \"boom.py\", line 4, in main")));
    QVERIFY(r.message.trimmed().endsWith(QLatin1String("ValueError: boom")));
    QVERIFY(!r.message.contains(QLatin1String("<awaitscope>")));
    const Trace &trace = run.trace();
    QCOMPARE(trace.task(findTask(trace, QStringLiteral("main"))).outcome, TaskOutcome::Error);
    QCOMPARE(trace.task(findTask(trace, QStringLiteral("boom.py"))).outcome, TaskOutcome::Error);
}

void TestScriptRun::sysExitEndsTheScriptNotTheApp()
{
    ScriptRun run;
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio, sys\n"
                                     "async def main():\n"
                                     "    await asyncio.sleep(0.1)\n"
                                     "    sys.exit(3)\n"
                                     "asyncio.run(main())\n"
                                     "print('not reached')\n")));
    QCOMPARE(run.result().status, ScriptResult::Status::Exit);
    QCOMPARE(run.result().exitCode, 3);
    QVERIFY(run.output().isEmpty());
    // The interpreter is still there for the next run.
    QVERIFY(runScript(run, QStringLiteral("print('again')\n")));
    QCOMPARE(run.output(), QStringLiteral("again\n"));
}

void TestScriptRun::waitingForeverIsDetected()
{
    ScriptRun run;
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio\n"
                                     "async def main():\n"
                                     "    await asyncio.Event().wait()\n"
                                     "asyncio.run(main())\n")));
    QCOMPARE(run.result().status, ScriptResult::Status::Deadlock);
    QVERIFY(run.result().message.contains(QLatin1String("never")));
    QCOMPARE(run.runtime().runningTasks(), 0u);
}

void TestScriptRun::holdingTheLoopIsInterrupted()
{
    ScriptRun run;
    run.setHoldLimitMs(300);
    QElapsedTimer wall;
    wall.start();
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio\n"
                                     "async def main():\n"
                                     "    while True:\n"
                                     "        pass\n"
                                     "asyncio.run(main())\n"),
                      virtualScriptConfig(), QStringLiteral("spin.py")));
    QVERIFY(wall.elapsed() < 5000);
    QCOMPARE(run.result().status, ScriptResult::Status::HeldLoop);
    QVERIFY2(run.result().message.contains(QLatin1String("spin.py\", line 3")) ||
                 run.result().message.contains(QLatin1String("spin.py\", line 4")),
             qPrintable(run.result().message));
    QVERIFY(run.result().message.contains(QLatin1String("held the event loop for more than 0.3 s")));
    // The hold was recorded against the task that held the loop.
    const Trace &trace = run.trace();
    bool held = false;
    for (quint64 i = 0; i < trace.size(); ++i)
        held = held ||
            (trace.at(i).kind() == EventKind::Hold &&
             trace.taskName(trace.at(i).task) == QLatin1String("main"));
    QVERIFY(held);
}

void TestScriptRun::blockingSleepIsInterruptedToo()
{
    ScriptRun run;
    run.setHoldLimitMs(200);
    RunConfig c = virtualScriptConfig();
    c.clock = ClockMode::Real;
    QElapsedTimer wall;
    wall.start();
    QVERIFY(runScript(run, QStringLiteral("import time\ntime.sleep(30)\n"), c));
    QVERIFY(wall.elapsed() < 5000);
    QCOMPARE(run.result().status, ScriptResult::Status::HeldLoop);
}

// While a script runs, asyncio.run spins a nested event loop inside the posted event that
// started it: what the window does meanwhile (Stop, Pause, a new start) arrives as events on
// that loop, so the tests act from timers and wait for finished().

void TestScriptRun::stopEndsARunningScript()
{
    ScriptRun run;
    RunConfig c = virtualScriptConfig();
    c.clock = ClockMode::Real;
    QSignalSpy finished(&run, &ScriptRun::finished);
    bool wasRunning = false;
    quint32 tasksBefore = 0;
    QTimer::singleShot(150, &run, [&] {
        wasRunning = run.isRunning();
        tasksBefore = run.runtime().runningTasks();
        run.stop();
    });
    QVERIFY(run.start(c,
                      QStringLiteral("import asyncio\n"
                                     "async def tick(n):\n"
                                     "    try:\n"
                                     "        while True:\n"
                                     "            await asyncio.sleep(0.01)\n"
                                     "    finally:\n"
                                     "        print('unwound', n)\n"
                                     "async def main():\n"
                                     "    await asyncio.gather(*(tick(n) for n in range(5)))\n"
                                     "asyncio.run(main())\n"),
                      QStringLiteral("forever.py"))
                .isEmpty());
    QVERIFY(finished.wait(10000));
    QVERIFY(wasRunning);
    QVERIFY(tasksBefore >= 7u); // the script, main, five ticks
    QCOMPARE(run.result().status, ScriptResult::Status::Stopped);
    QCOMPARE(run.runtime().runningTasks(), 0u);
    QVERIFY(!run.isRunning());
    QCOMPARE(finished.count(), 1);
    // As CPython on Ctrl-C: asyncio.run cancelled the tasks, and they unwound.
    QCOMPARE(run.output().count(QLatin1String("unwound")), 5);
    QCOMPARE(run.trace().task(findTask(run.trace(), QStringLiteral("tick(3)"))).outcome,
             TaskOutcome::Cancelled);
    const std::vector<Await> awaits = awaitsOfTask(run.trace(), QStringLiteral("tick(3)"));
    QVERIFY(!awaits.empty());
    QCOMPARE(awaits.back().result, WaitResult::Cancelled);
}

void TestScriptRun::secondStopDropsAStubbornScript()
{
    ScriptRun run;
    RunConfig c = virtualScriptConfig();
    c.clock = ClockMode::Real;
    QSignalSpy finished(&run, &ScriptRun::finished);
    QTimer::singleShot(100, &run, [&] { run.stop(); });
    QTimer::singleShot(300, &run, [&] { run.stop(); });
    QElapsedTimer wall;
    wall.start();
    QVERIFY(run.start(c,
                      QStringLiteral("import asyncio\n"
                                     "async def main():\n"
                                     "    while True:\n"
                                     "        try:\n"
                                     "            await asyncio.sleep(0.01)\n"
                                     "        except asyncio.CancelledError:\n"
                                     "            pass  # refuses to be cancelled\n"
                                     "asyncio.run(main())\n"),
                      QStringLiteral("stubborn.py"))
                .isEmpty());
    QVERIFY(finished.wait(10000));
    QVERIFY2(wall.elapsed() < ScriptRun::UnwindLimitMs, qPrintable(QString::number(wall.elapsed())));
    QCOMPARE(run.result().status, ScriptResult::Status::Stopped);
    QCOMPARE(run.runtime().runningTasks(), 0u);
}

void TestScriptRun::restartWhileRunning()
{
    ScriptRun run;
    RunConfig c = virtualScriptConfig();
    c.clock = ClockMode::Real;
    QSignalSpy finished(&run, &ScriptRun::finished);
    QString restartError = QStringLiteral("not restarted");
    QTimer::singleShot(50, &run, [&] {
        restartError =
            run.start(virtualScriptConfig(), QStringLiteral("print('second')\n"), QStringLiteral("b.py"));
    });
    QVERIFY(run.start(c, QStringLiteral("import asyncio\nasyncio.run(asyncio.sleep(10))\n"),
                      QStringLiteral("a.py"))
                .isEmpty());
    QVERIFY(finished.wait(10000));
    QCOMPARE(restartError, QString());
    QCOMPARE(finished.count(), 1); // the first run's end is not reported: it was replaced
    QCOMPARE(run.result().status, ScriptResult::Status::Ok);
    QCOMPARE(run.output(), QStringLiteral("second\n"));
    QVERIFY(findTask(run.trace(), QStringLiteral("a.py")) == NoTask);
    QVERIFY(findTask(run.trace(), QStringLiteral("b.py")) != NoTask);
    // The first script unwound (asyncio.run's clean-up ran) without touching the new run.
    QCOMPARE(run.trace().taskCount(), 1u);
}

void TestScriptRun::realClockFollowsTheSpeed()
{
    ScriptRun run;
    RunConfig c = virtualScriptConfig();
    c.clock = ClockMode::Real;
    c.speed = 4.0;
    QElapsedTimer wall;
    wall.start();
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio\n"
                                     "async def main():\n"
                                     "    loop = asyncio.get_running_loop()\n"
                                     "    t = loop.time()\n"
                                     "    await asyncio.sleep(0.8)\n"
                                     "    print(round(loop.time() - t, 1))\n"
                                     "asyncio.run(main())\n"),
                      c));
    QCOMPARE(run.output(), QStringLiteral("0.8\n"));
    QVERIFY2(wall.elapsed() < 700, qPrintable(QString::number(wall.elapsed()))); // 0.8 s at 4x: 0.2 s
}

void TestScriptRun::pauseHoldsTheScript()
{
    ScriptRun run;
    QSignalSpy finished(&run, &ScriptRun::finished);
    QVERIFY(run.start(virtualScriptConfig(),
                      QStringLiteral("import asyncio\nasyncio.run(asyncio.sleep(1))\nprint('done')\n"),
                      QStringLiteral("p.py"))
                .isEmpty());
    run.runtime().pause();
    bool heldWhilePaused = false;
    qint64 afterSteps = -1;
    QTimer::singleShot(200, &run, [&] {
        heldWhilePaused = run.isRunning() && run.output().isEmpty();
        // One wake-up at a time: the main task's first step, then the sleep's timer, to
        // which the virtual clock jumps.
        for (int i = 0; i < 10 && run.runtime().now() < 1000 * Ms; ++i)
            run.runtime().step();
        afterSteps = run.runtime().now();
        run.runtime().resume();
    });
    QVERIFY(finished.wait(10000));
    QVERIFY(heldWhilePaused);
    QCOMPARE(afterSteps, 1000 * Ms);
    QCOMPARE(run.output(), QStringLiteral("done\n"));
}

void TestScriptRun::seedAndJitterReproduce()
{
    RunConfig c = virtualScriptConfig();
    c.network.jitterMs = 50;
    c.seed = 7;
    const QString script = QStringLiteral("import asyncio\n"
                                          "from awaitscope import net\n"
                                          "async def main():\n"
                                          "    loop = asyncio.get_running_loop()\n"
                                          "    for n in range(3):\n"
                                          "        t = loop.time()\n"
                                          "        await net.get(f'/x/{n}')\n"
                                          "        print(round((loop.time() - t) * 1000, 3))\n"
                                          "asyncio.run(main())\n");
    ScriptRun a, b;
    QVERIFY(runScript(a, script, c));
    QVERIFY(runScript(b, script, c));
    QCOMPARE(a.output(), b.output());
    QVERIFY(a.output() != QStringLiteral("100.0\n100.0\n100.0\n"));
}

QTEST_GUILESS_MAIN(TestScriptRun)
#include "tst_scriptrun.moc"
