"""Awaitscope's side of a script run: the asyncio event loop over the engine, and `net`.

This module is embedded in the application (a Qt resource) and imported by the scripts it runs
as `awaitscope`. The C++ glue is the built-in module `_awaitscope` (core/script/scriptmodule.cpp):
the simulated clock, the scheduler's wake-ups, the trace and the simulated network.

The loop is a `BaseEventLoop` (an `AbstractEventLoop` with asyncio's own bookkeeping: futures,
tasks, exception handlers, async generators) whose clock, ready queue and timers are the
engine's: `call_soon`/`call_at` become scheduler wake-ups, `run_forever` spins a nested Qt event
loop, and every step of a Task is recorded (spawn, suspend with its script line, resume, finish).
"""
import asyncio
import builtins
import os
import sys
import threading
import time as _time
import traceback
from asyncio import base_events, events, futures, tasks

import _awaitscope as _as

__all__ = ["net", "NetworkError", "NetworkTimeout", "Response"]

# Kinds and results, as the engine numbers them (trace.h).
_WAIT, _JOIN = 0, 1
_OK, _TIMED_OUT, _CANCELLED = 0, 2, 3
_ASYNCIO_DIR = asyncio.__file__.rsplit("/", 1)[0]


class NetworkError(Exception):
    """A simulated request failed (connection reset)."""


class NetworkTimeout(NetworkError):
    """A simulated request took longer than its timeout."""


class LoopHeld(KeyboardInterrupt):
    """Raised into a script that held the event loop longer than the run allows."""

    def __init__(self, *args):
        super().__init__(*(args or (f"the script held the event loop for more than "
                                    f"{_as.hold_limit_ms() / 1000:g} s and was interrupted",)))


class ScriptStopped(BaseException):
    """The run was stopped (Stop, Reset, a time limit) while the script was running."""


class Response:
    """What `await net.get(path)` returns."""

    def __init__(self, path, status, nbytes, latency):
        self.path, self.status, self.bytes, self.latency = path, status, nbytes, latency

    def json(self):
        return {"path": self.path, "status": self.status, "bytes": self.bytes}

    def __repr__(self):
        return f"<Response {self.status} {self.path}>"


def _settle(fut, outcome, path, message, nbytes, latency):
    if fut.done():
        return
    if outcome == _OK:
        fut.set_result(Response(path, 200, nbytes, latency))
    elif outcome == _TIMED_OUT:
        fut.set_exception(NetworkTimeout(message))
    else:
        fut.set_exception(NetworkError(message))


class Net:
    """The run's simulated network (latency, jitter, failures and timeouts from the run's
    settings; a seed makes it repeatable)."""

    async def get(self, path):
        loop = events.get_running_loop()
        wait_ns, outcome, message, nbytes = _as.net_draw(str(path))
        fut = loop.create_future()
        loop.call_at(loop.time() + wait_ns / 1e9, _settle, fut, outcome, path, message, nbytes,
                     wait_ns / 1e9)
        return await fut

    def configure(self, prefix, *, latency_ms=None, jitter_ms=None, failure_rate=None,
                  timeout_ms=None):
        """Makes paths starting with prefix behave differently (a slow endpoint, a flaky one)."""
        _as.net_configure(str(prefix), latency_ms, jitter_ms, failure_rate, timeout_ms)


net = Net()

_MAIN_THREAD = threading.get_ident()
_real_sleep = _time.sleep
_Task = tasks.Task  # (for the engine's dispatch)
_Future = futures.Future
_SLEEP_CODE = tasks.sleep.__code__
_GET_CODE = Net.get.__code__
_WAIT_FOR_CODE = tasks.wait_for.__code__
# The awaited calls whose label names an argument: which local it is.
_PARAMETERS = {_SLEEP_CODE: "delay", _GET_CODE: "path", _WAIT_FOR_CODE: "timeout"}


# --- what a task waits on ------------------------------------------------------------------
# The engine (ScriptDispatcher, core/script/scriptdispatcher.cpp) runs each due handle and
# records the step of the task it belongs to: resume, then suspend at the script's line or
# finish. It walks the task's cr_await chain itself and asks these for what a new site awaits.

def _describe_frame(frame, arg):
    code = frame.f_code
    name = code.co_qualname
    if code is _SLEEP_CODE:
        return f"sleep({arg!r})", _WAIT
    if code is _GET_CODE:
        return f"net.get({arg!r})", _WAIT
    if code is _WAIT_FOR_CODE:
        return f"wait_for(timeout={arg!r})", _JOIN
    if name in ("TaskGroup.__aexit__", "wait", "_wait", "as_completed"):
        return f"{name.split('.')[0]}", _JOIN
    return f"{name}()", _WAIT


