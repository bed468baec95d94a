// The window's Python mode: a script run through RunController's commands on the virtual clock,
// the view and the source counts over its trace, and bad scripts shown, never fatal.
#include "runcontroller.h"
#include "scriptexamples.h"
#include "sourcemodel.h"

#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimer>

using namespace awaitscope;

namespace {

// Five requests at once: the jobs wait on line 6, main on line 11.
const QString FanOut = QStringLiteral(R"(import asyncio
from awaitscope import net


async def job(n):
    await net.get(f"/items/{n}")
    return n


async def main():
    results = await asyncio.gather(*(job(n) for n in range(5)))
    print("sum", sum(results))

asyncio.run(main())
)");

void useVirtualClock(RunController &c)
{
    RunOverrides o;
    o.clock = ClockMode::Virtual;
    o.latencyMs = 100;
    o.jitterMs = 0;
    o.failureRate = 0;
    c.settings()->applyOverrides(o);
}

} // namespace

class TestScriptSource : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void exampleRunsThroughTheController();
    void stepsShowWaitingLines();
    void syntaxErrorIsShownAtItsLine();
    void uncaughtExceptionNamesItsLine();
    void leavingPythonModeClearsTheRun();
    void tracebackLine();
};

void TestScriptSource::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QCoreApplication::setOrganizationName(QStringLiteral("awaitscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_scriptsource"));
}

