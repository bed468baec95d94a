// Importing Chrome Trace Event JSON: Awaitscope's own export comes back as the same events;
// other programs' traces give lanes and bars; anything else gives a message naming the problem.

#include "chrometracereader.h"
#include "chrometracewriter.h"
#include "session.h"
#include "statereference.h"
#include "testutil.h"

#include <QBuffer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace awaitscope;
using namespace awaitscope::test;
using awaitscope::testing::ReferenceState;
using awaitscope::testing::timelineStateAt;

namespace {

QByteArray exported(const Trace &trace)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    ChromeTraceWriter(trace).write(&buffer);
    return buffer.data();
}

/// Each line of the export is one event (and a comma): sorted, they compare as a multiset.
QList<QByteArray> eventLines(const QByteArray &json)
{
    QList<QByteArray> lines = json.split('\n');
    for (QByteArray &l : lines) {
        if (l.endsWith(','))
            l.chop(1);
    }
    std::sort(lines.begin(), lines.end());
    return lines;
}

std::optional<Recording> import(const QByteArray &json, QString *error = nullptr)
{
    return ChromeTraceReader::read(json, error);
}

QString problemWith(const QByteArray &json)
{
    QString error;
    return import(json, &error) ? QString() : error;
}

} // namespace

class TestChromeTraceReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void exportOpenExportGivesTheSameEvents_data();
    void exportOpenExportGivesTheSameEvents();
    void foreignTrace();
    void asyncSlicesAndFlows();
    void nothingBeforeATaskBegins();
    void notATrace();
    void everyTruncationIsAnError();
};

void TestChromeTraceReader::exportOpenExportGivesTheSameEvents_data()
{
    QTest::addColumn<QString>("scenario");
    QTest::addColumn<bool>("stopEarly");
    for (const char *s : {"fan-out", "errors", "blocking", "infectious", "callbacks"})
        QTest::newRow(s) << QString::fromLatin1(s) << false;
    QTest::newRow("stopped mid-run") << QStringLiteral("fan-out") << true;
}

void TestChromeTraceReader::exportOpenExportGivesTheSameEvents()
{
    QFETCH(QString, scenario);
    QFETCH(bool, stopEarly);
    Session session;
    RunConfig config = virtualConfig(scenario);
    config.network.jitterMs = 30;
    if (stopEarly) {
        QVERIFY(session.start(config).isEmpty());
        for (int i = 0; i < 25; ++i)
            session.runtime().step();
        session.stop(); // awaits still open: "unfinished" slices, cancelled tasks
    } else {
        QVERIFY(runToEnd(session, config));
    }
    const QByteArray first = exported(session.runtime().trace());
    QString error;
    const auto rec = import(first, &error);
    QVERIFY2(rec, qPrintable(error));
    QCOMPARE(rec->format, QStringLiteral("chrome trace (from Awaitscope)"));
    QCOMPARE(rec->trace->taskCount(), session.runtime().trace().taskCount());
    const QByteArray second = exported(*rec->trace);
    QCOMPARE(eventLines(second), eventLines(first));
    // And the task tree, names and times.
    for (TaskId id = 0; id < rec->trace->taskCount(); ++id) {
        QCOMPARE(rec->trace->task(id).parent, session.runtime().trace().task(id).parent);
        QCOMPARE(rec->trace->taskName(id), session.runtime().trace().taskName(id));
    }
    // And the state at every event time: each task's state and the lines' counts.
    const Trace &original = session.runtime().trace();
    StateTimeline before(original), after(*rec->trace);
    before.update();
    after.update();
    for (quint64 i = 0; i < original.size(); i += 1 + original.size() / 200) {
        const qint64 t = original.at(i).timeNs;
        const ReferenceState a = timelineStateAt(before, t), b = timelineStateAt(after, t);
        QCOMPARE(b.lines, a.lines);
        for (TaskId id = 0; id < original.taskCount(); ++id) {
            QCOMPARE(b.tasks[id].state, a.tasks[id].state);
            QCOMPARE(b.tasks[id].sinceNs, a.tasks[id].sinceNs);
        }
    }
}

