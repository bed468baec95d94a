"""asyncio.Queue: a producer and three workers, joined with queue.join()."""
import asyncio

from awaitscope import net


async def producer(queue):
    for n in range(6):
        await queue.put(n)
        print(f"put {n}")
    await asyncio.sleep(0)


async def worker(name, queue):
    while True:
        item = await queue.get()
        await net.get(f"/jobs/{item}")
        print(f"{name} did job {item}")
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=2)
    workers = [asyncio.create_task(worker(f"w{n}", queue)) for n in range(3)]
    await producer(queue)
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print("queue empty:", queue.empty())


asyncio.run(main())
