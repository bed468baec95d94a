// Python.h first, before any standard or Qt header, as Python asks.
// clang-format off
#define PY_SSIZE_T_CLEAN
#include <Python.h>
// clang-format on

#include "scriptdispatcher.h"

#include "scriptrun.h"

#include <algorithm>
#include <functional>
#include <vector>

namespace awaitscope {

namespace {

/// An owned reference, released when it goes.
class Ref {
public:
    Ref(PyObject *o = nullptr) noexcept // NOLINT(google-explicit-constructor): takes a new reference
        : m_o(o)
    {
    }
    ~Ref() { Py_XDECREF(m_o); }
    Ref(const Ref &) = delete;
    Ref &operator=(const Ref &) = delete;
    Ref &operator=(PyObject *o) noexcept
    {
        Py_XSETREF(m_o, o);
        return *this;
    }
    PyObject *get() const noexcept { return m_o; }
    operator PyObject *() const noexcept { return m_o; } // NOLINT(google-explicit-constructor)
    PyObject *release() noexcept
    {
        PyObject *o = m_o;
        m_o = nullptr;
        return o;
    }

private:
    PyObject *m_o;
};

/// What dispatching needs of awaitscope.py and of asyncio, looked up once for the process.
struct Globals {
    PyObject *taskType = nullptr; // asyncio.Task
    PyObject *futureType = nullptr; // asyncio.Future
    PyObject *networkTimeout = nullptr;
    PyObject *spawn = nullptr; // _spawn(task, parent) -> task id
    PyObject *describeFrame = nullptr; // _describe_frame(frame, arg) -> (label, kind)
    PyObject *describeFuture = nullptr; // _describe_future(loop, future) -> (label, kind)
    PyObject *sleepCode = nullptr; // asyncio.sleep's code
    std::vector<std::pair<PyObject *, PyObject *>> parameters; // awaited code -> its labelled local
    // Attribute names, interned.
    PyObject *handleCancelled = nullptr, *callback = nullptr, *self = nullptr, *loop = nullptr,
             *asTasks = nullptr, *asUnspawned = nullptr, *args = nullptr, *done = nullptr,
             *cancelled = nullptr, *exception = nullptr, *mustCancel = nullptr, *run = nullptr,
             *getCoro = nullptr, *crFrame = nullptr, *crAwait = nullptr, *giFrame = nullptr,
             *giYieldFrom = nullptr, *fLocals = nullptr, *get = nullptr, *futWaiter = nullptr,
             *children = nullptr;
};
Globals g;

/// isinstance(o, type), quick for the exact type: 1, 0 or -1 (an error).
int isInstance(PyObject *o, PyObject *type)
{
    return Py_TYPE(o) == reinterpret_cast<PyTypeObject *>(type) ? 1 : PyObject_IsInstance(o, type);
}

/// bool(o.method()): 1, 0 or -1 (an error).
int callTruth(PyObject *o, PyObject *method)
{
    const Ref r(PyObject_CallMethodNoArgs(o, method));
    return r.get() ? PyObject_IsTrue(r) : -1;
}

bool taskId(PyObject *o, TaskId &id)
{
    id = TaskId(PyLong_AsUnsignedLong(o));
    return !PyErr_Occurred();
}

bool runHandle(PyObject *handle)
{
    const Ref r(PyObject_CallMethodNoArgs(handle, g.run));
    return r.get() != nullptr;
}

/// What the task's step was woken with: the future it awaited, if done, says how it ended.
bool wakeResult(PyObject *handle, PyObject *task, WaitResult &result)
{
    result = WaitResult::Ok;
    const Ref args(PyObject_GetAttr(handle, g.args));
    const int hasArgs = args.get() ? PyObject_IsTrue(args) : -1;
    if (hasArgs < 0)
        return false;
    if (!hasArgs) {
        const Ref mustCancel(PyObject_GetAttr(task, g.mustCancel));
        const int cancel = mustCancel.get() ? PyObject_IsTrue(mustCancel) : -1;
        if (cancel > 0)
            result = WaitResult::Cancelled;
        return cancel >= 0;
    }
    const Ref fut(PySequence_GetItem(args, 0)); // a wake-up: the future the task awaited
    if (!fut.get())
        return false;
    const int isFuture = isInstance(fut, g.futureType);
    const int done = isFuture > 0 ? callTruth(fut, g.done) : isFuture;
    if (done <= 0)
        return done == 0;
    const int cancelled = callTruth(fut, g.cancelled);
    if (cancelled != 0) {
        result = WaitResult::Cancelled;
        return cancelled > 0;
    }
    const Ref exc(PyObject_GetAttr(fut, g.exception)); // (not exception(): it would mark it retrieved)
    if (!exc.get())
        return false;
    if (exc.get() == Py_None)
        return true;
    const int timedOut = PyObject_IsInstance(exc, g.networkTimeout);
    result = timedOut > 0 ? WaitResult::TimedOut : WaitResult::Failed;
    return timedOut >= 0;
}

/// Records how a task that is done ended.
bool recordFinish(ScriptRun &run, PyObject *task, TaskId tid)
{
    const int cancelled = callTruth(task, g.cancelled);
    if (cancelled < 0)
        return false;
    if (cancelled) {
        run.finishTask(tid, TaskOutcome::Cancelled, QString());
        return true;
    }
    const Ref exc(PyObject_GetAttr(task, g.exception));
    if (!exc.get())
        return false;
    if (exc.get() == Py_None) {
        run.finishTask(tid, TaskOutcome::Ok, QString());
        return true;
    }
    const Ref name(PyType_GetName(Py_TYPE(exc.get())));
    const Ref text(name.get() ? PyObject_Str(exc) : nullptr);
    const char *n = text.get() ? PyUnicode_AsUTF8(name) : nullptr;
    const char *t = n ? PyUnicode_AsUTF8(text) : nullptr;
    if (!t)
        return false;
    run.finishTask(tid, TaskOutcome::Error,
                   QString::fromUtf8(n) + QStringLiteral(": ") + QString::fromUtf8(t));
    return true;
}

bool intern(PyObject *&slot, const char *name)
{
    slot = PyUnicode_InternFromString(name);
    return slot != nullptr;
}

} // namespace

bool ScriptDispatcher::initialise(PyObject *module)
{
    if (g.taskType)
        return true;
    const std::pair<PyObject **, const char *> names[] = {
        {&g.handleCancelled, "_cancelled"},
        {&g.callback, "_callback"},
        {&g.self, "__self__"},
        {&g.loop, "_loop"},
        {&g.asTasks, "_as_tasks"},
        {&g.asUnspawned, "_as_unspawned"},
        {&g.args, "_args"},
        {&g.done, "done"},
        {&g.cancelled, "cancelled"},
        {&g.exception, "_exception"},
        {&g.mustCancel, "_must_cancel"},
        {&g.run, "_run"},
        {&g.getCoro, "get_coro"},
        {&g.crFrame, "cr_frame"},
        {&g.crAwait, "cr_await"},
        {&g.giFrame, "gi_frame"},
        {&g.giYieldFrom, "gi_yieldfrom"},
        {&g.fLocals, "f_locals"},
        {&g.get, "get"},
        {&g.futWaiter, "_fut_waiter"},
        {&g.children, "_children"},
    };
    for (const auto &[slot, name] : names) {
        if (!intern(*slot, name))
            return false;
    }
    const std::pair<PyObject **, const char *> attributes[] = {
        {&g.futureType, "_Future"},
        {&g.networkTimeout, "NetworkTimeout"},
        {&g.spawn, "_spawn"},
        {&g.describeFrame, "_describe_frame"},
        {&g.describeFuture, "_describe_future"},
        {&g.sleepCode, "_SLEEP_CODE"},
    };
    for (const auto &[slot, name] : attributes) {
        *slot = PyObject_GetAttrString(module, name);
        if (!*slot)
            return false;
    }
    const Ref parameters(PyObject_GetAttrString(module, "_PARAMETERS"));
    if (!parameters.get() || !PyDict_Check(parameters)) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "awaitscope._PARAMETERS is not a dict");
        return false;
    }
    Py_ssize_t pos = 0;
    PyObject *code = nullptr, *name = nullptr;
    while (PyDict_Next(parameters, &pos, &code, &name))
        g.parameters.emplace_back(Py_NewRef(code), Py_NewRef(name));
    g.taskType = PyObject_GetAttrString(module, "_Task"); // last: it says all is there
    return g.taskType != nullptr;
}

