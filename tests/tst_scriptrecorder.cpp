// The recording hooks of a script run (no Python needed): what the loop reports about tasks
// becomes the trace's events, never a wait opened twice or left open.

#include "runtime.h"
#include "scriptrecorder.h"

#include <QTest>

using namespace awaitscope;

namespace {

/// The kinds of the trace's events for task, in order.
QList<EventKind> kindsOf(const Trace &trace, TaskId task)
{
    QList<EventKind> kinds;
    for (quint64 i = 0; i < trace.size(); ++i) {
        if (trace.at(i).task == task)
            kinds << trace.at(i).kind();
    }
    return kinds;
}

/// The arg of the last event of task with kind.
quint32 lastArg(const Trace &trace, TaskId task, EventKind kind)
{
    quint32 arg = 0xffffffffu;
    for (quint64 i = 0; i < trace.size(); ++i) {
        if (trace.at(i).task == task && trace.at(i).kind() == kind)
            arg = trace.at(i).arg();
    }
    return arg;
}

} // namespace

class TestScriptRecorder : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void scriptTaskAndChildren();
    void suspendResumeFinish();
    void suspendTwiceOpensOneWait();
    void unknownTasksAndSitesAreIgnored();
    void closeOpenWaitsCancelsThem();
    void finishWhileSuspendedClosesTheWait();
    void beginScriptForgetsTheLastRun();
};

void TestScriptRecorder::scriptTaskAndChildren()
{
    Runtime rt;
    ScriptRecorder rec(rt);
    const TaskId script = rec.beginScript(QStringLiteral("fetch_user.py"));
    QCOMPARE(rec.scriptTask(), script);
    QCOMPARE(rt.trace().taskName(script), QStringLiteral("fetch_user.py"));
    const TaskId child = rec.spawn(QStringLiteral("fetch(%1)"), 7, script);
    QCOMPARE(rt.trace().taskName(child), QStringLiteral("fetch(7)"));
    QCOMPARE(rt.trace().task(child).parent, script);
    const TaskId grandChild = rec.spawn(QStringLiteral("inner"), -1, child);
    QCOMPARE(rt.trace().task(grandChild).parent, child);
    // A parent the run never recorded (NoTask, a stale id): the script's top level adopts it.
    const TaskId orphan = rec.spawn(QStringLiteral("orphan"), -1, NoTask);
    QCOMPARE(rt.trace().task(orphan).parent, script);
    QVERIFY(rec.knows(orphan));
    QVERIFY(!rec.knows(orphan + 1));
}

void TestScriptRecorder::suspendResumeFinish()
{
    Runtime rt;
    ScriptRecorder rec(rt);
    const TaskId script = rec.beginScript(QStringLiteral("s.py"));
    const TaskId t = rec.spawn(QStringLiteral("t"), -1, script);
    const SiteId site = rec.site(QStringLiteral("sleep(0.1)"), "s.py", 12, SiteKind::Wait);
    QCOMPARE(rt.trace().siteLabel(site), QStringLiteral("sleep(0.1)"));
    QCOMPARE(rt.trace().siteAt(site).line, 12u);
    QCOMPARE(rec.site(QStringLiteral("sleep(0.1)"), "s.py", 12, SiteKind::Wait), site); // interned

    rec.suspend(t, site);
    QVERIFY(rec.isSuspended(t));
    QCOMPARE(lastArg(rt.trace(), t, EventKind::Suspend), site);
    rec.resume(t, WaitResult::TimedOut);
    QVERIFY(!rec.isSuspended(t));
    QCOMPARE(rec.stepping(), t);
    QCOMPARE(rt.currentTask(), t);
    QCOMPARE(lastArg(rt.trace(), t, EventKind::Resume), quint32(WaitResult::TimedOut));
    // A resume without a wait (a task's first step) records nothing, but steps the task.
    rec.setStepping(NoTask);
    rec.resume(t, WaitResult::Ok);
    QCOMPARE(rec.stepping(), t);
    rec.finish(t, TaskOutcome::Error, QStringLiteral("ValueError: broken"));
    QCOMPARE(kindsOf(rt.trace(), t),
             (QList<EventKind>{EventKind::Spawn, EventKind::Suspend, EventKind::Resume, EventKind::Finish}));
    QCOMPARE(rt.trace().task(t).outcome, TaskOutcome::Error);
    QCOMPARE(rt.trace().taskMessage(t), QStringLiteral("ValueError: broken"));
}

