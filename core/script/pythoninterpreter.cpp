// Python.h first, before any standard or Qt header, as Python asks.
// clang-format off
#define PY_SSIZE_T_CLEAN
#include <Python.h>
// clang-format on

#include "pythoninterpreter.h"

#include "scriptdispatcher.h"
#include "scriptmodule.h"

#include <QFile>

namespace awaitscope {

namespace {
const char ModuleResource[] = ":/awaitscope/script/awaitscope.py";

QString fromPython(PyObject *o)
{
    if (!o)
        return {};
    if (PyUnicode_Check(o)) {
        Py_ssize_t size = 0;
        const char *utf8 = PyUnicode_AsUTF8AndSize(o, &size);
        return utf8 ? QString::fromUtf8(utf8, size) : QString();
    }
    PyObject *s = PyObject_Str(o);
    const QString text = fromPython(s);
    Py_XDECREF(s);
    return text;
}
} // namespace

PythonInterpreter &PythonInterpreter::instance()
{
    static PythonInterpreter interpreter;
    return interpreter;
}

PythonInterpreter::PythonInterpreter()
{
    if (!Py_IsInitialized()) {
        PyImport_AppendInittab("_awaitscope", &ScriptModule::init);
        PyConfig config;
        PyConfig_InitPythonConfig(&config);
        config.install_signal_handlers = 0; // Qt owns the process's signals
        config.parse_argv = 0;
        config.use_environment = 0; // PYTHONHOME/PYTHONPATH of another Python must not leak in
        config.user_site_directory = 0;
        PyStatus status = PyConfig_SetString(&config, &config.program_name, L"awaitscope");
        if (!PyStatus_Exception(status))
            status = Py_InitializeFromConfig(&config);
        PyConfig_Clear(&config);
        if (PyStatus_Exception(status)) {
            m_error = QStringLiteral("cannot start Python: %1").arg(QString::fromUtf8(status.err_msg));
            return;
        }
    }
    m_mainThread = PyThread_get_thread_ident();
    QFile file(QString::fromLatin1(ModuleResource));
    if (!file.open(QIODevice::ReadOnly)) {
        m_error = QStringLiteral("the awaitscope Python module is missing from the resources");
        return;
    }
    const QByteArray code = file.readAll();
    PyObject *compiled = Py_CompileString(code.constData(), "<awaitscope>", Py_file_input);
    if (compiled) {
        m_module = PyImport_ExecCodeModuleEx("awaitscope", compiled, "<awaitscope>");
        Py_DECREF(compiled);
    }
    if (!m_module) {
        m_error = QStringLiteral("cannot load the awaitscope Python module: %1").arg(takeErrorText());
        return;
    }
    m_runScript = PyObject_GetAttrString(m_module, "run_script");
    m_loopHeld = PyObject_GetAttrString(m_module, "LoopHeld");
    m_scriptStopped = PyObject_GetAttrString(m_module, "ScriptStopped");
    if (!m_runScript || !m_loopHeld || !m_scriptStopped || !ScriptDispatcher::initialise(m_module))
        m_error = QStringLiteral("the awaitscope Python module is incomplete: %1").arg(takeErrorText());
}

QString PythonInterpreter::version() const
{
    return QString::fromLatin1(Py_GetVersion()).section(QLatin1Char(' '), 0, 0);
}

QString PythonInterpreter::takeErrorText()
{
    if (!PyErr_Occurred())
        return {};
    PyObject *type = nullptr, *value = nullptr, *tb = nullptr;
    PyErr_Fetch(&type, &value, &tb);
    PyErr_NormalizeException(&type, &value, &tb);
    QString text;
    PyObject *mod = PyImport_ImportModule("traceback");
    PyObject *lines = mod ? PyObject_CallMethod(mod, "format_exception", "OOO", type, value ? value : Py_None,
                                                tb ? tb : Py_None)
                          : nullptr;
    if (lines) {
        PyObject *empty = PyUnicode_FromString("");
        PyObject *joined = PyUnicode_Join(empty, lines);
        text = fromPython(joined);
        Py_XDECREF(joined);
        Py_XDECREF(empty);
    } else {
        PyErr_Clear();
        text = fromPython(value ? value : type);
    }
    Py_XDECREF(lines);
    Py_XDECREF(mod);
    Py_XDECREF(type);
    Py_XDECREF(value);
    Py_XDECREF(tb);
    return text;
}

ScriptResult PythonInterpreter::runScript(const QString &source, const QString &fileName)
{
    ScriptResult result;
    if (!m_error.isEmpty()) {
        result.status = ScriptResult::Status::Error;
        result.message = m_error;
        return result;
    }
    const QByteArray src = source.toUtf8();
    const QByteArray name = fileName.toUtf8();
    PyObject *ret = PyObject_CallFunction(m_runScript, "s#s#", src.constData(), Py_ssize_t(src.size()),
                                          name.constData(), Py_ssize_t(name.size()));
    if (!ret || !PyTuple_Check(ret) || PyTuple_GET_SIZE(ret) != 4) {
        result.status = ScriptResult::Status::Error;
        result.message = ret ? QStringLiteral("awaitscope.run_script returned no result") : takeErrorText();
        Py_XDECREF(ret);
        return result;
    }
    const QString status = fromPython(PyTuple_GET_ITEM(ret, 0));
    PyObject *value = PyTuple_GET_ITEM(ret, 1);
    result.line = int(PyLong_AsLong(PyTuple_GET_ITEM(ret, 2)));
    result.column = int(PyLong_AsLong(PyTuple_GET_ITEM(ret, 3)));
    if (status == QLatin1String("ok")) {
        result.status = ScriptResult::Status::Ok;
    } else if (status == QLatin1String("syntax")) {
        result.status = ScriptResult::Status::SyntaxError;
        result.message = fromPython(value);
    } else if (status == QLatin1String("exit")) {
        // As CPython: None is 0, an int is the code, anything else is printed and gives 1.
        result.status = ScriptResult::Status::Exit;
        if (value == Py_None) {
            result.exitCode = 0;
        } else if (PyLong_Check(value)) {
            result.exitCode = int(PyLong_AsLong(value) & 0xff);
        } else {
            result.exitCode = 1;
            result.message = fromPython(value);
        }
    } else if (status == QLatin1String("held")) {
        result.status = ScriptResult::Status::HeldLoop;
        result.message = fromPython(value);
    } else if (status == QLatin1String("stopped")) {
        result.status = ScriptResult::Status::Stopped;
        result.message = fromPython(value);
    } else {
        result.status = ScriptResult::Status::Error;
        result.message = fromPython(value);
    }
    PyErr_Clear();
    Py_DECREF(ret);
    return result;
}

} // namespace awaitscope
