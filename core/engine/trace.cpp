#include "trace.h"

#include "dispose.h"
#include "reserve.h"

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <new>
#include <sys/mman.h>
#include <system_error>

namespace awaitscope {

Trace::Trace(QObject *parent)
    : QObject(parent)
{
    clear();
}

Trace::~Trace()
{
    if (m_spare.valid())
        ChunkDeleter()(m_spare.get());
}

namespace {

// One freed chunk kept for the next trace that needs one: every new trace (a run, a reset, each
// file a loader reads, each input of the fuzzers) starts with a chunk, and a fresh 2 MiB mapping
// costs its page faults (and under AddressSanitizer a map, an unmap and its shadow's poisoning:
// most of a fuzzer's time per input). Chunks are freed on pool threads too: an atomic swap.
std::atomic<void *> g_freeChunk{nullptr};

StoredEvent *allocateChunk(bool touch)
{
    if (void *kept = g_freeChunk.exchange(nullptr))
        return static_cast<StoredEvent *>(kept); // its pages are resident already
    // Huge-page aligned and advised, so the kernel backs it with one 2 MiB page. Not zeroed:
    // every slot is written before it is read.
    void *memory = std::aligned_alloc(Trace::ChunkBytes, Trace::ChunkBytes);
    if (!memory)
        throw std::bad_alloc();
#ifdef MADV_HUGEPAGE
    madvise(memory, Trace::ChunkBytes, MADV_HUGEPAGE);
#endif
    if (touch) {
        // One write per 4 KiB page: the page faults happen here, on the caller's thread.
        auto *bytes = static_cast<volatile char *>(memory);
        for (quint64 i = 0; i < Trace::ChunkBytes; i += 4096)
            bytes[i] = 0;
    }
    return static_cast<StoredEvent *>(memory);
}

} // namespace

quint32 Trace::intern(const QString &s)
{
    // Spawning a million tasks interns the same literal pattern a million times. The stored
    // copy shares its data with the string it was made from and keeps it alive, so the same data
    // pointer means the same string: no hashing.
    const QString &last = m_strings.at(m_lastInterned);
    if (s.constData() == last.constData() && s.size() == last.size())
        return m_lastInterned;
    m_lastInterned = internSlow(s);
    return m_lastInterned;
}

quint32 Trace::internSlow(const QString &s)
{
    const auto it = m_stringIds.constFind(s);
    if (it != m_stringIds.constEnd())
        return *it;
    const auto id = quint32(m_strings.size());
    m_strings.append(s);
    m_stringIds.insert(s, id);
    return id;
}

SiteId Trace::site(const QString &label, const char *file, quint32 line, SiteKind kind)
{
    // Keep only the file name: the build directory means nothing to the reader.
    const char *base = file ? std::strrchr(file, '/') : nullptr;
    return site(label, QString::fromUtf8(base ? base + 1 : (file ? file : "")), line, kind);
}

SiteId Trace::site(const QString &label, const QString &fileName, quint32 line, SiteKind kind)
{
    const Site key{intern(label), intern(fileName), line, kind};
    const auto it = m_siteIds.constFind(key);
    if (it != m_siteIds.constEnd())
        return *it;
    const auto id = SiteId(m_sites.size());
    Q_ASSERT(id <= TraceEvent::ArgMask);
    m_sites.push_back(key);
    m_siteIds.insert(key, id);
    return id;
}

TaskId Trace::addTask(TaskId parent, quint32 nameId, qint32 nameArg, qint64 timeNs)
{
    const auto id = TaskId(m_tasks.size());
    TaskInfo info;
    // A parent is always an earlier task, so the tree never has a cycle to walk forever (the
    // loaders check the same of a file).
    info.parent = parent < id ? parent : NoTask;
    info.name = nameId;
    info.nameArg = nameArg;
    info.spawnNs = timeNs;
    m_tasks.push_back(info);
    append(timeNs, id, EventKind::Spawn, 0);
    return id;
}

void Trace::finishTask(TaskId task, TaskOutcome outcome, qint64 timeNs, const QString &message)
{
    TaskInfo &info = m_tasks[task];
    if (info.outcome != TaskOutcome::Running)
        return;
    info.outcome = outcome;
    info.endNs = timeNs;
    if (!message.isEmpty())
        info.message = intern(message);
    append(timeNs, task, EventKind::Finish, quint32(outcome));
}

void Trace::reserveTasks(std::size_t tasks)
{
    reserveAhead(m_tasks, tasks);
}

QString Trace::taskName(TaskId id) const
{
    const TaskInfo &info = m_tasks[id];
    const QString name = string(info.name);
    return info.nameArg >= 0 ? name.arg(info.nameArg) : name;
}

bool Trace::flush()
{
    if (m_flushed == m_size)
        return false;
    const quint64 first = m_flushed;
    m_flushed = m_size;
    Q_EMIT eventsAppended(first, m_size);
    return true;
}

void Trace::clear()
{
    disposeInBackground(m_chunks);
    m_current = nullptr;
    m_base = 0;
    m_used = ChunkSize;
    m_size = 0;
    m_flushed = 0;
    m_strings.clear();
    m_stringIds.clear();
    m_sites.clear();
    m_siteIds.clear();
    disposeInBackground(m_tasks);
    m_strings.append(QString()); // string id 0 is "no string"
    m_stringIds.insert(QString(), 0);
    m_lastInterned = 0;
    Q_EMIT cleared();
}

void Trace::newChunk(qint64 base)
{
    // The spare chunk if it is ready (it almost always is: a chunk holds 174,762 events), else
    // one allocated here; then the next spare is prepared on another thread. Not for the first
    // chunk: most traces (a small run, a file opened) never need a second, and a thread and 2 MiB
    // touched for nothing made opening a small file cost a millisecond.
    StoredEvent *memory = nullptr;
    if (m_spare.valid() && m_spare.wait_for(std::chrono::seconds(0)) == std::future_status::ready)
        memory = m_spare.get();
    else
        memory = allocateChunk(false);
    if (!m_spare.valid() && !m_chunks.empty()) {
        try {
            m_spare = std::async(std::launch::async, [] { return allocateChunk(true); });
        } catch (const std::system_error &) {
            // No thread to spare: the next chunk is allocated when it is needed, as this one.
        }
    }
    m_chunks.push_back({std::unique_ptr<StoredEvent[], ChunkDeleter>(memory), {{0, base}}});
    m_current = m_chunks.back().events.get();
    m_base = base;
    m_used = 0;
}

void Trace::ChunkDeleter::operator()(StoredEvent *p) const noexcept
{
    if (void *older = g_freeChunk.exchange(p))
        std::free(older);
}

void Trace::newSegment(qint64 base)
{
    m_chunks.back().segments.push_back({quint32(m_used), base});
    m_base = base;
}

quint64 Trace::memoryBytes() const
{
    return quint64(m_chunks.size()) * ChunkBytes + m_tasks.capacity() * sizeof(TaskInfo) +
        m_sites.capacity() * sizeof(Site);
}

} // namespace awaitscope
