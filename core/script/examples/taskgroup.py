"""TaskGroup: structured concurrency; one failing child cancels its siblings.

The first group waits for all its children. In the second, one child fails: the group cancels
the others and raises an ExceptionGroup, handled with except*.
"""
import asyncio

from awaitscope import net


async def fetch(item):
    response = await net.get(f"/items/{item}")
    return response.path


async def failing():
    await asyncio.sleep(0.05)
    raise ValueError("item 9 is broken")


async def slow(item):
    try:
        await net.get(f"/items/{item}")
        print("slow child finished")
    except asyncio.CancelledError:
        print(f"sibling fetch({item}) cancelled")
        raise


async def main():
    async with asyncio.TaskGroup() as group:
        tasks = [group.create_task(fetch(n)) for n in range(1, 4)]
    print("all fetched:", [t.result() for t in tasks])

    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(slow(8))
            group.create_task(failing())
    except* ValueError as errors:
        print("the group failed:", [str(e) for e in errors.exceptions])


asyncio.run(main())
