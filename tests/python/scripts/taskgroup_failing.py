"""A TaskGroup whose children fail: siblings cancelled, errors grouped, except* splits them."""
import asyncio


async def fail_after(delay, exc):
    await asyncio.sleep(delay)
    raise exc


async def sleeper(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print(f"{name} cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(sleeper("a"))
            group.create_task(fail_after(0.1, ValueError("v")))
            group.create_task(fail_after(0.1, KeyError("k")))
            group.create_task(sleeper("b"))
    except* ValueError as errors:
        print("ValueError group:", [repr(e) for e in errors.exceptions])
    except* KeyError as errors:
        print("KeyError group:", [repr(e) for e in errors.exceptions])
    print("after the group at", round(asyncio.get_running_loop().time() - start, 1))


start = 0.0


async def entry():
    global start
    start = asyncio.get_running_loop().time()
    await main()


asyncio.run(entry())
