#pragma once

#include "trace.h"

#include <cstddef>
#include <unordered_map>

struct _object;

namespace awaitscope {

class ScriptRun;

/**
 * Runs the loop's due handles and records the task steps they make: the per-step hot path of a
 * script run, in C (it was awaitscope.py's `_dispatch` and `_site`). For a handle that steps an
 * asyncio Task (its callback's `__self__`), it records the resume (with the awaited future's
 * result) before `handle._run()`, and after it either the finish (with the outcome) or the
 * suspend at the site the task now waits on: the innermost frame of the script in the task's
 * `cr_await` chain, and what it awaits there. Plain callbacks just run.
 *
 * Sites are cached by (script code, instruction, awaited code or future type, argument), so a
 * step that waits where it waited before reads no line number and describes nothing; a new one
 * asks awaitscope.py (`_describe_frame`, `_describe_future`) for its label. The loop's task ids
 * stay in its `_as_tasks` and `_as_unspawned` dicts (a first step names the task with `_spawn`).
 *
 * Call with the GIL held, from the script's thread.
 */
class ScriptDispatcher {
public:
    ScriptDispatcher() = default;
    ScriptDispatcher(const ScriptDispatcher &) = delete;
    ScriptDispatcher &operator=(const ScriptDispatcher &) = delete;
    ~ScriptDispatcher();

    /// Looks up what dispatching needs in the awaitscope module, once for the process; false
    /// (a Python error set) if something is missing.
    static bool initialise(_object *module);

    /// Runs one due handle of run's loop (a cancelled one is skipped), recording the step; false
    /// with the Python error set if an exception escaped it (SystemExit, LoopHeld) or the
    /// recording failed.
    bool dispatch(ScriptRun &run, _object *handle);
    /// Forgets the cached sites (a new run: its trace has other site ids).
    void clear();

private:
    struct Key {
        _object *where; // the script's code object (or the first frame's), owned
        int instruction; // where it waits in it (PyFrame_GetLasti)
        _object *awaited; // the awaited frame's code or the future's type, owned
        _object *arg; // its argument, a task id or a gather's size (an int, float or str), owned
        std::size_t hash;
    };
    struct KeyHash {
        std::size_t operator()(const Key &k) const noexcept { return k.hash; }
    };
    struct KeyEqual {
        bool operator()(const Key &a, const Key &b) const noexcept;
    };

    /// The site the task (not done) waits on; false with a Python error set on failure.
    bool siteOf(ScriptRun &run, _object *loop, _object *task, SiteId &site);
    _object *m_script = nullptr; // the script's file name, as its code objects have it
    std::unordered_map<Key, SiteId, KeyHash, KeyEqual> m_sites;
};

} // namespace awaitscope
