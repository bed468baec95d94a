#pragma once

#include "network.h"
#include "runconfig.h"
#include "runtime.h"
#include "scenario.h"

#include <QObject>

namespace awaitscope {

/**
 * One scenario run on one runtime and network. start() resets whatever ran before (cancelling
 * its tasks) and spawns the scenario's main task; finished() tells when every task has ended.
 */
class Session : public QObject {
    Q_OBJECT
public:
    explicit Session(QObject *parent = nullptr);
    ~Session() override;

    Runtime &runtime() noexcept { return m_runtime; }
    const Runtime &runtime() const noexcept { return m_runtime; }
    SimNetwork &network() noexcept { return m_network; }
    const RunConfig &config() const noexcept { return m_config; }
    const Scenario *scenario() const noexcept { return m_scenario; }

    /// Starts a run; returns an error message (and starts nothing) if config is invalid.
    QString start(const RunConfig &config);
    /// Cancels every task, synchronously; the trace is kept.
    void stop();
    /// Cancels every task over the next batches (Runtime::requestCancelAll): the event loop
    /// stays free. finished() tells when the last one has ended; the trace is kept.
    void requestStop();
    bool isStopping() const noexcept { return m_stopping; }
    /// Cancels every task and clears the trace.
    void reset();
    bool isRunning() const noexcept { return m_running; }

Q_SIGNALS:
    void started();
    void finished();

private:
    void finishStopIfUnwound();

    Runtime m_runtime;
    SimNetwork m_network;
    RunConfig m_config;
    const Scenario *m_scenario = nullptr;
    bool m_running = false;
    bool m_stopping = false;
};

} // namespace awaitscope
