// Each scenario's trace has the shape the article's claim predicts (virtual clock: exact times).

#include "runlimits.h"
#include "scenario.h"
#include "session.h"
#include "testutil.h"
#include "tracesummary.h"

#include <QTest>
#include <limits>

using namespace awaitscope;
using namespace awaitscope::test;

class TestScenarios : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void fetchUserIsThreeSequentialAwaits()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("fetch-user"))));
        const Trace &t = session.runtime().trace();
        const TaskId task = findTask(t, QStringLiteral("fetch_user(1)"));
        QVERIFY(task != NoTask);
        const auto awaits = awaitsOf(t, task);
        QCOMPARE(awaits.size(), std::size_t(3));
        const QStringList labels{QStringLiteral("GET /users/1"), QStringLiteral("GET /users/1/posts"),
                                 QStringLiteral("GET /users/1/comments")};
        for (std::size_t i = 0; i < 3; ++i) {
            QCOMPARE(awaits[i].label, labels[qsizetype(i)]);
            QCOMPARE(awaits[i].startNs, qint64(i) * 100 * Ms);
            QCOMPARE(awaits[i].endNs - awaits[i].startNs, 100 * Ms);
            QCOMPARE(awaits[i].file, QStringLiteral("fetchuser.cpp"));
            if (i > 0)
                QCOMPARE(awaits[i].line, awaits[i - 1].line + 1); // the next line of the code
        }
    }

    void callbacksMakeTheSameAwaits()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("callbacks"))));
        const Trace &t = session.runtime().trace();
        const TaskId task = findTask(t, QStringLiteral("fetch_user_callbacks(1)"));
        const auto awaits = awaitsOf(t, task);
        QCOMPARE(awaits.size(), std::size_t(3));
        QCOMPARE(awaits[2].label, QStringLiteral("GET /users/1/comments"));
        QCOMPARE(awaits[2].endNs, 300 * Ms);
        QCOMPARE(awaits[0].file, QStringLiteral("callbacks.cpp"));
        QCOMPARE(t.task(task).outcome, TaskOutcome::Ok);
    }

    void fanOutTakesTheLongestChainNotTheSum()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("fan-out"), 100)));
        const TraceSummary s = TraceSummary::of(session.runtime().trace());
        QCOMPARE(s.tasks, 101u);
        QCOMPARE(s.ok, 101u);
        QCOMPARE(s.spanNs, 300 * Ms); // three latencies, not 300
        QCOMPARE(s.awaitedNs, 100 * 300 * Ms);
        QVERIFY(s.concurrency() > 99.0);
    }

    void blockingIsOneBlockedSectionOverTheJob()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("blocking"))));
        const Trace &t = session.runtime().trace();
        const TraceSummary s = TraceSummary::of(t);
        QCOMPARE(s.blockedSections, quint64(1));
        QCOMPARE(s.blockedNs, 300 * Ms);
        QCOMPARE(s.spanNs, 300 * Ms);
        QCOMPARE(s.awaitedNs, qint64(0)); // no await overlapped anything
        const TaskId job = findTask(t, QStringLiteral("fetch_user_blocking(1)"));
        QCOMPARE(t.task(job).endNs - t.task(job).spawnNs, 300 * Ms);
    }

    void blockingJobsAddUp()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("blocking"), 3)));
        const TraceSummary s = TraceSummary::of(session.runtime().trace());
        QCOMPARE(s.blockedSections, quint64(3));
        QCOMPARE(s.spanNs, 900 * Ms); // the sum: nothing overlaps
    }

    void slowIoStaysSlow()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("slow-io"), 5)));
        const Trace &t = session.runtime().trace();
        QCOMPARE(TraceSummary::of(t).spanNs, 1000 * Ms);
        QCOMPARE(t.task(findTask(t, QStringLiteral("fetch(/users/3)"))).endNs, 100 * Ms);
        QCOMPARE(t.task(findTask(t, QStringLiteral("fetch(/reports/yearly)"))).endNs, 1000 * Ms);
    }

    void nestedLoopsStackButCoroutinesDoNot()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("infectious"))));
        const Trace &t = session.runtime().trace();
        const auto sync = awaitsOf(t, findTask(t, QStringLiteral("sync_caller(1)")));
        QCOMPARE(sync.back().kind, SiteKind::NestedLoop);
        // Its answer came at 300 ms, but the nested loop started inside it held it until 650 ms.
        QCOMPARE(t.task(findTask(t, QStringLiteral("fetch_user(1)"))).endNs, 300 * Ms);
        QCOMPARE(sync.back().endNs, 650 * Ms);
        QCOMPARE(t.task(findTask(t, QStringLiteral("async_caller(1)"))).endNs, 300 * Ms);
        QCOMPARE(t.task(findTask(t, QStringLiteral("sync_report_caller()"))).endNs, 650 * Ms);
    }

    void errorsPropagateAndCancellationUnwinds()
    {
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(QStringLiteral("errors"))));
        const Trace &t = session.runtime().trace();
        const TraceSummary s = TraceSummary::of(t);
        QVERIFY(s.failedWaits >= 1);
        QCOMPARE(t.task(findTask(t, QStringLiteral("long_poll()"))).outcome, TaskOutcome::Cancelled);
        QCOMPARE(t.task(findTask(t, QStringLiteral("main"))).outcome, TaskOutcome::Ok);
        const auto report = awaitsOf(t, findTask(t, QStringLiteral("fetch_report_with_timeout()")));
        QCOMPARE(report.at(0).result, WaitResult::TimedOut);
        QCOMPARE(report.at(0).endNs - report.at(0).startNs, 200 * Ms); // the timeout, not the latency
        QCOMPARE(t.task(findTask(t, QStringLiteral("fetch_report_with_timeout()"))).outcome, TaskOutcome::Ok);
    }

    void stressRunsTenThousandJobs()
    {
        Session session;
        RunConfig c = virtualConfig(QStringLiteral("stress"));
        c.network.latencyMs = 5;
        c.network.jitterMs = 2;
        QVERIFY(runToEnd(session, c, 60000));
        const TraceSummary s = TraceSummary::of(session.runtime().trace());
        QCOMPARE(s.tasks, 10001u);
        QCOMPARE(s.ok, 10001u);
        quint64 requests = 0;
        const Trace &t = session.runtime().trace();
        for (quint64 i = 0; i < t.size(); ++i)
            requests += t.at(i).kind() == EventKind::Suspend &&
                t.siteLabel(t.at(i).arg()) == QLatin1String("GET /ping");
        QCOMPARE(requests, quint64(30000)); // three requests each
        QCOMPARE(s.failedWaits, quint64(0));
        QVERIFY(session.runtime().scheduler().longestBatchNs() < 1'000'000'000); // sanity, not a target
    }

    void sameSeedSameTrace()
    {
        auto eventsFor = [](quint64 seed) {
            Session session;
            RunConfig c = virtualConfig(QStringLiteral("errors"), 20);
            c.seed = seed;
            c.network.jitterMs = 40;
            c.network.model = LatencyModel::LogNormal;
            c.network.failureRate = 0.2;
            if (!runToEnd(session, c))
                return QList<qint64>();
            QList<qint64> flat;
            const Trace &t = session.runtime().trace();
            for (quint64 i = 0; i < t.size(); ++i)
                flat << t.at(i).timeNs << t.at(i).task << t.at(i).packed;
            return flat;
        };
        const auto a = eventsFor(5);
        QVERIFY(!a.isEmpty());
        QCOMPARE(eventsFor(5), a);
        QVERIFY(eventsFor(6) != a);
    }

    void everyScenarioHasAJobLimit()
    {
        // A scenario without one took --jobs 2147483647 and ran out of memory reserving tasks.
        for (const Scenario &s : allScenarios()) {
            QVERIFY2(s.maxJobs >= 1 && s.maxJobs <= limits::MaxJobs, qPrintable(s.id));
            QVERIFY2(s.defaultJobs >= 1 && s.defaultJobs <= s.maxJobs, qPrintable(s.id));
            RunConfig c = virtualConfig(s.id, s.maxJobs + 1);
            QVERIFY2(c.validate().contains(QLatin1String("at most")), qPrintable(s.id));
            c.jobs = std::numeric_limits<int>::max();
            QVERIFY2(!c.validate().isEmpty(), qPrintable(s.id));
        }
    }

    void everyScenarioRunsAndShipsItsSource_data()
    {
        QTest::addColumn<QString>("id");
        for (const Scenario &s : allScenarios())
            QTest::newRow(qPrintable(s.id)) << s.id;
    }

    void everyScenarioRunsAndShipsItsSource()
    {
        QFETCH(QString, id);
        const Scenario *s = findScenario(id);
        QVERIFY(s);
        QVERIFY(s->source().contains(QLatin1String("co_")) || s->source().contains(QLatin1String("net.get")));
        QVERIFY(!s->summary.isEmpty() && !s->lookFor.isEmpty());
        Session session;
        QVERIFY(runToEnd(session, virtualConfig(id, std::min(s->defaultJobs, 100))));
        const TraceSummary sum = TraceSummary::of(session.runtime().trace());
        QCOMPARE(sum.running, 0u);
        QVERIFY(sum.awaits > 0);
        // Every wait the scenario itself makes points at a line of its shipped source (or of
        // fetchuser.cpp, which several scenarios share).
        const Trace &t = session.runtime().trace();
        for (SiteId site = 0; site < t.siteCount(); ++site) {
            const QString file = t.string(t.siteAt(site).file);
            QVERIFY2(file == s->sourceFile || file == QLatin1String("fetchuser.cpp") ||
                         file == QLatin1String("session.cpp"),
                     qPrintable(file));
        }
    }

    void stopMidRunCancelsEverything()
    {
        Session session;
        RunConfig c = virtualConfig(QStringLiteral("fan-out"), 50);
        c.clock = ClockMode::Real;
        QCOMPARE(session.start(c), QString());
        QTest::qWait(30);
        session.stop();
        const TraceSummary s = TraceSummary::of(session.runtime().trace());
        QCOMPARE(s.running, 0u);
        QCOMPARE(s.cancelled, 51u);
        QCOMPARE(session.runtime().scheduler().pending(), 0u);
    }

    void requestedStopEndsEveryTask_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("jobs");
        QTest::newRow("fan-out") << QStringLiteral("fan-out") << 50;
        QTest::newRow("callbacks") << QStringLiteral("callbacks") << 5;
        QTest::newRow("errors") << QStringLiteral("errors") << -1;
    }

    void requestedStopEndsEveryTask()
    {
        QFETCH(QString, scenario);
        QFETCH(int, jobs);
        Session session;
        RunConfig c = virtualConfig(scenario, jobs);
        c.clock = ClockMode::Real;
        c.speed = SimClock::MinSpeed; // a 100 ms request takes 2 s: all are mid-await below
        QCOMPARE(session.start(c), QString());
        QTest::qWait(50);
        QVERIFY(session.isRunning());
        QSignalSpy finished(&session, &Session::finished);
        session.requestStop();
        QVERIFY(session.isStopping());
        QVERIFY(finished.wait(5000));
        QVERIFY(!session.isStopping());
        const TraceSummary s = TraceSummary::of(session.runtime().trace());
        QCOMPARE(s.running, 0u);
        QVERIFY(s.cancelled > 0);
        QCOMPARE(session.runtime().scheduler().pending(), 0u);
    }

    void invalidConfigStartsNothing_data()
    {
        QTest::addColumn<QString>("scenario");
        QTest::addColumn<int>("jobs");
        QTest::addColumn<double>("latency");
        QTest::addColumn<QString>("problem");
        QTest::newRow("unknown scenario")
            << QStringLiteral("nope") << -1 << 100.0 << QStringLiteral("unknown scenario");
        QTest::newRow("zero jobs") << QStringLiteral("fan-out") << 0 << 100.0 << QStringLiteral("jobs");
        QTest::newRow("too many jobs")
            << QStringLiteral("blocking") << 21 << 100.0 << QStringLiteral("at most 20");
        QTest::newRow("negative latency")
            << QStringLiteral("fan-out") << -1 << -5.0 << QStringLiteral("latency");
    }

    void invalidConfigStartsNothing()
    {
        QFETCH(QString, scenario);
        QFETCH(int, jobs);
        QFETCH(double, latency);
        QFETCH(QString, problem);
        Session session;
        RunConfig c = virtualConfig(scenario, jobs);
        c.network.latencyMs = latency;
        const QString error = session.start(c);
        QVERIFY2(error.contains(problem), qPrintable(error));
        QVERIFY(!session.isRunning());
        QCOMPARE(session.runtime().trace().taskCount(), 0u);
    }
};

QTEST_GUILESS_MAIN(TestScenarios)
#include "tst_scenarios.moc"
