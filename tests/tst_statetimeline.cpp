#include "session.h"
#include "statereference.h"
#include "statetimeline.h"
#include "testutil.h"
#include "tracefixture.h"
#include "traceindex.h"

#include <QTest>

using namespace awaitscope;
using namespace awaitscope::testing;

class TestStateTimeline : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void knownTraceStates();
    void knownTraceCountersAndLines();
    void stepping();
    void blockedSections();
    void realRunMatchesReplayAtEveryEventTime();
    void incrementalMatchesOnePass();
    void agreesWithLiveIndexAtTheEnd();
    void stateNames();
};

void TestStateTimeline::knownTraceStates()
{
    Trace trace;
    buildKnownTrace(trace);
    StateTimeline tl(trace);
    QVERIFY(tl.update());
    QVERIFY(!tl.update());
    QVERIFY(tl.caughtUp());
    QCOMPARE(tl.taskCount(), 2u);
    QCOMPARE(tl.stateAt(0, -1).state, TaskState::NotStarted);
    QCOMPARE(tl.stateAt(0, 0).state, TaskState::Waiting); // main joins at once
    QCOMPARE(trace.siteLabel(tl.stateAt(0, 0).site), QStringLiteral("join child"));
    QCOMPARE(tl.stateAt(1, 50 * Ms).state, TaskState::Running);
    const TaskStateAt a = tl.stateAt(1, 100 * Ms);
    QCOMPARE(a.state, TaskState::Waiting);
    QCOMPARE(trace.siteLabel(a.site), QStringLiteral("GET /a"));
    QCOMPARE(a.sinceNs, 100 * Ms);
    // At 300 ms it resumed from /a and suspended on /b: the later span wins.
    QCOMPARE(trace.siteLabel(tl.stateAt(1, 300 * Ms).site), QStringLiteral("GET /b"));
    QCOMPARE(tl.stateAt(1, 499 * Ms).state, TaskState::Waiting);
    QCOMPARE(tl.stateAt(1, 500 * Ms).state, TaskState::Failed);
    QCOMPARE(tl.stateAt(0, 500 * Ms).state, TaskState::Running);
    QCOMPARE(tl.stateAt(0, 599 * Ms).state, TaskState::Running);
    QCOMPARE(tl.stateAt(0, 600 * Ms).state, TaskState::Done);
    QCOMPARE(tl.stateAt(7, 0).state, TaskState::NotStarted); // no such task
    QCOMPARE(tl.firstTimeNs(), 0);
    QCOMPARE(tl.lastTimeNs(), 600 * Ms);
}

void TestStateTimeline::knownTraceCountersAndLines()
{
    Trace trace;
    buildKnownTrace(trace);
    StateTimeline tl(trace);
    tl.update();
    StateCounters c = tl.countersAt(200 * Ms);
    QCOMPARE(c.started, 2u);
    QCOMPARE(c.waiting, 2u);
    QCOMPARE(c.running, 0u);
    QCOMPARE(c.awaits, quint64(2));
    c = tl.countersAt(550 * Ms);
    QCOMPARE(c.failed, 1u);
    QCOMPARE(c.done, 0u);
    QCOMPARE(c.waiting, 0u);
    QCOMPARE(c.running, 1u);
    QCOMPARE(c.awaits, quint64(3));
    c = tl.countersAt(600 * Ms);
    QCOMPARE(c.done, 1u);
    QCOMPARE(c.running, 0u);
    QCOMPARE(tl.countersAt(-1).started, 0u);

    QCOMPARE(tl.lineCount(), 3u);
    const auto lines = tl.linesAt(350 * Ms);
    QCOMPARE(lines.size(), std::size_t(2)); // the join (line 10) and GET /b (line 21)
    QCOMPARE(tl.line(lines[0].line).line, 10u);
    QCOMPARE(tl.line(lines[1].line).line, 21u);
    QCOMPARE(trace.string(tl.line(lines[1].line).file), QStringLiteral("fixture.cpp"));
    QCOMPARE(lines[1].waiting, 1u);
    QCOMPARE(tl.waitingAtLine(tl.lineOfSite(1), 150 * Ms), 1u); // GET /a
    QCOMPARE(tl.waitingAtLine(tl.lineOfSite(1), 300 * Ms), 0u);
    QVERIFY(tl.linesAt(600 * Ms).empty());
}

