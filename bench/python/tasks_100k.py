"""100,000 tasks, each awaiting asyncio.sleep(0.1) ten times: the window's responsiveness
while a Python script keeps the loop busy (bench/run-benchmarks.sh, window part)."""
import asyncio


async def job(n):
    for _ in range(10):
        await asyncio.sleep(0.1)


async def main():
    await asyncio.gather(*(job(n) for n in range(100_000)))


asyncio.run(main())
