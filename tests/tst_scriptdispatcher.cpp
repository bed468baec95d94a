#include "scriptdispatcher.h"
#include "scriptfixture.h"

#include <QTest>

using namespace awaitscope;
using namespace awaitscope::test;

// ScriptDispatcher runs inside a ScriptRun: these run scripts and read what it recorded.
class TestScriptDispatcher : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void sitesAreTheScriptsLinesAndWhatTheyAwait();
    void cachedSitesKeepTheirArguments();
    void argumentsThatRaiseOnCompareAreSafe();
    void wakeResultsAndOutcomes();
    void plainCallbacksRunAndCancelledOnesDoNot();
    void aNewRunStartsWithNewSites();
};

namespace {
const QString Sites = QStringLiteral("import asyncio\n" // 1
                                     "from awaitscope import net\n" // 2
                                     "async def child(n):\n" // 3
                                     "    await asyncio.sleep(0)\n" // 4
                                     "    for d in (0.1, 0.2, 0.1):\n" // 5
                                     "        await asyncio.sleep(d)\n" // 6
                                     "    await net.get('/items/%d' % n)\n" // 7
                                     "async def main():\n" // 8
                                     "    kid = asyncio.create_task(child(1), name='kid')\n" // 9
                                     "    await kid\n" // 10
                                     "    await asyncio.gather(child(2), child(3))\n" // 11
                                     "    await asyncio.sleep(0)\n" // 12
                                     "asyncio.run(main())\n"); // 13
} // namespace

void TestScriptDispatcher::sitesAreTheScriptsLinesAndWhatTheyAwait()
{
    ScriptRun run;
    QVERIFY(runScript(run, Sites, virtualScriptConfig(), QStringLiteral("sites.py")));
    QCOMPARE(run.result().status, ScriptResult::Status::Ok);
    const std::vector<Await> kid = awaitsOfTask(run.trace(), QStringLiteral("kid"));
    QCOMPARE(kid.size(), std::size_t(5));
    QCOMPARE(kid[0].label, QStringLiteral("sleep(0)"));
    QCOMPARE(kid[0].line, 4u);
    QCOMPARE(kid[0].file, QStringLiteral("sites.py"));
    QCOMPARE(kid[1].label, QStringLiteral("sleep(0.1)"));
    QCOMPARE(kid[1].line, 6u);
    QCOMPARE(kid[4].label, QStringLiteral("net.get('/items/1')"));
    QCOMPARE(kid[4].line, 7u);
    QCOMPARE(kid[4].kind, SiteKind::Wait);
    QCOMPARE(kid[4].endNs - kid[4].startNs, 100 * Ms);

    const std::vector<Await> main = awaitsOfTask(run.trace(), QStringLiteral("main"));
    QCOMPARE(main.size(), std::size_t(3));
    QCOMPARE(main[0].label, QStringLiteral("kid"));
    QCOMPARE(main[0].line, 10u);
    QCOMPARE(main[0].kind, SiteKind::Join);
    QCOMPARE(main[1].label, QStringLiteral("gather(2)"));
    QCOMPARE(main[1].line, 11u);
    QCOMPARE(main[1].kind, SiteKind::Join);
    QCOMPARE(main[2].label, QStringLiteral("sleep(0)"));
    QCOMPARE(main[2].line, 12u);
    const std::vector<Await> child = awaitsOfTask(run.trace(), QStringLiteral("child(3)"));
    QCOMPARE(child.size(), std::size_t(5));
    QCOMPARE(child[4].label, QStringLiteral("net.get('/items/3')"));
}

