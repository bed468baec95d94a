"""Callbacks: call_soon, call_later and add_done_callback, the style await replaced.

The same loop runs plain callbacks: a timer that re-arms itself three times, a request whose
completion is reported by a done callback, and a future resolved from a callback.
"""
import asyncio

from awaitscope import net


async def main():
    loop = asyncio.get_running_loop()
    finished = loop.create_future()

    def tick(n):
        print(f"tick {n}")
        if n < 3:
            loop.call_later(0.1, tick, n + 1)
        else:
            finished.set_result(n)

    def request_done(task):
        print("done callback: got", task.result().path)

    loop.call_later(0.1, tick, 1)
    request = asyncio.ensure_future(net.get("/users/1"))
    request.add_done_callback(request_done)
    loop.call_soon(print, "call_soon runs before any timer")
    print("ticks:", await finished)


asyncio.run(main())
