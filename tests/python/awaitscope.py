"""The plain-CPython twin of Awaitscope's `awaitscope` module, for the conformance test.

Scripts written for Awaitscope import `net` from `awaitscope`. Run under /usr/bin/python3 with
this folder on PYTHONPATH, they get the same network on plain asyncio: each request sleeps its
latency (fixed: Awaitscope's test runs use --jitter 0), fails when its failure rate is 1, and
times out like the simulated network does, with the same messages.
"""
import asyncio
import os

__all__ = ["net", "NetworkError", "NetworkTimeout", "Response"]


class NetworkError(Exception):
    """A simulated request failed (connection reset)."""


class NetworkTimeout(NetworkError):
    """A simulated request took longer than its timeout."""


class Response:
    def __init__(self, path, status, nbytes, latency):
        self.path, self.status, self.bytes, self.latency = path, status, nbytes, latency

    def json(self):
        return {"path": self.path, "status": self.status, "bytes": self.bytes}

    def __repr__(self):
        return f"<Response {self.status} {self.path}>"


class Net:
    def __init__(self):
        self._defaults = {
            "latency_ms": float(os.environ.get("AWAITSCOPE_LATENCY_MS", "100")),
            "jitter_ms": 0.0,
            "failure_rate": float(os.environ.get("AWAITSCOPE_FAILURE_RATE", "0")),
            "timeout_ms": float(os.environ.get("AWAITSCOPE_TIMEOUT_MS", "0")),
        }
        self._endpoints = {}

    def _config(self, path):
        best, length = self._defaults, -1
        for prefix, config in self._endpoints.items():
            if len(prefix) > length and path.startswith(prefix):
                best, length = config, len(prefix)
        return best

    def configure(self, prefix, *, latency_ms=None, jitter_ms=None, failure_rate=None, timeout_ms=None):
        config = dict(self._config(prefix))
        given = {"latency_ms": latency_ms, "jitter_ms": jitter_ms, "failure_rate": failure_rate,
                 "timeout_ms": timeout_ms}
        config.update({k: float(v) for k, v in given.items() if v is not None})
        self._endpoints[prefix] = config

    async def get(self, path):
        config = self._config(path)
        ms = config["latency_ms"]
        failed = config["failure_rate"] >= 1.0
        timed_out = 0 < config["timeout_ms"] < ms
        if timed_out:
            ms = config["timeout_ms"]
        await asyncio.sleep(ms / 1000)
        if timed_out:
            raise NetworkTimeout(f"GET {path} timed out after {ms:g} ms")
        if failed:
            raise NetworkError(f"GET {path} failed after {ms:g} ms: connection reset")
        return Response(path, 200, 512, ms / 1000)


net = Net()
