#!/usr/bin/env bash
# The one command that builds and runs every test: bash packaging/test.sh
# Builds the default preset, lints, and runs ctest (GUI tests inside a virtual X server).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/packaging/build.sh"
cd "$root"
bash packaging/lint.sh
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-120000}
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    xvfb-run -a -s "-screen 0 1920x1080x24" ctest --preset default "$@"
else
    ctest --preset default "$@"
fi
