"""Fan-out: ten requests at once with asyncio.gather.

Ten awaits overlap: the whole batch takes about as long as one request, and gather returns the
results in the order the calls were made, whatever order they finished in.
"""
import asyncio

from awaitscope import net


async def fetch(user_id):
    response = await net.get(f"/users/{user_id}")
    print(f"got {response.path}")
    return user_id * user_id


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    results = await asyncio.gather(*(fetch(n) for n in range(1, 11)))
    print("results:", results)
    print(f"ten requests took {loop.time() - start:.1f} s")


asyncio.run(main())
