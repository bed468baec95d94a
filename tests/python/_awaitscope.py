"""The plain-CPython stand-in for Awaitscope's engine glue, for the conformance test.

Awaitscope's own `awaitscope` module (core/script/python/awaitscope.py) runs on the built-in
module `_awaitscope` (core/script/scriptmodule.cpp). Scripts run under /usr/bin/python3 with this
folder and core/script/python on PYTHONPATH import that same `awaitscope` module; on plain
asyncio only its network is used, and this module draws its requests as the simulated network
does with the test's settings: a fixed latency (Awaitscope's test runs use --jitter 0), a
failure when the failure rate is 1, a timeout when the timeout is shorter, with the same
messages. The loop, the recording and the rest of `_awaitscope` are not needed there.
"""
import os

_OK, _FAILED, _TIMED_OUT = 0, 1, 2
_BYTES = 512

_defaults = {
    "latency_ms": float(os.environ.get("AWAITSCOPE_LATENCY_MS", "100")),
    "jitter_ms": 0.0,
    "failure_rate": float(os.environ.get("AWAITSCOPE_FAILURE_RATE", "0")),
    "timeout_ms": float(os.environ.get("AWAITSCOPE_TIMEOUT_MS", "0")),
}
_endpoints = {}


def _config(path):
    best, length = _defaults, -1
    for prefix, config in _endpoints.items():
        if len(prefix) > length and path.startswith(prefix):
            best, length = config, len(prefix)
    return best


def net_configure(prefix, latency_ms, jitter_ms, failure_rate, timeout_ms):
    config = dict(_config(prefix))
    given = {"latency_ms": latency_ms, "jitter_ms": jitter_ms, "failure_rate": failure_rate,
             "timeout_ms": timeout_ms}
    config.update({k: float(v) for k, v in given.items() if v is not None})
    _endpoints[prefix] = config


def net_draw(path):
    """(wait in ns, outcome, message, bytes) of one request, as the engine's net_draw."""
    config = _config(path)
    ms = config["latency_ms"]
    if 0 < config["timeout_ms"] < ms:
        ms = config["timeout_ms"]
        return int(ms * 1e6), _TIMED_OUT, f"GET {path} timed out after {ms:g} ms", 0
    if config["failure_rate"] >= 1.0:
        return int(ms * 1e6), _FAILED, f"GET {path} failed after {ms:g} ms: connection reset", 0
    return int(ms * 1e6), _OK, "", _BYTES