void TestScriptDispatcher::cachedSitesKeepTheirArguments()
{
    // One line awaits sleep(0.1), sleep(0.2), sleep(0.1): the cached site of the first is
    // found again for the third, and the second gets its own.
    ScriptRun run;
    QVERIFY(runScript(run, Sites));
    const std::vector<Await> kid = awaitsOfTask(run.trace(), QStringLiteral("kid"));
    QCOMPARE(kid.size(), std::size_t(5));
    QCOMPARE(kid[2].label, QStringLiteral("sleep(0.2)"));
    QCOMPARE(kid[3].label, QStringLiteral("sleep(0.1)"));
    QCOMPARE(kid[2].line, 6u);
    QCOMPARE(kid[3].line, 6u);
    QCOMPARE(kid[2].endNs - kid[2].startNs, 200 * Ms);
    QCOMPARE(kid[3].endNs - kid[3].startNs, 100 * Ms);
    // The same site in the trace for both sleep(0.1) awaits of every child.
    int sleeps = 0;
    for (SiteId s = 0; s < run.trace().siteCount(); ++s)
        sleeps += run.trace().siteLabel(s) == QLatin1String("sleep(0.1)") ? 1 : 0;
    QCOMPARE(sleeps, 1);
}

void TestScriptDispatcher::argumentsThatRaiseOnCompareAreSafe()
{
    // A float subclass whose == and hash raise, awaited twice on one line: the cache keys it by
    // its repr, so no error is left set behind the lookup and the script runs to the end.
    const QString script = QStringLiteral("import asyncio\n"
                                          "class Touchy(float):\n"
                                          "    def __eq__(self, other): raise ValueError('no ==')\n"
                                          "    def __hash__(self): raise ValueError('no hash')\n"
                                          "    def __repr__(self): return 'Touchy'\n"
                                          "async def main():\n"
                                          "    for _ in range(3):\n"
                                          "        await asyncio.sleep(Touchy(0.1))\n"
                                          "    print('done')\n"
                                          "asyncio.run(main())\n");
    ScriptRun run;
    QVERIFY(runScript(run, script));
    QCOMPARE(run.result().status, ScriptResult::Status::Ok);
    const std::vector<Await> main = awaitsOfTask(run.trace(), QStringLiteral("main"));
    QCOMPARE(main.size(), std::size_t(3));
    QCOMPARE(main[2].line, 8u);
    QCOMPARE(main[2].endNs - main[2].startNs, 100 * Ms);
}

void TestScriptDispatcher::wakeResultsAndOutcomes()
{
    ScriptRun run;
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio\n"
                                     "from awaitscope import net, NetworkError\n"
                                     "net.configure('/bad', failure_rate=1)\n"
                                     "net.configure('/slow', latency_ms=1000, timeout_ms=200)\n"
                                     "async def get(path):\n"
                                     "    try:\n"
                                     "        await net.get(path)\n"
                                     "    except NetworkError:\n"
                                     "        pass\n"
                                     "async def broken():\n"
                                     "    await asyncio.sleep(0)\n"
                                     "    raise ValueError('broken')\n"
                                     "async def forever():\n"
                                     "    await asyncio.sleep(10)\n"
                                     "async def main():\n"
                                     "    await get('/bad')\n"
                                     "    await get('/slow')\n"
                                     "    t = asyncio.create_task(forever(), name='forever')\n"
                                     "    await asyncio.sleep(0.1)\n"
                                     "    t.cancel()\n"
                                     "    try:\n"
                                     "        await t\n"
                                     "    except asyncio.CancelledError:\n"
                                     "        pass\n"
                                     "    try:\n"
                                     "        await asyncio.create_task(broken(), name='broken')\n"
                                     "    except ValueError:\n"
                                     "        pass\n"
                                     "asyncio.run(main())\n")));
    QCOMPARE(run.result().status, ScriptResult::Status::Ok);
    const Trace &trace = run.trace();
    const std::vector<Await> main = awaitsOfTask(trace, QStringLiteral("main"));
    QCOMPARE(main.size(), std::size_t(5));
    QCOMPARE(main[0].label, QStringLiteral("net.get('/bad')"));
    QCOMPARE(main[0].line, 7u);
    QCOMPARE(main[0].result, WaitResult::Failed);
    QCOMPARE(main[1].label, QStringLiteral("net.get('/slow')"));
    QCOMPARE(main[1].result, WaitResult::TimedOut);
    QCOMPARE(main[2].result, WaitResult::Ok);
    QCOMPARE(main[3].label, QStringLiteral("forever"));
    QCOMPARE(main[3].result, WaitResult::Cancelled);
    QCOMPARE(main[4].label, QStringLiteral("broken"));
    QCOMPARE(main[4].result, WaitResult::Failed);

    const TaskId forever = findTask(trace, QStringLiteral("forever"));
    const TaskId broken = findTask(trace, QStringLiteral("broken"));
    QVERIFY(forever != NoTask && broken != NoTask);
    QCOMPARE(trace.task(forever).outcome, TaskOutcome::Cancelled);
    QCOMPARE(awaitsOf(trace, forever).at(0).result, WaitResult::Cancelled);
    QCOMPARE(trace.task(broken).outcome, TaskOutcome::Error);
    QCOMPARE(trace.taskMessage(broken), QStringLiteral("ValueError: broken"));
    QCOMPARE(trace.task(findTask(trace, QStringLiteral("main"))).outcome, TaskOutcome::Ok);
}

