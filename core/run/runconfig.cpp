#include "runconfig.h"

#include "runlimits.h"
#include "scenario.h"

#include <algorithm>

namespace awaitscope {

QString RunConfig::validate() const
{
    const Scenario *s = findScenario(scenario);
    if (!s)
        return QStringLiteral("unknown scenario '%1' (known: %2)")
            .arg(scenario, scenarioIds().join(QStringLiteral(", ")));
    if (jobs != -1) {
        if (jobs < 1)
            return QStringLiteral("jobs must be a positive whole number");
        // Every scenario has a limit (at most limits::MaxJobs): a run reserves room for its jobs.
        const int limit = std::clamp(s->maxJobs, 1, limits::MaxJobs);
        if (jobs > limit)
            return QStringLiteral("the %1 scenario takes at most %2 %3")
                .arg(s->id)
                .arg(limit)
                .arg(limit == 1 ? QStringLiteral("job") : QStringLiteral("jobs"));
    }
    if (!(speed >= limits::MinSpeed && speed <= limits::MaxSpeed))
        return QStringLiteral("speed must be between %1 and %2").arg(limits::MinSpeed).arg(limits::MaxSpeed);
    if (seed > limits::MaxSeed)
        return QStringLiteral("seed must be at most %1").arg(limits::MaxSeed);
    return network.validate();
}

int RunConfig::effectiveJobs() const
{
    const Scenario *s = findScenario(scenario);
    if (jobs > 0)
        return jobs;
    return s ? s->defaultJobs : 1;
}

void RunOverrides::applyTo(RunConfig &config) const
{
    if (scenario)
        config.scenario = *scenario;
    if (jobs)
        config.jobs = *jobs;
    if (latencyMs)
        config.network.latencyMs = *latencyMs;
    if (jitterMs)
        config.network.jitterMs = *jitterMs;
    if (latencyModel)
        config.network.model = *latencyModel;
    if (failureRate)
        config.network.failureRate = *failureRate;
    if (timeoutMs)
        config.network.timeoutMs = *timeoutMs;
    if (seed)
        config.seed = *seed;
    if (speed)
        config.speed = *speed;
    if (clock)
        config.clock = *clock;
}

QJsonObject RunConfig::toJson() const
{
    return {
        {QStringLiteral("scenario"), scenario},
        {QStringLiteral("jobs"), effectiveJobs()},
        {QStringLiteral("latency_ms"), network.latencyMs},
        {QStringLiteral("jitter_ms"), network.jitterMs},
        {QStringLiteral("latency_model"), latencyModelName(network.model)},
        {QStringLiteral("failure_rate"), network.failureRate},
        {QStringLiteral("timeout_ms"), network.timeoutMs},
        {QStringLiteral("seed"), QString::number(seed)},
        {QStringLiteral("speed"), speed},
        {QStringLiteral("clock"),
         clock == ClockMode::Virtual ? QStringLiteral("virtual") : QStringLiteral("real")},
    };
}

} // namespace awaitscope
