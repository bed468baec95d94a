// OutputFile: files atomically, devices, FIFOs and standard output straight into, and every
// refusal with the system's reason.

#include "outputfile.h"

#include <QDir>
#include <QFileInfo>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <algorithm>
#include <cstdio>
#include <fcntl.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

using namespace awaitscope;

namespace {

QByteArray readAll(const QString &path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("<unreadable>");
}

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
}

struct stat statOf(const QString &path)
{
    struct stat st = {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st;
}

QStringList entries(const QString &dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot | QDir::System);
}

/// OutputFile::check(path) as the user nobody when we are root (root writes anywhere).
QString checkAsUnprivileged(const QString &path)
{
    if (::geteuid() != 0)
        return OutputFile::check(path);
    int fds[2];
    if (::pipe(fds) != 0)
        return QStringLiteral("<no pipe>");
    const pid_t child = ::fork();
    if (child == 0) {
        ::close(fds[0]);
        if (::setgid(65534) != 0 || ::setuid(65534) != 0)
            ::_exit(3);
        const QByteArray answer = OutputFile::check(path).toUtf8();
        const bool ok = ::write(fds[1], answer.constData(), size_t(answer.size())) == answer.size();
        ::_exit(ok ? 0 : 4);
    }
    ::close(fds[1]);
    QByteArray answer;
    char buffer[4096];
    for (ssize_t n; (n = ::read(fds[0], buffer, sizeof buffer)) > 0;)
        answer.append(buffer, n);
    ::close(fds[0]);
    int status = 0;
    ::waitpid(child, &status, 0);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        return QStringLiteral("<the unprivileged check failed: %1>").arg(status);
    return QString::fromUtf8(answer);
}

} // namespace

