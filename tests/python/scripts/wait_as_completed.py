"""asyncio.wait (FIRST_COMPLETED) and as_completed: results in the order they finish."""
import asyncio


async def after(delay, value):
    await asyncio.sleep(delay)
    return value


async def main():
    tasks = {asyncio.create_task(after(d, v)) for d, v in [(0.3, "c"), (0.1, "a"), (0.2, "b")]}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("first:", [t.result() for t in done], "pending:", len(pending))
    for next_done in asyncio.as_completed(pending):
        print("then:", await next_done)
    print("shielded:", await asyncio.shield(after(0.1, "s")))


asyncio.run(main())
