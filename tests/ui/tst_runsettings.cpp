#include "runlimits.h"
#include "runsettings.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

using namespace awaitscope;

class TestRunSettings : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase();
    void init();
    void knobs();
    void commandLineWins();
    void flagsEqualToDefaultsBeatRememberedValues();
    void badStoredValuesAreClamped();
    void clampedValuesAreWhatIsSavedBack();
    void overridesAreClampedToo();
    void remembersOnlyWhenPersistent();
};

void TestRunSettings::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true); // settings go to a throw-away place
    QCoreApplication::setOrganizationName(QStringLiteral("awaitscope-tests"));
    QCoreApplication::setApplicationName(QStringLiteral("tst_runsettings"));
}

void TestRunSettings::init()
{
    QSettings().clear();
}

void TestRunSettings::knobs()
{
    RunSettings c;
    QSignalSpy config(&c, &RunSettings::changed);
    c.setScenarioIndex(c.scenarios()->rowOf(QStringLiteral("stress")));
    QCOMPARE(c.scenarioId(), QStringLiteral("stress"));
    QCOMPARE(c.jobs(), findScenario(QStringLiteral("stress"))->defaultJobs);
    c.setJobs(5'000'000); // clamped to the scenario's maximum
    QCOMPARE(c.jobs(), findScenario(QStringLiteral("stress"))->maxJobs);
    c.setFailureRate(2);
    QCOMPARE(c.failureRate(), 1.0);
    c.setSpeed(1000);
    QCOMPARE(c.speed(), SimClock::MaxSpeed);
    QVERIFY(config.count() >= 4);
    QVERIFY(c.runConfig().validate().isEmpty());
}

void TestRunSettings::commandLineWins()
{
    RunOverrides o;
    o.scenario = QStringLiteral("fan-out");
    o.jobs = 7;
    o.latencyMs = 50;
    RunSettings c;
    c.applyOverrides(o);
    QCOMPARE(c.scenarioId(), QStringLiteral("fan-out"));
    QCOMPARE(c.jobs(), 7);
    QCOMPARE(c.latencyMs(), 50.0);
    QCOMPARE(c.speed(), RunSettings::TeachingSpeed); // --speed not given
    QCOMPARE(c.runConfig().clock, ClockMode::Real);
    o.speed = 2;
    o.clock = ClockMode::Virtual;
    c.applyOverrides(o);
    QCOMPARE(c.speed(), 2.0);
    QCOMPARE(c.runConfig().clock, ClockMode::Virtual);
}

void TestRunSettings::flagsEqualToDefaultsBeatRememberedValues()
{
    {
        // A presenter's earlier session left other values behind.
        RunSettings earlier;
        earlier.setPersistent(true);
        earlier.setScenarioIndex(earlier.scenarios()->rowOf(QStringLiteral("callbacks")));
        earlier.setLatencyMs(250);
        earlier.setJitterMs(40);
        earlier.setSeed(99);
        earlier.setSpeed(20);
    }
    RunSettings s;
    s.setPersistent(true);
    s.load();
    QCOMPARE(s.scenarioId(), QStringLiteral("callbacks"));
    QCOMPARE(s.latencyMs(), 250.0);
    // The launch script gives values equal to the defaults: they win all the same.
    RunOverrides given;
    given.scenario = QStringLiteral("fetch-user");
    given.latencyMs = 100;
    given.jitterMs = 0;
    given.seed = 1;
    given.speed = RunSettings::TeachingSpeed;
    s.applyOverrides(given);
    QCOMPARE(s.scenarioId(), QStringLiteral("fetch-user"));
    QCOMPARE(s.latencyMs(), 100.0);
    QCOMPARE(s.jitterMs(), 0.0);
    QCOMPARE(s.seed(), 1);
    QCOMPARE(s.speed(), RunSettings::TeachingSpeed);
}

void TestRunSettings::badStoredValuesAreClamped()
{
    {
        QSettings stored;
        stored.setValue(QStringLiteral("run/latencyMs"), 1'000'000.0); // above the engine's limit
        stored.setValue(QStringLiteral("run/jitterMs"), -5.0);
        stored.setValue(QStringLiteral("run/seed"), QStringLiteral("99999999999"));
        stored.setValue(QStringLiteral("run/speed"), QStringLiteral("fast"));
        stored.setValue(QStringLiteral("run/scenario"), QStringLiteral("no-such-scenario"));
    }
    RunSettings s;
    s.load();
    QCOMPARE(s.latencyMs(), limits::MaxLatencyMs);
    QCOMPARE(s.jitterMs(), 0.0);
    QCOMPARE(quint64(s.seed()), limits::MaxSeed);
    QCOMPARE(s.speed(), RunSettings::TeachingSpeed); // not a number: the default
    QCOMPARE(s.scenarioId(), QStringLiteral("fetch-user"));
    QVERIFY(s.runConfig().validate().isEmpty()); // a launch with these settings can run
}

void TestRunSettings::clampedValuesAreWhatIsSavedBack()
{
    {
        QSettings stored;
        stored.setValue(QStringLiteral("run/latencyMs"), 1'000'000.0); // above the engine's limit
        stored.setValue(QStringLiteral("run/jitterMs"), 1e7);
    }
    RunSettings s;
    s.setPersistent(true);
    s.load();
    QCOMPARE(s.latencyMs(), limits::MaxLatencyMs);
    QCOMPARE(s.jitterMs(), limits::MaxJitterMs);
    QVERIFY(s.runConfig().validate().isEmpty()); // every automatic run can start
    s.setSeed(5); // any change saves every knob: the clamped values, never the bad ones
    QSettings stored;
    QCOMPARE(stored.value(QStringLiteral("run/latencyMs")).toDouble(), limits::MaxLatencyMs);
    QCOMPARE(stored.value(QStringLiteral("run/jitterMs")).toDouble(), limits::MaxJitterMs);
}

void TestRunSettings::overridesAreClampedToo()
{
    // One set of limits whatever the source: a value given from outside is clamped as well.
    RunOverrides given;
    given.latencyMs = 1e6;
    given.jitterMs = -3;
    given.failureRate = 7;
    given.timeoutMs = 1e9;
    RunSettings s;
    s.setPersistent(true);
    s.applyOverrides(given);
    QCOMPARE(s.latencyMs(), limits::MaxLatencyMs);
    QCOMPARE(s.jitterMs(), 0.0);
    QCOMPARE(s.failureRate(), 1.0);
    QVERIFY(s.runConfig().validate().isEmpty());
    QCOMPARE(QSettings().value(QStringLiteral("run/latencyMs")).toDouble(), limits::MaxLatencyMs);
}

void TestRunSettings::remembersOnlyWhenPersistent()
{
    {
        RunSettings scripted; // not persistent: a screenshot run must not change the user's settings
        scripted.setLatencyMs(333);
    }
    QVERIFY(!QSettings().contains(QStringLiteral("run/latencyMs")));
    {
        RunSettings user;
        user.setPersistent(true);
        user.setLatencyMs(333);
    }
    QCOMPARE(QSettings().value(QStringLiteral("run/latencyMs")).toDouble(), 333.0);
}

QTEST_GUILESS_MAIN(TestRunSettings)
#include "tst_runsettings.moc"
