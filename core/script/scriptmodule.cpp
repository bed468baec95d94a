// Python.h first, before any standard or Qt header, as Python asks.
// clang-format off
#define PY_SSIZE_T_CLEAN
#include <Python.h>
// clang-format on

#include "scriptmodule.h"

#include "pythoninterpreter.h"
#include "scriptrun.h"

namespace awaitscope {

namespace {

ScriptRun *activeRun()
{
    ScriptRun *run = ScriptRun::active();
    if (!run) {
        PyErr_SetString(PyExc_RuntimeError, "awaitscope: no script run is active");
        return nullptr;
    }
    if (PyThread_get_thread_ident() != PythonInterpreter::instance().mainThreadId()) {
        PyErr_SetString(PyExc_RuntimeError,
                        "awaitscope: the engine can only be used from the script's thread");
        return nullptr;
    }
    return run;
}

QString text(PyObject *o)
{
    Py_ssize_t size = 0;
    const char *utf8 = PyUnicode_AsUTF8AndSize(o, &size);
    return utf8 ? QString::fromUtf8(utf8, size) : QString();
}

QByteArray bytes(PyObject *o)
{
    Py_ssize_t size = 0;
    const char *utf8 = PyUnicode_AsUTF8AndSize(o, &size);
    return utf8 ? QByteArray(utf8, size) : QByteArray();
}

bool checkArgs(Py_ssize_t n, Py_ssize_t want, const char *name)
{
    if (n == want)
        return true;
    PyErr_Format(PyExc_TypeError, "%s() takes %zd arguments (%zd given)", name, want, n);
    return false;
}

PyObject *now(PyObject *, PyObject *)
{
    ScriptRun *run = activeRun();
    return run ? PyLong_FromLongLong(run->now()) : nullptr;
}

PyObject *schedule(PyObject *, PyObject *const *args, Py_ssize_t n)
{
    ScriptRun *run = activeRun();
    if (!run || !checkArgs(n, 2, "schedule"))
        return nullptr;
    const long long due = PyLong_AsLongLong(args[0]);
    if (due == -1 && PyErr_Occurred())
        return nullptr;
    return PyLong_FromUnsignedLongLong(run->schedule(due, args[1]));
}

PyObject *unschedule(PyObject *, PyObject *ticket)
{
    ScriptRun *run = activeRun();
    if (!run)
        return nullptr;
    const unsigned long long t = PyLong_AsUnsignedLongLong(ticket);
    if (PyErr_Occurred())
        return nullptr;
    run->unschedule(t);
    Py_RETURN_NONE;
}

PyObject *spawn(PyObject *, PyObject *const *args, Py_ssize_t n)
{
    ScriptRun *run = activeRun();
    if (!run || !checkArgs(n, 3, "spawn"))
        return nullptr;
    const long arg = PyLong_AsLong(args[1]);
    const unsigned long parent = PyLong_AsUnsignedLong(args[2]);
    if (PyErr_Occurred())
        return nullptr;
    return PyLong_FromUnsignedLong(run->spawn(text(args[0]), qint32(arg), TaskId(parent)));
}

PyObject *currentTask(PyObject *, PyObject *)
{
    ScriptRun *run = activeRun();
    return run ? PyLong_FromUnsignedLong(run->runtime().currentTask()) : nullptr;
}

PyObject *finish(PyObject *, PyObject *const *args, Py_ssize_t n)
{
    ScriptRun *run = activeRun();
    if (!run || !checkArgs(n, 3, "finish"))
        return nullptr;
    const long outcome = PyLong_AsLong(args[1]);
    const TaskOutcome o = outcome == ScriptModule::OutcomeOk ? TaskOutcome::Ok
        : outcome == ScriptModule::OutcomeCancelled          ? TaskOutcome::Cancelled
                                                             : TaskOutcome::Error;
    run->finishTask(TaskId(PyLong_AsUnsignedLong(args[0])), o, text(args[2]));
    if (PyErr_Occurred())
        return nullptr;
    Py_RETURN_NONE;
}

PyObject *taskName(PyObject *, PyObject *task)
{
    ScriptRun *run = activeRun();
    if (!run)
        return nullptr;
    const TaskId id = TaskId(PyLong_AsUnsignedLong(task));
    if (PyErr_Occurred())
        return nullptr;
    const QString name = id < run->trace().taskCount() ? run->trace().taskName(id) : QStringLiteral("Task");
    return PyUnicode_FromString(name.toUtf8().constData());
}

PyObject *spin(PyObject *, PyObject *const *args, Py_ssize_t n)
{
    ScriptRun *run = activeRun();
    if (!run || !checkArgs(n, 4, "spin"))
        return nullptr;
    const bool stopAlready = PyObject_IsTrue(args[0]) == 1;
    const QString label = text(args[1]);
    const QByteArray file = bytes(args[2]);
    const auto line = quint32(PyLong_AsUnsignedLong(args[3]));
    if (PyErr_Occurred() || !run->spin(stopAlready, label, file, line))
        return nullptr;
    Py_RETURN_NONE;
}

PyObject *stop(PyObject *, PyObject *)
{
    ScriptRun *run = activeRun();
    if (!run)
        return nullptr;
    run->requestLoopStop();
    Py_RETURN_NONE;
}

PyObject *write(PyObject *, PyObject *const *args, Py_ssize_t n)
{
    ScriptRun *run = activeRun();
    if (!run || !checkArgs(n, 2, "write"))
        return nullptr;
    run->write(int(PyLong_AsLong(args[0])), text(args[1]));
    if (PyErr_Occurred())
        return nullptr;
    Py_RETURN_NONE;
}

PyObject *holdLimitMs(PyObject *, PyObject *)
{
    ScriptRun *run = activeRun();
    return run ? PyLong_FromLongLong(run->holdLimitMs()) : nullptr;
}

PyObject *scriptFile(PyObject *, PyObject *)
{
    ScriptRun *run = activeRun();
    return run ? PyUnicode_FromString(run->fileName().toUtf8().constData()) : nullptr;
}

PyObject *netDraw(PyObject *, PyObject *path)
{
    ScriptRun *run = activeRun();
    if (!run)
        return nullptr;
    const QString p = text(path);
    if (PyErr_Occurred())
        return nullptr;
    const SimNetwork::Draw d = run->network().draw(p);
    const QString message =
        d.outcome == SimNetwork::Ok ? QString() : SimNetwork::errorText(p, d.outcome, d.waitNs);
    const int outcome = d.outcome == SimNetwork::Ok ? 0 : d.outcome == SimNetwork::TimedOut ? 2 : 1;
    return Py_BuildValue("LisL", static_cast<long long>(d.waitNs), outcome, message.toUtf8().constData(),
                         static_cast<long long>(run->network().configFor(p).payloadBytes));
}

PyObject *netConfigure(PyObject *, PyObject *const *args, Py_ssize_t n)
{
    ScriptRun *run = activeRun();
    if (!run || !checkArgs(n, 5, "net_configure"))
        return nullptr;
    const QString prefix = text(args[0]);
    EndpointConfig c = run->network().configFor(prefix);
    double *fields[] = {&c.latencyMs, &c.jitterMs, &c.failureRate, &c.timeoutMs};
    for (int i = 0; i < 4; ++i) {
        if (args[i + 1] == Py_None)
            continue;
        *fields[i] = PyFloat_AsDouble(args[i + 1]);
        if (PyErr_Occurred())
            return nullptr;
    }
    if (const QString problem = c.validate(); !problem.isEmpty()) {
        PyErr_Format(PyExc_ValueError, "net.configure(%R): %s", args[0], problem.toUtf8().constData());
        return nullptr;
    }
    run->network().setEndpoint(prefix, c);
    Py_RETURN_NONE;
}

PyObject *blockSleep(PyObject *, PyObject *const *args, Py_ssize_t n)
{
    ScriptRun *run = activeRun();
    if (!run || !checkArgs(n, 4, "block_sleep"))
        return nullptr;
    const double seconds = PyFloat_AsDouble(args[0]);
    if (PyErr_Occurred())
        return nullptr;
    if (seconds < 0) {
        PyErr_SetString(PyExc_ValueError, "sleep length must be non-negative");
        return nullptr;
    }
    if (!run->blockSleep(seconds, text(args[1]), bytes(args[2]), quint32(PyLong_AsUnsignedLong(args[3]))))
        return nullptr;
    Py_RETURN_NONE;
}

#define FAST(name, fn)                                                                                       \
    {                                                                                                        \
        name, reinterpret_cast<PyCFunction>(reinterpret_cast<void (*)()>(fn)), METH_FASTCALL, nullptr        \
    }
PyMethodDef methods[] = {
    {"now", now, METH_NOARGS, nullptr},
    FAST("schedule", schedule),
    {"unschedule", unschedule, METH_O, nullptr},
    FAST("spawn", spawn),
    {"current_task", currentTask, METH_NOARGS, nullptr},
    FAST("finish", finish),
    {"task_name", taskName, METH_O, nullptr},
    FAST("spin", spin),
    {"stop", stop, METH_NOARGS, nullptr},
    FAST("write", write),
    {"script_file", scriptFile, METH_NOARGS, nullptr},
    {"hold_limit_ms", holdLimitMs, METH_NOARGS, nullptr},
    {"net_draw", netDraw, METH_O, nullptr},
    FAST("net_configure", netConfigure),
    FAST("block_sleep", blockSleep),
    {nullptr, nullptr, 0, nullptr},
};
#undef FAST

PyModuleDef moduleDef = {
    PyModuleDef_HEAD_INIT,
    "_awaitscope",
    "Awaitscope's engine, for awaitscope.py",
    -1,
    methods,
    nullptr,
    nullptr,
    nullptr,
    nullptr,
};

} // namespace

PyObject *ScriptModule::init()
{
    return PyModule_Create(&moduleDef);
}

} // namespace awaitscope
