#include "chrometracereader.h"

#include "names.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <algorithm>
#include <cmath>
#include <tuple>
#include <vector>

namespace awaitscope {

namespace {

struct BadTrace {
    QString message;
};

/// One bar read from the file.
struct Slice {
    qint64 begin;
    qint64 end; // -1: open (unfinished)
    QString label;
    QString file;
    quint32 line = 0;
    SiteKind kind = SiteKind::Wait;
    WaitResult result = WaitResult::Ok;
    quint64 order; // position in the file
};

struct Lane {
    QString name;
    QString fallbackName;
    quint64 order; // when it was first seen
    std::vector<Slice> waits, blocks;
    std::vector<std::tuple<qint64, qint64, quint64>> holds; // time, wall µs, order
    std::vector<Slice> stack; // open B or b slices
    qint64 first = std::numeric_limits<qint64>::max();
    qint64 last = std::numeric_limits<qint64>::min();
    int parent = -1; // lane index
    bool hasLifetime = false; // Awaitscope's "task" slice
    qint64 spawn = 0, end = -1;
    TaskOutcome outcome = TaskOutcome::Running;
    QString message;
    void see(qint64 t)
    {
        first = std::min(first, t);
        last = std::max(last, t);
    }
};

/// An event to replay into the trace, with the key that orders it (see the .cpp's notes).
struct Replay {
    qint64 time;
    quint8 phase; // 0 spawn, 1 ends and holds (in file order), 2 begins (per task), 3 finish
    quint64 a, b;
    quint8 sub;
    TaskId task;
    EventKind kind;
    quint32 arg;
    bool operator<(const Replay &o) const
    {
        return std::tie(time, phase, a, b, sub) < std::tie(o.time, o.phase, o.a, o.b, o.sub);
    }
};

QString idOf(const QJsonObject &e)
{
    QJsonValue id = e.value(QStringLiteral("id"));
    if (id.isUndefined()) {
        const QJsonObject id2 = e.value(QStringLiteral("id2")).toObject();
        id = id2.contains(QStringLiteral("local")) ? id2.value(QStringLiteral("local"))
                                                   : id2.value(QStringLiteral("global"));
    }
    return id.toVariant().toString();
}

class Importer {
public:
    Recording run(const QJsonArray &events, bool fromAwaitscope);

private:
    Lane &lane(const QString &key, const QString &fallback)
    {
        auto it = m_laneIds.constFind(key);
        if (it == m_laneIds.constEnd()) {
            it = m_laneIds.insert(key, int(m_lanes.size()));
            m_lanes.push_back({});
            m_lanes.back().order = m_lanes.size() - 1;
            m_lanes.back().fallbackName = fallback;
        }
        return m_lanes[std::size_t(*it)];
    }
    void addSlice(Lane &l, Slice s, const QString &cat, const QJsonObject &args);
    Recording build();
    qint64 time(const QJsonValue &v, qsizetype index, const char *field) const;

