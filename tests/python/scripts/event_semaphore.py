"""asyncio.Event and asyncio.Semaphore: a start signal, then at most two requests at a time."""
import asyncio

from awaitscope import net


async def job(n, start, limit):
    await start.wait()
    async with limit:
        print(f"job {n} starts")
        await net.get(f"/items/{n}")
        print(f"job {n} ends")


async def main():
    start = asyncio.Event()
    limit = asyncio.Semaphore(2)
    jobs = [asyncio.create_task(job(n, start, limit)) for n in range(5)]
    await asyncio.sleep(0.05)
    print("go")
    start.set()
    await asyncio.gather(*jobs)
    print("all jobs done")


asyncio.run(main())