void TestChromeTraceReader::foreignTrace()
{
    const QByteArray json = R"({"traceEvents": [
        {"ph": "M", "pid": 7, "tid": 1, "name": "thread_name", "args": {"name": "main"}},
        {"ph": "M", "pid": 7, "name": "process_name", "args": {"name": "server"}},
        {"ph": "X", "pid": 7, "tid": 1, "ts": 1000100, "dur": 50, "name": "parse", "cat": "cpu"},
        {"ph": "X", "pid": 7, "tid": 1, "ts": 1000110, "dur": 10, "name": "nested", "cat": "cpu"},
        {"ph": "B", "pid": 7, "tid": 2, "ts": 1000000, "name": "request"},
        {"ph": "B", "pid": 7, "tid": 2, "ts": 1000010, "name": "inner"},
        {"ph": "E", "pid": 7, "tid": 2, "ts": 1000020},
        {"ph": "E", "pid": 7, "tid": 2, "ts": 1000200},
        {"ph": "C", "pid": 7, "ts": 1000000, "name": "counter", "args": {"n": 1}},
        {"ph": "B", "pid": 7, "tid": 3, "ts": 1000300, "name": "never ends"}
    ]})";
    QString error;
    const auto rec = import(json, &error);
    QVERIFY2(rec, qPrintable(error));
    const Trace &t = *rec->trace;
    QVERIFY(!rec->config);
    QCOMPARE(t.taskCount(), 3u);
    // Lanes in order of their first event, times from the first event (1 s in the file).
    QCOMPARE(t.taskName(0), QStringLiteral("thread 2"));
    QCOMPARE(t.taskName(1), QStringLiteral("main"));
    QCOMPARE(t.taskName(2), QStringLiteral("thread 3"));
    QCOMPARE(t.task(0).spawnNs, 0);
    QCOMPARE(t.task(0).endNs, 200'000);
    QCOMPARE(t.task(1).spawnNs, 100'000);
    QCOMPARE(t.task(2).outcome, TaskOutcome::Running); // its slice never ended
    const auto request = awaitsOf(t, 0);
    QCOMPARE(request.size(), std::size_t(1)); // "inner" is inside "request"
    QCOMPARE(request[0].label, QStringLiteral("request"));
    QCOMPARE(request[0].endNs, 200'000);
    const auto parse = awaitsOf(t, 1);
    QCOMPARE(parse.size(), std::size_t(1));
    QCOMPARE(parse[0].startNs, 100'000);
    QCOMPARE(parse[0].endNs, 150'000);
    QCOMPARE(awaitsOf(t, 2).at(0).endNs, -1);
    QVERIFY(rec->notes.join(u' ').contains(QStringLiteral("2 nested slices")));
}

void TestChromeTraceReader::nothingBeforeATaskBegins()
{
    // A broken Awaitscope export: an await before its task's lifetime. The task is spawned first.
    const QByteArray json = R"({"otherData": {"generator": "Awaitscope"}, "traceEvents": [
        {"ph": "X", "cat": "task", "pid": 1, "tid": 1, "ts": 100, "dur": 50, "name": "t",
         "args": {"outcome": "ok"}},
        {"ph": "X", "cat": "await", "pid": 1, "tid": 1, "ts": 10, "dur": 20, "name": "GET /x",
         "args": {"line": "x.cpp:3", "result": "ok"}}
    ]})";
    const auto rec = import(json);
    QVERIFY(rec);
    const Trace &t = *rec->trace;
    QCOMPARE(t.at(0).kind(), EventKind::Spawn);
    QCOMPARE(t.at(0).timeNs, 100'000);
    for (quint64 i = 1; i < t.size(); ++i)
        QVERIFY(t.at(i).timeNs >= t.at(i - 1).timeNs);
    const auto awaits = awaitsOf(t, 0);
    QCOMPARE(awaits.size(), std::size_t(1));
    QCOMPARE(awaits[0].file, QStringLiteral("x.cpp"));
    QCOMPARE(awaits[0].line, 3u);
    // Times below 0 are moved to start at 0, even in an Awaitscope export.
    QByteArray negative = json;
    negative.replace("\"ts\": 100,", "\"ts\": -100,");
    const auto moved = import(negative);
    QVERIFY(moved);
    QCOMPARE(moved->trace->at(0).timeNs, 0);
    QCOMPARE(moved->trace->task(0).endNs, 50'000);
}

void TestChromeTraceReader::asyncSlicesAndFlows()
{
    // A bare array; async slices by (cat, id) are lanes of their own; a flow makes a parent.
    const QByteArray json = R"([
        {"ph": "X", "pid": 1, "tid": 1, "ts": 0, "dur": 500, "name": "loop"},
        {"ph": "s", "pid": 1, "tid": 1, "ts": 5, "name": "go", "cat": "f", "id": 9},
        {"ph": "b", "pid": 1, "ts": 10, "name": "fetch", "cat": "net", "id": "0x1"},
        {"ph": "b", "pid": 1, "ts": 20, "name": "fetch", "cat": "net", "id": "0x2"},
        {"ph": "e", "pid": 1, "ts": 110, "name": "fetch", "cat": "net", "id": "0x1"},
        {"ph": "e", "pid": 1, "ts": 220, "name": "fetch", "cat": "net", "id": "0x2"},
        {"ph": "f", "pid": 1, "tid": 2, "ts": 300, "name": "go", "cat": "f", "id": 9, "bp": "e"},
        {"ph": "X", "pid": 1, "tid": 2, "ts": 300, "dur": 0, "name": "zero"}
    ])";
    QString error;
    const auto rec = import(json, &error);
    QVERIFY2(rec, qPrintable(error));
    const Trace &t = *rec->trace;
    QCOMPARE(t.taskCount(), 4u);
    QCOMPARE(t.taskName(1), QStringLiteral("fetch #0x1"));
    QCOMPARE(t.taskName(2), QStringLiteral("fetch #0x2"));
    QCOMPARE(awaitsOf(t, 2).at(0).endNs, 220'000);
    QCOMPARE(t.taskName(3), QStringLiteral("thread 2"));
    QCOMPARE(t.task(3).parent, TaskId(0)); // the flow from thread 1 to thread 2
    QCOMPARE(awaitsOf(t, 3).size(), std::size_t(1)); // a zero-length slice pairs too
}

void TestChromeTraceReader::notATrace()
{
    QCOMPARE(problemWith(""), QStringLiteral("the file is empty"));
    QVERIFY(problemWith("{\"traceEvents\": [").startsWith(QStringLiteral("not valid JSON")));
    QVERIFY(problemWith("{\"name\": \"package.json\", \"version\": \"1.0\"}")
                .contains(QStringLiteral("valid JSON, but not a Chrome trace: no \"traceEvents\" array")));
    QVERIFY(problemWith("[1, 2, 3]").contains(QStringLiteral("no event has a \"ph\" field")));
    QVERIFY(
        problemWith("\"text\"").startsWith(QStringLiteral("not valid JSON"))); // Qt wants an object or array
    QCOMPARE(problemWith("{\"traceEvents\": []}"), QStringLiteral("a Chrome trace with no events"));
    QVERIFY(problemWith("[{\"ph\": \"M\", \"name\": \"thread_name\", \"pid\": 1, \"tid\": 1}]")
                .contains(QStringLiteral("no slices")));
    QVERIFY(problemWith("[{\"ph\": \"X\", \"ts\": 1e300, \"dur\": 1, \"pid\": 1, \"tid\": 1}]")
                .contains(QStringLiteral("event 0: 'ts' is missing or out of range")));
    QVERIFY(problemWith("[{\"ph\": \"X\", \"ts\": 5, \"dur\": -1, \"pid\": 1, \"tid\": 1}]")
                .contains(QStringLiteral("negative 'dur'")));
    QVERIFY(problemWith("[{\"ph\": \"B\", \"pid\": 1, \"tid\": 1}]").contains(QStringLiteral("'ts'")));
    QString error;
    QVERIFY(!ChromeTraceReader::readFile(QStringLiteral("/no/such.json"), &error));
    QVERIFY(error.contains(QStringLiteral("cannot open /no/such.json")));
    // A 2 GiB JSON file (sparse) is refused before it is read.
    QTemporaryDir dir;
    QFile huge(dir.filePath(QStringLiteral("huge.json")));
    QVERIFY(huge.open(QIODevice::WriteOnly));
    huge.write("{\"traceEvents\": [");
    QVERIFY(huge.resize(qint64(2) << 30));
    huge.close();
    QVERIFY(!ChromeTraceReader::readFile(huge.fileName(), &error));
    QVERIFY2(error.contains(QStringLiteral("too large to import (2048 MiB")), qPrintable(error));
}

void TestChromeTraceReader::everyTruncationIsAnError()
{
    Session session;
    QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("fetch-user"))));
    const QByteArray json = exported(session.runtime().trace());
    QVERIFY(import(json));
    for (qsizetype n = 0; n < json.size() - 2; ++n) // the last bytes are "}\n"...
        QVERIFY2(!problemWith(json.left(n)).isEmpty(), qPrintable(QString::number(n)));
}

QTEST_GUILESS_MAIN(TestChromeTraceReader)
#include "tst_chrometracereader.moc"
