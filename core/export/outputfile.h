#pragma once

#include <QByteArray>
#include <QString>
#include <memory>

class QIODevice;

namespace awaitscope {

/**
 * A file an export writes: the one way the program writes its output (traces, metrics,
 * screenshots).
 *
 * - A regular file, or a path that does not exist yet, is written atomically: into a temporary
 *   file next to it, flushed to the disk (fsync) and renamed over the target on commit(), so a
 *   crash or a full disk leaves the old file or nothing, never half a file. The new file keeps
 *   the old one's permissions; a symbolic link is followed, and stays a link.
 * - A character device (/dev/null, a terminal), a FIFO (named pipe) and "-" (standard output;
 *   also /dev/stdout and /proc/self/fd/N: the process's own descriptors) are written straight
 *   into: they are never replaced.
 * - Anything else (a folder, a socket, a block device, a file under /proc or /sys) is refused.
 *
 * check() tells, before a long run starts, whether a path can be written: missing folder,
 * permissions, a name too long, a target that is not a file. Errors say the system's reason
 * ("No space left on device", "Permission denied").
 */
class OutputFile {
public:
    explicit OutputFile(const QString &path);
    ~OutputFile(); // not committed: the temporary file is removed, the target left as it was
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;

    /// Empty if path can be written, else why not ("cannot write 'x': Permission denied").
    static QString check(const QString &path);

    /// Opens for writing; false (and errorString()) if it cannot.
    bool open();
    /// Where to write, once open. A write that fails (a full disk) fails every later one too;
    /// commit() then says why.
    QIODevice *device();
    /// Why a write failed ("No space left on device"), or empty.
    QString writeError() const;
    /// Finishes the file: flushed and synced, then renamed into place when atomic. False (and
    /// errorString()) if any write failed or the file could not be finished.
    bool commit();
    /// Gives up: the temporary file is removed (the target is untouched).
    void cancel();

    QString path() const { return m_path; }
    QString errorString() const { return m_error; }
    /// Written through a temporary file and renamed (a regular or a new file).
    bool isAtomic() const noexcept { return m_atomic; }
    /// Writes into this process's standard output ("-", /dev/stdout).
    bool isStandardOutput() const noexcept { return m_fd == -1 && m_stdFd == 1; }
    /// Whether path names this process's standard output, without opening anything.
    static bool namesStandardOutput(const QString &path);

    /// Writes bytes to path as one file (atomically where it can); false and error on failure.
    static bool writeAll(const QString &path, const QByteArray &bytes, QString *error);

private:
    bool fail(const QString &reason);
    void closeAll();

    QString m_path;
    QByteArray m_target; // where the bytes go: the path with symbolic links followed
    QByteArray m_temp; // the temporary file (atomic writes)
    std::unique_ptr<QIODevice> m_device;
    int m_fd = -1; // a descriptor this object opened (the temporary file, a device, a FIFO)
    int m_stdFd = -1; // or one of the process's own descriptors, written into
    bool m_atomic = false;
    QString m_error;
};

} // namespace awaitscope
