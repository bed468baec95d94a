"""Timeouts: wait_for, asyncio.timeout and the network's own timeout.

A request slower than its deadline is cancelled and TimeoutError raised where it was awaited;
a fast one returns normally. The simulated network can time requests out by itself too.
"""
import asyncio

from awaitscope import NetworkTimeout, net

net.configure("/slow", latency_ms=500)
net.configure("/flaky", latency_ms=300, timeout_ms=50)


async def main():
    try:
        await asyncio.wait_for(net.get("/slow/report"), timeout=0.2)
    except TimeoutError:
        print("wait_for: /slow/report timed out after 0.2 s")

    response = await asyncio.wait_for(net.get("/users/1"), timeout=0.2)
    print("wait_for: fast enough:", response.path)

    try:
        async with asyncio.timeout(0.25):
            await net.get("/users/2")
            await net.get("/users/3")
            await net.get("/users/4")
    except TimeoutError:
        print("asyncio.timeout: three requests did not fit in 0.25 s")

    try:
        await net.get("/flaky/data")
    except NetworkTimeout as error:
        print("network timeout:", error)


asyncio.run(main())
