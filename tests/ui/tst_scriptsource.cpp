// The window's Python mode: a script run through RunController's commands on the virtual clock,
// the view and the source counts over its trace, and bad scripts shown, never fatal.
#include "runcontroller.h"
#include "scriptexamples.h"
#include "sourcemodel.h"
#include "testutil.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <sys/stat.h>
#include <thread>

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

QByteArray contents(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)");
}

ino_t inodeOf(const QString &path)
{
    struct stat st { };
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? st.st_ino : 0;
}

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
    void openEditSaveAndSaveAs();
    void failedSaveKeepsTheText();
    void examplesHaveNoFileToSaveTo();
    void recoveryCopyNeverOverwrites();
    void savingIntoAPipeWritesThrough();
    void discardGoesBackToTheFile();
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
    QCOMPARE(script.problemColumn(), 16);
    // file:line:column, as compilers say it (CPython puts the caret at column 16).
    QVERIFY2(script.problem().startsWith(script.fileName() + QStringLiteral(":3:16: ")),
             qPrintable(script.problem()));
    QVERIFY2(script.problem().contains(QLatin1String("SyntaxError")), qPrintable(script.problem()));
    // A good script afterwards runs, and the message goes.
    script.setText(FanOut);
    QVERIFY(c.run());
    QVERIFY(finished.wait(10'000));
    QCOMPARE(script.problem(), QString());
    QCOMPARE(script.problemLine(), 0);
    QCOMPARE(script.problemColumn(), 0);
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

void TestScriptSource::openEditSaveAndSaveAs()
{
    QTemporaryDir dir;
    const QString a = test::writeFile(dir, QStringLiteral("a.py"), "print('a')\n");
    QVERIFY(!a.isEmpty());
    ScriptSource script;
    QSignalSpy modifiedChanged(&script, &ScriptSource::modifiedChanged);
    QCOMPARE(script.open(QUrl::fromLocalFile(a)), QString());
    QCOMPARE(script.fileName(), QStringLiteral("a.py"));
    QCOMPARE(script.filePath(), QFileInfo(a).absoluteFilePath());
    QCOMPARE(script.text(), QStringLiteral("print('a')\n"));
    QVERIFY(!script.modified());

    modifiedChanged.clear();
    script.setText(QStringLiteral("print('b')\n"));
    QVERIFY(script.modified());
    QCOMPARE(modifiedChanged.count(), 1);
    // Save: a new file renamed over the old one (another inode), nothing left beside it.
    const ino_t before = inodeOf(a);
    QCOMPARE(script.save(), QString());
    QVERIFY(!script.modified());
    QCOMPARE(contents(a), QByteArray("print('b')\n"));
    QVERIFY(inodeOf(a) != before);
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("a.py")});

    // Save As: the script is now that file (the name tracebacks and the trace use).
    script.setText(QStringLiteral("print('c')\n"));
    QSignalSpy renamed(&script, &ScriptSource::fileNameChanged);
    const QString b = dir.filePath(QStringLiteral("b.py"));
    QCOMPARE(script.saveAs(QUrl::fromLocalFile(b)), QString());
    QCOMPARE(renamed.count(), 1);
    QCOMPARE(script.fileName(), QStringLiteral("b.py"));
    QCOMPARE(script.filePath(), QFileInfo(b).absoluteFilePath());
    QCOMPARE(contents(b), QByteArray("print('c')\n"));
    QCOMPARE(contents(a), QByteArray("print('b')\n"));
    QVERIFY(!script.modified());
    // A file that cannot be read: said, and the text stays.
    const QString error = script.open(QUrl::fromLocalFile(dir.filePath(QStringLiteral("missing.py"))));
    QVERIFY2(error.contains(QLatin1String("missing.py")), qPrintable(error));
    QCOMPARE(script.fileName(), QStringLiteral("b.py"));
}

