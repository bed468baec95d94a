// Captions from the trace: what the narrator says during and at the end of real runs.

#include "chrometracereader.h"
#include "narrator.h"
#include "testutil.h"
#include "tracefixture.h"
#include "traceindex.h"

#include <QRegularExpression>
#include <QTest>

using namespace awaitscope;

namespace {

struct Finished {
    Session session;
    TraceIndex index;
    bool run(const RunConfig &config)
    {
        if (!test::runToEnd(session, config))
            return false;
        index.setTrace(&session.runtime().trace());
        while (index.update()) { }
        return true;
    }
};

} // namespace

class TestNarrator : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void concurrentRunEndsWithTheOverlap()
    {
        // fan-out, 20 users at 100 ms: three requests each, all users at once.
        Finished run;
        QVERIFY(run.run(test::virtualConfig(QStringLiteral("fan-out"), 20)));
        Narrator n;
        n.setFacts({100'000'000, false});
        const QString end = n.update(run.index, true, 0);
        QVERIFY2(end.startsWith(QStringLiteral("21 tasks in 300 ms")), qPrintable(end));
        QVERIFY2(end.contains(QStringLiteral("about 3 latencies end to end, not 60 (20.0x overlap)")),
                 qPrintable(end));
        QVERIFY(!end.contains(QStringLiteral("held")));
    }

    void bigFiguresAreGrouped()
    {
        // 2,000 tasks at once: figures with thousands separators, the overlap without decimals.
        Finished run;
        QVERIFY(run.run(test::virtualConfig(QStringLiteral("stress"), 2000)));
        Narrator n;
        n.setFacts({100'000'000, false});
        const QString end = n.ending(run.index);
        QVERIFY2(end.startsWith(QStringLiteral("2,001 tasks in ")), qPrintable(end));
        // The overlap leads even when the machine stalled a batch past a frame (a real, short
        // wall-time hold: seen under ASan on a loaded CI machine, 22 ms).
        QVERIFY2(
            QRegularExpression(
                QStringLiteral(
                    R"(: about [0-9,]+ latenc(?:y|ies) end to end, not [0-9],[0-9]{3} \([0-9,]+x overlap\))"))
                .match(end)
                .hasMatch(),
            qPrintable(end));
    }

    void onlyAHoldThatIsTheStoryLeadsTheEnding_data()
    {
        QTest::addColumn<qint64>("holdMs");
        QTest::addColumn<bool>("onPurpose");
        QTest::addColumn<QString>("ending");
        const QString overlap =
            QStringLiteral("3 tasks in 100 ms: about 1 latency end to end, not 2 (2.0x overlap)");
        QTest::newRow("incidental 22 ms") << qint64(22) << false << overlap;
        QTest::newRow("visible 150 ms")
            << qint64(150) << false
            << QStringLiteral(
                   "3 tasks in 100 ms: the loop was held for 150 ms (wall), nothing else ran meanwhile");
        QTest::newRow("on purpose 22 ms")
            << qint64(22) << true
            << QStringLiteral(
                   "3 tasks in 100 ms: the loop was held for 22 ms (wall), nothing else ran meanwhile");
    }

    void onlyAHoldThatIsTheStoryLeadsTheEnding()
    {
        // Two tasks wait 100 ms at once under a parent, and one of them held the loop.
        QFETCH(qint64, holdMs);
        QFETCH(bool, onPurpose);
        QFETCH(QString, ending);
        Trace trace;
        const SiteId get = trace.site(QStringLiteral("GET /x"), "fixture.cpp", 31);
        const TaskId main = trace.addTask(NoTask, trace.intern(QStringLiteral("main")), -1, 0);
        const TaskId a = trace.addTask(main, trace.intern(QStringLiteral("a")), -1, 0);
        const TaskId b = trace.addTask(main, trace.intern(QStringLiteral("b")), -1, 0);
        trace.append(0, a, EventKind::Suspend, get);
        trace.append(0, b, EventKind::Suspend, get);
        trace.append(100 * testing::Ms, a, EventKind::Resume, quint32(WaitResult::Ok));
        trace.append(100 * testing::Ms, a, EventKind::Hold, quint32(holdMs * 1000));
        trace.append(100 * testing::Ms, b, EventKind::Resume, quint32(WaitResult::Ok));
        for (const TaskId t : {a, b, main})
            trace.finishTask(t, TaskOutcome::Ok, 100 * testing::Ms);
        TraceIndex index;
        index.setTrace(&trace);
        while (index.update()) { }
        QCOMPARE(index.holds().size(), std::size_t(1));
        Narrator n;
        n.setFacts({100'000'000, onPurpose});
        QCOMPARE(n.ending(index), ending);
    }

    void sequentialRunSaysThereWasNoOverlap()
    {
        Finished run;
        QVERIFY(run.run(test::virtualConfig(QStringLiteral("fetch-user"), 20)));
        Narrator n;
        n.setFacts({100'000'000, false});
        const QString end = n.ending(run.index);
        QVERIFY2(end == QStringLiteral("21 tasks in 6 s: 60 latencies one after another, no overlap"),
                 qPrintable(end));
    }

    void blockingRunSaysTheLoopWasHeld()
    {
        // The real clock: a blocking wait holds the loop for real wall time (30 ms each).
        Finished run;
        RunConfig config = test::virtualConfig(QStringLiteral("blocking"), 1);
        config.clock = ClockMode::Real;
        config.network.latencyMs = 30;
        QVERIFY(run.run(config));
        QVERIFY(!run.index.holds().empty());
        Narrator n;
        n.setFacts({100'000'000, true});
        // Before the end: the hold, labelled as deliberate.
        const QString during = Narrator::holdSentence(run.index, true);
        QVERIFY2(during.contains(QStringLiteral("held the loop for")), qPrintable(during));
        QVERIFY(during.contains(QStringLiteral("the window froze")));
        QVERIFY(during.contains(QStringLiteral("on purpose")));
        const QString end = n.ending(run.index);
        QVERIFY2(end.contains(QStringLiteral("the loop was held for")), qPrintable(end));
        QVERIFY(!end.contains(QStringLiteral("overlap")));
    }

    void waitSentenceNamesTaskLineAndWhatItWaitsFor()
    {
        Trace trace;
        TraceIndex index;
        index.setTrace(&trace);
        testing::buildKnownTrace(trace);
        QVERIFY(index.update());
        // The latest await that began: child(1) on "GET /b", line 21, after one wait had ended.
        const TraceIndex::LatestWait &w = index.latestWait();
        QCOMPARE(w.site,
                 trace.siteAt(w.site).label == trace.intern(QStringLiteral("GET /b")) ? w.site : SiteId(999));
        const QString s = Narrator::waitSentence(index, w);
        QVERIFY2(s.startsWith(QStringLiteral("child(1) waits for GET /b (line 21)")), qPrintable(s));
        // Ended since: main's join (GET /b's own end is not "other").
        QVERIFY2(s.endsWith(QStringLiteral("the loop is free: 1 other wait ended meanwhile")), qPrintable(s));
        const QString end = Narrator().ending(index);
        QVERIFY2(end.contains(QStringLiteral("1 request failed")), qPrintable(end));
    }

    void aForeignTraceHasTracksAndSlicesWithoutLines()
    {
        // A Chrome trace from another program: its slices have no source line to name.
        const QByteArray json = R"({"traceEvents": [
            {"ph": "M", "pid": 1, "tid": 1, "name": "thread_name", "args": {"name": "IOThread"}},
            {"ph": "X", "pid": 1, "tid": 1, "ts": 0, "dur": 100, "name": "ReadFile"},
            {"ph": "X", "pid": 1, "tid": 2, "ts": 50, "dur": 200, "name": "Decode"}]})";
        QString error;
        const std::optional<Recording> rec = ChromeTraceReader::read(json, &error);
        QVERIFY2(rec, qPrintable(error));
        TraceIndex index;
        index.setTrace(rec->trace.get());
        while (index.update()) { }
        const QString s = Narrator::waitSentence(index, index.latestWait());
        QVERIFY2(s.contains(QStringLiteral(" waits for Decode")), qPrintable(s));
        QVERIFY2(!s.contains(QStringLiteral("line")), qPrintable(s));
        Narrator n;
        n.setFacts({0, false, true});
        const QString end = n.ending(index);
        QVERIFY2(end.startsWith(QStringLiteral("2 tracks in 250 µs")), qPrintable(end));
    }

    void captionsStayLongEnoughToRead()
    {
        Trace trace;
        TraceIndex index;
        index.setTrace(&trace);
        const SiteId sleep = trace.site(QStringLiteral("sleep"), "fixture.cpp", 30);
        const SiteId get = trace.site(QStringLiteral("GET /x"), "fixture.cpp", 31);
        const TaskId a = trace.addTask(NoTask, trace.intern(QStringLiteral("a")), -1, 0);
        const TaskId b = trace.addTask(NoTask, trace.intern(QStringLiteral("b")), -1, 0);
        trace.append(0, a, EventKind::Suspend, sleep);
        QVERIFY(index.update());
        Narrator n;
        const QString first = n.update(index, false, 0);
        QVERIFY2(first.startsWith(QStringLiteral("a waits for sleep (line 30)")), qPrintable(first));
        // b begins to wait: within MinHoldNs the caption stays; after it, it moves on.
        trace.append(10 * testing::Ms, b, EventKind::Suspend, get);
        QVERIFY(index.update());
        QCOMPARE(n.update(index, false, Narrator::MinHoldNs / 2), first);
        const QString later = n.update(index, false, Narrator::MinHoldNs + 1);
        QVERIFY2(later.startsWith(QStringLiteral("b waits for GET /x (line 31)")), qPrintable(later));
        // The end is news: it shows at once.
        trace.append(100 * testing::Ms, a, EventKind::Resume, quint32(WaitResult::Ok));
        trace.append(100 * testing::Ms, b, EventKind::Resume, quint32(WaitResult::Ok));
        trace.finishTask(a, TaskOutcome::Ok, 100 * testing::Ms);
        trace.finishTask(b, TaskOutcome::Ok, 100 * testing::Ms);
        QVERIFY(index.update());
        const QString end = n.update(index, true, Narrator::MinHoldNs + 2);
        QVERIFY2(end.startsWith(QStringLiteral("2 tasks in 100 ms")), qPrintable(end));
    }
};

QTEST_GUILESS_MAIN(TestNarrator)
#include "tst_narrator.moc"
