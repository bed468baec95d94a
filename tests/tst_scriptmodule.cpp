#include "scriptfixture.h"
#include "scriptmodule.h"

#include <QTest>

using namespace awaitscope;
using namespace awaitscope::test;

class TestScriptModule : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void clockIsTheRunsClock();
    void cancelledTimersDoNotMoveTheVirtualClock();
    void writesKeepTheirStream();
    void netConfigureValidates();
    void badArgumentsRaiseTypeError();
    void taskNamesAreTheTraces();
    void threadsAreRefusedClearly();
};

void TestScriptModule::clockIsTheRunsClock()
{
    ScriptRun run;
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio, _awaitscope\n"
                                     "async def main():\n"
                                     "    await asyncio.sleep(0.25)\n"
                                     "    print(_awaitscope.now(), asyncio.get_running_loop().time())\n"
                                     "asyncio.run(main())\n")));
    QCOMPARE(run.output(), QStringLiteral("250000000 0.25\n"));
}

void TestScriptModule::cancelledTimersDoNotMoveTheVirtualClock()
{
    ScriptRun run;
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio\n"
                                     "async def main():\n"
                                     "    loop = asyncio.get_running_loop()\n"
                                     "    loop.call_later(10, print, 'never').cancel()\n"
                                     "    await asyncio.wait_for(asyncio.sleep(0.1), timeout=60)\n"
                                     "asyncio.run(main())\n")));
    QCOMPARE(run.result().status, ScriptResult::Status::Ok);
    QVERIFY(run.output().isEmpty());
    QCOMPARE(run.runtime().now(), 100 * Ms);
}

void TestScriptModule::writesKeepTheirStream()
{
    ScriptRun run;
    QSignalSpy written(&run, &ScriptRun::outputWritten);
    QVERIFY(runScript(run, QStringLiteral("import sys\nprint('out')\nprint('err', file=sys.stderr)\n")));
    QCOMPARE(written.size(), 4); // each print writes its text, then its newline
    QCOMPARE(written.at(0).at(0).toString(), QStringLiteral("out"));
    QCOMPARE(written.at(0).at(1).toInt(), 1);
    QCOMPARE(written.at(2).at(0).toString(), QStringLiteral("err"));
    QCOMPARE(written.at(2).at(1).toInt(), 2);
    QCOMPARE(run.output(), QStringLiteral("out\nerr\n"));
}

void TestScriptModule::netConfigureValidates()
{
    ScriptRun run;
    QVERIFY(runScript(run,
                      QStringLiteral("from awaitscope import net\n"
                                     "net.configure('/slow', latency_ms=250)\n"
                                     "try:\n"
                                     "    net.configure('/bad', failure_rate=2)\n"
                                     "except ValueError as e:\n"
                                     "    print(e)\n")));
    QCOMPARE(run.output(), QStringLiteral("net.configure('/bad'): failure rate must be between 0 and 1\n"));
    QCOMPARE(run.network().configFor(QStringLiteral("/slow/1")).latencyMs, 250.0);
    QCOMPARE(run.network().configFor(QStringLiteral("/other")).latencyMs, 100.0);
}

void TestScriptModule::badArgumentsRaiseTypeError()
{
    ScriptRun run;
    QVERIFY(runScript(run, QStringLiteral("import _awaitscope\n_awaitscope.schedule(1)\n")));
    QCOMPARE(run.result().status, ScriptResult::Status::Error);
    QVERIFY2(
        run.result().message.contains(QLatin1String("TypeError: schedule() takes 2 arguments (1 given)")),
        qPrintable(run.result().message));
}

void TestScriptModule::taskNamesAreTheTraces()
{
    ScriptRun run;
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio, _awaitscope\n"
                                     "async def job(n):\n"
                                     "    await asyncio.sleep(0)\n"
                                     "async def main():\n"
                                     "    await asyncio.gather(job(4), job(5))\n"
                                     "asyncio.run(main())\n")));
    QVERIFY(findTask(run.trace(), QStringLiteral("job(4)")) != NoTask);
    QVERIFY(findTask(run.trace(), QStringLiteral("job(5)")) != NoTask);
    QCOMPARE(ScriptModule::OutcomeCancelled, int(TaskOutcome::Cancelled));
}

void TestScriptModule::threadsAreRefusedClearly()
{
    ScriptRun run;
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio, threading, _awaitscope, time\n"
                                     "async def main():\n"
                                     "    try:\n"
                                     "        await asyncio.to_thread(print, 'x')\n"
                                     "    except RuntimeError as e:\n"
                                     "        print(e)\n"
                                     "errors = []\n"
                                     "def worker():\n"
                                     "    time.sleep(0)  # the real one: a thread holds no loop\n"
                                     "    try:\n"
                                     "        _awaitscope.now()\n"
                                     "    except RuntimeError as e:\n"
                                     "        errors.append(str(e))\n"
                                     "t = threading.Thread(target=worker)\n"
                                     "t.start()\n"
                                     "t.join()\n"
                                     "print(errors[0])\n"
                                     "asyncio.run(main())\n")));
    QCOMPARE(run.result().status, ScriptResult::Status::Ok);
    QCOMPARE(
        run.output(),
        QStringLiteral("awaitscope: the engine can only be used from the script's thread\n"
                       "Awaitscope runs scripts on one thread: run_in_executor and asyncio.to_thread are not "
                       "supported\n"));
}

QTEST_GUILESS_MAIN(TestScriptModule)
#include "tst_scriptmodule.moc"
