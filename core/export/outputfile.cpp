#include "outputfile.h"

#include <QFile>
#include <QFileInfo>
#include <QIODevice>
#include <QRandomGenerator>
#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <unistd.h>
#include <utility>

namespace awaitscope {

namespace {

constexpr long ProcMagic = 0x9fa0; // PROC_SUPER_MAGIC (linux/magic.h)
constexpr long SysfsMagic = 0x62656572; // SYSFS_MAGIC
constexpr int MaxLinks = 40; // as the kernel follows (ELOOP after that)

QString reason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

/// Writes into a descriptor, every byte or an error: a short write (the disk filled up halfway)
/// is an error with the system's reason, and no later write goes through.
class DescriptorDevice : public QIODevice {
public:
    explicit DescriptorDevice(int fd)
        : m_fd(fd)
    {
        QIODevice::open(QIODevice::WriteOnly | QIODevice::Unbuffered);
    }
    bool isSequential() const override { return true; }
    QString failure() const { return m_failure; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 length) override
    {
        if (!m_failure.isEmpty())
            return -1;
        qint64 done = 0;
        while (done < length) {
            const auto chunk = std::size_t(std::min<qint64>(length - done, qint64(1) << 30));
            const ssize_t n = ::write(m_fd, data + done, chunk);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                m_failure = reason(n < 0 ? errno : EIO);
                setErrorString(m_failure);
                return -1;
            }
            done += n;
        }
        return done;
    }

private:
    int m_fd;
    QString m_failure;
};

QString displayName(const QByteArray &path)
{
    return QFile::decodeName(path);
}

QByteArray folderOf(const QByteArray &path)
{
    const qsizetype slash = path.lastIndexOf('/');
    if (slash < 0)
        return QByteArrayLiteral(".");
    return slash == 0 ? QByteArrayLiteral("/") : path.left(slash);
}

/// What a path turned out to be, its symbolic links followed.
struct Target {
    enum Kind { Missing, Regular, Device, Fifo, OwnDescriptor, Refused };
    Kind kind = Refused;
    QByteArray path; // links followed (Missing: where the file will be created)
    int fd = -1; // OwnDescriptor
    QString problem; // Refused: why
    struct stat st = {};
};

Target refused(const QString &problem)
{
    Target t;
    t.problem = problem;
    return t;
}

/// The process's own descriptor that a path in /proc/<this process>/fd names, or -1.
int ownDescriptor(const QByteArray &folder, const QByteArray &name)
{
    char real[PATH_MAX];
    if (!::realpath(folder.constData(), real))
        return -1;
    const QByteArray mine = "/proc/" + QByteArray::number(qint64(::getpid())) + '/';
    const QByteArray r(real);
    if (!r.startsWith(mine) || !r.endsWith("/fd"))
        return -1;
    bool ok = false;
    const int fd = name.toInt(&ok, 10);
    return ok && fd >= 0 ? fd : -1;
}

Target resolve(const QString &path)
{
    if (path.isEmpty())
        return refused(QStringLiteral("no file name"));
    if (path == QLatin1String("-")) {
        Target t;
        t.kind = Target::OwnDescriptor;
        t.fd = STDOUT_FILENO;
        return t;
    }
    QByteArray p = QFile::encodeName(path);
    for (int hop = 0; hop <= MaxLinks; ++hop) {
        const QByteArray folder = folderOf(p);
        struct statfs fs = {};
        if (::statfs(folder.constData(), &fs) == 0 && (fs.f_type == ProcMagic || fs.f_type == SysfsMagic)) {
            // /dev/stdout links to /proc/self/fd/1: the process's own descriptors are written into.
            const int fd = ownDescriptor(folder, p.mid(folder.size() + 1));
            if (fd >= 0) {
                if (::fcntl(fd, F_GETFD) == -1)
                    return refused(reason(errno));
                Target t;
                t.kind = Target::OwnDescriptor;
                t.fd = fd;
                return t;
            }
            return refused(
                QStringLiteral("it is in %1, not a file to write into")
                    .arg(fs.f_type == ProcMagic ? QStringLiteral("/proc") : QStringLiteral("/sys")));
        }
        Target t;
        t.path = p;
        if (::lstat(p.constData(), &t.st) != 0) {
            const int error = errno;
            if (error != ENOENT)
                return refused(reason(error));
            struct stat dir = {};
            if (::stat(folder.constData(), &dir) != 0) {
                const int e = errno;
                const QString name = QFileInfo(displayName(folder)).absoluteFilePath();
                return refused(e == ENOENT ? QStringLiteral("folder '%1' does not exist").arg(name)
                                           : reason(e));
            }
            if (!S_ISDIR(dir.st_mode))
                return refused(QStringLiteral("'%1' is not a folder").arg(displayName(folder)));
            t.kind = Target::Missing;
            return t;
        }
        if (S_ISLNK(t.st.st_mode)) {
            char link[PATH_MAX];
            const ssize_t n = ::readlink(p.constData(), link, sizeof link - 1);
            if (n < 0)
                return refused(reason(errno));
            const QByteArray next(link, n);
            p = next.startsWith('/') ? next : folder + '/' + next;
            continue;
        }
        if (S_ISREG(t.st.st_mode))
            t.kind = Target::Regular;
        else if (S_ISCHR(t.st.st_mode))
            t.kind = Target::Device;
        else if (S_ISFIFO(t.st.st_mode))
            t.kind = Target::Fifo;
        else if (S_ISDIR(t.st.st_mode))
            return refused(QStringLiteral("it is a folder, not a file"));
        else
            return refused(QStringLiteral("it is not a regular file, a character device or a FIFO"));
        return t;
    }
    return refused(reason(ELOOP));
}

/// Whether the folder a new file goes into has room for it.
QString spaceProblem(const QByteArray &folder)
{
    struct statvfs vfs = {};
    if (::statvfs(folder.constData(), &vfs) != 0)
        return {};
    const auto blocks = ::geteuid() == 0 ? vfs.f_bfree : vfs.f_bavail; // root may use the reserve
    return blocks == 0 ? reason(ENOSPC) : QString();
}

QString checkTarget(const Target &t)
{
    if (t.kind == Target::Refused)
        return t.problem;
    if (t.kind == Target::OwnDescriptor) {
        const int flags = ::fcntl(t.fd, F_GETFL);
        if (flags == -1)
            return reason(errno);
        const int mode = flags & O_ACCMODE;
        return mode == O_WRONLY || mode == O_RDWR
            ? QString()
            : QStringLiteral("descriptor %1 is not open for writing").arg(t.fd);
    }
    if (t.kind != Target::Missing && ::faccessat(AT_FDCWD, t.path.constData(), W_OK, AT_EACCESS) != 0)
        return reason(errno);
    if (t.kind == Target::Missing || t.kind == Target::Regular) {
        // The temporary file is created in the folder, and renamed there.
        const QByteArray folder = folderOf(t.path);
        if (::faccessat(AT_FDCWD, folder.constData(), W_OK | X_OK, AT_EACCESS) != 0)
            return reason(errno);
        return spaceProblem(folder);
    }
    return {};
}

QString message(const QString &path, const QString &problem)
{
    // A name of 100,000 characters is shown by its ends.
    const QString shown = path.size() <= 160
        ? path
        : QStringLiteral("%1...%2 (%3 characters)").arg(path.left(80), path.right(40)).arg(path.size());
    return QStringLiteral("cannot write '%1': %2").arg(shown, problem);
}

} // namespace