    std::vector<Lane> m_lanes;
    QHash<QString, int> m_laneIds;
    bool m_awaitscope = false;
    quint64 m_unmatched = 0;
    quint64 m_nested = 0;
};

qint64 Importer::time(const QJsonValue &v, qsizetype index, const char *field) const
{
    const double us = v.toDouble(std::nan(""));
    if (!std::isfinite(us) || std::fabs(us) > 1e13) // ~115 days in microseconds
        throw BadTrace{QStringLiteral("event %1: '%2' is missing or out of range")
                           .arg(index)
                           .arg(QLatin1StringView(field))};
    return std::llround(us * 1000.0);
}

void Importer::addSlice(Lane &l, Slice s, const QString &cat, const QJsonObject &args)
{
    if (m_awaitscope) {
        const QString where = args.value(QStringLiteral("line")).toString();
        const qsizetype colon = where.lastIndexOf(u':');
        if (colon > 0) {
            s.file = where.left(colon);
            s.line = where.mid(colon + 1).toUInt();
        }
        const QString result = args.value(QStringLiteral("result")).toString();
        if (result == QLatin1String("unfinished"))
            s.end = -1;
        else if (const auto r = waitResultFromName(QLatin1StringView(result.toLatin1())))
            s.result = *r;
        if (cat == QLatin1String("blocked")) {
            s.kind = SiteKind::Blocking;
            if (s.label.startsWith(QLatin1String("blocked: ")))
                s.label = s.label.mid(9);
            l.blocks.push_back(s);
            return;
        }
    }
    l.waits.push_back(s);
}

Recording Importer::run(const QJsonArray &events, bool fromAwaitscope)
{
    m_awaitscope = fromAwaitscope;
    QHash<QString, int> flowStarts; // flow id -> lane
    std::vector<std::pair<QString, int>> flowEnds;
    quint64 order = 0;
    bool anyPhase = false;
    for (qsizetype i = 0; i < events.size(); ++i) {
        const QJsonObject e = events.at(i).toObject();
        const QString ph = e.value(QStringLiteral("ph")).toString();
        if (ph.isEmpty())
            continue;
        anyPhase = true;
        const QString pid = e.value(QStringLiteral("pid")).toVariant().toString();
        const QString tid = e.value(QStringLiteral("tid")).toVariant().toString();
        const QString name = e.value(QStringLiteral("name")).toString();
        const QString cat = e.value(QStringLiteral("cat")).toString();
        const QJsonObject args = e.value(QStringLiteral("args")).toObject();
        const QString threadKey = pid + u'/' + tid;
        const QString threadName = QStringLiteral("thread %1").arg(tid);
        const char16_t p = ph.size() == 1 ? ph.at(0).unicode() : u'?';
        if (p == u'M') {
            if (name == QLatin1String("thread_name"))
                lane(threadKey, threadName).name = args.value(QStringLiteral("name")).toString();
            continue;
        }
        if (!QStringLiteral("XBEbesftiI").contains(QChar(p)))
            continue; // counters, samples, objects...: nothing to draw as a bar
        const qint64 ts = time(e.value(QStringLiteral("ts")), i, "ts");
        ++order;
        if (p == u'X') {
            const qint64 dur =
                e.contains(QStringLiteral("dur")) ? time(e.value(QStringLiteral("dur")), i, "dur") : 0;
            if (dur < 0)
                throw BadTrace{QStringLiteral("event %1: negative 'dur'").arg(i)};
            Lane &l = lane(threadKey, threadName);
            l.see(ts);
            l.see(ts + dur);
            if (m_awaitscope && cat == QLatin1String("task")) {
                l.hasLifetime = true;
                l.spawn = ts;
                const auto outcome = outcomeFromName(
                    QLatin1StringView(args.value(QStringLiteral("outcome")).toString().toLatin1()));
                l.outcome = outcome.value_or(TaskOutcome::Ok);
                l.end = l.outcome == TaskOutcome::Running ? -1 : ts + dur;
                l.message = args.value(QStringLiteral("message")).toString();
                if (l.name.isEmpty())
                    l.name = name;
                continue;
            }
            addSlice(l, {ts, ts + dur, name, {}, 0, SiteKind::Wait, WaitResult::Ok, order}, cat, args);
        } else if (p == u'B' || p == u'b') {
            Lane &l = p == u'B' ? lane(threadKey, threadName)
                                : lane(QStringLiteral("async/%1/%2/%3").arg(pid, cat, idOf(e)),
                                       QStringLiteral("%1 #%2").arg(name, idOf(e)));
            l.see(ts);
            l.stack.push_back({ts, -1, name, {}, 0, SiteKind::Wait, WaitResult::Ok, order});
        } else if (p == u'E' || p == u'e') {
            Lane &l = p == u'E' ? lane(threadKey, threadName)
                                : lane(QStringLiteral("async/%1/%2/%3").arg(pid, cat, idOf(e)),
                                       QStringLiteral("%1 #%2").arg(name, idOf(e)));
            l.see(ts);
            if (l.stack.empty()) {
                ++m_unmatched;
                continue;
            }
            Slice s = l.stack.back();
            l.stack.pop_back();
            s.end = std::max(ts, s.begin);
            s.order = order;
            if (l.stack.empty()) // nested slices show as their outermost one
                addSlice(l, s, cat, args);
            else
                ++m_nested;
        } else if (p == u's') {
            Lane &l = lane(threadKey, threadName);
            l.see(ts);
            flowStarts.insert(cat + u'/' + idOf(e), int(l.order));
        } else if (p == u'f') {
            Lane &l = lane(threadKey, threadName);
            l.see(ts);
            flowEnds.push_back({cat + u'/' + idOf(e), int(l.order)});
        } else if ((p == u'i' || p == u'I') && m_awaitscope && cat == QLatin1String("hold")) {
            Lane &l = lane(threadKey, threadName);
            l.see(ts);
            const double wallUs = args.value(QStringLiteral("wall_us")).toDouble();
            l.holds.push_back({ts, qint64(std::clamp(wallUs, 0.0, double(TraceEvent::ArgMask))), order});
        }
    }
    if (!anyPhase)
        throw BadTrace{QStringLiteral("valid JSON, but not a Chrome trace: no event has a \"ph\" field")};
    for (const auto &[id, to] : flowEnds) {
        const auto from = flowStarts.constFind(id);
        if (from != flowStarts.constEnd() && *from != to && m_lanes[std::size_t(to)].parent < 0)
            m_lanes[std::size_t(to)].parent = *from;
    }
    return build();
}

/// Keeps the outermost of overlapping slices (in order of begin); returns how many it dropped.
quint64 flatten(std::vector<Slice> &slices)
{
    std::stable_sort(slices.begin(), slices.end(),
                     [](const Slice &a, const Slice &b) { return a.begin < b.begin; });
    std::vector<Slice> kept;
    kept.reserve(slices.size());
    for (const Slice &s : slices) {
        if (!kept.empty() && (kept.back().end < 0 || s.begin < kept.back().end))
            continue;
        kept.push_back(s);
    }
    const quint64 dropped = slices.size() - kept.size();
    slices = std::move(kept);
    return dropped;
}

Recording Importer::build()
{
    Recording rec;
    rec.format =
        m_awaitscope ? QStringLiteral("chrome trace (from Awaitscope)") : QStringLiteral("chrome trace");
    rec.fromAwaitscope = m_awaitscope;
    quint64 nested = m_nested;
    qint64 base = std::numeric_limits<qint64>::max();
    for (Lane &l : m_lanes) {
        if (!l.stack.empty()) { // B or b never ended: open to the end
            l.waits.push_back(l.stack.front());
            l.stack.clear();
        }
        // Nothing of a lane before its task began (a task slice that starts late in a bad file).
        for (auto *slices : {&l.waits, &l.blocks}) {
            for (Slice &s : *slices) {
                s.begin = std::max(s.begin, l.hasLifetime ? l.spawn : l.first);
                if (s.end >= 0)
                    s.end = std::max(s.end, s.begin);
            }
        }
        for (auto &hold : l.holds)
            std::get<0>(hold) = std::max(std::get<0>(hold), l.hasLifetime ? l.spawn : l.first);
        if (l.hasLifetime && l.end >= 0)
            l.end = std::max(l.end, l.spawn);
        nested += flatten(l.waits) + flatten(l.blocks);
        if (!l.hasLifetime) {
            l.spawn = l.first;
            const bool open = (!l.waits.empty() && l.waits.back().end < 0) ||
                (!l.blocks.empty() && l.blocks.back().end < 0);
            l.outcome = open ? TaskOutcome::Running : TaskOutcome::Ok;
            l.end = open ? -1 : l.last;
        }
        if (l.first <= l.last || l.hasLifetime)
            base = std::min(base, l.spawn);
    }
    // Lanes that only had names have nothing to show.
    std::vector<int> lanes;
    for (int i = 0; i < int(m_lanes.size()); ++i) {
        if (m_lanes[std::size_t(i)].hasLifetime ||
            m_lanes[std::size_t(i)].first <= m_lanes[std::size_t(i)].last)
            lanes.push_back(i);
    }
    if (lanes.empty())
        throw BadTrace{QStringLiteral("a Chrome trace with no slices or instants to show")};
    if (base == std::numeric_limits<qint64>::max() || (m_awaitscope && base >= 0))
        base = 0; // Awaitscope's times are kept as they are (unless a broken file has some below 0)
    std::stable_sort(lanes.begin(), lanes.end(), [this](int a, int b) {
        return m_lanes[std::size_t(a)].spawn < m_lanes[std::size_t(b)].spawn;
    });
    std::vector<TaskId> taskOf(m_lanes.size(), NoTask);
    for (std::size_t i = 0; i < lanes.size(); ++i)
        taskOf[std::size_t(lanes[i])] = TaskId(i);

    Trace &trace = *rec.trace;
    std::vector<Replay> replay;
    for (std::size_t i = 0; i < lanes.size(); ++i) {
        const Lane &l = m_lanes[std::size_t(lanes[i])];
        const TaskId task = TaskId(i);
        replay.push_back({l.spawn - base, 0, task, 0, 0, task, EventKind::Spawn, 0});
        if (l.outcome != TaskOutcome::Running)
            replay.push_back({l.end - base, 3, task, 0, 0, task, EventKind::Finish, quint32(l.outcome)});
        for (const auto &[time, wallUs, order] : l.holds)
            replay.push_back({time - base, 1, order, 0, 0, task, EventKind::Hold, quint32(wallUs)});
        for (int blocked = 0; blocked < 2; ++blocked) {
            const auto &slices = blocked ? l.blocks : l.waits;
            const EventKind begin = blocked ? EventKind::BlockBegin : EventKind::Suspend;
            const EventKind end = blocked ? EventKind::BlockEnd : EventKind::Resume;
            for (std::size_t k = 0; k < slices.size(); ++k) {
                const Slice &s = slices[k];
                const SiteId site = trace.site(s.label, s.file, s.line, s.kind);
                const quint64 rank = (quint64(blocked) << 40) | k;
                replay.push_back({s.begin - base, 2, task, rank, 0, task, begin, site});
                if (s.end < 0)
                    continue;
                const quint32 arg = blocked ? site : quint32(s.result);
                if (s.end == s.begin)
                    replay.push_back({s.end - base, 2, task, rank, 1, task, end, arg});
                else
                    replay.push_back({s.end - base, 1, s.order, 0, 0, task, end, arg});
            }
        }
    }
    std::sort(replay.begin(), replay.end());
    trace.reserveTasks(lanes.size());
    for (const Replay &r : replay) {
        const Lane &l = m_lanes[std::size_t(lanes[r.task])];
        if (r.kind == EventKind::Spawn) {
            const TaskId parent = l.parent >= 0 ? taskOf[std::size_t(l.parent)] : NoTask;
            const QString name = l.name.isEmpty() ? l.fallbackName : l.name;
            trace.addTask(parent < r.task ? parent : NoTask, trace.intern(name), -1, r.time);
        } else if (r.kind == EventKind::Finish) {
            trace.finishTask(r.task, TaskOutcome(r.arg), r.time, l.message);
        } else {
            trace.append(r.time, r.task, r.kind, r.arg);
        }
    }
    if (nested)
        rec.notes << QStringLiteral("%1 nested slices are shown as their outermost slice").arg(nested);
    if (m_unmatched)
        rec.notes << QStringLiteral("%1 end events had no begin and were left out").arg(m_unmatched);
    if (base != 0)
        rec.notes << QStringLiteral("times start at the first event (%1 us in the file)")
                         .arg(double(base) / 1e3, 0, 'f', 3);
    return rec;
}

} // namespace

std::optional<Recording> ChromeTraceReader::read(const QByteArray &json, QString *error)
{
    const auto failWith = [error](const QString &message) {
        if (error)
            *error = message;
        return std::nullopt;
    };
    if (json.trimmed().isEmpty())
        return failWith(QStringLiteral("the file is empty"));
    QJsonParseError parse{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parse);
    if (parse.error != QJsonParseError::NoError)
        return failWith(
            QStringLiteral("not valid JSON: %1 at byte %2").arg(parse.errorString()).arg(parse.offset));
    QJsonArray events;
    bool fromAwaitscope = false;
    if (doc.isArray()) {
        events = doc.array();
    } else {
        const QJsonObject root = doc.object();
        if (!root.value(QStringLiteral("traceEvents")).isArray())
            return failWith(QStringLiteral("valid JSON, but not a Chrome trace: no \"traceEvents\" array"));
        events = root.value(QStringLiteral("traceEvents")).toArray();
        fromAwaitscope =
            root.value(QStringLiteral("otherData")).toObject().value(QStringLiteral("generator")) ==
            QLatin1String("Awaitscope");
    }
    if (events.isEmpty())
        return failWith(QStringLiteral("a Chrome trace with no events"));
    try {
        Importer importer;
        return importer.run(events, fromAwaitscope);
    } catch (const BadTrace &bad) {
        return failWith(bad.message);
    } catch (const std::bad_alloc &) {
        return failWith(QStringLiteral("not enough memory to import it"));
    }
}

std::optional<Recording> ChromeTraceReader::readFile(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        if (error)
            *error = QStringLiteral("cannot open %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    if (file.size() > MaxFileBytes) {
        if (error)
            *error = QStringLiteral("%1: too large to import (%2 MiB; the limit for JSON is %3 MiB)")
                         .arg(path)
                         .arg(file.size() >> 20)
                         .arg(MaxFileBytes >> 20);
        return std::nullopt;
    }
    QString problem;
    auto rec = read(file.readAll(), &problem);
    if (!rec && error)
        *error = QStringLiteral("%1: %2").arg(path, problem);
    return rec;
}

} // namespace awaitscope
