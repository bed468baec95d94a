#pragma once

#include "network.h"
#include "runtime.h"

#include <QCoroTask>
#include <QList>
#include <QString>

namespace awaitscope {

/// A scenario's entry point: the run's "main" task.
using ScenarioEntry = QCoro::Task<> (*)(Runtime &rt, SimNetwork &net, int jobs);
/// Adjusts the network for the scenario (a slow endpoint, failures) after the user's settings.
using ScenarioSetup = void (*)(SimNetwork &net);

/**
 * What a scenario is, declared at the end of its own source file with designated initializers:
 *
 *     const Scenario scenario_fanout{
 *         .id = QStringLiteral("fan-out"),
 *         ...
 *         .entry = &fanOutMain,
 *     };
 *
 * The variable is named after the file (scenario_<stem>); core/CMakeLists.txt lists the files
 * once, and that list gives the sources, the resources (the window shows the code that runs) and
 * the registry (allScenarios(), in the list's order).
 */
struct Scenario {
    QString id; // "fan-out"
    QString title; // "Fan-out"
    QString summary; // one sentence: what it shows
    QString lookFor; // what to watch in the window
    QString sourceFile; // the file name of its code ("fanout.cpp")
    int defaultJobs = 1;
    int maxJobs = 1; // 1 to limits::MaxJobs (1: a fixed set of tasks, --jobs can only be 1)
    bool blocksEventLoop = false; // the deliberate exception: it freezes the loop
    ScenarioEntry entry = nullptr;
    ScenarioSetup setup = nullptr; // optional
    QList<int> jobPresets = {}; // one-click sizes offered in the window (stress: 1k to 1M)

    /// The scenario's C++ source, as shipped in the resources.
    QString source() const;
    /// Resource path of the source (":/awaitscope/scenarios/fanout.cpp").
    QString sourceResource() const;
};

const QList<Scenario> &allScenarios();
const Scenario *findScenario(const QString &id);
QStringList scenarioIds();

} // namespace awaitscope