OutputFile::OutputFile(const QString &path)
    : m_path(path)
{
}

OutputFile::~OutputFile()
{
    cancel();
}

QString OutputFile::check(const QString &path)
{
    const QString problem = checkTarget(resolve(path));
    return problem.isEmpty() ? QString() : message(path, problem);
}

bool OutputFile::namesStandardOutput(const QString &path)
{
    const Target t = resolve(path);
    return t.kind == Target::OwnDescriptor && t.fd == STDOUT_FILENO;
}

bool OutputFile::fail(const QString &reason)
{
    m_error = message(m_path, reason);
    cancel();
    return false;
}

bool OutputFile::open()
{
    cancel();
    m_error.clear();
    const Target t = resolve(m_path);
    if (const QString problem = checkTarget(t); !problem.isEmpty())
        return fail(problem);
    m_target = t.path;
    m_atomic = t.kind == Target::Missing || t.kind == Target::Regular;
    if (t.kind == Target::OwnDescriptor) {
        m_stdFd = t.fd;
        std::fflush(t.fd == STDOUT_FILENO ? stdout : t.fd == STDERR_FILENO ? stderr : nullptr);
    } else if (m_atomic) {
        // A temporary name next to the target (short enough for any file name the folder takes).
        const QByteArray folder = folderOf(m_target);
        const QByteArray base = m_target.mid(m_target.lastIndexOf('/') + 1);
        for (int attempt = 0; attempt < 100 && m_fd < 0; ++attempt) {
            const QByteArray temp = folder + "/." + base.left(200) + '.' +
                QByteArray::number(QRandomGenerator::global()->generate(), 36) + ".part";
            m_fd = ::open(temp.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
            if (m_fd >= 0)
                m_temp = temp;
            else if (errno != EEXIST)
                return fail(reason(errno));
        }
        if (m_fd < 0)
            return fail(reason(EEXIST));
        if (t.kind == Target::Regular) {
            // The file it replaces keeps its permissions (and, for root, its owner).
            (void)::fchmod(m_fd, t.st.st_mode & 07777);
            if (::geteuid() == 0)
                (void)::fchown(m_fd, t.st.st_uid, t.st.st_gid);
        }
    } else {
        // A device or a FIFO: written into, never replaced (a FIFO waits here for its reader).
        m_fd = ::open(m_target.constData(), O_WRONLY | O_CLOEXEC | O_NOCTTY);
        if (m_fd < 0)
            return fail(reason(errno));
    }
    m_device = std::make_unique<DescriptorDevice>(m_fd >= 0 ? m_fd : m_stdFd);
    return true;
}

QIODevice *OutputFile::device()
{
    return m_device.get();
}

QString OutputFile::writeError() const
{
    return m_device ? static_cast<const DescriptorDevice *>(m_device.get())->failure() : QString();
}

bool OutputFile::commit()
{
    if (!m_device)
        return fail(QStringLiteral("not open"));
    if (const QString failure = writeError(); !failure.isEmpty())
        return fail(failure);
    m_device.reset();
    if (m_fd >= 0) {
        if (m_atomic && ::fsync(m_fd) != 0)
            return fail(reason(errno));
        const int fd = std::exchange(m_fd, -1);
        if (::close(fd) != 0)
            return fail(reason(errno));
    }
    if (m_atomic) {
        if (::rename(m_temp.constData(), m_target.constData()) != 0)
            return fail(reason(errno));
        m_temp.clear();
        // The rename itself on the disk too (best effort: not every file system can).
        const int dir = ::open(folderOf(m_target).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (dir >= 0) {
            (void)::fsync(dir);
            ::close(dir);
        }
    }
    m_stdFd = -1;
    return true;
}

void OutputFile::cancel()
{
    closeAll();
    if (!m_temp.isEmpty()) {
        ::unlink(m_temp.constData());
        m_temp.clear();
    }
}

void OutputFile::closeAll()
{
    m_device.reset();
    if (m_fd >= 0)
        ::close(std::exchange(m_fd, -1));
    m_stdFd = -1;
}

bool OutputFile::writeAll(const QString &path, const QByteArray &bytes, QString *error)
{
    OutputFile file(path);
    if (file.open()) {
        file.device()->write(bytes); // a failed write is the file's error: commit() tells it
        if (file.commit())
            return true;
    }
    if (error)
        *error = file.errorString();
    return false;
}

} // namespace awaitscope