void TestScriptSource::exampleRunsThroughTheController()
{
    RunController c;
    useVirtualClock(c);
    ScriptSource &script = *c.script();
    QVERIFY(script.exampleTitles().size() >= 9);
    for (int i = 0; i < ScriptExamples::all().size(); ++i) {
        if (ScriptExamples::all()[i].fileName == QLatin1String("fetch_user.py"))
            script.loadExample(i);
    }
    QCOMPARE(script.fileName(), QStringLiteral("fetch_user.py"));
    script.setActive(true);
    QCOMPARE(c.view()->sourceFiles().value(0), QStringLiteral("fetch_user.py"));

    QSignalSpy finished(&c, &RunController::runFinished);
    QVERIFY(c.run());
    QVERIFY(finished.wait(10'000));
    QVERIFY(c.finished());
    QVERIFY(!c.running());
    // The script's top level, main (and asyncio.run's own shutdown tasks), and main's awaits:
    // three requests in a row, on the simulated clock (0.3 s of it, however long the test took).
    QVERIFY(c.view()->tasks() >= 2);
    QCOMPARE(c.view()->doneTasks(), c.view()->tasks());
    QCOMPARE(c.view()->lanes()->rowCount(), c.view()->tasks());
    QVERIFY(c.view()->awaits() >= 3);
    QVERIFY2(script.output().contains(QLatin1String("three awaits in a row took 0.3 s")),
             qPrintable(script.output()));
    QCOMPARE(script.problem(), QString());
    QCOMPARE(c.view()->index()->eventCount(), c.script()->run().trace().size());
}

void TestScriptSource::stepsShowWaitingLines()
{
    RunController c;
    useVirtualClock(c);
    ScriptSource &script = *c.script();
    script.setActive(true);
    script.setText(FanOut);
    SourceModel source;
    source.setTraceIndex(c.view()->index());
    source.setFileName(script.fileName());
    source.setText(script.text());
    QCOMPARE(source.rowCount(), 14);
    QVERIFY(source.data(source.index(5), SourceModel::TextRole).toString().contains(QLatin1String("<b>")));

    QSignalSpy finished(&c, &RunController::runFinished);
    c.step(); // starts paused
    QVERIFY(c.running());
    QVERIFY(c.paused());
    // The script runs inside the event that starts it (nested loops): step it from a timer, one
    // wake-up at a time, until the five jobs wait on their request; then let it run.
    int jobsWaiting = 0;
    int mainWaiting = 0;
    int busiest = 0;
    int suspended = 0;
    int steps = 0;
    QTimer stepper;
    QObject::connect(&stepper, &QTimer::timeout, &c, [&] {
        if (!c.paused())
            return;
        c.pollNow();
        if (source.data(source.index(5), SourceModel::WaitingRole).toInt() >= 5) {
            jobsWaiting = source.data(source.index(5), SourceModel::WaitingRole).toInt();
            mainWaiting = source.data(source.index(10), SourceModel::WaitingRole).toInt();
            busiest = source.busiestLine();
            suspended = c.view()->suspendedTasks();
            c.togglePause();
        } else if (++steps < 100) {
            c.step();
        }
    });
    stepper.start(5);
    QVERIFY(finished.wait(10'000));
    QVERIFY2(steps > 1 && steps < 100, qPrintable(QString::number(steps)));
    QCOMPARE(jobsWaiting, 5);
    QCOMPARE(mainWaiting, 1); // main's gather
    QCOMPARE(busiest, 6);
    QVERIFY(suspended >= 6); // the jobs and main (and the top level in asyncio.run)
    QCOMPARE(source.totalWaiting(), 0);
    QCOMPARE(c.view()->tasks(), c.view()->doneTasks());
    QVERIFY(c.view()->tasks() >= 7);
    QCOMPARE(script.output(), QStringLiteral("sum 10\n"));
}

void TestScriptSource::syntaxErrorIsShownAtItsLine()
{
    RunController c;
    useVirtualClock(c);
    ScriptSource &script = *c.script();
    script.setActive(true);
    script.setText(QStringLiteral("import asyncio\n\nasync def main(:\n    pass\n"));
    QSignalSpy finished(&c, &RunController::runFinished);
    QVERIFY(c.run());
    QVERIFY(finished.wait(10'000));
    QCOMPARE(script.problemLine(), 3);
    QVERIFY2(script.problem().startsWith(script.fileName() + QStringLiteral(":3:")),
             qPrintable(script.problem()));
    QVERIFY2(script.problem().contains(QLatin1String("SyntaxError")), qPrintable(script.problem()));
    // A good script afterwards runs, and the message goes.
    script.setText(FanOut);
    QVERIFY(c.run());
    QVERIFY(finished.wait(10'000));
    QCOMPARE(script.problem(), QString());
    QCOMPARE(script.problemLine(), 0);
    QVERIFY(c.view()->doneTasks() >= 7);
}

void TestScriptSource::uncaughtExceptionNamesItsLine()
{
    RunController c;
    useVirtualClock(c);
    ScriptSource &script = *c.script();
    script.setActive(true);
    script.setText(QStringLiteral("import asyncio\n\nasync def main():\n    await asyncio.sleep(0.1)\n"
                                  "    raise ValueError('broken')\n\nasyncio.run(main())\n"));
    QSignalSpy finished(&c, &RunController::runFinished);
    QVERIFY(c.run());
    QVERIFY(finished.wait(10'000));
    QCOMPARE(script.problemLine(), 5);
    QCOMPARE(script.problem(), script.fileName() + QStringLiteral(":5: ValueError: broken"));
    // The whole traceback is in the output pane.
    QVERIFY2(script.output().contains(QLatin1String("Traceback")), qPrintable(script.output()));
    QVERIFY(c.view()->failedTasks() >= 1);
}

void TestScriptSource::leavingPythonModeClearsTheRun()
{
    RunController c;
    useVirtualClock(c);
    c.script()->setActive(true);
    c.script()->setText(FanOut);
    QSignalSpy finished(&c, &RunController::runFinished);
    QVERIFY(c.run());
    QVERIFY(finished.wait(10'000));
    QVERIFY(c.view()->tasks() >= 7);
    c.script()->setActive(false);
    QCOMPARE(c.view()->tasks(), 0);
    QCOMPARE(c.view()->sourceFiles().value(0), c.settings()->sourceFile());
    QCOMPARE(c.script()->run().trace().taskCount(), 0u);
    // A scenario runs as before.
    QVERIFY(c.run());
    QVERIFY(finished.wait(10'000));
    QVERIFY(c.view()->tasks() > 0);
    QCOMPARE(c.view()->index()->eventCount(), c.session().runtime().trace().size());
}

void TestScriptSource::tracebackLine()
{
    const QString tb = QStringLiteral("Traceback (most recent call last):\n"
                                      "  File \"a.py\", line 12, in <module>\n"
                                      "  File \"/usr/lib/python3.11/asyncio/runners.py\", line 190, in run\n"
                                      "  File \"a.py\", line 7, in main\n"
                                      "ValueError: x\n");
    QCOMPARE(ScriptSource::lineInTraceback(tb, QStringLiteral("a.py")), 7);
    QCOMPARE(ScriptSource::lineInTraceback(tb, QStringLiteral("b.py")), 0);
}

QTEST_MAIN(TestScriptSource)
#include "tst_scriptsource.moc"
