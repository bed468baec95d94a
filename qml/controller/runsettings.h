#pragma once

#include "runconfig.h"
#include "runlimits.h"
#include "scenario.h"
#include "scenariomodel.h"

#include <QList>
#include <QObject>
#include <QtQml/qqmlregistration.h>

namespace awaitscope {

/**
 * The knobs of the next run (scenario, jobs, network, seed, speed), remembered between launches
 * in QSettings. Every value is clamped to the core's limits, when set and when read back from a
 * settings file (a bad stored value never breaks a launch). Values the user gave on the command
 * line win over remembered ones (applyOverrides), whatever they are.
 */
class RunSettings : public QObject {
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("RunSettings belong to a RunController")
    Q_PROPERTY(awaitscope::ScenarioModel *scenarios READ scenarios CONSTANT)

    Q_PROPERTY(int scenarioIndex READ scenarioIndex WRITE setScenarioIndex NOTIFY scenarioChanged)
    Q_PROPERTY(QString scenarioId READ scenarioId NOTIFY scenarioChanged)
    Q_PROPERTY(QString scenarioTitle READ scenarioTitle NOTIFY scenarioChanged)
    Q_PROPERTY(QString scenarioSummary READ scenarioSummary NOTIFY scenarioChanged)
    Q_PROPERTY(QString scenarioLookFor READ scenarioLookFor NOTIFY scenarioChanged)
    Q_PROPERTY(QString sourceFile READ sourceFile NOTIFY scenarioChanged)
    Q_PROPERTY(int maxJobs READ maxJobs NOTIFY scenarioChanged)
    Q_PROPERTY(QList<int> jobPresets READ jobPresets NOTIFY scenarioChanged)
    Q_PROPERTY(bool blocksEventLoop READ blocksEventLoop NOTIFY scenarioChanged)

    Q_PROPERTY(int jobs READ jobs WRITE setJobs NOTIFY changed)
    Q_PROPERTY(double latencyMs READ latencyMs WRITE setLatencyMs NOTIFY changed)
    Q_PROPERTY(double jitterMs READ jitterMs WRITE setJitterMs NOTIFY changed)
    Q_PROPERTY(double failureRate READ failureRate WRITE setFailureRate NOTIFY changed)
    Q_PROPERTY(int seed READ seed WRITE setSeed NOTIFY changed)
    Q_PROPERTY(double speed READ speed WRITE setSpeed NOTIFY changed)
public:
    /// The window's pace when --speed is not given (limits::WindowSpeed).
    static constexpr double TeachingSpeed = limits::WindowSpeed;

    explicit RunSettings(QObject *parent = nullptr);

    /// Whether changes are remembered (QSettings). Scripted runs (tests, screenshots) are not.
    void setPersistent(bool persistent) noexcept { m_persist = persistent; }
    bool isPersistent() const noexcept { return m_persist; }
    /// Reads the remembered settings, each clamped to the limits (unreadable ones are skipped).
    void load();
    /// Sets every value the user gave explicitly; then remembers the result.
    void applyOverrides(const RunOverrides &given);

    ScenarioModel *scenarios() noexcept { return &m_scenarios; }
    int scenarioIndex() const noexcept { return m_scenarioIndex; }
    void setScenarioIndex(int index);
    const Scenario &scenario() const;
    QString scenarioId() const { return scenario().id; }
    QString scenarioTitle() const { return scenario().title; }
    QString scenarioSummary() const { return scenario().summary; }
    QString scenarioLookFor() const { return scenario().lookFor; }
    QString sourceFile() const { return scenario().sourceFile; }
    int maxJobs() const { return scenario().maxJobs; }
    QList<int> jobPresets() const { return scenario().jobPresets; }
    bool blocksEventLoop() const { return scenario().blocksEventLoop; }

    int jobs() const noexcept { return m_jobs; }
    void setJobs(int jobs);
    double latencyMs() const noexcept { return m_config.network.latencyMs; }
    void setLatencyMs(double ms);
    double jitterMs() const noexcept { return m_config.network.jitterMs; }
    void setJitterMs(double ms);
    double failureRate() const noexcept { return m_config.network.failureRate; }
    void setFailureRate(double p);
    int seed() const noexcept { return int(m_config.seed); }
    void setSeed(int seed);
    double speed() const noexcept { return m_config.speed; }
    void setSpeed(double speed);

    /// The run configuration the knobs describe.
    RunConfig runConfig() const;

Q_SIGNALS:
    void scenarioChanged();
    void changed();
    /// The speed changed: it applies to the run in progress too.
    void speedChanged(double speed);

private:
    /// Sets a network knob if it changed: tells, and remembers it.
    void setNetworkValue(double &field, double value);
    void setScenarioId(const QString &id);
    void save() const;

    ScenarioModel m_scenarios;
    RunConfig m_config;
    int m_scenarioIndex = 0;
    int m_jobs = 1;
    bool m_persist = false;
};

} // namespace awaitscope
