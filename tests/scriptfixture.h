#pragma once

// Shared helpers for the script tests: run a Python source on a ScriptRun to its end.

#include "scriptexamples.h"
#include "scriptrun.h"
#include "testutil.h"

#include <QSignalSpy>

namespace awaitscope::test {

inline RunConfig virtualScriptConfig()
{
    RunConfig c;
    c.clock = ClockMode::Virtual;
    c.network.latencyMs = 100;
    c.network.jitterMs = 0;
    return c;
}

/// Runs source until the script returned. False if it did not start or end in time.
inline bool runScript(ScriptRun &run, const QString &source, const RunConfig &config = virtualScriptConfig(),
                      const QString &fileName = QStringLiteral("test.py"), int timeoutMs = 20000)
{
    QSignalSpy finished(&run, &ScriptRun::finished);
    const QString error = run.start(config, source, fileName);
    if (!error.isEmpty()) {
        qWarning() << "start failed:" << error;
        return false;
    }
    return !run.isRunning() || finished.wait(timeoutMs);
}

inline bool runExample(ScriptRun &run, const QString &fileName,
                       const RunConfig &config = virtualScriptConfig())
{
    const ScriptExample e = ScriptExamples::find(fileName);
    return !e.source.isEmpty() && runScript(run, e.source, config, fileName);
}

/// Every await of every task named name, as the timeline draws them.
inline std::vector<Await> awaitsOfTask(const Trace &trace, const QString &name)
{
    const TaskId id = findTask(trace, name);
    return id == NoTask ? std::vector<Await>{} : awaitsOf(trace, id);
}

} // namespace awaitscope::test
