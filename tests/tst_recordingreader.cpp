// Loading recordings: a saved run comes back event for event; every kind of bad file gives a
// message naming the problem.

#include "recordingreader.h"
#include "recordingwriter.h"
#include "session.h"
#include "statereference.h"
#include "testutil.h"
#include "tracefixture.h"
#include "traceindex.h"

#include <QBuffer>
#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>
#include <map>

using namespace awaitscope;
using namespace awaitscope::testing;

namespace {

QByteArray save(const Trace &trace, const RunConfig *config, const QMap<QString, QString> &sources = {})
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    if (!RecordingWriter(trace, config, sources).write(&buffer))
        return {};
    return buffer.data();
}

QString problemWith(const QByteArray &bytes)
{
    QString error;
    const auto rec = RecordingReader::read(bytes.constData(), bytes.size(), &error);
    return rec ? QString() : error;
}

/// Offset of a section's payload (after its tag and length).
qsizetype payload(const QByteArray &bytes, const char *tag)
{
    return bytes.indexOf(tag) + 12;
}

void compareTraces(const Trace &a, const Trace &b)
{
    QCOMPARE(b.size(), a.size());
    QCOMPARE(b.taskCount(), a.taskCount());
    for (quint64 i = 0; i < a.size(); ++i) {
        const TraceEvent x = a.at(i), y = b.at(i);
        QCOMPARE(y.timeNs, x.timeNs);
        QCOMPARE(y.task, x.task);
        QCOMPARE(y.kind(), x.kind());
        if (x.kind() == EventKind::Suspend || x.kind() == EventKind::BlockBegin) {
            const Site &s = a.siteAt(x.arg()), &t = b.siteAt(y.arg());
            QCOMPARE(b.string(t.label), a.string(s.label));
            QCOMPARE(b.string(t.file), a.string(s.file));
            QCOMPARE(t.line, s.line);
            QCOMPARE(t.kind, s.kind);
        } else if (x.kind() != EventKind::BlockEnd) {
            QCOMPARE(y.arg(), x.arg());
        }
    }
    for (TaskId id = 0; id < a.taskCount(); ++id) {
        QCOMPARE(b.taskName(id), a.taskName(id));
        QCOMPARE(b.task(id).parent, a.task(id).parent);
        QCOMPARE(b.task(id).outcome, a.task(id).outcome);
        QCOMPARE(b.task(id).spawnNs, a.task(id).spawnNs);
        QCOMPARE(b.task(id).endNs, a.task(id).endNs);
        QCOMPARE(b.taskMessage(id), a.taskMessage(id));
    }
}

} // namespace

class TestRecordingReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void roundTripOfARealRun();
    void stateAtTimesAgreesLiveSavedAndReplayed();
    void everyTruncationIsAnError();
    void badHeaders();
    void absurdCountsAndIds();
    void absurdTimesAndOrder();
    void garbageNeverCrashes();
    void fileErrors();
};

void TestRecordingReader::roundTripOfARealRun()
{
    Session session;
    RunConfig config = test::virtualConfig(QStringLiteral("errors"));
    config.network.jitterMs = 20;
    config.seed = 7;
    QVERIFY(test::runToEnd(session, config));
    const Trace &trace = session.runtime().trace();
    const auto sources = RecordingWriter::sourcesFor(trace, config.scenario);
    QVERIFY(!sources.isEmpty());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("errors.awaitscope"));
    QString error;
    QVERIFY2(RecordingWriter(trace, &config, sources).writeFile(path, &error), qPrintable(error));
    const auto rec = RecordingReader::readFile(path, &error);
    QVERIFY2(rec, qPrintable(error));
    compareTraces(trace, *rec->trace);
    QVERIFY(rec->config);
    QCOMPARE(rec->config->scenario, config.scenario);
    QCOMPARE(rec->config->seed, quint64(7));
    QCOMPARE(rec->config->network.jitterMs, 20.0);
    QCOMPARE(rec->sources, sources);
    QCOMPARE(rec->format, QStringLiteral("awaitscope recording 1"));
    // Saved again, the same bytes.
    QCOMPARE(save(*rec->trace, &*rec->config, rec->sources), save(trace, &config, sources));
}

