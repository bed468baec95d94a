#include "spanreader.h"
#include "tracefixture.h"

#include <QTest>

using namespace awaitscope;
using namespace awaitscope::testing;

namespace {

/// Writes down every call, as "kind task begin end site result".
struct Log : SpanVisitor {
    QStringList lines;
    void spawned(TaskId t, qint64 at) { lines << QStringLiteral("spawn %1 %2").arg(t).arg(at / Ms); }
    void waitBegan(TaskId t, qint64 at, SiteId s)
    {
        lines << QStringLiteral("wait %1 %2 site%3").arg(t).arg(at / Ms).arg(s);
    }
    void waitEnded(TaskId t, qint64 b, qint64 e, SiteId s, WaitResult r)
    {
        lines
            << QStringLiteral("waited %1 %2-%3 site%4 r%5").arg(t).arg(b / Ms).arg(e / Ms).arg(s).arg(int(r));
    }
    void blockBegan(TaskId t, qint64 at, SiteId s)
    {
        lines << QStringLiteral("block %1 %2 site%3").arg(t).arg(at / Ms).arg(s);
    }
    void blockEnded(TaskId t, qint64 b, qint64 e, SiteId s)
    {
        lines << QStringLiteral("blocked %1 %2-%3 site%4").arg(t).arg(b / Ms).arg(e / Ms).arg(s);
    }
    void held(TaskId t, qint64 at, qint64 wallNs)
    {
        lines << QStringLiteral("held %1 %2 %3").arg(t).arg(at / Ms).arg(wallNs / Ms);
    }
    void finished(TaskId t, qint64 at, TaskOutcome o)
    {
        lines << QStringLiteral("end %1 %2 o%3").arg(t).arg(at / Ms).arg(int(o));
    }
    void unfinished(TaskId t, qint64 b, qint64 e, SiteId s, bool blocked)
    {
        lines << QStringLiteral("open %1 %2-%3 site%4%5")
                     .arg(t)
                     .arg(b / Ms)
                     .arg(e / Ms)
                     .arg(s)
                     .arg(blocked ? QStringLiteral(" blocked") : QString());
    }
};

} // namespace

class TestSpanReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void pairsTheKnownTrace();
    void blockedSectionsAndOpenSpans();
    void unpairedEndsAreIgnored();
};

void TestSpanReader::pairsTheKnownTrace()
{
    Trace trace;
    buildKnownTrace(trace);
    Log log;
    readSpans(trace, log);
    // join = site 0, GET /a = 1, GET /b = 2; failed = 1, error = 2
    QCOMPARE(log.lines,
             (QStringList{
                 QStringLiteral("spawn 0 0"),
                 QStringLiteral("spawn 1 0"),
                 QStringLiteral("wait 0 0 site0"),
                 QStringLiteral("wait 1 100 site1"),
                 QStringLiteral("waited 1 100-300 site1 r0"),
                 QStringLiteral("wait 1 300 site2"),
                 QStringLiteral("waited 1 300-500 site2 r1"),
                 QStringLiteral("end 1 500 o2"),
                 QStringLiteral("waited 0 0-500 site0 r0"),
                 QStringLiteral("end 0 600 o1"),
             }));
}

void TestSpanReader::blockedSectionsAndOpenSpans()
{
    Trace trace;
    const SiteId block = trace.site(QStringLiteral("work"), "f.cpp", 5, SiteKind::Blocking);
    const SiteId wait = trace.site(QStringLiteral("GET /x"), "f.cpp", 6);
    const TaskId a = trace.addTask(NoTask, trace.intern(QStringLiteral("a")), -1, 0);
    const TaskId b = trace.addTask(a, trace.intern(QStringLiteral("b")), -1, 0);
    trace.append(10 * Ms, a, EventKind::BlockBegin, block);
    trace.append(40 * Ms, a, EventKind::BlockEnd, block);
    trace.append(50 * Ms, b, EventKind::Suspend, wait); // never resumed: the run was stopped
    trace.append(45 * Ms, a, EventKind::Hold, 30'000); // held the loop for 30 ms of wall time
    trace.append(70 * Ms, a, EventKind::BlockBegin, block); // never ended either
    Log log;
    readSpans(trace, log, true);
    QVERIFY(log.lines.contains(QStringLiteral("blocked 0 10-40 site0")));
    QVERIFY(log.lines.contains(QStringLiteral("held 0 45 30")));
    // Open spans are closed at the last event's time, in task order, blocks before waits.
    QCOMPARE(
        log.lines.mid(log.lines.size() - 2),
        (QStringList{QStringLiteral("open 0 70-70 site0 blocked"), QStringLiteral("open 1 50-70 site1")}));

    SpanReader reader;
    Log partial;
    for (quint64 i = 0; i < trace.size(); ++i)
        reader.read(trace.at(i), partial);
    QVERIFY(reader.isWaiting(b));
    QVERIFY(!reader.isWaiting(a));
    QVERIFY(reader.isBlocking(a));
    reader.clear();
    QVERIFY(!reader.isWaiting(b));
}

void TestSpanReader::unpairedEndsAreIgnored()
{
    Trace trace;
    const SiteId s = trace.site(QStringLiteral("sleep"), "f.cpp", 1);
    const TaskId t = trace.addTask(NoTask, trace.intern(QStringLiteral("t")), -1, 0);
    trace.append(5 * Ms, t, EventKind::Resume, quint32(WaitResult::Ok)); // nothing open
    trace.append(6 * Ms, t, EventKind::BlockEnd, s); // nothing open
    trace.append(7 * Ms, t, EventKind::Suspend, s);
    trace.append(9 * Ms, t, EventKind::Resume, quint32(WaitResult::TimedOut));
    trace.append(9 * Ms, t, EventKind::Resume, quint32(WaitResult::Ok)); // a second resume: nothing open
    Log log;
    readSpans(trace, log);
    QCOMPARE(log.lines,
             (QStringList{QStringLiteral("spawn 0 0"), QStringLiteral("wait 0 7 site0"),
                          QStringLiteral("waited 0 7-9 site0 r2")}));
}

QTEST_APPLESS_MAIN(TestSpanReader)
#include "tst_spanreader.moc"
