"""Blocking: time.sleep inside a coroutine holds the whole event loop.

The ticker should tick every 0.1 s, but while blocker() calls time.sleep nothing else can run:
the loop is held, and the ticks that were due wait until it lets go. await asyncio.sleep()
would have let them run.
"""
import asyncio
import time


async def ticker():
    for n in range(3):
        print(f"tick {n}")
        await asyncio.sleep(0.1)


async def blocker():
    await asyncio.sleep(0.05)
    print("blocking the loop for 0.25 s")
    time.sleep(0.25)  # holds the loop: no tick can run meanwhile
    print("unblocked")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    await asyncio.gather(ticker(), blocker())
    print(f"took {loop.time() - start:.1f} s")


asyncio.run(main())