void TestRecordingReader::stateAtTimesAgreesLiveSavedAndReplayed()
{
    // The acceptance test: for a set of times, the state from the live index (at the
    // time it was "now"), from the reopened file and from a plain replay of the events agree.
    Session session;
    RunConfig config = test::virtualConfig(QStringLiteral("fan-out"), 20);
    config.network.jitterMs = 40;
    TraceIndex live;
    live.setTrace(&session.runtime().trace());
    QVERIFY(session.start(config).isEmpty());
    // (time, tasks waiting or blocked) after the last step at each time: "now" then.
    std::map<qint64, quint32> liveNow;
    while (session.runtime().step()) {
        live.update();
        liveNow[live.lastTimeNs()] = live.suspendedNow() + live.blockedNow();
    }
    QVERIFY(liveNow.size() > 20);
    const Trace &trace = session.runtime().trace();
    const QByteArray bytes = save(trace, &config);
    QString error;
    const auto rec = RecordingReader::read(bytes.constData(), bytes.size(), &error);
    QVERIFY2(rec, qPrintable(error));
    StateTimeline fromFile(*rec->trace);
    fromFile.update();
    for (const auto &[t, waiting] : liveNow) {
        const ReferenceState want = referenceStateAt(trace, t);
        const ReferenceState got = timelineStateAt(fromFile, t);
        QVERIFY(got.tasks == want.tasks);
        QCOMPARE(got.lines, want.lines);
        const StateCounters c = fromFile.countersAt(t);
        QCOMPARE(c.waiting + c.blocked, waiting);
    }
    session.stop();
}

void TestRecordingReader::everyTruncationIsAnError()
{
    Trace trace;
    buildKnownTrace(trace);
    RunConfig config;
    const QByteArray whole =
        save(trace, &config, {{QStringLiteral("fixture.cpp"), QStringLiteral("int x;\n")}});
    QVERIFY(problemWith(whole).isEmpty());
    for (qsizetype n = 0; n < whole.size(); ++n) {
        const QString problem = problemWith(whole.left(n));
        QVERIFY2(!problem.isEmpty(), qPrintable(QStringLiteral("truncated to %1 bytes loaded").arg(n)));
        if (n == 0)
            QCOMPARE(problem, QStringLiteral("the file is empty"));
        else if (n >= 12)
            QVERIFY2(problem.contains(QStringLiteral("truncated")), qPrintable(problem));
    }
    QVERIFY(!problemWith(whole + "x").isEmpty()); // and one byte too many
}

void TestRecordingReader::badHeaders()
{
    Trace trace;
    buildKnownTrace(trace);
    const QByteArray good = save(trace, nullptr);
    QByteArray bytes = good;
    bytes[0] = 'X';
    QVERIFY2(problemWith(bytes).contains(QStringLiteral("not an Awaitscope recording")),
             qPrintable(problemWith(bytes)));
    bytes = good;
    qToLittleEndian<quint32>(2, bytes.data() + 8);
    QVERIFY2(problemWith(bytes).contains(QStringLiteral("version 2 is not supported")),
             qPrintable(problemWith(bytes)));
    bytes = good;
    bytes[12] = 'Z'; // the settings section's tag
    QVERIFY2(problemWith(bytes).contains(QStringLiteral("expected the settings section")),
             qPrintable(problemWith(bytes)));
    QVERIFY(problemWith(QByteArray("{\"traceEvents\": []}")).contains(QStringLiteral("not an Awaitscope")));
}

void TestRecordingReader::absurdCountsAndIds()
{
    Trace trace;
    buildKnownTrace(trace);
    const QByteArray good = save(trace, nullptr);
    const auto patched = [&](const char *tag, qsizetype offset, auto value) {
        QByteArray b = good;
        qToLittleEndian(value, b.data() + payload(good, tag) + offset);
        return problemWith(b);
    };
    // Counts far beyond the file: refused before anything is allocated.
    QVERIFY2(patched("EVNT", 0, quint64(1) << 60).contains(QStringLiteral("only")),
             qPrintable(patched("EVNT", 0, quint64(1) << 60)));
    QVERIFY(patched("STRS", 0, quint32(0xffffffff)).contains(QStringLiteral("strings")));
    QVERIFY(patched("SITE", 0, quint32(0x7fffffff)).contains(QStringLiteral("sites")));
    QVERIFY(patched("TASK", 0, quint32(0xffffffff)).contains(QStringLiteral("tasks")));
    // A section length past the end of the file.
    {
        QByteArray b = good;
        qToLittleEndian(quint64(1) << 62, b.data() + good.indexOf("EVNT") + 4);
        QVERIFY2(problemWith(b).contains(QStringLiteral("truncated")), qPrintable(problemWith(b)));
    }
    // Ids that point nowhere.
    QVERIFY(patched("SITE", 4, quint32(999)).contains(QStringLiteral("site 0 names string 999")));
    QVERIFY(patched("SITE", 4 + 12, quint8(9)).contains(QStringLiteral("unknown kind 9")));
    QVERIFY(
        patched("TASK", 4, quint32(5)).contains(QStringLiteral("not an earlier task"))); // task 0's parent
    QVERIFY(patched("TASK", 4 + 16, quint32(1)).contains(QStringLiteral("not an earlier task"))); // its own
    const qsizetype event1 = 8 + 2 * 16; // the third event: main suspends on the join
    QVERIFY(patched("EVNT", event1 + 8, quint32(77)).contains(QStringLiteral("task 77 does not exist")));
    QVERIFY(patched("EVNT", event1 + 12, quint32(0x10000000) | 500)
                .contains(QStringLiteral("site 500 does not exist")));
    QVERIFY(
        patched("EVNT", event1 + 12, quint32(0xf0000000)).contains(QStringLiteral("unknown event kind 15")));
    QVERIFY(patched("EVNT", 8 + 12, quint32(0x10000000)).contains(QStringLiteral("before it is spawned")));
}

