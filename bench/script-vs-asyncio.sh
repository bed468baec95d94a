#!/usr/bin/env bash
# Recording cost per await of Python scripts: the asyncio peer's `yield` and `timer` workloads
# run as an Awaitscope script (virtual clock, every await recorded) and under plain CPython
# asyncio (Debian's /usr/bin/python3, the interpreter Awaitscope embeds), one after the other,
# at 10,000 and 100,000 tasks. Prints one line per pair with the ratio (the goal: at most 2x).
#
#   BUILD_DIR=build bash bench/script-vs-asyncio.sh
#
# ASYNCIO_PEER points at the peer (default: ../shared/peers/asyncio_peer.py). Run it on a quiet
# machine: both sides are wall-clock measurements.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app=${BUILD_DIR:-$root/build}/app/awaitscope
peer=${ASYNCIO_PEER:-$root/../shared/peers/asyncio_peer.py}
[ -x "$app" ] || { echo "error: no $app (build first, or set BUILD_DIR)" >&2; exit 2; }
[ -f "$peer" ] || { echo "error: asyncio peer not found at $peer (set ASYNCIO_PEER)" >&2; exit 2; }
field() { sed -e "s/.*\"$1\": \([0-9.]*\).*/\1/"; }
for tasks in 10000 100000; do
    for workload in yield timer; do
        args="$workload $tasks 10"
        [ "$workload" = timer ] && args="$args 1"
        ours=$(PEER_ARGS="$args" ASYNCIO_PEER="$peer" "$app" --headless --no-summary \
                   --script "$root/bench/python/peer_as_script.py" | grep '^{' | field ns_per_await)
        plain=$(/usr/bin/python3 "$peer" $args | field ns_per_await)
        ratio=$(awk -v a="$ours" -v b="$plain" 'BEGIN { printf "%.1f", a / b }')
        printf '%-6s %7s tasks x 10 awaits: Awaitscope %8.0f ns/await, asyncio %8.0f ns/await: %sx\n' \
            "$workload" "$tasks" "$ours" "$plain" "$ratio"
    done
done