ScriptDispatcher::~ScriptDispatcher()
{
    if (!m_sites.empty() || m_script)
        clear(); // (the run dropped its Python objects with the GIL before: normally empty)
}

bool ScriptDispatcher::KeyEqual::operator()(const Key &a, const Key &b) const noexcept
{
    if (a.where != b.where || a.instruction != b.instruction || a.awaited != b.awaited)
        return false;
    // Arguments are exact ints, floats, strings or None: comparing them raises nothing (and if
    // it ever did, a miss: the error is not left set).
    if (a.arg == b.arg)
        return true;
    const int equal = PyObject_RichCompareBool(a.arg, b.arg, Py_EQ);
    if (equal < 0)
        PyErr_Clear();
    return equal == 1;
}

void ScriptDispatcher::clear()
{
    for (auto &[key, site] : m_sites) {
        Py_XDECREF(key.where);
        Py_XDECREF(key.awaited);
        Py_XDECREF(key.arg);
    }
    m_sites.clear();
    Py_CLEAR(m_script);
}

bool ScriptDispatcher::dispatch(ScriptRun &run, PyObject *handle)
{
    {
        const Ref cancelled(PyObject_GetAttr(handle, g.handleCancelled));
        const int skip = cancelled.get() ? PyObject_IsTrue(cancelled) : -1;
        if (skip != 0)
            return skip > 0;
    }
    const Ref callback(PyObject_GetAttr(handle, g.callback));
    if (!callback.get())
        return false;
    PyObject *self = nullptr;
    if (_PyObject_LookupAttr(callback, g.self, &self) < 0)
        return false;
    const Ref task(self);
    const int isTask = task.get() ? isInstance(task, g.taskType) : 0;
    if (isTask <= 0) // a plain callback: it runs as the task that scheduled it
        return isTask == 0 && runHandle(handle);

    const Ref loop(PyObject_GetAttr(handle, g.loop));
    const Ref tasks(loop.get() ? PyObject_GetAttr(loop, g.asTasks) : nullptr);
    if (!tasks.get() || !PyDict_CheckExact(tasks.get())) {
        if (!PyErr_Occurred())
            PyErr_SetString(PyExc_TypeError, "awaitscope: the loop's _as_tasks is not a dict");
        return false;
    }
    TaskId tid = NoTask;
    if (PyObject *known = PyDict_GetItemWithError(tasks, task)) {
        if (!taskId(known, tid))
            return false;
    } else {
        if (PyErr_Occurred())
            return false;
        const Ref unspawned(PyObject_GetAttr(loop, g.asUnspawned));
        if (!unspawned.get() || !PyDict_CheckExact(unspawned.get())) {
            if (!PyErr_Occurred())
                PyErr_SetString(PyExc_TypeError, "awaitscope: the loop's _as_unspawned is not a dict");
            return false;
        }
        PyObject *creator = PyDict_GetItemWithError(unspawned, task);
        if (!creator)
            return !PyErr_Occurred() && runHandle(handle); // not the loop's task
        // Its first step: recorded now, when its name is final (asyncio.create_task and
        // TaskGroup.create_task name a task after creating it).
        const Ref parent(Py_NewRef(creator));
        if (PyDict_DelItem(unspawned, task) < 0)
            return false;
        const Ref id(PyObject_CallFunctionObjArgs(g.spawn, task.get(), parent.get(), nullptr));
        if (!id.get() || PyDict_SetItem(tasks, task, id) < 0 || !taskId(id, tid))
            return false;
    }

    WaitResult result = WaitResult::Ok;
    if (!wakeResult(handle, task, result))
        return false;
    run.resumeTask(tid, result);
    if (!runHandle(handle))
        return false;
    const int done = callTruth(task, g.done);
    if (done < 0)
        return false;
    if (done)
        return PyDict_DelItem(tasks, task) == 0 && recordFinish(run, task, tid);
    if (!m_script) {
        m_script = PyUnicode_FromString(run.fileName().toUtf8().constData());
        if (!m_script)
            return false;
    }
    SiteId site = 0;
    if (!siteOf(run, loop, task, site))
        return false;
    run.suspendTask(tid, site);
    return true;
}

