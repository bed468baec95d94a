// The command line: every bad input is named and exits with code 2; good input parses.
// (What the headless runner then does is tst_headless.cpp.)

#include "apprunner.h"
#include "commandline.h"
#include "runlimits.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <functional>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <unistd.h>

using namespace awaitscope;
using namespace awaitscope::test;

namespace {

CommandLineResult parse(const QStringList &args)
{
    return parseCommandLine(QStringList{QStringLiteral("awaitscope")} + args);
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
        QTest::newRow("metrics into /proc")
            << QStringList{QStringLiteral("--metrics"), QStringLiteral("/proc/self/status")}
            << QStringLiteral("--metrics: cannot write '/proc/self/status'");
        QTest::newRow("export into missing folder")
            << QStringList{QStringLiteral("--export-trace"), QStringLiteral("/nonexistent/dir/t.json")}
            << QStringLiteral("folder '/nonexistent/dir' does not exist");
        QTest::newRow("export onto a folder")
            << QStringList{QStringLiteral("--export-trace"), QStringLiteral("/tmp")}
            << QStringLiteral("is a folder");
        QTest::newRow("stray argument")
            << QStringList{QStringLiteral("a.awaitscope"), QStringLiteral("b.awaitscope")}
            << QStringLiteral("unexpected argument 'b.awaitscope'");
        QTest::newRow("missing file")
            << QStringList{QStringLiteral("fan-out")} << QStringLiteral("'fan-out' does not exist");
        QTest::newRow("open a folder") << QStringList{QStringLiteral("--open"), QStringLiteral("/tmp")}
                                       << QStringLiteral("--open: '/tmp' is a folder");
        QTest::newRow("open and a file")
            << QStringList{QStringLiteral("--open"), QStringLiteral("/etc/hostname"),
                           QStringLiteral("x.awaitscope")}
            << QStringLiteral("unexpected argument 'x.awaitscope'");
        QTest::newRow("open with a run option")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("/etc/hostname"),
                           QStringLiteral("--jobs"), QStringLiteral("3")}
            << QStringLiteral("--jobs shapes a new run");
        QTest::newRow("at not a number")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--at"), QStringLiteral("soon")}
            << QStringLiteral("--at: 'soon' is not a number");
        QTest::newRow("at negative") << QStringList{QStringLiteral("--headless"), QStringLiteral("--at"),
                                                    QStringLiteral("-5")}
                                     << QStringLiteral("--at must be between 0");
        QTest::newRow("at on the real clock")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--clock"), QStringLiteral("real"),
                           QStringLiteral("--at"), QStringLiteral("5")}
            << QStringLiteral("--at needs the virtual clock");
        QTest::newRow("save without headless")
            << QStringList{QStringLiteral("--save"), QStringLiteral("/tmp/x.awaitscope")}
            << QStringLiteral("--save needs --headless");
        QTest::newRow("save into missing folder")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--save"),
                           QStringLiteral("/nonexistent/dir/x.awaitscope")}
            << QStringLiteral("--save: cannot write '/nonexistent/dir/x.awaitscope'");
        // Counts are read into their real type: nothing wraps around, every scenario has a limit.
        QTest::newRow("infectious int max jobs")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--scenario"),
                           QStringLiteral("infectious"), QStringLiteral("--jobs"),
                           QStringLiteral("2147483647")}
            << QStringLiteral("--jobs");
        QTest::newRow("jobs wrap to 1")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--scenario"),
                           QStringLiteral("infectious"), QStringLiteral("--jobs"),
                           QStringLiteral("4294967297")}
            << QStringLiteral("--jobs");
        QTest::newRow("jobs beyond an int")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--scenario"),
                           QStringLiteral("infectious"), QStringLiteral("--jobs"),
                           QStringLiteral("2147483648")}
            << QStringLiteral("--jobs");
        QTest::newRow("jobs beyond 64 bits")
            << QStringList{QStringLiteral("--jobs"), QStringLiteral("99999999999999999999999")}
            << QStringLiteral("--jobs: the fetch-user scenario takes at most 1000 jobs");
        QTest::newRow("hex jobs") << QStringList{QStringLiteral("--jobs"), QStringLiteral("0x10")}
                                  << QStringLiteral("--jobs: '0x10'");
        // A flag given twice is refused, not silently the last one.
        QTest::newRow("jobs twice") << QStringList{QStringLiteral("--jobs"), QStringLiteral("3"),
                                                   QStringLiteral("--jobs"), QStringLiteral("4")}
                                    << QStringLiteral("--jobs given twice");
        QTest::newRow("export twice")
            << QStringList{QStringLiteral("--export-trace"), QStringLiteral("/tmp/a.json"),
                           QStringLiteral("--export-trace"), QStringLiteral("/tmp/b.json")}
            << QStringLiteral("--export-trace given twice");
        QTest::newRow("headless metrics")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--metrics"),
                           QStringLiteral("/tmp/m.json")}
            << QStringLiteral("--metrics");
        QTest::newRow("headless speed")
            << QStringList{QStringLiteral("--headless"), QStringLiteral("--speed"), QStringLiteral("2")}
            << QStringLiteral("--speed only applies to the real clock");
        QTest::newRow("screenshot-after alone")
            << QStringList{QStringLiteral("--screenshot-after"), QStringLiteral("100")}
            << QStringLiteral("--screenshot-after needs --screenshot");
        // Checked before the run starts, with the system's reason.
        QTest::newRow("export into /proc")
            << QStringList{QStringLiteral("--export-trace"), QStringLiteral("/proc/version")}
            << QStringLiteral("/proc");
        QTest::newRow("export name too long")
            << QStringList{QStringLiteral("--export-trace"), QStringLiteral("/tmp/") + QString(100000, u'x')}
            << QStringLiteral("File name too long");
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

    void helpNamesTheProgram()
    {
        // Parsed before any QCoreApplication exists: Qt alone would print "<executable_name>".
        const auto parsed =
            parseCommandLine({QStringLiteral("/usr/local/bin/awaitscope"), QStringLiteral("--help")});
        QVERIFY2(parsed.helpText.startsWith(QLatin1String("Usage: awaitscope [options]")),
                 qPrintable(parsed.helpText.left(80)));
        const Run help = runApp({QStringLiteral("--help")});
        QCOMPARE(help.exitCode, 0);
        QVERIFY2(help.out.startsWith(QLatin1String("Usage: awaitscope [options]")),
                 qPrintable(help.out.left(80)));
        QVERIFY(!help.out.contains(QLatin1String("<executable_name>")));
    }

    void recordingOptionsParse()
    {
        QTemporaryDir dir;
        const QString file = dir.filePath(QStringLiteral("run.awaitscope"));
        QFile f(file);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.close();
        auto r = parse({file});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.options.openFile, file);
        r = parse({QStringLiteral("--open"), file, QStringLiteral("--headless"), QStringLiteral("--at"),
                   QStringLiteral("130.5"), QStringLiteral("--save"), dir.filePath(QStringLiteral("copy"))});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.options.atNs, qint64(130'500'000));
        QCOMPARE(r.options.saveFile, dir.filePath(QStringLiteral("copy")));
        QCOMPARE(parse({QStringLiteral("--headless")}).options.atNs, qint64(-1));
        // In the window, --at places the playhead (on an opened file, or a run once it ended),
        // and --quit-after and --speed (the replay's) go with an opened file.
        r = parse({file, QStringLiteral("--at"), QStringLiteral("40"), QStringLiteral("--quit-after"),
                   QStringLiteral("3000"), QStringLiteral("--speed"), QStringLiteral("0.5")});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.options.atNs, qint64(40'000'000));
        r = parse({QStringLiteral("--at"), QStringLiteral("100")});
        QVERIFY2(r.error.isEmpty(), qPrintable(r.error));
        QCOMPARE(r.options.atNs, qint64(100'000'000));
    }
};

QTEST_GUILESS_MAIN(TestCommandLine)
#include "tst_commandline.moc"
