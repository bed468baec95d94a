#pragma once

#include "scriptresult.h"

#include <QString>

struct _object;

namespace awaitscope {

/**
 * The embedded CPython (Debian's libpython3.11), initialised once for the whole process on the
 * GUI thread, which keeps its GIL. It registers the built-in module _awaitscope (the engine's
 * side, ScriptModule) and loads the module scripts import as `awaitscope` (the event loop and
 * `net`, embedded as the resource :/awaitscope/script/awaitscope.py).
 */
class PythonInterpreter {
public:
    /// The interpreter, initialised on first use. Call from the GUI thread only.
    static PythonInterpreter &instance();
    PythonInterpreter(const PythonInterpreter &) = delete;
    PythonInterpreter &operator=(const PythonInterpreter &) = delete;

    /// "3.11.2": the version of the library the application runs.
    QString version() const;
    /// Empty if the interpreter and the awaitscope module are ready, else what went wrong.
    const QString &error() const noexcept { return m_error; }

    /// Runs source as __main__ through awaitscope.run_script: the result says how it ended.
    ScriptResult runScript(const QString &source, const QString &fileName);

    /// awaitscope.LoopHeld and awaitscope.ScriptStopped (borrowed references).
    _object *loopHeldType() const noexcept { return m_loopHeld; }
    _object *scriptStoppedType() const noexcept { return m_scriptStopped; }

    /// The thread the interpreter runs scripts on (PyThreadState_SetAsyncExc's id).
    unsigned long mainThreadId() const noexcept { return m_mainThread; }

    /// The current Python exception as CPython would print it, cleared afterwards.
    static QString takeErrorText();

private:
    PythonInterpreter();

    QString m_error;
    unsigned long m_mainThread = 0;
    _object *m_module = nullptr;
    _object *m_runScript = nullptr;
    _object *m_loopHeld = nullptr;
    _object *m_scriptStopped = nullptr;
};

} // namespace awaitscope
