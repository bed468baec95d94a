#!/usr/bin/env bash
# Renders the committed PNG app icons from the hand-written SVG. Run it after editing the SVG:
#   bash packaging/render-icons.sh
# Needs rsvg-convert (Debian package librsvg2-bin). The build does not run this: the PNGs are
# committed, so building and packaging need no SVG renderer.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
id=io.github.awaitscope.Awaitscope
svg="$root/resources/icons/hicolor/scalable/apps/$id.svg"
command -v rsvg-convert >/dev/null || { echo "error: rsvg-convert not found (apt-get install librsvg2-bin)" >&2; exit 1; }
for size in 16 32 48 64 128 256; do
    dir="$root/resources/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$dir"
    rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$svg" --output "$dir/$id.png"
    echo "wrote ${dir#"$root"/}/$id.png"
done