def _describe_future(loop, fut):
    if isinstance(fut, tasks.Task):
        tid = loop._as_tasks.get(fut)
        if tid is not None:
            return _as.task_name(tid), _JOIN
        name = fut.get_name()  # not started yet
        return (name if not name.startswith("Task-") else _task_label(fut.get_coro(), None)[0]
                .replace("(%1)", "(…)")), _JOIN
    children = getattr(fut, "_children", None)
    if children is not None:
        return f"gather({len(children)})", _JOIN
    if isinstance(fut, futures.Future):
        return "Future", _WAIT
    return type(fut).__name__, _WAIT


def _spawn(task, parent):
    name = task.get_name()
    if name.startswith("Task-") and name[5:].isdigit():
        name = None  # asyncio's default: the coroutine says more
    pattern, arg = _task_label(task.get_coro(), name)
    return _as.spawn(pattern, arg, parent)


_ASYNCIO_TASK_NAMES = {"shutdown_asyncgens": "shutdown gens", "shutdown_default_executor": "shutdown executor"}


def _task_label(coro, name):
    if name is not None:
        return name, -1
    qual = getattr(coro, "__qualname__", None) or type(coro).__name__
    code = getattr(coro, "cr_code", None)
    if code is not None and f"{os.sep}asyncio{os.sep}" in code.co_filename:
        # asyncio's own tasks (asyncio.run's shutdown_asyncgens): a short name fits a lane.
        qual = _ASYNCIO_TASK_NAMES.get(code.co_name, code.co_name)
    frame = getattr(coro, "cr_frame", None)
    if frame is not None and frame.f_code.co_argcount == 1:
        arg = frame.f_locals.get(frame.f_code.co_varnames[0])
        if type(arg) is int and 0 <= arg < 2**31:
            return f"{qual}(%1)", arg
        if type(arg) is str and len(arg) <= 24:
            return f"{qual}({arg!r})", -1
    return qual, -1


# --- the loop ------------------------------------------------------------------------------

def _caller_site():
    """Where the script's top level waits while the loop runs: its line, and how it runs it."""
    frame = sys._getframe(2)
    script = _as.script_file()
    label = "run_until_complete()"
    while frame is not None and frame.f_code.co_filename != script:
        if frame.f_code.co_name == "run" and frame.f_code.co_filename.startswith(_ASYNCIO_DIR):
            label = "asyncio.run()"
        frame = frame.f_back
    if frame is None:
        return label, "", 0
    return label, frame.f_code.co_filename, frame.f_lineno


class _Timer(events.TimerHandle):
    __slots__ = ("_ticket",)


class AwaitscopeLoop(base_events.BaseEventLoop):
    """asyncio's BaseEventLoop, its time, ready queue and timers replaced by the engine's."""

    def __init__(self):
        super().__init__()
        self._as_tasks = {}  # task -> its id in the trace, once it ran
        self._as_unspawned = {}  # task -> the id of the task that created it, until it runs
        self._as_script = _as.script_file()
        self._clock_resolution = 1e-9

    def time(self):
        return _as.now() / 1e9

    def call_soon(self, callback, *args, context=None):
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_soon")
        handle = events.Handle(callback, args, self, context)
        if handle._source_traceback:
            del handle._source_traceback[-1]
        _as.schedule(-1, handle)
        return handle

    def call_soon_threadsafe(self, callback, *args, context=None):
        raise RuntimeError("Awaitscope runs scripts on one thread: call_soon_threadsafe is not supported")

    def run_in_executor(self, executor, func, *args):
        raise RuntimeError("Awaitscope runs scripts on one thread: run_in_executor and asyncio.to_thread "
                           "are not supported")

    def call_at(self, when, callback, *args, context=None):
        if when is None:
            raise TypeError("when cannot be None")
        self._check_closed()
        if self._debug:
            self._check_thread()
            self._check_callback(callback, "call_at")
        timer = _Timer(when, callback, args, self, context)
        if timer._source_traceback:
            del timer._source_traceback[-1]
        timer._scheduled = True
        timer._ticket = _as.schedule(max(0, round(when * 1e9)), timer)
        return timer

    def _timer_handle_cancelled(self, handle):
        ticket = getattr(handle, "_ticket", None)
        if ticket is not None:
            _as.unschedule(ticket)

    def create_task(self, coro, *, name=None, context=None):
        task = super().create_task(coro, name=name, context=context)
        self._as_unspawned[task] = _as.current_task()
        return task

    def run_forever(self):
        self._check_closed()
        self._check_running()
        self._set_coroutine_origin_tracking(self._debug)
        old_agen_hooks = sys.get_asyncgen_hooks()
        try:
            self._thread_id = threading.get_ident()
            sys.set_asyncgen_hooks(firstiter=self._asyncgen_firstiter_hook,
                                   finalizer=self._asyncgen_finalizer_hook)
            events._set_running_loop(self)
            label, filename, line = _caller_site()
            _as.spin(self._stopping, label, filename, line)
        finally:
            self._stopping = False
            self._thread_id = None
            events._set_running_loop(None)
            self._set_coroutine_origin_tracking(False)
            sys.set_asyncgen_hooks(*old_agen_hooks)

    def stop(self):
        self._stopping = True
        _as.stop()

    def close(self):
        if self.is_running():
            raise RuntimeError("Cannot close a running event loop")
        if not self.is_closed():
            for task in list(self._as_tasks):
                _as.finish(self._as_tasks.pop(task), _CANCELLED, "")
            for task, parent in list(self._as_unspawned.items()):  # never ran
                _as.finish(_spawn(task, parent), _CANCELLED, "")
            self._as_unspawned.clear()
        super().close()

    def _write_to_self(self):
        pass

    def _process_events(self, event_list):
        pass