void TestRecordingReader::absurdTimesAndOrder()
{
    Trace trace;
    buildKnownTrace(trace);
    const QByteArray good = save(trace, nullptr);
    QByteArray b = good;
    const qsizetype events = payload(good, "EVNT") + 8;
    qToLittleEndian(qint64(-5), b.data() + events + 16);
    QVERIFY2(problemWith(b).contains(QStringLiteral("out of range")), qPrintable(problemWith(b)));
    b = good;
    qToLittleEndian(std::numeric_limits<qint64>::max(), b.data() + events + 16 * 3);
    QVERIFY(problemWith(b).contains(QStringLiteral("out of range")));
    b = good;
    qToLittleEndian(qint64(400) * Ms, b.data() + events + 16 * 3); // after the next event
    QVERIFY2(problemWith(b).contains(QStringLiteral("before the event before it")),
             qPrintable(problemWith(b)));
    // A second suspend without a resume (the pairing refuses it).
    Trace twice;
    const SiteId s = twice.site(QStringLiteral("x"), "f.cpp", 1);
    const TaskId t = twice.addTask(NoTask, twice.intern(QStringLiteral("t")), -1, 0);
    twice.append(1, t, EventKind::Suspend, s);
    twice.append(2, t, EventKind::Suspend, s);
    QVERIFY(problemWith(save(twice, nullptr)).contains(QStringLiteral("already suspended")));
    Trace ends;
    const TaskId e = ends.addTask(NoTask, ends.intern(QStringLiteral("t")), -1, 0);
    ends.append(1, e, EventKind::Finish, quint32(TaskOutcome::Ok));
    ends.append(2, e, EventKind::Finish, quint32(TaskOutcome::Ok));
    QVERIFY(problemWith(save(ends, nullptr)).contains(QStringLiteral("ends twice")));
}

void TestRecordingReader::garbageNeverCrashes()
{
    Trace trace;
    buildKnownTrace(trace);
    RunConfig config;
    const QByteArray good = save(trace, &config);
    QRandomGenerator random(42);
    int loaded = 0;
    for (int round = 0; round < 3000; ++round) {
        QByteArray b = good;
        const int flips = 1 + int(random.bounded(8));
        for (int i = 0; i < flips; ++i)
            b[qsizetype(random.bounded(quint32(b.size())))] = char(random.bounded(256));
        QString error;
        const auto rec = RecordingReader::read(b.constData(), b.size(), &error);
        QVERIFY(rec || !error.isEmpty());
        loaded += rec ? 1 : 0;
    }
    QVERIFY(loaded < 3000);
    QByteArray noise(4096, '\0');
    for (char &c : noise)
        c = char(random.bounded(256));
    QVERIFY(!problemWith(noise).isEmpty());
    QVERIFY(!problemWith(QByteArray("AWAITREC") + noise).isEmpty());
}

void TestRecordingReader::fileErrors()
{
    QString error;
    QVERIFY(!RecordingReader::readFile(QStringLiteral("/no/such/file.awaitscope"), &error));
    QVERIFY2(error.contains(QStringLiteral("cannot open /no/such/file.awaitscope")), qPrintable(error));
    QTemporaryDir dir;
    const QString empty = dir.filePath(QStringLiteral("empty"));
    QFile f(empty);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.close();
    QVERIFY(!RecordingReader::readFile(empty, &error));
    QCOMPARE(error, empty + QStringLiteral(": the file is empty"));

    // A 2 GiB file (sparse: no disk used) whose settings section claims more than the file.
    const QString huge = dir.filePath(QStringLiteral("huge.awaitscope"));
    QFile h(huge);
    QVERIFY(h.open(QIODevice::WriteOnly));
    QByteArray header("AWAITREC");
    header.append("\x01\0\0\0CONF", 8);
    header.append(QByteArray(8, '\xff'));
    h.write(header);
    QVERIFY(h.resize(qint64(2) << 30));
    h.close();
    QElapsedTimer timer;
    timer.start();
    QVERIFY(!RecordingReader::readFile(huge, &error));
    QVERIFY2(error.contains(QStringLiteral("truncated: the settings section says")), qPrintable(error));
    QVERIFY(timer.elapsed() < 2000); // nothing read beyond the header
}

QTEST_GUILESS_MAIN(TestRecordingReader)
#include "tst_recordingreader.moc"
