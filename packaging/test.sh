#!/usr/bin/env bash
# The one command that builds and runs every test: bash packaging/test.sh
# 1. builds the default preset and runs lint (clang-format, qmllint);
# 2. runs every ctest (the window's tests inside a virtual X server when there is no display);
# 3. builds the whole app (engine, window) and every test under AddressSanitizer + UBSan and
#    runs them all again, the window's in the same virtual X server (packaging/lsan.supp names the
#    system libraries whose memory at exit is not ours);
# 4. builds the file loaders' libFuzzer targets (clang, ASan + UBSan) and runs each for a
#    bounded time (AWAITSCOPE_FUZZ_SECONDS, 30 by default) from the seed corpus in fuzz/corpus.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/packaging/build.sh"
cd "$root"
bash packaging/lint.sh
export QTEST_FUNCTION_TIMEOUT=${QTEST_FUNCTION_TIMEOUT:-120000}

xvfb=()
if [ -z "${DISPLAY:-}" ] && command -v xvfb-run >/dev/null; then
    xvfb=(xvfb-run -a -s "-screen 0 1920x1080x24")
fi
"${xvfb[@]}" ctest --preset default "$@"

echo "== AddressSanitizer + UBSan: the whole app and every test"
cmake --preset asan >/dev/null
cmake --build --preset asan
"${xvfb[@]}" ctest --preset asan "$@"

echo "== libFuzzer: the recording and Chrome trace loaders, ${AWAITSCOPE_FUZZ_SECONDS:-30} s each"
cmake --preset fuzz -DAWAITSCOPE_FUZZ_SECONDS="${AWAITSCOPE_FUZZ_SECONDS:-30}" >/dev/null
cmake --build --preset fuzz --target fuzz_recordingreader fuzz_chrometracereader
ctest --preset fuzz --verbose "$@" >build-fuzz/fuzz-run.log 2>&1 || { cat build-fuzz/fuzz-run.log; exit 1; }
# libFuzzer's own count of inputs that ran clean (a crash, leak or UBSan report fails the test).
grep -E "^[0-9]+: Done [0-9]+ runs|tests passed" build-fuzz/fuzz-run.log