void TestScriptSource::failedSaveKeepsTheText()
{
    auto dir = std::make_unique<QTemporaryDir>();
    const QString a = test::writeFile(*dir, QStringLiteral("a.py"), "x = 1\n");
    QVERIFY(!a.isEmpty());
    ScriptSource script;
    QCOMPARE(script.open(QUrl::fromLocalFile(a)), QString());
    script.setText(QStringLiteral("x = 2\n"));
    dir.reset(); // the folder is gone: the save cannot happen
    const QString error = script.save();
    QVERIFY2(error.contains(QLatin1String("a.py")), qPrintable(error));
    QCOMPARE(script.text(), QStringLiteral("x = 2\n"));
    QVERIFY(script.modified());
    QCOMPARE(script.fileName(), QStringLiteral("a.py"));
    // Save As into a folder that does not exist, or onto a folder: refused, nothing changes.
    QVERIFY(!script.saveAs(QUrl::fromLocalFile(QStringLiteral("/nonexistent-awaitscope/b.py"))).isEmpty());
    QVERIFY(!script.saveAs(QUrl::fromLocalFile(QDir::tempPath())).isEmpty());
    QCOMPARE(script.fileName(), QStringLiteral("a.py"));
    QCOMPARE(script.text(), QStringLiteral("x = 2\n"));
    QVERIFY(script.modified());
}

void TestScriptSource::recoveryCopyNeverOverwrites()
{
    // --quit-after with unsaved edits: the edits go to a new file, twice to two files.
    QTemporaryDir dir;
    const QString a = test::writeFile(dir, QStringLiteral("a.py"), "x = 1\n");
    QVERIFY(!a.isEmpty());
    ScriptSource script;
    QCOMPARE(script.open(QUrl::fromLocalFile(a)), QString());
    script.setText(QStringLiteral("x = 2\n"));
    QString error;
    const QString kept = script.keepRecoveryCopy(&error, dir.filePath(QStringLiteral("recovered")));
    QVERIFY2(!kept.isEmpty(), qPrintable(error));
    QVERIFY2(QFileInfo(kept).fileName().startsWith(QLatin1String("a-recovered-")), qPrintable(kept));
    QFile copy(kept);
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), QByteArray("x = 2\n"));
    QVERIFY(script.modified()); // the script's own file still has x = 1
    const QString again = script.keepRecoveryCopy(&error, dir.filePath(QStringLiteral("recovered")));
    QVERIFY(!again.isEmpty());
    QVERIFY(again != kept);
    // A folder that cannot be made: an error, no path.
    QVERIFY(script.keepRecoveryCopy(&error, a + QStringLiteral("/sub")).isEmpty());
    QVERIFY(!error.isEmpty());
}

void TestScriptSource::examplesHaveNoFileToSaveTo()
{
    ScriptSource script;
    script.loadExample(0);
    QVERIFY(script.filePath().isEmpty());
    QVERIFY(!script.modified());
    script.setText(script.text() + QStringLiteral("\n# more\n"));
    QVERIFY(script.modified());
    QVERIFY(script.save().contains(QLatin1String("Save As")));
    QVERIFY(script.modified());
    // Loading an example drops the edit (the window asks first).
    script.loadExample(1);
    QVERIFY(!script.modified());
}

void TestScriptSource::savingIntoAPipeWritesThrough()
{
    QTemporaryDir dir;
    const QString fifo = dir.filePath(QStringLiteral("pipe"));
    QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
    ScriptSource script;
    script.setText(QStringLiteral("print('piped')\n"));
    QByteArray received;
    std::thread reader([&fifo, &received] {
        QFile in(fifo);
        if (in.open(QIODevice::ReadOnly))
            received = in.readAll();
    });
    const QString error = script.saveAs(QUrl::fromLocalFile(fifo));
    reader.join();
    QCOMPARE(error, QString());
    QCOMPARE(received, QByteArray("print('piped')\n"));
    struct stat st { };
    QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &st), 0);
    QVERIFY(S_ISFIFO(st.st_mode)); // written into, never replaced
    // A pipe is not where the script lives: its name stays.
    QVERIFY(script.fileName() != QLatin1String("pipe"));
}

void TestScriptSource::discardGoesBackToTheFile()
{
    QTemporaryDir dir;
    const QString a = test::writeFile(dir, QStringLiteral("a.py"), "y = 1\n");
    QVERIFY(!a.isEmpty());
    ScriptSource script;
    QCOMPARE(script.open(QUrl::fromLocalFile(a)), QString());
    script.setText(QStringLiteral("y = 3\n"));
    QVERIFY(script.modified());
    script.discardChanges();
    QCOMPARE(script.text(), QStringLiteral("y = 1\n"));
    QVERIFY(!script.modified());
    QCOMPARE(contents(a), QByteArray("y = 1\n"));
}

QTEST_MAIN(TestScriptSource)
#include "tst_scriptsource.moc"
