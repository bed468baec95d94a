#pragma once

struct _object;

namespace awaitscope {

/**
 * The built-in module _awaitscope: what the Python side of a script run (awaitscope.py) calls
 * to reach the engine. Every function forwards to the active ScriptRun (ScriptRun::active()) and
 * raises RuntimeError when no script run is active.
 *
 *   now() -> ns                       the run's simulated clock
 *   schedule(due_ns, handle) -> ticket, unschedule(ticket)
 *   spawn(pattern, arg, parent) -> task, current_task() -> task, finish(task, outcome, message),
 *   task_name(task) -> str (the task steps themselves are recorded by ScriptDispatcher)
 *   spin(stop_already), stop()        run_forever's nested event loop, loop.stop()
 *   write(fd, text), script_file() -> str
 *   net_draw(path) -> (wait_ns, outcome, message, bytes), net_configure(prefix, latency_ms,
 *   jitter_ms, failure_rate, timeout_ms), block_sleep(seconds, label, file, line)
 */
class ScriptModule {
public:
    /// The module's init function, for PyImport_AppendInittab.
    static _object *init();
    /// Outcome numbers the Python side passes to finish(): 0 ok, 1 error, 3 cancelled.
    static constexpr int OutcomeOk = 0;
    static constexpr int OutcomeError = 1;
    static constexpr int OutcomeCancelled = 3;
};

} // namespace awaitscope
