// Chrome Trace Event export: the shape Perfetto, speedscope and Qt Creator read.

#include "chrometracewriter.h"
#include "session.h"
#include "testutil.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace awaitscope;
using namespace awaitscope::test;

namespace {

QJsonArray exportEvents(const Trace &trace)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!ChromeTraceWriter(trace).write(&buffer))
        return {};
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(buffer.data(), &error);
    if (error.error != QJsonParseError::NoError) {
        qWarning() << "invalid JSON:" << error.errorString() << "at" << error.offset;
        return {};
    }
    return doc.object().value(QStringLiteral("traceEvents")).toArray();
}

QString laneName(const QJsonArray &events, int tid)
{
    for (const auto &v : events) {
        const QJsonObject e = v.toObject();
        if (e[QStringLiteral("ph")] == QLatin1String("M") &&
            e[QStringLiteral("name")] == QLatin1String("thread_name") &&
            e[QStringLiteral("tid")].toInt() == tid)
            return e[QStringLiteral("args")].toObject()[QStringLiteral("name")].toString();
    }
    return {};
}

} // namespace

class TestChromeTraceWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fetchUserLaneHasThreeAwaitSlices()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("fetch-user"))));
        const QJsonArray events = exportEvents(session.runtime().trace());
        QVERIFY(!events.isEmpty());
        const int tid = int(findTask(session.runtime().trace(), QStringLiteral("fetch_user(1)"))) + 1;
        QCOMPARE(laneName(events, tid), QStringLiteral("fetch_user(1)"));

        QStringList names;
        for (const auto &v : events) {
            const QJsonObject e = v.toObject();
            if (e[QStringLiteral("ph")] != QLatin1String("X") ||
                e[QStringLiteral("cat")] != QLatin1String("await") || e[QStringLiteral("tid")].toInt() != tid)
                continue;
            names << e[QStringLiteral("name")].toString();
            QCOMPARE(e[QStringLiteral("dur")].toDouble(), 100000.0); // microseconds
            QVERIFY(e[QStringLiteral("args")].toObject()[QStringLiteral("line")].toString().startsWith(
                QLatin1String("fetchuser.cpp:")));
            QCOMPARE(e[QStringLiteral("pid")].toInt(), 1);
        }
        QCOMPARE(names,
                 (QStringList{QStringLiteral("GET /users/1"), QStringLiteral("GET /users/1/posts"),
                              QStringLiteral("GET /users/1/comments")}));
    }

    void everyTaskHasALaneALifetimeAndASpawnFlow()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("fan-out"), 5)));
        const QJsonArray events = exportEvents(session.runtime().trace());
        int lanes = 0, lifetimes = 0, flowStarts = 0, flowEnds = 0;
        for (const auto &v : events) {
            const QJsonObject e = v.toObject();
            const QString ph = e[QStringLiteral("ph")].toString();
            if (ph == QLatin1String("M") && e[QStringLiteral("name")] == QLatin1String("thread_name"))
                ++lanes;
            if (ph == QLatin1String("X") && e[QStringLiteral("cat")] == QLatin1String("task"))
                ++lifetimes;
            flowStarts += ph == QLatin1String("s");
            flowEnds += ph == QLatin1String("f");
        }
        QCOMPARE(lanes, 6);
        QCOMPARE(lifetimes, 6);
        QCOMPARE(flowStarts, 5); // main spawned five children
        QCOMPARE(flowEnds, 5);
    }

    void errorsAndCancellationsAreInstants()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("errors"))));
        const QJsonArray events = exportEvents(session.runtime().trace());
        int cancelled = 0, failedWaits = 0, blocked = 0;
        for (const auto &v : events) {
            const QJsonObject e = v.toObject();
            if (e[QStringLiteral("ph")] != QLatin1String("i"))
                continue;
            QCOMPARE(e[QStringLiteral("s")].toString(), QStringLiteral("t"));
            cancelled += e[QStringLiteral("name")] == QLatin1String("cancelled");
            failedWaits +=
                e[QStringLiteral("name")].toString().startsWith(QLatin1String("timed out: GET /reports"));
            blocked += e[QStringLiteral("cat")] == QLatin1String("blocked");
        }
        QCOMPARE(cancelled, 1);
        QCOMPARE(failedWaits, 1);
        QCOMPARE(blocked, 0);
    }

    void blockedSectionsAreSlices()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("blocking"))));
        int blocked = 0;
        for (const auto &v : exportEvents(session.runtime().trace())) {
            const QJsonObject e = v.toObject();
            if (e[QStringLiteral("cat")] == QLatin1String("blocked")) {
                ++blocked;
                QCOMPARE(e[QStringLiteral("dur")].toDouble(), 300000.0);
                QVERIFY(e[QStringLiteral("name")].toString().startsWith(
                    QLatin1String("blocked: fetch_user_blocking")));
            }
        }
        QCOMPARE(blocked, 1);
    }

    void namesAreEscaped()
    {
        Trace trace;
        const TaskId task =
            trace.addTask(NoTask, trace.intern(QStringLiteral("say \"hi\"\\ \n\t\x01 ünïcode")), -1, 0);
        trace.append(10, task, EventKind::Suspend,
                     trace.site(QStringLiteral("GET /q?a=\"b\""), "/x/y.cpp", 3));
        trace.append(1010, task, EventKind::Resume, 0);
        trace.finishTask(task, TaskOutcome::Error, 2000, QStringLiteral("bad \"thing\""));
        const QJsonArray events = exportEvents(trace);
        QVERIFY(!events.isEmpty());
        QCOMPARE(laneName(events, 1), QStringLiteral("say \"hi\"\\ \n\t\x01 ünïcode"));
        bool found = false;
        for (const auto &v : events) {
            const QJsonObject e = v.toObject();
            if (e[QStringLiteral("cat")] == QLatin1String("await")) {
                found = true;
                QCOMPARE(e[QStringLiteral("name")].toString(), QStringLiteral("GET /q?a=\"b\""));
                QCOMPARE(e[QStringLiteral("ts")].toDouble(), 0.01);
                QCOMPARE(e[QStringLiteral("dur")].toDouble(), 1.0);
                QCOMPARE(e[QStringLiteral("args")].toObject()[QStringLiteral("line")].toString(),
                         QStringLiteral("y.cpp:3"));
            }
        }
        QVERIFY(found);
    }

    void openAwaitsEndAtTheTraceEnd()
    {
        Trace trace;
        const TaskId task = trace.addTask(NoTask, trace.intern(QStringLiteral("t")), -1, 0);
        trace.append(1000, task, EventKind::Suspend, trace.site(QStringLiteral("GET /a"), "a.cpp", 1));
        const TaskId other = trace.addTask(NoTask, trace.intern(QStringLiteral("u")), -1, 5000);
        Q_UNUSED(other);
        for (const auto &v : exportEvents(trace)) {
            const QJsonObject e = v.toObject();
            if (e[QStringLiteral("cat")] == QLatin1String("await")) {
                QCOMPARE(e[QStringLiteral("dur")].toDouble(), 4.0);
                QCOMPARE(e[QStringLiteral("args")].toObject()[QStringLiteral("result")].toString(),
                         QStringLiteral("unfinished"));
            }
        }
    }

    void writeFileIsAtomic()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("t.json"));
        {
            QFile old(path);
            QVERIFY(old.open(QIODevice::WriteOnly));
            old.write("previous content that must be replaced whole");
        }
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("fetch-user"))));
        QString error;
        QVERIFY(ChromeTraceWriter(session.runtime().trace()).writeFile(path, &error));
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QVERIFY(QJsonDocument::fromJson(f.readAll()).isObject());
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files),
                 QStringList{QStringLiteral("t.json")}); // no temp left

        const QString bad = dir.filePath(QStringLiteral("missing/t.json"));
        QVERIFY(!ChromeTraceWriter(session.runtime().trace()).writeFile(bad, &error));
        QVERIFY(error.contains(QLatin1String("missing/t.json")));
        QVERIFY(!QFile::exists(bad));
    }
};

QTEST_GUILESS_MAIN(TestChromeTraceWriter)
#include "tst_chrometracewriter.moc"
