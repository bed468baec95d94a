"""Runs the asyncio peer (../shared/peers/asyncio_peer.py) as an Awaitscope script.

The peer takes its workload from the command line; a script has none, so this wrapper reads
PEER_ARGS ("yield 10000 10") and ASYNCIO_PEER (the peer's path) from the environment and runs
the peer as __main__ on Awaitscope's loop, every await recorded. Its JSON line is the peer's.
"""
import os
import runpy
import sys

sys.argv = ["asyncio_peer.py"] + os.environ["PEER_ARGS"].split()
runpy.run_path(os.environ["ASYNCIO_PEER"], run_name="__main__")
