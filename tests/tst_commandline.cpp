// The command line: every bad input is named and exits with code 2; good input runs.

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

/// Runs the app; setup may redirect its output or change its folder first.
Run runApp(const QStringList &args, const std::function<void(QProcess &)> &setup = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    // A run that opens the window remembers its settings: never in the user's own.
    static const QTemporaryDir config;
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), config.path());
    p.setProcessEnvironment(env);
    if (setup)
        setup(p);
    p.start(QStringLiteral(AWAITSCOPE_BIN), args);
    if (!p.waitForFinished(60000)) {
        p.kill();
        p.waitForFinished();
        return {-1, {}, QStringLiteral("timed out")};
    }
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2,
            QString::fromUtf8(p.readAllStandardOutput()), QString::fromUtf8(p.readAllStandardError())};
}

QStringList headlessExport(const QString &target)
{
    return {QStringLiteral("--headless"),
            QStringLiteral("--scenario"),
            QStringLiteral("fan-out"),
            QStringLiteral("--jobs"),
            QStringLiteral("20"),
            QStringLiteral("--export-trace"),
            target};
}

bool isTraceJson(const QByteArray &bytes)
{
    const QJsonDocument doc = QJsonDocument::fromJson(bytes);
    return doc.isObject() && doc.object().value(QStringLiteral("traceEvents")).isArray();
}

