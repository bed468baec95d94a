#include "runsettings.h"

#include "runlimits.h"

#include <QSettings>
#include <algorithm>
#include <cmath>

namespace awaitscope {

namespace {

const QString KeyScenario = QStringLiteral("run/scenario");
const QString KeyJobs = QStringLiteral("run/jobs");
const QString KeyLatency = QStringLiteral("run/latencyMs");
const QString KeyJitter = QStringLiteral("run/jitterMs");
const QString KeyFailure = QStringLiteral("run/failureRate");
const QString KeySeed = QStringLiteral("run/seed");
const QString KeySpeed = QStringLiteral("run/speed");

int jobLimit(const Scenario &s)
{
    return std::clamp(s.maxJobs, 1, limits::MaxJobs);
}

/// A time knob within 0..max (not a number: 0).
double clampedMs(double ms, double max)
{
    return std::isfinite(ms) ? std::clamp(ms, 0.0, max) : 0.0;
}

} // namespace

RunSettings::RunSettings(QObject *parent)
    : QObject(parent)
{
    m_config.speed = TeachingSpeed;
    m_config.clock = ClockMode::Real; // the window's clock, unless the user chose
    m_jobs = scenario().defaultJobs;
}

const Scenario &RunSettings::scenario() const
{
    const auto &all = allScenarios();
    return all.at(std::clamp(m_scenarioIndex, 0, int(all.size()) - 1));
}

void RunSettings::setScenarioIndex(int index)
{
    index = std::clamp(index, 0, int(allScenarios().size()) - 1);
    if (index == m_scenarioIndex)
        return;
    m_scenarioIndex = index;
    m_jobs = scenario().defaultJobs;
    Q_EMIT scenarioChanged();
    Q_EMIT changed();
    save();
}

void RunSettings::setScenarioId(const QString &id)
{
    const int row = m_scenarios.rowOf(id);
    if (row >= 0)
        setScenarioIndex(row);
}

void RunSettings::setJobs(int jobs)
{
    jobs = std::clamp(jobs, 1, jobLimit(scenario()));
    if (jobs == m_jobs)
        return;
    m_jobs = jobs;
    Q_EMIT changed();
    save();
}

void RunSettings::setNetworkValue(double &field, double value)
{
    if (qFuzzyCompare(1.0 + value, 1.0 + field))
        return;
    field = value;
    Q_EMIT changed();
    save();
}

void RunSettings::setLatencyMs(double ms)
{
    setNetworkValue(m_config.network.latencyMs, std::clamp(ms, 0.0, limits::MaxLatencyMs));
}

void RunSettings::setJitterMs(double ms)
{
    setNetworkValue(m_config.network.jitterMs, std::clamp(ms, 0.0, limits::MaxJitterMs));
}

void RunSettings::setFailureRate(double p)
{
    setNetworkValue(m_config.network.failureRate, std::clamp(p, 0.0, 1.0));
}

void RunSettings::setSeed(int seed)
{
    const auto s = quint64(std::clamp<qint64>(seed, 0, qint64(limits::MaxSeed)));
    if (s == m_config.seed)
        return;
    m_config.seed = s;
    Q_EMIT changed();
    save();
}

void RunSettings::setSpeed(double speed)
{
    speed = std::clamp(speed, limits::MinSpeed, limits::MaxSpeed);
    if (qFuzzyCompare(speed, m_config.speed))
        return;
    m_config.speed = speed;
    Q_EMIT changed();
    Q_EMIT speedChanged(speed);
    save();
}

RunConfig RunSettings::runConfig() const
{
    RunConfig c = m_config;
    c.scenario = scenario().id;
    c.jobs = m_jobs;
    return c;
}

void RunSettings::applyOverrides(const RunOverrides &given)
{
    if (given.scenario)
        setScenarioId(*given.scenario);
    RunConfig c = m_config;
    given.applyTo(c);
    if (given.jobs)
        m_jobs = std::clamp(*given.jobs, 1, jobLimit(scenario()));
    // The same limits as a remembered value: whatever comes in, what is kept (and saved) can run.
    m_config.network = c.network;
    m_config.network.latencyMs = clampedMs(c.network.latencyMs, limits::MaxLatencyMs);
    m_config.network.jitterMs = clampedMs(c.network.jitterMs, limits::MaxJitterMs);
    m_config.network.timeoutMs = clampedMs(c.network.timeoutMs, limits::MaxTimeoutMs);
    m_config.network.failureRate =
        std::isfinite(c.network.failureRate) ? std::clamp(c.network.failureRate, 0.0, 1.0) : 0.0;
    m_config.seed = std::min(c.seed, limits::MaxSeed);
    m_config.speed = std::clamp(c.speed, limits::MinSpeed, limits::MaxSpeed);
    m_config.clock = c.clock;
    Q_EMIT changed();
    Q_EMIT speedChanged(m_config.speed);
    save();
}

void RunSettings::save() const
{
    if (!m_persist)
        return;
    QSettings s;
    s.setValue(KeyScenario, scenario().id);
    s.setValue(KeyJobs, m_jobs);
    s.setValue(KeyLatency, m_config.network.latencyMs);
    s.setValue(KeyJitter, m_config.network.jitterMs);
    s.setValue(KeyFailure, m_config.network.failureRate);
    s.setValue(KeySeed, QString::number(m_config.seed));
    s.setValue(KeySpeed, m_config.speed);
}

void RunSettings::load()
{
    QSettings s;
    const int row = m_scenarios.rowOf(s.value(KeyScenario).toString());
    if (row >= 0) {
        m_scenarioIndex = row;
        m_jobs = scenario().defaultJobs;
    }
    // A stored value outside the limits (an older version, a hand-edited file) is clamped to them;
    // one that is not a number at all keeps the default.
    const auto number = [&s](const QString &key, double fallback, double lo, double hi) {
        bool ok = false;
        const double v = s.value(key).toDouble(&ok);
        return ok && std::isfinite(v) ? std::clamp(v, lo, hi) : fallback;
    };
    m_jobs = int(number(KeyJobs, m_jobs, 1, jobLimit(scenario())));
    m_config.network.latencyMs = number(KeyLatency, m_config.network.latencyMs, 0, limits::MaxLatencyMs);
    m_config.network.jitterMs = number(KeyJitter, m_config.network.jitterMs, 0, limits::MaxJitterMs);
    m_config.network.failureRate = number(KeyFailure, m_config.network.failureRate, 0, 1);
    m_config.seed = quint64(number(KeySeed, double(m_config.seed), 0, double(limits::MaxSeed)));
    m_config.speed = number(KeySpeed, m_config.speed, limits::MinSpeed, limits::MaxSpeed);
    Q_EMIT scenarioChanged();
    Q_EMIT changed();
}

} // namespace awaitscope
