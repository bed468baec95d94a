#!/usr/bin/env bash
# Regenerates docs/performance.md: Awaitscope's engine, CPython asyncio and naive QCoro (one
# QTimer per await) on the same workloads in one run, plus the window's frame times and loop lag
# idle and under load. Takes about half an hour; run it on a quiet machine:
#
#   bash bench/run-benchmarks.sh              # naive QCoro up to 10,000 tasks
#   FULL=1 bash bench/run-benchmarks.sh       # naive QCoro at 100,000 tasks too (+10 min)
#
# ASYNCIO_PEER points at the peer script (default: ../shared/peers/asyncio_peer.py).
# PARTS="engine window" (the default) picks what to measure; BUILD_DIR uses an existing build
# instead of building the release preset. Raw results go to bench/results/PART.jsonl, and the
# report is made from all of them.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
if [ -z "${BUILD_DIR:-}" ]; then
    PRESET=release bash packaging/build.sh >/dev/null
    BUILD_DIR=build-release
fi
bench=$BUILD_DIR/bench/awaitscope-bench
app=$BUILD_DIR/app/awaitscope
peer=${ASYNCIO_PEER:-$root/../shared/peers/asyncio_peer.py}
[ -f "$peer" ] || { echo "error: asyncio peer not found at $peer (set ASYNCIO_PEER)" >&2; exit 2; }
naive_max=10000
[ "${FULL:-0}" = 1 ] && naive_max=100000
parts=${PARTS:-engine window}

work=$(mktemp -d)
mkdir -p bench/results
repeats=${REPEATS:-3}
run() { # label, command... (up to 100,000 tasks: the median of $repeats runs, by ns per await)
    local label=$1; shift
    local n=1
    [ "$tasks" -le 100000 ] && n=$repeats
    : >"$work/runs"
    for _ in $(seq "$n"); do
        echo "$ $*" >&2
        local line extra
        line=$("$@" 2>"$work/stderr") || { cat "$work/stderr" >&2; exit 1; }
        extra=$(grep -o '{.*}' "$work/stderr" | tail -n 1 || true)
        python3 - "$line" "${extra:-{\}}" "$*" "$n" >>"$work/runs" <<'PY'
import json, sys
row = json.loads(sys.argv[1]); row.update(json.loads(sys.argv[2]))
row["command"] = sys.argv[3]; row["runs"] = int(sys.argv[4])
print(json.dumps(row))
PY
    done
    python3 -c 'import json,sys; rows=[json.loads(l) for l in open(sys.argv[1])]; rows.sort(key=lambda r: r["ns_per_await"]); print(json.dumps(rows[len(rows)//2]))' \
        "$work/runs" >>"$results"
}

if [[ " $parts " == *" engine "* ]]; then
    results=bench/results/engine.jsonl
    : >"$results"
    for tasks in 1000 10000 100000 1000000; do
        for workload in yield timer; do
            run awaitscope "$bench" "$workload" "$tasks" 10 5
            run asyncio python3 "$peer" "$workload" "$tasks" 10 5
            if [ "$tasks" -le "$naive_max" ]; then
                run naive "$bench" "$workload" "$tasks" 10 5 --engine naive
            fi
        done
    done
fi

# The window: an idle run (one task waiting a minute) against stress with 100,000 jobs (also in
# presenter mode, captions on), a million jobs, and 100,000 Python tasks, each REPEATS times, the configurations interleaved so that the
# machine's noise falls on all of them (a p99 of 600 samples moves with a single stall: the report
# takes the median run).
window() { # repeat, name, args...
    local r=$1 name=$2; shift 2
    {
        local m="$work/$name-$r.json"
        echo "$ xvfb-run -a $app $* --metrics $m" >&2
        QT_QUICK_BACKEND=${QT_QUICK_BACKEND:-} xvfb-run -a -s "-screen 0 1920x1080x24" "$app" "$@" --metrics "$m" >/dev/null 2>&1 || true
        if [ -f "$m" ]; then
            python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); d["window"]=sys.argv[2]; d["repeat"]=int(sys.argv[4]); d["command"]=sys.argv[3]; print(json.dumps(d))' \
                "$m" "$name" "awaitscope $* --metrics FILE" "$r" >>"$results"
        fi
    }
}
if [[ " $parts " == *" window "* ]]; then
    results=bench/results/window.jsonl
    : >"$results"
    for r in $(seq 1 "$repeats"); do
        window "$r" idle --scenario fetch-user --latency 60000 --quit-after 10000
        window "$r" stress-100k --scenario stress --jobs 100000 --latency 100 --jitter 50 --quit-after 10000
        window "$r" stress-100k-presenter --presenter --scenario stress --jobs 100000 --latency 100 --jitter 50 \
            --quit-after 10000
        window "$r" stress-1m --scenario stress --jobs 1000000 --latency 100 --jitter 50 --quit-after 20000
        # 100,000 Python tasks (asyncio.sleep(0.1) ten times each) on the same loop, every await recorded.
        window "$r" python-100k --script bench/python/tasks_100k.py --speed 1 --quit-after 15000
    done
fi

python3 bench/make-report.py bench/results/*.jsonl >docs/performance.md
echo "wrote docs/performance.md" >&2
