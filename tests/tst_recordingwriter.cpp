// Saving a run: what goes in the file (the reader's tests load it back).

#include "recording.h"
#include "recordingreader.h"
#include "recordingwriter.h"
#include "session.h"
#include "testutil.h"
#include "tracefixture.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>
#include <QtEndian>

using namespace awaitscope;
using namespace awaitscope::testing;

class TestRecordingWriter : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void layout();
    void sourcesOfTheSites();
    void configJsonRoundTrip();
    void writeFileIsAtomic();
};

void TestRecordingWriter::layout()
{
    Trace trace;
    buildKnownTrace(trace);
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    QVERIFY(RecordingWriter(trace, nullptr, {}).write(&buffer));
    const QByteArray bytes = buffer.data();
    QVERIFY(bytes.startsWith("AWAITREC"));
    QCOMPARE(qFromLittleEndian<quint32>(bytes.constData() + 8), recording::Version);
    QCOMPARE(bytes.mid(12, 4), QByteArray("CONF"));
    QCOMPARE(qFromLittleEndian<quint64>(bytes.constData() + 16), quint64(0)); // no settings
    QCOMPARE(bytes.mid(24, 4), QByteArray("STRS"));
    QVERIFY(bytes.endsWith(QByteArray("END.") + QByteArray(8, '\0')));
    // Events: 16 bytes each.
    const qsizetype events = bytes.indexOf("EVNT");
    QVERIFY(events > 0);
    QCOMPARE(qFromLittleEndian<quint64>(bytes.constData() + events + 4), 8 + trace.size() * 16);
    QCOMPARE(qFromLittleEndian<quint64>(bytes.constData() + events + 12), trace.size());
}

void TestRecordingWriter::sourcesOfTheSites()
{
    Session session;
    QVERIFY(test::runToEnd(session, test::virtualConfig(QStringLiteral("fan-out"), 3)));
    const auto sources = RecordingWriter::sourcesFor(session.runtime().trace(), QStringLiteral("fan-out"));
    // fan-out's joins are in fanout.cpp, the awaits in fetchuser.cpp.
    QCOMPARE(sources.keys(), (QStringList{QStringLiteral("fanout.cpp"), QStringLiteral("fetchuser.cpp")}));
    QVERIFY(sources.value(QStringLiteral("fetchuser.cpp")).contains(QStringLiteral("co_await net.get")));
    Trace hand;
    buildKnownTrace(hand);
    QVERIFY(RecordingWriter::sourcesFor(hand).isEmpty()); // fixture.cpp is no scenario file
}

void TestRecordingWriter::configJsonRoundTrip()
{
    RunConfig c;
    c.scenario = QStringLiteral("errors");
    c.jobs = 17;
    c.network.model = LatencyModel::LogNormal;
    c.network.latencyMs = 42.5;
    c.network.jitterMs = 3;
    c.network.failureRate = 0.25;
    c.network.timeoutMs = 900;
    c.seed = 123456;
    c.speed = 2.5;
    c.clock = ClockMode::Virtual;
    QString error;
    const auto back = RecordingReader::configFromJson(RecordingWriter::configJson(c), &error);
    QVERIFY2(back, qPrintable(error));
    QCOMPARE(back->scenario, c.scenario);
    QCOMPARE(back->jobs, 17);
    QCOMPARE(back->network.model, LatencyModel::LogNormal);
    QCOMPARE(back->network.latencyMs, 42.5);
    QCOMPARE(back->network.failureRate, 0.25);
    QCOMPARE(back->network.timeoutMs, 900.0);
    QCOMPARE(back->seed, quint64(123456));
    QCOMPARE(back->speed, 2.5);
    QCOMPARE(back->clock, ClockMode::Virtual);

    QJsonObject bad = RecordingWriter::configJson(c);
    bad.insert(QStringLiteral("speed"), 1000);
    QVERIFY(!RecordingReader::configFromJson(bad, &error));
    QVERIFY2(error.contains(QStringLiteral("speed")), qPrintable(error));
    bad = RecordingWriter::configJson(c);
    bad.insert(QStringLiteral("latency_model"), QStringLiteral("cubic"));
    QVERIFY(!RecordingReader::configFromJson(bad, &error));
    QVERIFY2(error.contains(QStringLiteral("latency_model")), qPrintable(error));
}

void TestRecordingWriter::writeFileIsAtomic()
{
    Trace trace;
    buildKnownTrace(trace);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("run.awaitscope"));
    QVERIFY(RecordingWriter(trace, nullptr, {}).writeFile(path));
    QVERIFY(QFile::exists(path));
    QString error;
    QVERIFY(!RecordingWriter(trace, nullptr, {})
                 .writeFile(dir.filePath(QStringLiteral("no/such/dir/x")), &error));
    QVERIFY2(error.contains(QStringLiteral("cannot write")), qPrintable(error));
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files), QStringList{QStringLiteral("run.awaitscope")});
}

QTEST_GUILESS_MAIN(TestRecordingWriter)
#include "tst_recordingwriter.moc"
