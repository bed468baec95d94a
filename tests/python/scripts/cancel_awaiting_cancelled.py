"""Cancelling a task while it awaits another task that is cancelled too."""
import asyncio


async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise


async def outer(child):
    try:
        await child
    except asyncio.CancelledError:
        print("outer saw CancelledError, child cancelled:", child.cancelled())
        raise


async def main():
    child = asyncio.create_task(inner())
    parent = asyncio.create_task(outer(child))
    await asyncio.sleep(0.1)
    child.cancel()
    parent.cancel()
    results = await asyncio.gather(child, parent, return_exceptions=True)
    print([type(r).__name__ for r in results])
    print("cancelled:", child.cancelled(), parent.cancelled())


asyncio.run(main())
