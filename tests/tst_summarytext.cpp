#include "summarytext.h"
#include "tracefixture.h"

#include <QTest>

using namespace awaitscope;
using namespace awaitscope::testing;

class TestSummaryText : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void finishedRunWithWallTime();
    void unfinishedTasksAndNoWallTime();
    void scenarioLine();
    void foreignTraceHasTracksAndSlices();
};

void TestSummaryText::finishedRunWithWallTime()
{
    Trace trace;
    buildKnownTrace(trace); // two tasks (one ok, one failed), three awaits over 600 ms
    const QString text = summarytext::traceLines(TraceSummary::of(trace), 42);
    QVERIFY2(text.startsWith(QLatin1String("tasks 2 (ok 1, failed 1, cancelled 0)\n")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("awaits 3, errors 1 (1 failed tasks)")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("total time 600.0 ms simulated, 42 ms wall; awaited 400.0 ms")),
             qPrintable(text));
    QVERIFY(!text.contains(QLatin1String("unfinished")));
    QVERIFY(!text.contains(QLatin1String("held"))); // no hold in this trace
    QVERIFY(text.endsWith(u'\n'));
}

void TestSummaryText::unfinishedTasksAndNoWallTime()
{
    TraceSummary sum;
    sum.tasks = 5;
    sum.ok = 3;
    sum.running = 2;
    sum.holds = 1;
    sum.longestHoldNs = 300'000'000;
    const QString text = summarytext::traceLines(sum, -1);
    QVERIFY2(text.startsWith(QLatin1String("tasks 5 (ok 3, failed 0, cancelled 0, unfinished 2)\n")),
             qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("held longer than a frame 1 times, the longest 300.0 ms")),
             qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("wall;")), qPrintable(text));
}

void TestSummaryText::scenarioLine()
{
    RunConfig c;
    c.scenario = QStringLiteral("fan-out");
    c.jobs = 7;
    c.seed = 9;
    c.clock = ClockMode::Virtual;
    QCOMPARE(summarytext::scenarioLine(c), QStringLiteral("scenario fan-out: 7 jobs, seed 9, virtual clock"));
    QCOMPARE(summarytext::clockName(ClockMode::Real), QStringLiteral("real"));
}

void TestSummaryText::foreignTraceHasTracksAndSlices()
{
    TraceSummary sum;
    sum.tasks = 70;
    sum.ok = 55;
    sum.running = 15;
    sum.awaits = 11426;
    sum.awaitedNs = 3'000'000'000;
    sum.spanNs = 1'000'000'000;
    const QString text = summarytext::foreignTraceLines(sum);
    QCOMPARE(text,
             QStringLiteral("tracks 70 (55 ended, 15 in a slice at the end)\n"
                            "slices 11426 (outermost), 3000.0 ms in slices in all (3.0 at once on average)\n"
                            "time span 1000.0 ms of the trace's clock\n"));
    QVERIFY(!text.contains(QLatin1String("simulated")));
}

QTEST_APPLESS_MAIN(TestSummaryText)
#include "tst_summarytext.moc"
