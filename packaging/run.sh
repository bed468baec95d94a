#!/usr/bin/env bash
# The one command that builds and launches Awaitscope: bash packaging/run.sh [awaitscope options]
# With no display, say how to run headless instead of failing obscurely.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/packaging/build.sh"
app="$root/build/app/awaitscope"

headless=0
for a in "$@"; do
    case "$a" in --headless|--help|-h|--version|--list-scenarios) headless=1 ;; esac
done
if [ $headless -eq 0 ] && [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ] && [ -z "${QT_QPA_PLATFORM:-}" ]; then
    cat >&2 <<MSG
No display found (DISPLAY and WAYLAND_DISPLAY are unset), so the window cannot open.
  Run without a window:      bash packaging/run.sh --headless --scenario fan-out --jobs 100
  Run in a virtual display:  xvfb-run -a bash packaging/run.sh --screenshot shot.png --quit-after 4000
MSG
    exit 2
fi
exec "$app" "$@"
