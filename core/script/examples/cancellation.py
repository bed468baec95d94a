"""Cancellation: task.cancel() raises CancelledError at the task's await.

The worker gets CancelledError where it is suspended, cleans up in except/finally and re-raises;
whoever awaits it sees the cancellation too.
"""
import asyncio


async def worker(name):
    try:
        for step in range(10):
            await asyncio.sleep(0.1)
            print(f"{name}: step {step}")
    except asyncio.CancelledError:
        print(f"{name}: cancelled, cleaning up")
        raise
    finally:
        print(f"{name}: finally runs too")


async def main():
    task = asyncio.create_task(worker("worker"))
    await asyncio.sleep(0.35)
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("main: the task was cancelled")
    print("cancelled():", task.cancelled())


asyncio.run(main())
