#include "runconfig.h"
#include "runlimits.h"
#include "scenario.h"

#include <QTest>

using namespace awaitscope;

class TestRunConfig : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void validatesAgainstTheLimits();
    void effectiveJobs();
    void overridesOnlyWhatWasGiven();
};

void TestRunConfig::validatesAgainstTheLimits()
{
    RunConfig c;
    QVERIFY(c.validate().isEmpty());
    c.scenario = QStringLiteral("nope");
    QVERIFY(c.validate().contains(QLatin1String("unknown scenario")));
    c = {};
    c.jobs = 0;
    QVERIFY(!c.validate().isEmpty());
    c.jobs = findScenario(c.scenario)->maxJobs + 1;
    QVERIFY(c.validate().contains(QLatin1String("at most")));
    c = {};
    c.speed = limits::MaxSpeed * 2;
    QVERIFY(c.validate().contains(QLatin1String("speed")));
    c = {};
    c.seed = limits::MaxSeed + 1;
    QVERIFY(c.validate().contains(QLatin1String("seed")));
    c = {};
    c.network.latencyMs = limits::MaxLatencyMs + 1;
    QVERIFY(c.validate().contains(QLatin1String("latency")));
    c.network.latencyMs = limits::MaxLatencyMs;
    QVERIFY(c.validate().isEmpty());
    // Every scenario has a job limit, the one that ignores --jobs too.
    c = {};
    c.scenario = QStringLiteral("infectious");
    c.jobs = 2'147'483'647;
    QVERIFY2(c.validate().contains(QLatin1String("at most")), qPrintable(c.validate()));
    c.jobs = 1;
    QVERIFY(c.validate().isEmpty());
}

void TestRunConfig::effectiveJobs()
{
    RunConfig c;
    c.scenario = QStringLiteral("stress");
    QCOMPARE(c.effectiveJobs(), findScenario(c.scenario)->defaultJobs);
    c.jobs = 42;
    QCOMPARE(c.effectiveJobs(), 42);
}

void TestRunConfig::overridesOnlyWhatWasGiven()
{
    RunConfig c;
    c.seed = 7;
    c.network.latencyMs = 250;
    c.network.jitterMs = 30;
    RunOverrides given;
    given.jitterMs = 0; // equal to the default, and still given: it wins
    given.clock = ClockMode::Virtual;
    given.applyTo(c);
    QCOMPARE(c.network.jitterMs, 0.0);
    QCOMPARE(c.clock, ClockMode::Virtual);
    QCOMPARE(c.seed, quint64(7)); // not given: left alone
    QCOMPARE(c.network.latencyMs, 250.0);
}

QTEST_GUILESS_MAIN(TestRunConfig)
#include "tst_runconfig.moc"