void TestScriptDispatcher::plainCallbacksRunAndCancelledOnesDoNot()
{
    ScriptRun run;
    QVERIFY(runScript(run,
                      QStringLiteral("import asyncio\n"
                                     "async def main():\n"
                                     "    loop = asyncio.get_running_loop()\n"
                                     "    loop.call_soon(print, 'soon')\n"
                                     "    loop.call_soon(print, 'never').cancel()\n"
                                     "    loop.call_later(0.05, print, 'later')\n"
                                     "    fut = loop.create_future()\n"
                                     "    fut.add_done_callback(lambda f: print('done', f.result()))\n"
                                     "    loop.call_later(0.1, fut.set_result, 7)\n"
                                     "    print('got', await fut)\n"
                                     "asyncio.run(main())\n")));
    QCOMPARE(run.result().status, ScriptResult::Status::Ok);
    QCOMPARE(run.output(), QStringLiteral("soon\nlater\ndone 7\ngot 7\n"));
    const std::vector<Await> main = awaitsOfTask(run.trace(), QStringLiteral("main"));
    QCOMPARE(main.size(), std::size_t(1));
    QCOMPARE(main[0].label, QStringLiteral("Future"));
    QCOMPARE(main[0].line, 10u);
    QCOMPARE(main[0].endNs - main[0].startNs, 100 * Ms);
}

void TestScriptDispatcher::aNewRunStartsWithNewSites()
{
    // The same run object, two scripts: the second's sites are its own file's and lines,
    // not the first run's cached ones.
    ScriptRun run;
    const QString first = QStringLiteral("import asyncio\n"
                                         "async def main():\n"
                                         "    await asyncio.sleep(0)\n"
                                         "asyncio.run(main())\n");
    QVERIFY(runScript(run, first, virtualScriptConfig(), QStringLiteral("one.py")));
    QCOMPARE(awaitsOfTask(run.trace(), QStringLiteral("main")).at(0).line, 3u);
    const QString second = QStringLiteral("import asyncio\n"
                                          "\n"
                                          "async def main():\n"
                                          "    await asyncio.sleep(0)\n"
                                          "asyncio.run(main())\n");
    QVERIFY(runScript(run, second, virtualScriptConfig(), QStringLiteral("two.py")));
    const std::vector<Await> main = awaitsOfTask(run.trace(), QStringLiteral("main"));
    QCOMPARE(main.size(), std::size_t(1));
    QCOMPARE(main[0].file, QStringLiteral("two.py"));
    QCOMPARE(main[0].line, 4u);
}

QTEST_GUILESS_MAIN(TestScriptDispatcher)
#include "tst_scriptdispatcher.moc"
