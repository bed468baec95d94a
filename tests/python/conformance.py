#!/usr/bin/python3
"""Conformance: every script prints the same on Awaitscope as on plain CPython asyncio.

Usage: conformance.py AWAITSCOPE_BINARY SCRIPT.py...

Each script runs twice: headless on Awaitscope (virtual clock, fixed 100 ms latency, no summary)
and under this interpreter (Debian's /usr/bin/python3, the one Awaitscope embeds) with this
folder and core/script/python first on PYTHONPATH: Awaitscope's own awaitscope.py, whose network
draws its requests from _awaitscope.py here, the plain-asyncio stand-in for the engine. Their
standard output must be the same, line for line, and both must succeed or both fail. The
CPython runs are real time (a few at once, in parallel): where a line prints a time (a number
with a decimal point), the two may differ by up to TIME_TOLERANCE seconds, since the wall clock
of a loaded machine adds its delays; every other character must be equal.
"""
import difflib
import os
import re
import subprocess
import sys

TIME_TOLERANCE = 0.25
PARALLEL = 4
_NUMBER = re.compile(r"\d+\.\d+")


def same_line(ours, theirs):
    if ours == theirs:
        return True
    if _NUMBER.sub("#", ours) != _NUMBER.sub("#", theirs):
        return False
    return all(abs(float(a) - float(b)) <= TIME_TOLERANCE
               for a, b in zip(_NUMBER.findall(ours), _NUMBER.findall(theirs)))


def same_output(ours, theirs):
    a, b = ours.splitlines(), theirs.splitlines()
    return len(a) == len(b) and all(same_line(x, y) for x, y in zip(a, b))

HERE = os.path.dirname(os.path.abspath(__file__))
MODULE_DIR = os.path.join(HERE, "..", "..", "core", "script", "python")


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    binary, scripts = sys.argv[1], sys.argv[2:]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([HERE, os.path.normpath(MODULE_DIR)]), PYTHONDONTWRITEBYTECODE="1")
    plain = {}

    def start_plain(upto):
        for s in scripts[:upto]:
            if s not in plain:
                plain[s] = subprocess.Popen([sys.executable, s], stdout=subprocess.PIPE,
                                            stderr=subprocess.PIPE, env=env, text=True)

    failures = 0
    for index, script in enumerate(scripts):
        start_plain(index + PARALLEL)
        ours = subprocess.run([binary, "--headless", "--script", script, "--clock", "virtual",
                               "--latency", "100", "--jitter", "0", "--no-summary"],
                              capture_output=True, text=True, timeout=60)
        theirs_out, theirs_err = plain[script].communicate(timeout=60)
        theirs_code = plain[script].returncode
        # Plain CPython runs on the wall clock: on a loaded machine, waits 50 ms apart can end in
        # the other order. A difference is only believed if CPython, run again alone, agrees
        # with itself against us (a real difference fails every time; noise does not).
        for _ in range(2):
            if same_output(ours.stdout, theirs_out):
                break
            again = subprocess.run([sys.executable, script], capture_output=True, env=env, text=True,
                                   timeout=60)
            theirs_out, theirs_err, theirs_code = again.stdout, again.stderr, again.returncode
        name = os.path.basename(script)
        problems = []
        if not same_output(ours.stdout, theirs_out):
            problems.append("".join(difflib.unified_diff(
                theirs_out.splitlines(True), ours.stdout.splitlines(True),
                "CPython asyncio", "Awaitscope")))
        if (ours.returncode == 0) != (theirs_code == 0):
            problems.append(f"exit codes differ: CPython {theirs_code}, Awaitscope {ours.returncode}\n"
                            f"CPython stderr:\n{theirs_err}\nAwaitscope stderr:\n{ours.stderr}")
        if problems:
            failures += 1
            print(f"FAIL {name}")
            for p in problems:
                print(p)
        else:
            lines = len(ours.stdout.splitlines())
            timing = "" if ours.stdout == theirs_out else " (printed times differ within tolerance)"
            print(f"ok   {name}: {lines} lines, exit {ours.returncode} (CPython {theirs_code}){timing}")
    print(f"{len(scripts) - failures} of {len(scripts)} scripts print the same on Awaitscope and CPython")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
