"""call_soon, call_later and call_at ordering, loop.time() and add_done_callback on futures."""
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    events = []
    start = loop.time()
    loop.call_later(0.2, events.append, "later 0.2")
    loop.call_at(start + 0.1, events.append, "at 0.1")
    loop.call_soon(events.append, "soon 1")
    loop.call_soon(events.append, "soon 2")
    handle = loop.call_later(0.15, events.append, "cancelled")
    handle.cancel()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: events.append(f"done callback {f.result()}"))
    loop.call_later(0.05, fut.set_result, "x")
    await asyncio.sleep(0.3)
    print(events)
    print("handle cancelled:", handle.cancelled())


asyncio.run(main())