bool ScriptDispatcher::siteOf(ScriptRun &run, PyObject *loop, PyObject *task, SiteId &site)
{
    // Down the task's await chain: the innermost frame of the script, and the first frame
    // below it (what it awaits), with the next object down from that one.
    Ref obj(PyObject_CallMethodNoArgs(task, g.getCoro));
    if (!obj.get())
        return false;
    Ref scriptFrame, firstFrame, after, afterNext;
    for (;;) {
        Ref frame, next;
        if (PyCoro_CheckExact(obj.get())) {
            frame = PyObject_GetAttr(obj, g.crFrame);
            next = frame.get() ? PyObject_GetAttr(obj, g.crAwait) : nullptr;
        } else if (PyGen_CheckExact(obj.get())) {
            frame = PyObject_GetAttr(obj, g.giFrame);
            next = frame.get() ? PyObject_GetAttr(obj, g.giYieldFrom) : nullptr;
        } else {
            break;
        }
        if (!next.get())
            return false;
        if (frame.get() == Py_None)
            break;
        if (!PyFrame_Check(frame.get())) {
            PyErr_SetString(PyExc_TypeError, "awaitscope: a coroutine's frame is not a frame");
            return false;
        }
        if (!firstFrame.get())
            firstFrame = Py_NewRef(frame.get());
        const Ref code(
            reinterpret_cast<PyObject *>(PyFrame_GetCode(reinterpret_cast<PyFrameObject *>(frame.get()))));
        PyObject *file = reinterpret_cast<PyCodeObject *>(code.get())->co_filename;
        const bool inScript = file == m_script ||
            (PyUnicode_GET_LENGTH(file) == PyUnicode_GET_LENGTH(m_script) &&
             PyUnicode_Compare(file, m_script) == 0);
        if (inScript) {
            scriptFrame = Py_NewRef(frame.get());
            after = nullptr;
        } else if (!after.get()) {
            after = Py_NewRef(frame.get());
            afterNext = Py_NewRef(next.get());
        }
        if (next.get() == Py_None)
            break;
        obj = next.release();
    }
    auto *where = reinterpret_cast<PyFrameObject *>(scriptFrame.get() ? scriptFrame.get() : firstFrame.get());
    Ref whereCode(where ? reinterpret_cast<PyObject *>(PyFrame_GetCode(where)) : nullptr);
    const int instruction = where ? PyFrame_GetLasti(where) : 0;
    Ref awaited, arg, waiter;
    if (after.get()) {
        awaited =
            reinterpret_cast<PyObject *>(PyFrame_GetCode(reinterpret_cast<PyFrameObject *>(after.get())));
        PyObject *parameter = nullptr;
        for (const auto &[code, name] : g.parameters) {
            if (code == awaited.get())
                parameter = name;
        }
        if (!parameter) {
            arg = Py_NewRef(Py_None);
        } else if (awaited.get() == g.sleepCode && PyGen_CheckExact(afterNext.get())) {
            arg = PyLong_FromLong(0); // sleep(0) yields through __sleep0: no need to read its locals
        } else {
            const Ref locals(PyObject_GetAttr(after, g.fLocals));
            if (!locals.get())
                return false;
            if (PyDict_Check(locals.get())) {
                PyObject *value = PyDict_GetItemWithError(locals, parameter);
                if (!value && PyErr_Occurred())
                    return false;
                arg = Py_NewRef(value ? value : Py_None);
            } else {
                arg = PyObject_CallMethodOneArg(locals, g.get, parameter);
            }
            // Exactly int, float or str, else its repr: a subclass's own __hash__ or __eq__
            // could raise inside the cache's lookup, where nothing would report it.
            if (arg.get() && !PyLong_CheckExact(arg.get()) && !PyFloat_CheckExact(arg.get()) &&
                !PyUnicode_CheckExact(arg.get()))
                arg = PyObject_Repr(arg); // (hashable)
        }
    } else {
        // The bottom of the chain is the future's iterator: the task knows the future itself.
        PyObject *w = nullptr;
        if (_PyObject_LookupAttr(task, g.futWaiter, &w) < 0)
            return false;
        waiter = w ? w : Py_NewRef(Py_None);
        awaited = Py_NewRef(reinterpret_cast<PyObject *>(Py_TYPE(waiter.get())));
        const int isTask = isInstance(waiter, g.taskType);
        if (isTask < 0)
            return false;
        if (isTask) {
            const Ref tasks(PyObject_GetAttr(loop, g.asTasks));
            PyObject *id = tasks.get() ? PyObject_GetItem(tasks, waiter) : nullptr;
            if (!id && (!tasks.get() || !PyErr_ExceptionMatches(PyExc_KeyError)))
                return false;
            PyErr_Clear();
            arg = id ? id : Py_NewRef(Py_None);
        } else {
            PyObject *children = nullptr;
            if (_PyObject_LookupAttr(waiter, g.children, &children) < 0)
                return false;
            const Ref owned(children);
            const Py_ssize_t n = children ? PyObject_Size(children) : 0;
            arg = n < 0 ? nullptr : PyLong_FromSsize_t(n);
        }
    }
    if (!arg.get())
        return false;
    const Py_hash_t argHash = PyObject_Hash(arg);
    if (argHash == -1 && PyErr_Occurred())
        return false;
    Key key{whereCode.get(), instruction, awaited.get(), arg.get(), 0};
    const std::hash<const void *> pointerHash;
    key.hash = pointerHash(key.where) ^ (pointerHash(key.awaited) * 31u) ^
        (std::size_t(instruction) * 1000003u) ^ (std::size_t(argHash) * 7919u);
    if (const auto it = m_sites.find(key); it != m_sites.end()) {
        site = it->second;
        return true;
    }

    // A new (where, what) pair: awaitscope.py says what it is.
    Ref described;
    if (after.get())
        described = PyObject_CallFunctionObjArgs(g.describeFrame, after.get(), arg.get(), nullptr);
    else if (waiter.get() != Py_None)
        described = PyObject_CallFunctionObjArgs(g.describeFuture, loop, waiter.get(), nullptr);
    else
        described = Py_BuildValue("(si)", "yield", int(SiteKind::Wait));
    PyObject *label = nullptr;
    int kind = 0;
    if (!described.get() || !PyArg_ParseTuple(described, "Ui", &label, &kind))
        return false;
    Py_ssize_t labelSize = 0;
    const char *labelText = PyUnicode_AsUTF8AndSize(label, &labelSize);
    PyObject *file =
        whereCode.get() ? reinterpret_cast<PyCodeObject *>(whereCode.get())->co_filename : nullptr;
    const char *fileText = file ? PyUnicode_AsUTF8(file) : "";
    if (!labelText || !fileText)
        return false;
    const int line = where ? PyFrame_GetLineNumber(where) : 0;
    site = run.site(QString::fromUtf8(labelText, labelSize), QByteArray(fileText), quint32(std::max(line, 0)),
                    SiteKind(kind & 3));
    whereCode.release();
    awaited.release();
    arg.release();
    m_sites.emplace(key, site);
    return true;
}

} // namespace awaitscope
