"""The network's failures raise exceptions the script can catch."""
import asyncio

from awaitscope import NetworkError, NetworkTimeout, net

net.configure("/broken", failure_rate=1.0)
net.configure("/slow", latency_ms=400, timeout_ms=150)


async def fetch(path):
    try:
        response = await net.get(path)
        return f"{path}: {response.status}"
    except NetworkTimeout as error:
        return f"{path}: timeout ({error})"
    except NetworkError as error:
        return f"{path}: failed ({error})"


async def main():
    for line in await asyncio.gather(fetch("/users/1"), fetch("/broken/1"), fetch("/slow/1")):
        print(line)


asyncio.run(main())