void TestStateTimeline::stepping()
{
    Trace trace;
    buildKnownTrace(trace);
    StateTimeline tl(trace);
    tl.update();
    QCOMPARE(tl.nextEventTime(-5), 0);
    QCOMPARE(tl.nextEventTime(0), 100 * Ms);
    QCOMPARE(tl.nextEventTime(150 * Ms), 300 * Ms);
    QCOMPARE(tl.nextEventTime(300 * Ms), 500 * Ms);
    QCOMPARE(tl.nextEventTime(600 * Ms), -1);
    QCOMPARE(tl.previousEventTime(0), -1);
    QCOMPARE(tl.previousEventTime(300 * Ms), 100 * Ms);
    QCOMPARE(tl.previousEventTime(301 * Ms), 300 * Ms);
    QCOMPARE(tl.previousEventTime(10'000 * Ms), 600 * Ms);

    QCOMPARE(tl.nextAwait(1, 0), 100 * Ms);
    QCOMPARE(tl.nextAwait(1, 100 * Ms), 300 * Ms);
    QCOMPARE(tl.nextAwait(1, 300 * Ms), -1);
    QCOMPARE(tl.previousAwait(1, 300 * Ms), 100 * Ms);
    QCOMPARE(tl.previousAwait(1, 301 * Ms), 300 * Ms);
    QCOMPARE(tl.previousAwait(1, 100 * Ms), -1);
    QCOMPARE(tl.nextAwait(9, 0), -1);

    Trace repeated;
    buildRepeatedWaits(repeated, 1000, 10 * Ms, 4 * Ms);
    StateTimeline rt(repeated);
    rt.update();
    QCOMPARE(rt.nextAwait(0, 55 * Ms), 60 * Ms);
    QCOMPARE(rt.previousAwait(0, 55 * Ms), 50 * Ms);
    QCOMPARE(rt.stateAt(0, 53 * Ms).state, TaskState::Waiting);
    QCOMPARE(rt.stateAt(0, 54 * Ms).state, TaskState::Running);
    QCOMPARE(rt.nextEventTime(54 * Ms), 60 * Ms);
}

void TestStateTimeline::blockedSections()
{
    Trace trace;
    const SiteId block = trace.site(QStringLiteral("parse"), "b.cpp", 7, SiteKind::Blocking);
    const SiteId wait = trace.site(QStringLiteral("GET /x"), "b.cpp", 9);
    const TaskId t = trace.addTask(NoTask, trace.intern(QStringLiteral("t")), -1, 0);
    trace.append(10 * Ms, t, EventKind::BlockBegin, block);
    trace.append(30 * Ms, t, EventKind::BlockEnd, block);
    trace.append(30 * Ms, t, EventKind::Suspend, wait);
    StateTimeline tl(trace);
    tl.update();
    QCOMPARE(tl.stateAt(t, 20 * Ms).state, TaskState::Blocked);
    QCOMPARE(tl.stateAt(t, 20 * Ms).site, block);
    QCOMPARE(tl.countersAt(20 * Ms).blocked, 1u);
    QCOMPARE(tl.countersAt(20 * Ms).running, 0u);
    QCOMPARE(tl.stateAt(t, 40 * Ms).state, TaskState::Waiting); // still open at the end
    QCOMPARE(tl.countersAt(1000 * Ms).waiting, 1u);
    QCOMPARE(tl.waitingAtLine(tl.lineOfSite(block), 20 * Ms), 1u);
    QCOMPARE(tl.blockedAtLine(tl.lineOfSite(block), 20 * Ms), 1u);
    QCOMPARE(tl.blockedAtLine(tl.lineOfSite(block), 30 * Ms), 0u);
    QCOMPARE(tl.blockedAtLine(tl.lineOfSite(wait), 40 * Ms), 0u); // a wait, not a block
    // A live trace goes on: the same timeline reads the rest.
    trace.append(50 * Ms, t, EventKind::Resume, quint32(WaitResult::Ok));
    trace.finishTask(t, TaskOutcome::Cancelled, 60 * Ms);
    QVERIFY(tl.update());
    QCOMPARE(tl.stateAt(t, 40 * Ms).state, TaskState::Waiting);
    QCOMPARE(tl.stateAt(t, 55 * Ms).state, TaskState::Running);
    QCOMPARE(tl.stateAt(t, 60 * Ms).state, TaskState::Cancelled);
    QCOMPARE(tl.countersAt(60 * Ms).cancelled, 1u);
}

void TestStateTimeline::realRunMatchesReplayAtEveryEventTime()
{
    // A run with failures, timeouts and cancellations: at every event time (and just before),
    // the timeline says what a plain replay of the events says.
    for (const QString &scenario :
         {QStringLiteral("errors"), QStringLiteral("fan-out"), QStringLiteral("blocking")}) {
        Session session;
        RunConfig config = test::virtualConfig(scenario);
        config.network.jitterMs = 30;
        QVERIFY(test::runToEnd(session, config));
        const Trace &trace = session.runtime().trace();
        StateTimeline tl(trace);
        tl.update();
        QVERIFY2(trace.size() > 5, qPrintable(scenario + QStringLiteral(": %1 events").arg(trace.size())));
        qint64 last = -2;
        int checked = 0;
        for (quint64 i = 0; i < trace.size(); ++i) {
            const qint64 t = trace.at(i).timeNs;
            if (t == last)
                continue;
            last = t;
            for (const qint64 at : {t - 1, t}) {
                const ReferenceState want = referenceStateAt(trace, at);
                const ReferenceState got = timelineStateAt(tl, at);
                QVERIFY2(got.tasks == want.tasks, qPrintable(scenario + QString::number(at)));
                QCOMPARE(got.lines, want.lines);
                int waiting = 0;
                for (const TaskStateAt &s : want.tasks)
                    waiting += s.state == TaskState::Waiting;
                QCOMPARE(int(tl.countersAt(at).waiting), waiting);
                ++checked;
            }
        }
        QVERIFY(checked > 2);
    }
}

void TestStateTimeline::incrementalMatchesOnePass()
{
    Session session;
    QVERIFY(test::runToEnd(session, test::virtualConfig(QStringLiteral("fan-out"), 2000)));
    const Trace &trace = session.runtime().trace();
    StateTimeline whole(trace);
    whole.update();
    StateTimeline steps(trace);
    int calls = 0;
    while (!steps.caughtUp()) {
        steps.update(0); // one block of events per call
        ++calls;
    }
    QVERIFY(calls > 1);
    QCOMPARE(steps.eventCount(), trace.size());
    for (qint64 t = 0; t <= whole.lastTimeNs(); t += 3 * Ms) {
        QVERIFY(timelineStateAt(steps, t).tasks == timelineStateAt(whole, t).tasks);
        QCOMPARE(steps.countersAt(t).waiting, whole.countersAt(t).waiting);
    }
    steps.clear();
    QCOMPARE(steps.taskCount(), 0u);
    QCOMPARE(steps.eventCount(), quint64(0));
}

void TestStateTimeline::agreesWithLiveIndexAtTheEnd()
{
    // Mid-run (stopped with tasks still waiting), the state at the last event is the live index's
    // "now".
    Session session;
    RunConfig config = test::virtualConfig(QStringLiteral("fan-out"), 50);
    TraceIndex index;
    index.setTrace(&session.runtime().trace());
    QVERIFY(session.start(config).isEmpty());
    for (int i = 0; i < 60; ++i) // the first waits end: some tasks are on their second line
        session.runtime().step();
    index.update();
    StateTimeline tl(session.runtime().trace());
    tl.update();
    const StateCounters c = tl.countersAt(tl.lastTimeNs());
    QCOMPARE(c.waiting + c.blocked, index.suspendedNow() + index.blockedNow());
    QVERIFY(c.waiting > 0);
    for (quint32 loc = 0; loc < index.locationCount(); ++loc) {
        const auto &where = index.location(loc);
        quint32 mine = 0;
        for (quint32 l = 0; l < tl.lineCount(); ++l) {
            if (tl.line(l).file == where.file && tl.line(l).line == where.line)
                mine = tl.waitingAtLine(l, tl.lastTimeNs());
        }
        QCOMPARE(mine, index.waitingAtLocation(loc));
    }
    session.stop();
}

void TestStateTimeline::stateNames()
{
    QCOMPARE(taskStateName(TaskState::NotStarted), QLatin1StringView("not-started"));
    QCOMPARE(taskStateName(TaskState::Waiting), QLatin1StringView("waiting"));
    QCOMPARE(taskStateName(TaskState::Cancelled), QLatin1StringView("cancelled"));
    QCOMPARE(taskStateName(TaskState(42)), QLatin1StringView("not-started"));
}

QTEST_GUILESS_MAIN(TestStateTimeline)
#include "tst_statetimeline.moc"
