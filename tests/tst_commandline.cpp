// The command line: every bad input is named and exits with code 2; good input runs.

#include "commandline.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace awaitscope;

namespace {

CommandLineResult parse(const QStringList &args)
{
    return parseCommandLine(QStringList{QStringLiteral("awaitscope")} + args);
}

struct Run {
    int exitCode;
    QString out;
    QString err;
};

Run runApp(const QStringList &args)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    p.setProcessEnvironment(env);
    p.start(QStringLiteral(AWAITSCOPE_BIN), args);
    if (!p.waitForFinished(60000))
        return {-1, {}, QStringLiteral("timed out")};
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

} // namespace

class TestCommandLine : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void defaults()
    {
        const auto r = parse({});
        QVERIFY(r.error.isEmpty());
        QCOMPARE(r.options.action, CommandLineOptions::Action::Run);
        QCOMPARE(r.options.run.scenario, QStringLiteral("fetch-user"));
        QCOMPARE(r.options.run.clock, ClockMode::Real); // the window's default
        QVERIFY(!r.options.headless);
        const auto h = parse({QStringLiteral("--headless")});
        QCOMPARE(h.options.run.clock, ClockMode::Virtual); // headless defaults to virtual time
    }

    void parsesEveryKnob()
    {
        const auto r = parse({QStringLiteral("--scenario"),      QStringLiteral("fan-out"),
                              QStringLiteral("--jobs"),          QStringLiteral("40"),
                              QStringLiteral("--latency"),       QStringLiteral("80"),
                              QStringLiteral("--jitter"),        QStringLiteral("5.5"),
                              QStringLiteral("--failure-rate"),  QStringLiteral("0.1"),
                              QStringLiteral("--seed"),          QStringLiteral("99"),
                              QStringLiteral("--speed"),         QStringLiteral("2"),
                              QStringLiteral("--clock"),         QStringLiteral("virtual"),
                              QStringLiteral("--latency-model"), QStringLiteral("lognormal"),
                              QStringLiteral("--quit-after"),    QStringLiteral("500")});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        const RunConfig &c = r.options.run;
        QCOMPARE(c.scenario, QStringLiteral("fan-out"));
        QCOMPARE(c.jobs, 40);
        QCOMPARE(c.network.latencyMs, 80.0);
        QCOMPARE(c.network.jitterMs, 5.5);
        QCOMPARE(c.network.failureRate, 0.1);
        QCOMPARE(c.network.model, LatencyModel::LogNormal);
        QCOMPARE(c.seed, quint64(99));
        QCOMPARE(c.speed, 2.0);
        QCOMPARE(c.clock, ClockMode::Virtual);
        QCOMPARE(r.options.quitAfterMs, qint64(500));
    }

    void badInputIsNamed_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("mention");
        QTest::newRow("unknown flag")
            << QStringList{QStringLiteral("--frobnicate")} << QStringLiteral("frobnicate");
        QTest::newRow("unknown scenario") << QStringList{QStringLiteral("--scenario"), QStringLiteral("nope")}
                                          << QStringLiteral("unknown scenario 'nope'");
        QTest::newRow("negative latency")
            << QStringList{QStringLiteral("--latency"), QStringLiteral("-5")} << QStringLiteral("--latency");
        QTest::newRow("latency not a number")
            << QStringList{QStringLiteral("--latency"), QStringLiteral("fast")}
            << QStringLiteral("--latency: 'fast'");
        QTest::newRow("absurd latency") << QStringList{QStringLiteral("--latency"), QStringLiteral("1e15")}
                                        << QStringLiteral("--latency");
        QTest::newRow("zero jobs") << QStringList{QStringLiteral("--jobs"), QStringLiteral("0")}
                                   << QStringLiteral("--jobs must be at least 1");
        QTest::newRow("jobs not a number") << QStringList{QStringLiteral("--jobs"), QStringLiteral("ten")}
                                           << QStringLiteral("--jobs: 'ten'");
        QTest::newRow("too many jobs") << QStringList{QStringLiteral("--scenario"), QStringLiteral("stress"),
                                                      QStringLiteral("--jobs"), QStringLiteral("2000000")}
                                       << QStringLiteral("at most 1000000");
        QTest::newRow("failure rate above 1")
            << QStringList{QStringLiteral("--failure-rate"), QStringLiteral("1.5")}
            << QStringLiteral("--failure-rate");
        QTest::newRow("failure rate below 0")
            << QStringList{QStringLiteral("--failure-rate"), QStringLiteral("-0.1")}
            << QStringLiteral("--failure-rate");
        QTest::newRow("unknown clock") << QStringList{QStringLiteral("--clock"), QStringLiteral("sundial")}
                                       << QStringLiteral("unknown clock 'sundial'");
        QTest::newRow("speed too high") << QStringList{QStringLiteral("--speed"), QStringLiteral("100")}
                                        << QStringLiteral("--speed must be between");
        QTest::newRow("unknown model")
            << QStringList{QStringLiteral("--latency-model"), QStringLiteral("pareto")}
            << QStringLiteral("pareto");
        QTest::newRow("bad seed") << QStringList{QStringLiteral("--seed"), QStringLiteral("-3")}
                                  << QStringLiteral("--seed");
        QTest::newRow("bad quit-after") << QStringList{QStringLiteral("--quit-after"), QStringLiteral("0")}
                                        << QStringLiteral("--quit-after");
        QTest::newRow("export into missing folder")
            << QStringList{QStringLiteral("--export-trace"), QStringLiteral("/nonexistent/dir/t.json")}
            << QStringLiteral("folder '/nonexistent/dir' does not exist");
        QTest::newRow("export onto a folder")
            << QStringList{QStringLiteral("--export-trace"), QStringLiteral("/tmp")}
            << QStringLiteral("is a folder");
        QTest::newRow("stray argument")
            << QStringList{QStringLiteral("fan-out")} << QStringLiteral("unexpected argument");
        QTest::newRow("missing script")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--script"),
                           QStringLiteral("/nonexistent/x.py")}
            << QStringLiteral("--script: '/nonexistent/x.py' does not exist");
        QTest::newRow("script is a folder")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--script"), QStringLiteral("/tmp")}
            << QStringLiteral("--script: '/tmp' is a folder");
        QTest::newRow("script and scenario")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--script"),
                           QStringLiteral(AWAITSCOPE_EXAMPLES_DIR "/fetch_user.py"),
                           QStringLiteral("--scenario"), QStringLiteral("fan-out")}
            << QStringLiteral("cannot be combined with --scenario");
        QTest::newRow("bad hold limit") << QStringList{QStringLiteral("--hold-limit"), QStringLiteral("soon")}
                                        << QStringLiteral("--hold-limit: 'soon'");
        QTest::newRow("headless screenshot")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--screenshot"),
                           QStringLiteral("/tmp/x.png")}
            << QStringLiteral("--headless has no window");
    }

    void badInputIsNamed()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mention);
        const auto r = parse(args);
        QVERIFY2(r.error.contains(mention), qPrintable(r.error));
    }

    void badInputExitsWithCodeTwo_data() { badInputIsNamed_data(); }

    void badInputExitsWithCodeTwo()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, mention);
        const Run run = runApp(args);
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(mention), qPrintable(run.err));
        QVERIFY(run.err.contains(QLatin1String("--help")));
    }

    void versionHelpAndList()
    {
        const Run version = runApp({QStringLiteral("--version")});
        QCOMPARE(version.exitCode, 0);
        QCOMPARE(version.out.trimmed(), QStringLiteral("awaitscope " AWAITSCOPE_VERSION_STRING));
        const Run help = runApp({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        for (const char *flag : {"--scenario", "--headless", "--export-trace", "--failure-rate", "--clock"})
            QVERIFY2(help.out.contains(QLatin1String(flag)), flag);
        const Run list = runApp({QStringLiteral("--list-scenarios")});
        QCOMPARE(list.exitCode, 0);
        for (const char *id :
             {"fetch-user", "callbacks", "blocking", "fan-out", "slow-io", "infectious", "errors", "stress"})
            QVERIFY2(list.out.contains(QLatin1String(id)), id);
    }

    void headlessRunPrintsSummaryAndExports()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.json"));
        const Run run =
            runApp({QStringLiteral("--headless"), QStringLiteral("--scenario"), QStringLiteral("fan-out"),
                    QStringLiteral("--jobs"), QStringLiteral("100"), QStringLiteral("--latency"),
                    QStringLiteral("100"), QStringLiteral("--export-trace"), path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("tasks 101 (ok 101")), qPrintable(run.out));
        QVERIFY2(run.out.contains(QLatin1String("total time 300.0 ms simulated")), qPrintable(run.out));
        // 300 requests, and main's first join (the other children are done when it gets to them).
        QVERIFY(run.out.contains(QLatin1String("awaits 301")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(f.readAll()).isObject());
    }

    void headlessScriptPrintsItsOutputAndExports()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.json"));
        const Run run =
            runApp({QStringLiteral("--headless"), QStringLiteral("--script"),
                    QStringLiteral(AWAITSCOPE_EXAMPLES_DIR "/fetch_user.py"), QStringLiteral("--jitter"),
                    QStringLiteral("0"), QStringLiteral("--export-trace"), path});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.startsWith(QLatin1String("{'user': {'id': 1")), qPrintable(run.out));
        QVERIFY(
            run.out.contains(QLatin1String("three awaits in a row took 0.3 s\nscript fetch_user.py: seed 1, "
                                           "virtual clock, Python 3.11")));
        QVERIFY(run.out.contains(QLatin1String("total time 300.0 ms simulated")));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QByteArray json = f.readAll();
        QVERIFY(QJsonDocument::fromJson(json).isObject());
        QVERIFY(json.contains(R"x("name":"net.get('/users/1')","args":{"line":"fetch_user.py:13")x"));

        const Run quiet =
            runApp({QStringLiteral("--headless"), QStringLiteral("--no-summary"), QStringLiteral("--script"),
                    QStringLiteral(AWAITSCOPE_EXAMPLES_DIR "/gather_fanout.py")});
        QCOMPARE(quiet.exitCode, 0);
        QVERIFY2(quiet.out.endsWith(QLatin1String("ten requests took 0.1 s\n")), qPrintable(quiet.out));
    }

    void badScriptsExitWithTwo_data()
    {
        QTest::addColumn<QString>("source");
        QTest::addColumn<QStringList>("extra");
        QTest::addColumn<int>("code");
        QTest::addColumn<QString>("mention");
        QTest::newRow("syntax error") << QStringLiteral("import asyncio\n\nasync def main(:\n    pass\n")
                                      << QStringList{} << 2 << QStringLiteral("bad.py\", line 3");
        QTest::newRow("uncaught exception")
            << QStringLiteral("import asyncio\nasync def main():\n    await asyncio.sleep(0.1)\n    raise "
                              "KeyError('k')\nasyncio.run(main())\n")
            << QStringList{} << 2 << QStringLiteral("bad.py\", line 4, in main");
        QTest::newRow("held loop") << QStringLiteral(
                                          "import asyncio\nasync def main():\n    while True:\n        "
                                          "pass\nasyncio.run(main())\n")
                                   << QStringList{QStringLiteral("--hold-limit"), QStringLiteral("300")} << 2
                                   << QStringLiteral("held the event loop for more than 0.3 s");
        QTest::newRow("waits forever") << QStringLiteral("import asyncio\nasync def main():\n    await "
                                                         "asyncio.Event().wait()\nasyncio.run(main())\n")
                                       << QStringList{} << 2 << QStringLiteral("will never happen");
        QTest::newRow("never ends") << QStringLiteral(
                                           "import asyncio\nasync def main():\n    while True:\n        "
                                           "await asyncio.sleep(1)\nasyncio.run(main())\n")
                                    << QStringList{QStringLiteral("--clock"), QStringLiteral("real"),
                                                   QStringLiteral("--quit-after"), QStringLiteral("300")}
                                    << 0 << QStringLiteral("stopped by --quit-after");
        QTest::newRow("sys.exit") << QStringLiteral("import sys\nprint('bye')\nsys.exit(5)\n")
                                  << QStringList{} << 5 << QString();
    }

    void badScriptsExitWithTwo()
    {
        QFETCH(QString, source);
        QFETCH(QStringList, extra);
        QFETCH(int, code);
        QFETCH(QString, mention);
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("bad.py"));
        QFile f(path);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(source.toUtf8());
        f.close();
        const Run run =
            runApp(QStringList{QStringLiteral("--headless"), QStringLiteral("--script"), path} + extra);
        QCOMPARE(run.exitCode, code);
        QVERIFY2(run.err.contains(mention), qPrintable(run.err));
        QVERIFY2(run.out.contains(QLatin1String("script bad.py:")),
                 qPrintable(run.out)); // the summary still comes
    }

    void scriptNeedsHeadlessForNow()
    {
        const Run run =
            runApp({QStringLiteral("--script"), QStringLiteral(AWAITSCOPE_EXAMPLES_DIR "/fetch_user.py")});
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--headless")), qPrintable(run.err));
    }

    void quitAfterStopsALongRun()
    {
        const Run run =
            runApp({QStringLiteral("--headless"), QStringLiteral("--clock"), QStringLiteral("real"),
                    QStringLiteral("--scenario"), QStringLiteral("fetch-user"), QStringLiteral("--latency"),
                    QStringLiteral("60000"), QStringLiteral("--quit-after"), QStringLiteral("200")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(run.out.contains(QLatin1String("stopped by --quit-after")), qPrintable(run.out));
        QVERIFY(run.out.contains(QLatin1String("cancelled 2")));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
