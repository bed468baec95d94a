#!/usr/bin/env bash
# Installs what is missing, configures and builds (preset "default" unless PRESET is set).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
bash "$root/packaging/install-deps.sh"
preset=${PRESET:-default}
cd "$root"
cmake --preset "$preset" >/dev/null
cmake --build --preset "$preset"
