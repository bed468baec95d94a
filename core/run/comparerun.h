#pragma once

#include "runconfig.h"
#include "session.h"

#include <QObject>
#include <array>
#include <memory>
#include <vector>

namespace awaitscope {

/// One variant's figures, in the run's clock (simulated on the virtual clock).
struct CompareResult {
    QString variant; // "blocking", "callbacks", "await"
    QString scenario; // the scenario that ran it
    qint64 totalNs = 0; // from the start to the last event
    qint64 longestHoldNs = 0; // the longest stretch the loop was held, in the run's clock
    quint32 requests = 0; // requests made to the simulated network
};

/**
 * The same job three ways, one after another: blocking, callbacks and co_await, with the same
 * jobs, network settings and seed. Each variant is a scenario that makes the same three requests
 * per job (fetch_user: the user, their posts, their comments); the co_await variant is fan-out,
 * which starts every fetch_user at once as the callbacks variant does (fetch-user awaits one
 * user after another: as slow as blocking, without the freeze). The blocking variant freezes the
 * loop, so the variants run in turn, each on its own Session; their traces stay for viewing.
 */
class CompareRun : public QObject {
    Q_OBJECT
public:
    static constexpr int Variants = 3;
    /// Jobs when the configuration leaves them to the scenario (each has its own default).
    static constexpr int DefaultJobs = 5;
    /// Blocked sections closer than this (run time) count as one hold: no frame fits between.
    static constexpr qint64 MaxBreakNs = 1'000'000;
    /// The variants' names and the scenarios that run them, in order.
    static const std::array<QString, Variants> &variantNames();
    static const std::array<QString, Variants> &variantScenarios();

    explicit CompareRun(QObject *parent = nullptr);
    ~CompareRun() override;

    /// Checks the configuration for every variant (the blocking one allows the fewest jobs);
    /// returns an error message naming the problem, or empty.
    static QString validate(const RunConfig &config);
    /// The configuration every variant runs with (its scenario aside): jobs set.
    static RunConfig common(const RunConfig &config);
    /// Starts the first variant (the scenario in config is ignored); returns an error message
    /// (and starts nothing) if the configuration does not suit every variant.
    QString start(const RunConfig &config);
    /// Stops the variant running and runs no more.
    void stop();
    /// Stops, and clears every variant's trace and figures.
    void reset();
    bool isRunning() const noexcept { return m_current >= 0; }
    /// The variant running now (-1: none).
    int current() const noexcept { return m_current; }

    const Session &session(int variant) const { return *m_sessions[std::size_t(variant)]; }
    /// The figures of the variants that have finished, in order.
    const std::vector<CompareResult> &results() const noexcept { return m_results; }

    /// A finished variant's figures, from its trace (all but the requests).
    static CompareResult measure(const QString &variant, const Trace &trace, const RunConfig &config);

Q_SIGNALS:
    void variantFinished(int variant);
    void finished();

private:
    void startVariant(int variant);
    void onVariantFinished();

    std::array<std::unique_ptr<Session>, Variants> m_sessions;
    RunConfig m_config;
    std::vector<CompareResult> m_results;
    int m_current = -1;
};

} // namespace awaitscope
