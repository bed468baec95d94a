// The headless runner and the exports, end to end on the real executable: summaries, traces into
// files, FIFOs, devices and stdout, scripts, recordings, --at.

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

class TestHeadless : public QObject {
    Q_OBJECT
private Q_SLOTS:
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

    void compareHeadlessPrintsThreeVariants()
    {
        const Run run =
            runApp({QStringLiteral("--headless"), QStringLiteral("--compare"), QStringLiteral("--jobs"),
                    QStringLiteral("5"), QStringLiteral("--latency"), QStringLiteral("100")});
        QCOMPARE(run.exitCode, 0);
        const QJsonArray a = QJsonDocument::fromJson(run.out.toUtf8()).array();
        QCOMPARE(a.size(), 3);
        const QStringList names{QStringLiteral("blocking"), QStringLiteral("callbacks"),
                                QStringLiteral("await")};
        for (int i = 0; i < 3; ++i) {
            const QJsonObject v = a[i].toObject();
            QCOMPARE(v.value(QStringLiteral("variant")).toString(), names[i]);
            QCOMPARE(v.value(QStringLiteral("requests")).toInt(), 15);
            const double total = v.value(QStringLiteral("total_ms")).toDouble();
            const double hold = v.value(QStringLiteral("longest_hold_ms")).toDouble();
            if (i == 0) { // about 15 latencies, the loop held all along
                QVERIFY2(total >= 1500 && total < 1600, qPrintable(run.out));
                QVERIFY2(hold >= 1500, qPrintable(run.out));
            } else { // about 3 latencies, no hold over a frame
                QVERIFY2(total >= 300 && total < 400, qPrintable(run.out));
                QVERIFY2(hold < 16.7, qPrintable(run.out));
            }
        }
        // It runs its own scenarios, headless.
        QCOMPARE(runApp({QStringLiteral("--headless"), QStringLiteral("--compare"),
                         QStringLiteral("--scenario"), QStringLiteral("stress")})
                     .exitCode,
                 2);
        QCOMPARE(runApp({QStringLiteral("--headless"), QStringLiteral("--compare"), QStringLiteral("--jobs"),
                         QStringLiteral("50")})
                     .exitCode,
                 2); // the blocking variant takes 20 at most
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
        if (run.exitCode == 2 && run.err.contains(QLatin1String("this build has no window")))
            QSKIP("built without the window (AWAITSCOPE_BUILD_GUI=OFF)");
        QCOMPARE(run.exitCode, 0);
        QVERIFY2(!run.err.contains(QLatin1String("--headless")), qPrintable(run.err));
        QVERIFY2(!run.err.contains(QLatin1String("Fatal")), qPrintable(run.err));
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
        // Without --headless the window opens it, as a finished run: its export is the same events.
        const QString windowJson = dir.filePath(QStringLiteral("window.json"));
        const Run plain =
            runApp({rec, QStringLiteral("--at"), QStringLiteral("150"), QStringLiteral("--quit-after"),
                    QStringLiteral("2000"), QStringLiteral("--export-trace"), windowJson});
        if (!(plain.exitCode == 2 && plain.err.contains(QLatin1String("this build has no window")))) {
            QCOMPARE(plain.exitCode, 0);
            QFile a(dir.filePath(QStringLiteral("a.json"))), w(windowJson);
            QVERIFY(a.open(QIODevice::ReadOnly));
            QVERIFY2(w.open(QIODevice::ReadOnly), qPrintable(plain.err));
            const auto events = [](QFile &f) {
                return QJsonDocument::fromJson(f.readAll())
                    .object()
                    .value(QStringLiteral("traceEvents"))
                    .toArray();
            };
            const QJsonArray fromWindow = events(w);
            QVERIFY(!fromWindow.isEmpty());
            QCOMPARE(fromWindow, events(a));
        }
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
        // The window says so too, and exits with 2 (a file given on the command line).
        const Run window =
            runApp({cases.first().first, QStringLiteral("--quit-after"), QStringLiteral("20000")});
        if (window.exitCode == 2 && window.err.contains(QLatin1String("this build has no window")))
            return;
        QCOMPARE(window.exitCode, 2);
        QVERIFY2(window.err.contains(QLatin1String("the file is empty")), qPrintable(window.err));
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

QTEST_GUILESS_MAIN(TestHeadless)
#include "tst_headless.moc"
