"""Slow I/O: one slow endpoint among fast ones.

Async does not make slow I/O fast: the report still takes a second. It only lets the fast
requests finish meanwhile instead of queueing behind it.
"""
import asyncio

from awaitscope import net

net.configure("/reports", latency_ms=1000)


async def fetch(path, start):
    loop = asyncio.get_running_loop()
    await net.get(path)
    print(f"{path} done after {loop.time() - start:.1f} s")
    return path


async def main():
    start = asyncio.get_running_loop().time()
    paths = ["/users/1", "/reports/2025", "/users/2", "/users/3"]
    done = await asyncio.gather(*(fetch(p, start) for p in paths))
    print("all done:", done)


asyncio.run(main())
