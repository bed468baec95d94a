#include "recordingreader.h"

#include "runlimits.h"
#include "spanreader.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtEndian>
#include <array>
#include <cstring>
#include <vector>

namespace awaitscope {

namespace {

namespace r = recording;

/// What is wrong with the file: thrown inside the reader, caught at its top.
struct BadFile {
    QString message;
};

[[noreturn]] void fail(const QString &message)
{
    throw BadFile{message};
}

/// Reads little-endian values from [data, end), never past end.
class Cursor {
public:
    Cursor(const char *data, qint64 size, QString where)
        : m_p(data)
        , m_end(data + size)
        , m_where(std::move(where))
    {
    }
    qint64 left() const noexcept { return m_end - m_p; }
    void need(qint64 n, const char *what) const
    {
        if (n < 0 || n > left())
            fail(QStringLiteral("truncated in %1: %2 needs %3 bytes, %4 are left")
                     .arg(m_where, QLatin1StringView(what))
                     .arg(n)
                     .arg(left()));
    }
    const char *take(qint64 n, const char *what)
    {
        need(n, what);
        const char *p = m_p;
        m_p += n;
        return p;
    }
    template<typename T>
    T number(const char *what)
    {
        return qFromLittleEndian<T>(take(sizeof(T), what));
    }
    QString text(const char *what)
    {
        const quint32 n = number<quint32>(what);
        const char *p = take(qint64(n), what);
        return QString::fromUtf8(p, qsizetype(n));
    }
    /// A count of records of recordBytes each (at least minBytes each when their size varies):
    /// checked against what is left before anything is allocated for them.
    template<typename T>
    T count(qint64 minBytes, const char *what)
    {
        const T n = number<T>(what);
        if (quint64(n) > quint64(left() / minBytes))
            fail(QStringLiteral("%1 says %2 %3, but only %4 bytes are left for them")
                     .arg(m_where)
                     .arg(quint64(n))
                     .arg(QLatin1StringView(what))
                     .arg(left()));
        return n;
    }
    const QString &where() const noexcept { return m_where; }

private:
    const char *m_p;
    const char *m_end;
    QString m_where;
};

/// The next section: its tag must be the one expected; returns a cursor over its payload.
Cursor section(Cursor &file, const char (&tag)[4], const char *name)
{
    const QString where = QStringLiteral("the %1 section").arg(QLatin1StringView(name));
    const char *got = file.take(4, "a section tag");
    if (std::memcmp(got, tag, 4) != 0)
        fail(QStringLiteral("expected %1 (tag %2) but found tag '%3'")
                 .arg(where, QLatin1StringView(tag, 4),
                      QString::fromLatin1(QByteArray(got, 4).toPercentEncoding())));
    const quint64 length = file.number<quint64>("a section length");
    if (length > quint64(file.left()))
        fail(QStringLiteral("truncated: %1 says %2 bytes, %3 are left")
                 .arg(where)
                 .arg(length)
                 .arg(file.left()));
    return Cursor(file.take(qint64(length), "a section"), qint64(length), where);
}

void expectEnd(const Cursor &c)
{
    if (c.left() != 0)
        fail(QStringLiteral("%1 has %2 bytes more than its contents").arg(c.where()).arg(c.left()));
}

void readEvents(Cursor &c, Trace &trace, const std::vector<quint32> &strings,
                const std::vector<SiteId> &sites, const std::vector<std::array<quint32, 4>> &tasks)
{
    const quint64 n = c.count<quint64>(r::EventBytes, "events");
    SpanReader pairs; // the one pairing: a suspend while suspended is a broken file
    pairs.reserve(tasks.size());
    SpanVisitor ignore;
    std::vector<bool> finished(tasks.size(), false);
    qint64 last = 0;
    for (quint64 i = 0; i < n; ++i) {
        const qint64 time = c.number<qint64>("an event");
        const quint32 task = c.number<quint32>("an event");
        const quint32 packed = c.number<quint32>("an event");
        const auto bad = [i](const QString &what) { fail(QStringLiteral("event %1: %2").arg(i).arg(what)); };
        if (time < 0 || time > r::MaxTimeNs)
            bad(QStringLiteral("time %1 ns is out of range (0 to %2)").arg(time).arg(r::MaxTimeNs));
        if (time < last)
            bad(QStringLiteral("time %1 ns is before the event before it (%2 ns)").arg(time).arg(last));
        last = time;
        if (task >= tasks.size())
            bad(QStringLiteral("task %1 does not exist (%2 tasks)").arg(task).arg(tasks.size()));
        const TraceEvent e{time, task, packed};
        const quint32 arg = e.arg();
        if (quint32(e.kind()) > quint32(EventKind::Hold))
            bad(QStringLiteral("unknown event kind %1").arg(quint32(e.kind())));
        if (e.kind() == EventKind::Spawn) {
            if (task != trace.taskCount())
                bad(QStringLiteral("task %1 is spawned out of order (expected task %2)")
                        .arg(task)
                        .arg(trace.taskCount()));
            const auto &info = tasks[task];
            trace.addTask(info[0], strings[info[1]], qint32(info[2]), time);
            continue;
        }
        if (task >= trace.taskCount())
            bad(QStringLiteral("task %1 acts before it is spawned").arg(task));
        switch (e.kind()) {
        case EventKind::Suspend:
        case EventKind::BlockBegin:
        case EventKind::BlockEnd:
            if (arg >= sites.size())
                bad(QStringLiteral("site %1 does not exist (%2 sites)").arg(arg).arg(sites.size()));
            if (e.kind() == EventKind::Suspend && pairs.isWaiting(task))
                bad(QStringLiteral("task %1 suspends while already suspended").arg(task));
            if (e.kind() == EventKind::BlockBegin && pairs.isBlocking(task))
                bad(QStringLiteral("task %1 blocks while already blocking").arg(task));
            break;
        case EventKind::Resume:
            if (arg > quint32(WaitResult::Cancelled))
                bad(QStringLiteral("unknown wait result %1").arg(arg));
            break;
        case EventKind::Finish:
            if (arg == quint32(TaskOutcome::Running) || arg > quint32(TaskOutcome::Cancelled))
                bad(QStringLiteral("unknown task outcome %1").arg(arg));
            if (finished[task])
                bad(QStringLiteral("task %1 ends twice").arg(task));
            finished[task] = true;
            trace.finishTask(task, TaskOutcome(arg), time, trace.string(strings[tasks[task][3]]));
            continue;
        default:
            break;
        }
        const bool siteArg = e.kind() == EventKind::Suspend || e.kind() == EventKind::BlockBegin ||
            e.kind() == EventKind::BlockEnd;
        const quint32 stored = siteArg ? sites[arg] : arg;
        pairs.read(TraceEvent::make(time, task, e.kind(), stored), ignore);
        trace.append(time, task, e.kind(), stored);
    }
    if (trace.taskCount() != tasks.size())
        fail(QStringLiteral("the events spawn %1 of the %2 tasks").arg(trace.taskCount()).arg(tasks.size()));
    expectEnd(c);
}

Recording readRecording(const char *data, qint64 size)
{
    if (size == 0)
        fail(QStringLiteral("the file is empty"));
    Cursor file(data, size, QStringLiteral("the header"));
    if (size < qint64(sizeof r::Magic) || std::memcmp(data, r::Magic, sizeof r::Magic) != 0)
        fail(QStringLiteral("not an Awaitscope recording (it does not start with AWAITREC)"));
    file.take(sizeof r::Magic, "the magic");
    const quint32 version = file.number<quint32>("the version");
    if (version != r::Version)
        fail(QStringLiteral("recording format version %1 is not supported (this build reads version %2)")
                 .arg(version)
                 .arg(r::Version));

    Recording rec;
    rec.format = QStringLiteral("awaitscope recording %1").arg(version);
    Trace &trace = *rec.trace;

    Cursor conf = section(file, r::ConfigTag, "settings");
    if (conf.left() > 0) {
        QJsonParseError parse{};
        const QJsonDocument doc = QJsonDocument::fromJson(
            QByteArray::fromRawData(conf.take(conf.left(), "settings"), qsizetype(conf.left())), &parse);
        if (!doc.isObject())
            fail(QStringLiteral("the settings section is not a JSON object"));
        QString error;
        rec.config = RecordingReader::configFromJson(doc.object(), &error);
        if (!rec.config)
            fail(QStringLiteral("the settings section: ") + error);
    }

    Cursor strs = section(file, r::StringsTag, "strings");
    const quint32 nStrings = strs.count<quint32>(4, "strings");
    if (nStrings == 0)
        fail(QStringLiteral("the strings section has no strings (the first is always the empty one)"));
    std::vector<quint32> strings(nStrings);
    for (quint32 i = 0; i < nStrings; ++i)
        strings[i] = trace.intern(strs.text("a string"));
    expectEnd(strs);
    const auto stringId = [&](quint32 id, const QString &what) {
        if (id >= nStrings)
            fail(QStringLiteral("%1 names string %2, but there are %3").arg(what).arg(id).arg(nStrings));
        return strings[id];
    };

    Cursor sitesSection = section(file, r::SitesTag, "sites");
    const quint32 nSites = sitesSection.count<quint32>(r::SiteBytes, "sites");
    if (nSites > TraceEvent::ArgMask + 1)
        fail(QStringLiteral("the sites section says %1 sites, more than an event can name").arg(nSites));
    std::vector<SiteId> sites(nSites);
    for (quint32 i = 0; i < nSites; ++i) {
        const QString what = QStringLiteral("site %1").arg(i);
        const quint32 label = stringId(sitesSection.number<quint32>("a site"), what);
        const quint32 fileName = stringId(sitesSection.number<quint32>("a site"), what);
        const quint32 line = sitesSection.number<quint32>("a site");
        const quint8 kind = sitesSection.number<quint8>("a site");
        if (kind > quint8(SiteKind::Blocking))
            fail(QStringLiteral("site %1 has an unknown kind %2").arg(i).arg(kind));
        sites[i] = trace.site(trace.string(label), trace.string(fileName), line, SiteKind(kind));
    }
    expectEnd(sitesSection);

    Cursor tasksSection = section(file, r::TasksTag, "tasks");
    const quint32 nTasks = tasksSection.count<quint32>(r::TaskBytes, "tasks");
    std::vector<std::array<quint32, 4>> tasks(nTasks); // parent, name, name argument, message
    for (quint32 i = 0; i < nTasks; ++i) {
        const QString what = QStringLiteral("task %1").arg(i);
        auto &t = tasks[i];
        t[0] = tasksSection.number<quint32>("a task");
        t[1] = tasksSection.number<quint32>("a task");
        t[2] = tasksSection.number<quint32>("a task");
        t[3] = tasksSection.number<quint32>("a task");
        if (t[0] != NoTask && t[0] >= i)
            fail(QStringLiteral("task %1 has parent %2, which is not an earlier task").arg(i).arg(t[0]));
        stringId(t[1], what); // checked here, mapped when the task is spawned
        stringId(t[3], what);
        if (qint32(t[2]) < -1)
            fail(QStringLiteral("task %1 has a negative name number %2").arg(i).arg(qint32(t[2])));
    }
    expectEnd(tasksSection);
    trace.reserveTasks(nTasks);

    Cursor events = section(file, r::EventsTag, "events");
    readEvents(events, trace, strings, sites, tasks);

    Cursor sources = section(file, r::SourcesTag, "sources");
    const quint32 nSources = sources.count<quint32>(8, "sources");
    for (quint32 i = 0; i < nSources; ++i) {
        const QString name = sources.text("a source file's name");
        rec.sources.insert(name, sources.text("a source file's text"));
    }
    expectEnd(sources);
    const Cursor end = section(file, r::EndTag, "end");
    expectEnd(end);
    if (file.left() != 0)
        fail(QStringLiteral("%1 bytes follow the end section").arg(file.left()));
    return rec;
}

} // namespace

bool RecordingReader::looksLikeRecording(const char *data, qint64 size)
{
    return size >= qint64(sizeof r::Magic) && std::memcmp(data, r::Magic, sizeof r::Magic) == 0;
}

std::optional<Recording> RecordingReader::read(const char *data, qint64 size, QString *error)
{
    try {
        return readRecording(data, size);
    } catch (const BadFile &bad) {
        if (error)
            *error = bad.message;
    } catch (const std::bad_alloc &) {
        if (error)
            *error = QStringLiteral("not enough memory to load it");
    }
    return std::nullopt;
}

std::optional<Recording> RecordingReader::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    const qint64 size = file.size();
    const uchar *data = size > 0 ? file.map(0, size) : nullptr;
    if (size > 0 && !data) {
        if (error)
            *error = QStringLiteral("cannot read %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    QString problem;
    auto rec = read(reinterpret_cast<const char *>(data), size, &problem);
    if (!rec && error)
        *error = QStringLiteral("%1: %2").arg(path, problem);
    return rec;
}

std::optional<RunConfig> RecordingReader::configFromJson(const QJsonObject &json, QString *error)
{
    RunConfig c;
    QString problem;
    const auto number = [&](const char *key, double min, double max) {
        const QJsonValue v = json.value(QLatin1StringView(key));
        if (!v.isDouble() || !(v.toDouble() >= min && v.toDouble() <= max)) {
            if (problem.isEmpty())
                problem = QStringLiteral("'%1' is missing or out of range").arg(QLatin1StringView(key));
            return min;
        }
        return v.toDouble();
    };
    c.scenario = json.value(QStringLiteral("scenario")).toString();
    if (c.scenario.isEmpty())
        problem = QStringLiteral("'scenario' is missing");
    c.jobs = int(number("jobs", -1, limits::MaxJobs));
    const auto model = latencyModelFromName(json.value(QStringLiteral("latency_model")).toString());
    if (!model && problem.isEmpty())
        problem = QStringLiteral("'latency_model' is missing or unknown");
    c.network.model = model.value_or(LatencyModel::Uniform);
    c.network.latencyMs = number("latency_ms", 0, limits::MaxLatencyMs);
    c.network.jitterMs = number("jitter_ms", 0, limits::MaxJitterMs);
    c.network.failureRate = number("failure_rate", 0, 1);
    c.network.timeoutMs = number("timeout_ms", 0, limits::MaxTimeoutMs);
    c.network.payloadBytes = qint64(number("payload_bytes", 0, 1e12));
    c.seed = quint64(number("seed", 0, double(limits::MaxSeed)));
    c.speed = number("speed", limits::MinSpeed, limits::MaxSpeed);
    const QString clock = json.value(QStringLiteral("clock")).toString();
    if (clock != QLatin1String("real") && clock != QLatin1String("virtual") && problem.isEmpty())
        problem = QStringLiteral("'clock' is missing or unknown");
    c.clock = clock == QLatin1String("virtual") ? ClockMode::Virtual : ClockMode::Real;
    if (!problem.isEmpty()) {
        if (error)
            *error = problem;
        return std::nullopt;
    }
    return c;
}

} // namespace awaitscope