class TestOutputFile : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void newFileAppearsOnlyOnCommit()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.json"));
        QVERIFY(OutputFile::check(path).isEmpty());
        OutputFile f(path);
        QVERIFY2(f.open(), qPrintable(f.errorString()));
        QVERIFY(f.isAtomic());
        f.device()->write("{}");
        QVERIFY(!QFileInfo::exists(path)); // not before it is complete
        QVERIFY2(f.commit(), qPrintable(f.errorString()));
        QCOMPARE(readAll(path), QByteArray("{}"));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("t.json")}); // no temporary left
    }

    void replacedFileKeepsItsPermissionsAndCancelKeepsIt()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.json"));
        QVERIFY(writeFile(path, "old"));
        QVERIFY(::chmod(QFile::encodeName(path).constData(), 0640) == 0);
        {
            OutputFile f(path);
            QVERIFY(f.open());
            f.device()->write("half of a new file");
            f.cancel();
        }
        QCOMPARE(readAll(path), QByteArray("old"));
        {
            OutputFile f(path);
            QVERIFY(f.open());
            f.device()->write("dropped"); // destroyed without commit: the same as cancel
        }
        QCOMPARE(readAll(path), QByteArray("old"));
        QVERIFY(OutputFile::writeAll(path, "new", nullptr));
        QCOMPARE(readAll(path), QByteArray("new"));
        QCOMPARE(statOf(path).st_mode & 07777, mode_t(0640));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("t.json")});
    }

    void symbolicLinkStaysALink()
    {
        QTemporaryDir dir;
        const QString target = dir.filePath(QStringLiteral("real.json"));
        const QString link = dir.filePath(QStringLiteral("link.json"));
        QVERIFY(writeFile(target, "old"));
        QVERIFY(QFile::link(target, link));
        QVERIFY(OutputFile::writeAll(link, "new", nullptr));
        QVERIFY(QFileInfo(link).isSymLink());
        QCOMPARE(readAll(target), QByteArray("new"));
    }

    void deviceStaysADevice()
    {
        const struct stat before = statOf(QStringLiteral("/dev/null"));
        QVERIFY(S_ISCHR(before.st_mode));
        OutputFile f(QStringLiteral("/dev/null"));
        QVERIFY2(f.open(), qPrintable(f.errorString()));
        QVERIFY(!f.isAtomic());
        f.device()->write(QByteArray(100000, 'x'));
        QVERIFY2(f.commit(), qPrintable(f.errorString()));
        const struct stat after = statOf(QStringLiteral("/dev/null"));
        QVERIFY(S_ISCHR(after.st_mode));
        QCOMPARE(after.st_rdev, before.st_rdev);
        QCOMPARE(after.st_ino, before.st_ino);
    }

    void fullDeviceSaysNoSpace()
    {
        QVERIFY(OutputFile::check(QStringLiteral("/dev/full")).isEmpty());
        QString error;
        QVERIFY(!OutputFile::writeAll(QStringLiteral("/dev/full"), "x", &error));
        QVERIFY2(error.contains(QLatin1String("No space left on device")), qPrintable(error));
        QVERIFY(error.contains(QLatin1String("'/dev/full'")));
        QVERIFY(S_ISCHR(statOf(QStringLiteral("/dev/full")).st_mode));
    }

    void fifoIsWrittenInto()
    {
        QTemporaryDir dir;
        const QString fifo = dir.filePath(QStringLiteral("pipe"));
        QCOMPARE(::mkfifo(QFile::encodeName(fifo).constData(), 0600), 0);
        QVERIFY(OutputFile::check(fifo).isEmpty()); // checking never waits for a reader
        QByteArray received;
        std::thread reader([&fifo, &received] {
            QFile in(fifo);
            if (in.open(QIODevice::ReadOnly))
                received = in.readAll();
        });
        const QByteArray sent(200000, 'y'); // more than a pipe holds at once
        QString error;
        const bool written = OutputFile::writeAll(fifo, sent, &error);
        reader.join();
        QVERIFY2(written, qPrintable(error));
        QCOMPARE(received.size(), sent.size());
        QVERIFY(S_ISFIFO(statOf(fifo).st_mode));
        QCOMPARE(entries(dir.path()), QStringList{QStringLiteral("pipe")});
    }

    void dashIsStandardOutput()
    {
        QVERIFY(OutputFile::namesStandardOutput(QStringLiteral("-")));
        QVERIFY(OutputFile::namesStandardOutput(QStringLiteral("/dev/stdout")));
        QVERIFY(OutputFile::namesStandardOutput(QStringLiteral("/proc/self/fd/1")));
        QVERIFY(!OutputFile::namesStandardOutput(QStringLiteral("/dev/stderr")));
        QVERIFY(!OutputFile::namesStandardOutput(QStringLiteral("/tmp/x.json")));
        // Standard output on a pipe for the length of the test.
        int fds[2];
        QCOMPARE(::pipe(fds), 0);
        std::fflush(stdout);
        const int saved = ::dup(STDOUT_FILENO);
        ::dup2(fds[1], STDOUT_FILENO);
        ::close(fds[1]);
        bool written = false;
        bool standard = false;
        {
            OutputFile f(QStringLiteral("-"));
            if (f.open()) {
                standard = f.isStandardOutput() && !f.isAtomic();
                f.device()->write("to stdout");
                written = f.commit();
            }
        }
        ::dup2(saved, STDOUT_FILENO);
        ::close(saved);
        char buffer[64] = {};
        const ssize_t n = ::read(fds[0], buffer, sizeof buffer - 1);
        ::close(fds[0]);
        QVERIFY(written);
        QVERIFY(standard);
        QCOMPARE(QByteArray(buffer, int(std::max<ssize_t>(n, 0))), QByteArray("to stdout"));
        QVERIFY(!QFileInfo::exists(QStringLiteral("-")));
    }

    void checkNamesTheProblem_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("mention");
        QTest::newRow("empty") << QString() << QStringLiteral("no file name");
        QTest::newRow("missing folder") << QStringLiteral("/nonexistent/dir/t.json")
                                        << QStringLiteral("folder '/nonexistent/dir' does not exist");
        QTest::newRow("a folder") << QStringLiteral("/tmp") << QStringLiteral("is a folder");
        QTest::newRow("path too long")
            << QStringLiteral("/tmp/") + QString(100000, u'x') << QStringLiteral("File name too long");
        QTest::newRow("name too long")
            << QStringLiteral("/tmp/") + QString(300, u'x') << QStringLiteral("File name too long");
        QTest::newRow("/proc file") << QStringLiteral("/proc/version") << QStringLiteral("/proc");
        QTest::newRow("new /proc file") << QStringLiteral("/proc/awaitscope.json") << QStringLiteral("/proc");
        QTest::newRow("/sys file") << QStringLiteral("/sys/kernel/uevent_seqnum") << QStringLiteral("/sys");
        QTest::newRow("under a file")
            << QStringLiteral("/etc/hostname/t.json") << QStringLiteral("Not a directory");
    }

    void checkNamesTheProblem()
    {
        QFETCH(QString, path);
        QFETCH(QString, mention);
        const QString problem = OutputFile::check(path);
        QVERIFY2(problem.contains(mention), qPrintable(problem.left(300)));
        QVERIFY(problem.size() < 400); // a 100,000-character name is shortened
        OutputFile f(path);
        QVERIFY(!f.open()); // open refuses for the same reason
        QVERIFY2(f.errorString().contains(mention), qPrintable(f.errorString().left(300)));
    }

    void readOnlyFolderIsRefused()
    {
        QTemporaryDir dir;
        QVERIFY(::chmod(QFile::encodeName(dir.path()).constData(), 0555) == 0);
        const QString problem = checkAsUnprivileged(dir.filePath(QStringLiteral("t.json")));
        QVERIFY2(problem.contains(QLatin1String("Permission denied")), qPrintable(problem));
    }

    void fullDiskSaysNoSpaceAndKeepsTheOldFile()
    {
        QTemporaryDir mountPoint;
        const QByteArray mnt = QFile::encodeName(mountPoint.path());
        if (::geteuid() != 0 || ::mount("tmpfs", mnt.constData(), "tmpfs", 0, "size=64k") != 0)
            QSKIP("needs root and a tmpfs mount (fullDeviceSaysNoSpace covers ENOSPC)");
        const auto unmount = qScopeGuard([&mnt] { ::umount(mnt.constData()); });
        const QString path = mountPoint.filePath(QStringLiteral("t.json"));
        QVERIFY(writeFile(path, "old"));
        QVERIFY(OutputFile::check(path).isEmpty());
        QString error;
        QVERIFY(!OutputFile::writeAll(path, QByteArray(256 * 1024, 'z'), &error));
        QVERIFY2(error.contains(QLatin1String("No space left on device")), qPrintable(error));
        QCOMPARE(readAll(path), QByteArray("old"));
        QCOMPARE(entries(mountPoint.path()), QStringList{QStringLiteral("t.json")});
        // Full to the last block: the check says so before anything is written.
        QFile filler(mountPoint.filePath(QStringLiteral("filler")));
        QVERIFY(filler.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
        const QByteArray block(4096, 'x');
        while (filler.write(block) == block.size()) { }
        filler.close();
        const QString problem = OutputFile::check(path);
        QVERIFY2(problem.contains(QLatin1String("No space left on device")), qPrintable(problem));
    }
};

QTEST_GUILESS_MAIN(TestOutputFile)
#include "tst_outputfile.moc"