void TestScriptRecorder::suspendTwiceOpensOneWait()
{
    Runtime rt;
    ScriptRecorder rec(rt);
    const TaskId t = rec.spawn(QStringLiteral("t"), -1, rec.beginScript(QStringLiteral("s.py")));
    const SiteId a = rec.site(QStringLiteral("a"), "s.py", 1, SiteKind::Wait);
    const SiteId b = rec.site(QStringLiteral("b"), "s.py", 2, SiteKind::Join);
    rec.suspend(t, a);
    rec.suspend(t, b);
    QCOMPARE(kindsOf(rt.trace(), t), (QList<EventKind>{EventKind::Spawn, EventKind::Suspend}));
    QCOMPARE(lastArg(rt.trace(), t, EventKind::Suspend), a);
}

void TestScriptRecorder::unknownTasksAndSitesAreIgnored()
{
    Runtime rt;
    ScriptRecorder rec(rt);
    const TaskId script = rec.beginScript(QStringLiteral("s.py"));
    const quint64 before = rt.trace().size();
    const SiteId site = rec.site(QStringLiteral("a"), "s.py", 1, SiteKind::Wait);
    rec.suspend(script + 5, site);
    rec.resume(script + 5, WaitResult::Ok);
    rec.finish(script + 5, TaskOutcome::Ok, {});
    rec.suspend(script, site + 100); // no such site
    QCOMPARE(rt.trace().size(), before);
    QVERIFY(!rec.isSuspended(script));
}

void TestScriptRecorder::closeOpenWaitsCancelsThem()
{
    Runtime rt;
    ScriptRecorder rec(rt);
    const TaskId script = rec.beginScript(QStringLiteral("s.py"));
    const TaskId a = rec.spawn(QStringLiteral("a"), -1, script);
    const TaskId b = rec.spawn(QStringLiteral("b"), -1, script);
    const SiteId site = rec.site(QStringLiteral("w"), "s.py", 3, SiteKind::Wait);
    rec.suspend(a, site);
    rec.suspend(script, site);
    rec.closeOpenWaits();
    QVERIFY(!rec.isSuspended(a));
    QVERIFY(!rec.isSuspended(script));
    QCOMPARE(lastArg(rt.trace(), a, EventKind::Resume), quint32(WaitResult::Cancelled));
    QCOMPARE(lastArg(rt.trace(), script, EventKind::Resume), quint32(WaitResult::Cancelled));
    QCOMPARE(kindsOf(rt.trace(), b), QList<EventKind>{EventKind::Spawn}); // it did not wait
    const quint64 after = rt.trace().size();
    rec.closeOpenWaits(); // nothing left open
    QCOMPARE(rt.trace().size(), after);
}

void TestScriptRecorder::finishWhileSuspendedClosesTheWait()
{
    Runtime rt;
    ScriptRecorder rec(rt);
    const TaskId t = rec.spawn(QStringLiteral("t"), -1, rec.beginScript(QStringLiteral("s.py")));
    rec.suspend(t, rec.site(QStringLiteral("w"), "s.py", 3, SiteKind::Wait));
    rec.finish(t, TaskOutcome::Cancelled, {});
    QCOMPARE(kindsOf(rt.trace(), t),
             (QList<EventKind>{EventKind::Spawn, EventKind::Suspend, EventKind::Resume, EventKind::Finish}));
    QCOMPARE(lastArg(rt.trace(), t, EventKind::Resume), quint32(WaitResult::Cancelled));
    QCOMPARE(rt.trace().task(t).outcome, TaskOutcome::Cancelled);
}

void TestScriptRecorder::beginScriptForgetsTheLastRun()
{
    Runtime rt;
    ScriptRecorder rec(rt);
    const TaskId first = rec.beginScript(QStringLiteral("a.py"));
    const TaskId t = rec.spawn(QStringLiteral("t"), -1, first);
    rec.suspend(t, rec.site(QStringLiteral("w"), "a.py", 3, SiteKind::Wait));
    rec.setStepping(t);
    rt.reset();
    const TaskId second = rec.beginScript(QStringLiteral("b.py"));
    QCOMPARE(rec.scriptTask(), second);
    QCOMPARE(rec.stepping(), NoTask);
    QVERIFY(!rec.isSuspended(t));
    QVERIFY(!rec.knows(second + 1));
}

QTEST_MAIN(TestScriptRecorder)
#include "tst_scriptrecorder.moc"
