#!/usr/bin/env bash
# Formatting (clang-format, .clang-format at the top) and QML lint (all_qmllint), as CI runs them.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
mapfile -t files < <(git ls-files '*.cpp' '*.h' 2>/dev/null || find app core qml tests -name '*.cpp' -o -name '*.h')
if command -v clang-format >/dev/null && [ ${#files[@]} -gt 0 ]; then
    clang-format --dry-run --Werror "${files[@]}"
    echo "clang-format: ${#files[@]} files clean"
fi
# (grep -q would close the pipe early, and pipefail would call ninja's SIGPIPE a failure.)
targets=$( [ -f build/build.ninja ] && ninja -C build -t targets all 2>/dev/null || true)
if grep -qE '(^|/)all_qmllint:' <<<"$targets"; then
    out=$(cmake --build build --target all_qmllint 2>&1) || { echo "$out"; exit 1; }
    if echo "$out" | grep -E '^(Warning|Error)' >/dev/null; then echo "$out"; echo "qmllint: warnings" >&2; exit 1; fi
    echo "qmllint: clean"
fi