/// The first number after prefix in text ("total time 300.0 ms" -> 300), or -1.
double numberAfter(const QString &text, const QString &prefix)
{
    const QRegularExpression re(QRegularExpression::escape(prefix) + QStringLiteral("\\s*([0-9.]+)"));
    const auto m = re.match(text);
    return m.hasMatch() ? m.captured(1).toDouble() : -1;
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

    void exportIntoADeviceKeepsTheDevice()
    {
        // mknod n c 1 3: a null device of our own (the system's /dev/null is tested in
        // tst_outputfile, never risked on an older build).
        QTemporaryDir dir;
        const QString node = dir.filePath(QStringLiteral("null"));
        if (::mknod(QFile::encodeName(node).constData(), S_IFCHR | 0666, makedev(1, 3)) != 0)
            QSKIP("mknod is not allowed here");
        const Run run = runApp(headlessExport(node));
        QCOMPARE(run.exitCode, 0);
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(node).constData(), &st), 0);
        QVERIFY2(S_ISCHR(st.st_mode), "the device was replaced by a regular file");
        QCOMPARE(st.st_rdev, makedev(1, 3));
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System),
            QStringList{QStringLiteral("null")}); // no temporary file left behind
    }

    void exportIntoAFifo()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QProcess reader;
        reader.start(QStringLiteral("cat"), {fifo});
        QVERIFY(reader.waitForStarted());
        const Run run = runApp(headlessExport(fifo));
        QCOMPARE(run.exitCode, 0);
        const bool read = reader.waitForFinished(10000);
        if (!read) {
            reader.kill();
            reader.waitForFinished();
        }
        QVERIFY2(read, "nothing was written into the FIFO");
        QVERIFY(isTraceJson(reader.readAllStandardOutput()));
        struct stat st = {};
        QCOMPARE(::stat(QFile::encodeName(fifo).constData(), &st), 0);
        QVERIFY2(S_ISFIFO(st.st_mode), "the FIFO was replaced by a regular file");
    }

    void exportToStandardOutput()
    {
        QTemporaryDir dir;
        // "-": the trace on standard output, the summary on standard error; no file named "-".
        const Run dash = runApp(headlessExport(QStringLiteral("-")),
                                [&dir](QProcess &p) { p.setWorkingDirectory(dir.path()); });
        QCOMPARE(dash.exitCode, 0);
        QVERIFY2(isTraceJson(dash.out.toUtf8()), qPrintable(dash.out.left(200)));
        QVERIFY2(dash.err.contains(QLatin1String("tasks 21 (ok 21")), qPrintable(dash.err));
        QVERIFY(!QFileInfo::exists(dir.filePath(QStringLiteral("-"))));

        // --export-trace /dev/stdout > out.json writes into out.json, and does not replace it.
        const QString out = dir.filePath(QStringLiteral("out.json"));
        QFile(out).open(QIODevice::WriteOnly);
        struct stat before = {};
        QCOMPARE(::stat(QFile::encodeName(out).constData(), &before), 0);
        const Run redirected = runApp(headlessExport(QStringLiteral("/dev/stdout")),
                                      [&out](QProcess &p) { p.setStandardOutputFile(out); });
        QCOMPARE(redirected.exitCode, 0);
        struct stat after = {};
        QCOMPARE(::stat(QFile::encodeName(out).constData(), &after), 0);
        QCOMPARE(after.st_ino, before.st_ino);
        QFile written(out);
        QVERIFY(written.open(QIODevice::ReadOnly));
        QVERIFY(isTraceJson(written.readAll()));
    }

    void exportIntoAReadOnlyFolder()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::setPermissions(dir.path(),
                                      QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                          QFileDevice::ReadOther | QFileDevice::ExeOther));
        const QStringList args = headlessExport(dir.filePath(QStringLiteral("t.json")));
        // Root writes anywhere: then the app runs as nobody.
        const Run run = ::geteuid() != 0 ? runApp(args) : [&args] {
            QProcess p;
            p.start(QStringLiteral("setpriv"),
                    QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                                QStringLiteral("--clear-groups"), QStringLiteral(AWAITSCOPE_BIN)} +
                        args);
            p.waitForFinished(60000);
            return Run{p.exitCode(), QString::fromUtf8(p.readAllStandardOutput()),
                       QString::fromUtf8(p.readAllStandardError())};
        }();
        QCOMPARE(run.exitCode, 2);
        QVERIFY2(run.err.contains(QLatin1String("--export-trace: cannot write")) &&
                     run.err.contains(QLatin1String("Permission denied")),
                 qPrintable(run.err));
        QVERIFY2(!run.out.contains(QLatin1String("tasks")), "the run started before the check");
    }

    void exportIntoAFullDisk()
    {
        QTemporaryDir mountPoint;
        const QByteArray mnt = QFile::encodeName(mountPoint.path());
        if (::geteuid() != 0 || ::mount("tmpfs", mnt.constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP("needs root and a tmpfs mount (tst_outputfile covers ENOSPC on /dev/full)");
        const auto unmount = qScopeGuard([&mnt] { ::umount(mnt.constData()); });
        const QString target = mountPoint.filePath(QStringLiteral("t.json"));
        {
            QFile old(target);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("old");
        }
        // A trace bigger than the disk: the system's reason, and the old file intact.
        const Run big = runApp({QStringLiteral("--headless"), QStringLiteral("--scenario"),
                                QStringLiteral("stress"), QStringLiteral("--jobs"), QStringLiteral("2000"),
                                QStringLiteral("--export-trace"), target});
        QCOMPARE(big.exitCode, 1);
        QVERIFY2(big.err.contains(QLatin1String("No space left on device")), qPrintable(big.err));
        QFile old(target);
        QVERIFY(old.open(QIODevice::ReadOnly));
        QCOMPARE(old.readAll(), QByteArray("old"));
        QCOMPARE(QDir(mountPoint.path()).entryList(QDir::Files | QDir::Hidden),
                 QStringList{QStringLiteral("t.json")});
        // A disk already full is refused before the run starts.
        QFile filler(mountPoint.filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size()) { }
        filler.close();
        const Run full = runApp(headlessExport(target));
        QCOMPARE(full.exitCode, 2);
        QVERIFY2(full.err.contains(QLatin1String("No space left on device")), qPrintable(full.err));
        QVERIFY2(!full.out.contains(QLatin1String("tasks")), "the run started before the check");
    }

    void windowExportsItsTraceAtExit()
    {
        // --export-trace is not only the headless runner's: the window writes its run at exit.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("window.json"));
        const Run run = runApp({QStringLiteral("--scenario"), QStringLiteral("fan-out"),
                                QStringLiteral("--jobs"), QStringLiteral("5"), QStringLiteral("--speed"),
                                QStringLiteral("20"), QStringLiteral("--quit-after"), QStringLiteral("1500"),
                                QStringLiteral("--export-trace"), path});
        if (run.exitCode == 2 && run.err.contains(QLatin1String("this build has no window")))
            QSKIP("built without the window (AWAITSCOPE_BUILD_GUI=OFF)");
        QCOMPARE(run.exitCode, 0);
        QFile f(path);
        QVERIFY2(f.open(QIODevice::ReadOnly), qPrintable(run.err));
        QVERIFY(isTraceJson(f.readAll()));
    }

    void lognormalTailStaysWithinTheLimit()
    {
        const Run run = runApp({QStringLiteral("--headless"), QStringLiteral("--scenario"),
                                QStringLiteral("stress"), QStringLiteral("--jobs"), QStringLiteral("1000"),
                                QStringLiteral("--jitter"), QStringLiteral("600000"),
                                QStringLiteral("--latency-model"), QStringLiteral("lognormal")});
        QCOMPARE(run.exitCode, 0);
        // Three requests per job, each at most the latency limit.
        const double total = numberAfter(run.out, QStringLiteral("total time"));
        const double awaited = numberAfter(run.out, QStringLiteral("awaited"));
        QVERIFY2(total > 0 && total <= 3 * limits::MaxLatencyMs + 1, qPrintable(run.out));
        QVERIFY2(awaited > 0 && awaited <= 3000 * limits::MaxLatencyMs, qPrintable(run.out));
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

    void scriptOpensTheWindow()
    {
        // Without --headless, --script opens the window in Python mode on the file (it used to
        // be refused): it runs, and --quit-after ends the application normally.
        const Run run =
            runApp({QStringLiteral("--script"), QStringLiteral(AWAITSCOPE_EXAMPLES_DIR "/fetch_user.py"),
                    QStringLiteral("--speed"), QStringLiteral("20"), QStringLiteral("--quit-after"),
                    QStringLiteral("1500")});
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.err.contains(QLatin1String("--headless")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("Fatal")), qPrintable(run.err));
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
