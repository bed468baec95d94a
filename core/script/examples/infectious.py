"""Infectious: async code can only be awaited from async code.

Calling an async function from plain code only makes a coroutine object; nothing runs. Sync code
has to start an event loop to get a result, and that is refused where a loop already runs.
"""
import asyncio

from awaitscope import net


async def get_user(user_id):
    response = await net.get(f"/users/{user_id}")
    return response.path


def sync_caller():
    coro = get_user(1)
    print("calling it from sync code gives a", type(coro).__name__)
    coro.close()  # never awaited: no request was made
    return asyncio.run(get_user(2))  # the way out: run a loop (where none runs)


async def async_caller():
    print("awaited:", await get_user(3))
    coro = get_user(4)
    try:
        asyncio.run(coro)
    except RuntimeError as error:
        coro.close()
        print("asyncio.run inside a coroutine:", error)


print("from sync code:", sync_caller())
asyncio.run(async_caller())
