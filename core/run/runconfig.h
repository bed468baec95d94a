#pragma once

#include "clock.h"
#include "network.h"

#include <QJsonObject>
#include <QString>
#include <optional>

namespace awaitscope {

/// Everything that shapes a run; what the command line and the window's controls set.
struct RunConfig {
    QString scenario = QStringLiteral("fetch-user");
    int jobs = -1; // -1: the scenario's default
    EndpointConfig network;
    quint64 seed = 1;
    double speed = 1.0;
    ClockMode clock = ClockMode::Real;

    /// Empty if the configuration can run, else what is wrong with it.
    QString validate() const;
    int effectiveJobs() const;
    /// {"scenario", "jobs", "latency_ms", "jitter_ms", "latency_model", "failure_rate",
    /// "timeout_ms", "seed", "speed", "clock"}: what exports say about the run.
    QJsonObject toJson() const;
};

/**
 * The values a user gave explicitly (on the command line): each one wins over remembered
 * settings, whatever its value, even one equal to the default. Unset fields leave the target
 * alone.
 */
struct RunOverrides {
    std::optional<QString> scenario;
    std::optional<int> jobs;
    std::optional<double> latencyMs;
    std::optional<double> jitterMs;
    std::optional<LatencyModel> latencyModel;
    std::optional<double> failureRate;
    std::optional<double> timeoutMs;
    std::optional<quint64> seed;
    std::optional<double> speed;
    std::optional<ClockMode> clock;

    /// Writes every given value into config.
    void applyTo(RunConfig &config) const;
};

} // namespace awaitscope
