"""An exception nobody catches ends the script with its traceback (and a non-zero exit)."""
import asyncio


async def lookup(key):
    await asyncio.sleep(0.1)
    return {"a": 1}[key]


async def main():
    print("looking up a:", await lookup("a"))
    print("looking up b...")
    await lookup("b")
    print("not reached")


asyncio.run(main())
