#include "pythoninterpreter.h"

#include <QTest>

using namespace awaitscope;

class TestPythonInterpreter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void isDebiansPython();
    void runsAScript();
    void reportsSyntaxErrorsWithTheirPosition();
    void reportsUncaughtExceptions();
    void sysExitGivesItsCode();
    void awaitscopeModuleNeedsARun();
    void scriptsDoNotLeakIntoEachOther();
};

void TestPythonInterpreter::isDebiansPython()
{
    PythonInterpreter &py = PythonInterpreter::instance();
    QVERIFY2(py.error().isEmpty(), qPrintable(py.error()));
    QVERIFY(py.version().startsWith(QLatin1String("3.11.")));
    QVERIFY(py.mainThreadId() != 0);
    // The library embedded is Debian's, whatever python3 was first on PATH at build time.
    const ScriptResult r =
        py.runScript(QStringLiteral("import sys, asyncio\n"
                                    "assert sys.base_prefix == '/usr', sys.base_prefix\n"
                                    "assert asyncio.__file__.startswith('/usr/lib/python3.11/')\n"),
                     QStringLiteral("where.py"));
    QVERIFY2(r.status == ScriptResult::Status::Ok, qPrintable(r.message));
}

void TestPythonInterpreter::runsAScript()
{
    const ScriptResult r = PythonInterpreter::instance().runScript(
        QStringLiteral("x = sum(range(10))\nassert x == 45\nassert __name__ == '__main__'\n"),
        QStringLiteral("ok.py"));
    QCOMPARE(r.status, ScriptResult::Status::Ok);
    QVERIFY(r.message.isEmpty());
    QVERIFY(!r.isFailure());
}

void TestPythonInterpreter::reportsSyntaxErrorsWithTheirPosition()
{
    const ScriptResult r = PythonInterpreter::instance().runScript(QStringLiteral("x = 1\ny = (2 +\n"),
                                                                   QStringLiteral("syntax.py"));
    QCOMPARE(r.status, ScriptResult::Status::SyntaxError);
    QCOMPARE(r.line, 2);
    QVERIFY(r.column >= 1);
    QVERIFY(r.message.contains(QLatin1String("File \"syntax.py\", line 2")));
    QVERIFY(r.message.contains(QLatin1String("SyntaxError")));
    QVERIFY(r.isFailure());
}

void TestPythonInterpreter::reportsUncaughtExceptions()
{
    const ScriptResult r = PythonInterpreter::instance().runScript(
        QStringLiteral("def f():\n    return 1 / 0\n\nf()\n"), QStringLiteral("div.py"));
    QCOMPARE(r.status, ScriptResult::Status::Error);
    QVERIFY(r.message.startsWith(QLatin1String("Traceback (most recent call last):")));
    QVERIFY(r.message.contains(QLatin1String("File \"div.py\", line 4, in <module>")));
    QVERIFY(r.message.contains(QLatin1String("File \"div.py\", line 2, in f")));
    QVERIFY(r.message.trimmed().endsWith(QLatin1String("ZeroDivisionError: division by zero")));
}

void TestPythonInterpreter::sysExitGivesItsCode()
{
    PythonInterpreter &py = PythonInterpreter::instance();
    ScriptResult r = py.runScript(QStringLiteral("import sys\nsys.exit(4)\n"), QStringLiteral("e.py"));
    QCOMPARE(r.status, ScriptResult::Status::Exit);
    QCOMPARE(r.exitCode, 4);
    QVERIFY(r.isFailure());
    r = py.runScript(QStringLiteral("import sys\nsys.exit()\n"), QStringLiteral("e.py"));
    QCOMPARE(r.exitCode, 0);
    QVERIFY(!r.isFailure());
    r = py.runScript(QStringLiteral("import sys\nsys.exit('bye')\n"), QStringLiteral("e.py"));
    QCOMPARE(r.exitCode, 1);
    QCOMPARE(r.message, QStringLiteral("bye"));
}

void TestPythonInterpreter::awaitscopeModuleNeedsARun()
{
    // Outside a ScriptRun the engine's functions refuse, with a message, instead of crashing.
    const ScriptResult r = PythonInterpreter::instance().runScript(
        QStringLiteral("import _awaitscope\n_awaitscope.now()\n"), QStringLiteral("norun.py"));
    QCOMPARE(r.status, ScriptResult::Status::Error);
    QVERIFY(r.message.contains(QLatin1String("RuntimeError: awaitscope: no script run is active")));
}

void TestPythonInterpreter::scriptsDoNotLeakIntoEachOther()
{
    PythonInterpreter &py = PythonInterpreter::instance();
    QCOMPARE(
        py.runScript(QStringLiteral("leaked = 1\nimport sys\nsys.argv.append('x')\n"), QStringLiteral("a.py"))
            .status,
        ScriptResult::Status::Ok);
    const ScriptResult r = py.runScript(QStringLiteral("leaked\n"), QStringLiteral("b.py"));
    QCOMPARE(r.status, ScriptResult::Status::Error);
    QVERIFY(r.message.contains(QLatin1String("NameError: name 'leaked' is not defined")));
    // Each script starts with its own argv and the Awaitscope policy.
    const ScriptResult c = py.runScript(
        QStringLiteral("import sys, asyncio\n"
                       "assert sys.argv == ['c.py'], sys.argv\n"
                       "assert type(asyncio.get_event_loop_policy()).__name__ == 'AwaitscopePolicy'\n"),
        QStringLiteral("c.py"));
    QVERIFY2(c.status == ScriptResult::Status::Ok, qPrintable(c.message));
    // input() would block the GUI thread: refused with a message, and only inside scripts.
    const ScriptResult i = py.runScript(QStringLiteral("input('name? ')\n"), QStringLiteral("i.py"));
    QCOMPARE(i.status, ScriptResult::Status::Error);
    QVERIFY2(i.message.contains(QLatin1String("RuntimeError: input() would block the event loop")),
             qPrintable(i.message));
}

QTEST_GUILESS_MAIN(TestPythonInterpreter)
#include "tst_pythoninterpreter.moc"
