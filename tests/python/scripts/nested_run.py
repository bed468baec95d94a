"""asyncio.run and run_until_complete inside a running loop are refused, as CPython refuses them."""
import asyncio


async def work():
    await asyncio.sleep(0.1)
    return 42


async def main():
    coro = work()
    try:
        asyncio.run(coro)
    except RuntimeError as error:
        print("asyncio.run:", error)
    finally:
        coro.close()
    loop = asyncio.new_event_loop()
    coro = work()
    try:
        loop.run_until_complete(coro)
    except RuntimeError as error:
        print("run_until_complete:", error)
    finally:
        coro.close()
        loop.close()
    print("still running:", await work())


print("first run:", asyncio.run(work()))
asyncio.run(main())
print("third run:", asyncio.run(work()))