class AwaitscopePolicy(events.BaseDefaultEventLoopPolicy):
    _loop_factory = AwaitscopeLoop


# --- running a script ----------------------------------------------------------------------

class _Stream:
    def __init__(self, fd):
        self._fd = fd

    def write(self, text):
        _as.write(self._fd, str(text))
        return len(text)

    def flush(self):
        pass

    def isatty(self):
        return False

    @property
    def encoding(self):
        return "utf-8"


def _blocking_sleep(seconds):
    """time.sleep inside a script: holds the loop (really, on the real clock), recorded as a
    blocked section at the script's line."""
    if threading.get_ident() != _MAIN_THREAD:
        return _real_sleep(seconds)  # another thread holds no loop
    frame = sys._getframe(1)
    script = _as.script_file()
    where = frame
    while where is not None and where.f_code.co_filename != script:
        where = where.f_back
    where = where or frame
    _as.block_sleep(float(seconds), f"time.sleep({seconds!r})", where.f_code.co_filename,
                    where.f_lineno)


def _no_input(prompt=""):
    raise RuntimeError("input() would block the event loop (and the window): scripts have no stdin")


def _format_error(exc):
    tb = exc.__traceback__
    # Drop this module's own frames (the exec that ran the script).
    while tb is not None and tb.tb_frame.f_code.co_filename == __file__:
        tb = tb.tb_next
    return "".join(traceback.format_exception(type(exc), exc, tb))


def run_script(source, filename):
    """Runs a script as __main__. Returns (status, value, line, column): ('ok', ''),
    ('syntax', message, line, column), ('error', traceback), ('exit', code), ('held', traceback)
    or ('stopped', message)."""
    try:
        code = compile(source, filename, "exec")
    except (SyntaxError, ValueError) as e:
        text = "".join(traceback.format_exception_only(type(e), e))
        return "syntax", text, getattr(e, "lineno", 0) or 0, getattr(e, "offset", 0) or 0
    saved = (sys.stdout, sys.stderr, sys.argv, _time.sleep, events.get_event_loop_policy())
    sys.stdout, sys.stderr = _Stream(1), _Stream(2)
    sys.argv = [filename]
    folder = filename.rsplit("/", 1)[0] if "/" in filename else ""
    sys.path.insert(0, folder)
    _time.sleep = _blocking_sleep
    saved_input, builtins.input = builtins.input, _no_input
    events.set_event_loop_policy(AwaitscopePolicy())
    module = type(sys)("__main__")
    module.__file__ = filename
    module.__builtins__ = builtins
    saved_main = sys.modules.get("__main__")
    sys.modules["__main__"] = module
    try:
        exec(code, module.__dict__)
        return "ok", "", 0, 0
    except SystemExit as e:
        return "exit", e.code, 0, 0
    except LoopHeld as e:
        return "held", _format_error(e), 0, 0
    except ScriptStopped as e:
        return "stopped", str(e), 0, 0
    except BaseException as e:  # noqa: B902 - everything the script raised is its result
        return "error", _format_error(e), 0, 0
    finally:
        policy = events.get_event_loop_policy()
        loop = getattr(policy._local, "_loop", None) if hasattr(policy, "_local") else None
        if loop is not None and not loop.is_running() and not loop.is_closed():
            loop.close()
        sys.stdout, sys.stderr, sys.argv, _time.sleep = saved[:4]
        builtins.input = saved_input
        if sys.path and sys.path[0] == folder:
            del sys.path[0]
        events.set_event_loop_policy(saved[4])
        events._set_running_loop(None)
        if saved_main is not None:
            sys.modules["__main__"] = saved_main
