"""gather: a failing child, with and without return_exceptions."""
import asyncio

from awaitscope import net


async def ok(n):
    await net.get(f"/items/{n}")
    print(f"ok({n}) finished")
    return n


async def bad(n, delay):
    await asyncio.sleep(delay)
    raise ValueError(f"bad({n})")


async def main():
    print(await asyncio.gather(ok(1), bad(2, 0.05), ok(3), return_exceptions=True))
    try:
        await asyncio.gather(ok(4), bad(5, 0.05), ok(6))
    except ValueError as error:
        print("gather raised:", error)
    await asyncio.sleep(0.2)  # the other children were not cancelled: they finish meanwhile
    print("done")


asyncio.run(main())
