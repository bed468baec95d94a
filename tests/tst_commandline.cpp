// The command line: every bad input is named and exits with code 2; good input runs.

#include "commandline.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
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
        QTest::newRow("at without headless") << QStringList{QStringLiteral("--at"), QStringLiteral("100")}
                                             << QStringLiteral("--at needs --headless");
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
    }

    void stateAtATimeOfARun()
    {
        // fetch-user, 100 ms a request: at 130 ms the task waits for its posts (line 15).
        const Run run = runApp({QStringLiteral("--headless"), QStringLiteral("--latency"),
                                QStringLiteral("100"), QStringLiteral("--at"), QStringLiteral("130")});
        QCOMPARE(run.exitCode, 0);
        const QJsonDocument doc = QJsonDocument::fromJson(run.out.toUtf8());
        QVERIFY2(doc.isObject(), qPrintable(run.out)); // stdout holds the JSON only
        QVERIFY(run.err.contains(QLatin1String("total time 300.0 ms"))); // the summary went to stderr
        const QJsonObject state = doc.object();
        QCOMPARE(state.value(QStringLiteral("time_ms")).toInt(), 130);
        const QJsonArray tasks = state.value(QStringLiteral("tasks")).toArray();
        QCOMPARE(tasks.size(), 2); // main and fetch_user(1)
        const QJsonObject task = tasks.at(1).toObject();
        QCOMPARE(task.value(QStringLiteral("name")).toString(), QStringLiteral("fetch_user(1)"));
        QCOMPARE(task.value(QStringLiteral("state")).toString(), QStringLiteral("waiting"));
        QCOMPARE(task.value(QStringLiteral("file")).toString(), QStringLiteral("fetchuser.cpp"));
        QCOMPARE(task.value(QStringLiteral("line")).toInt(), 15);
        QCOMPARE(task.value(QStringLiteral("call")).toString(), QStringLiteral("GET /users/1/posts"));
        const QJsonArray lines = state.value(QStringLiteral("lines")).toArray();
        QCOMPARE(lines.size(), 2); // main's join and the request
    }

    void saveOpenAndExportAgree()
    {
        QTemporaryDir dir;
        const QString rec = dir.filePath(QStringLiteral("fan.awaitscope"));
        const QStringList runArgs{QStringLiteral("--headless"), QStringLiteral("--scenario"),
                                  QStringLiteral("fan-out"),    QStringLiteral("--jobs"),
                                  QStringLiteral("20"),         QStringLiteral("--jitter"),
                                  QStringLiteral("40")};
        const Run saved =
            runApp(runArgs +
                   QStringList{QStringLiteral("--save"), rec, QStringLiteral("--at"), QStringLiteral("150")});
        QCOMPARE(saved.exitCode, 0);
        QVERIFY(saved.err.contains(QLatin1String("recording written to")));
        // Opened (a file name alone), the same state at the same time, and the same summary.
        const Run atFile =
            runApp({QStringLiteral("--headless"), rec, QStringLiteral("--at"), QStringLiteral("150")});
        QCOMPARE(atFile.exitCode, 0);
        QCOMPARE(atFile.out, saved.out);
        QVERIFY(QJsonDocument::fromJson(atFile.out.toUtf8())
                    .object()
                    .value(QStringLiteral("lines"))
                    .toArray()
                    .size() > 0);
        const Run opened = runApp({QStringLiteral("--open"), rec, QStringLiteral("--headless"),
                                   QStringLiteral("--export-trace"), dir.filePath(QStringLiteral("a.json"))});
        QCOMPARE(opened.exitCode, 0);
        QVERIFY2(opened.out.contains(QLatin1String("scenario fan-out: 20 jobs")), qPrintable(opened.out));
        QVERIFY(opened.out.contains(QLatin1String("tasks 21 (ok 21")));
        QVERIFY(opened.out.contains(QLatin1String("sources: fanout.cpp, fetchuser.cpp")));
        // Without --headless (the window does not open files yet) the summary is printed too.
        const Run plain = runApp({rec});
        QCOMPARE(plain.exitCode, 0);
        QVERIFY(plain.out.contains(QLatin1String("tasks 21 (ok 21")));
        QVERIFY(plain.err.contains(QLatin1String("the window cannot open files yet")));
        // The exported JSON opens too.
        const Run json = runApp({QStringLiteral("--headless"), dir.filePath(QStringLiteral("a.json"))});
        QCOMPARE(json.exitCode, 0);
        QVERIFY2(json.out.contains(QLatin1String("tasks 21 (ok 21")), qPrintable(json.out + json.err));
    }

    void badFilesExitWithCodeTwo()
    {
        QTemporaryDir dir;
        const auto write = [&](const char *name, const QByteArray &bytes) {
            QFile f(dir.filePath(QLatin1String(name)));
            f.open(QIODevice::WriteOnly);
            f.write(bytes);
            return f.fileName();
        };
        const QList<std::pair<QString, QString>> cases{
            {write("empty", {}), QStringLiteral("the file is empty")},
            {write("garbage", QByteArray(100, '\x07')),
             QStringLiteral("neither an Awaitscope recording nor")},
            {write("short", QByteArray("AWAITREC\x01")), QStringLiteral("truncated")},
            {write("notatrace.json", QByteArray("{\"name\": 1}")), QStringLiteral("not a Chrome trace")},
            {write("broken.json", QByteArray("{\"traceEvents\": [")), QStringLiteral("not valid JSON")},
        };
        for (const auto &[file, mention] : cases) {
            const Run run = runApp({QStringLiteral("--headless"), QStringLiteral("--open"), file});
            QCOMPARE(run.exitCode, 2);
            QVERIFY2(run.err.contains(mention) && run.err.contains(file), qPrintable(run.err));
        }
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
