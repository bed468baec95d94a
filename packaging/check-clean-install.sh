#!/usr/bin/env bash
# Installs the package on a clean, minimal Debian 12 (a debootstrap chroot), where nothing but
# its Depends can make it work: `apt-get install ./awaitscope_*.deb`, --version, --self-test under
# Xvfb (for a build with the window), then `apt-get remove` must leave none of its files.
#
#   bash packaging/check-clean-install.sh build-deb/awaitscope_0.1.0-1_amd64.deb
#
# Needs root, debootstrap (installed if missing) and Debian's archive (about 80 MB is fetched).
# Opt-in: packaging/check-package.sh runs it when AWAITSCOPE_CLEAN_INSTALL=1.
# Environment: DEBIAN_MIRROR (default http://deb.debian.org/debian), CLEAN_ROOT (default: a
# new folder under /tmp, removed at the end).
set -euo pipefail

deb=${1:?usage: $0 PACKAGE.deb}
[ -f "$deb" ] || { echo "check-clean-install: no such file: $deb" >&2; exit 1; }
[ "$(id -u)" -eq 0 ] || { echo "check-clean-install: needs root (debootstrap, chroot)" >&2; exit 1; }
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
version=$(sed -n '/^project(/,/)/p' "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/CMakeLists.txt" \
    | grep -oE 'VERSION[[:space:]]+[0-9]+(\.[0-9]+)*' | awk '{print $2}')

if ! command -v debootstrap >/dev/null; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
fi

root=${CLEAN_ROOT:-$(mktemp -d /tmp/awaitscope-clean-root.XXXXXX)}
cleanup() {
    mountpoint -q "$root/proc" && umount "$root/proc"
    rm -rf "$root"
}
trap cleanup EXIT

echo "== debootstrap --variant=minbase bookworm $root"
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.debootstrap.log" 2>&1 \
    || { tail -20 "$root.debootstrap.log"; rm -f "$root.debootstrap.log"; exit 1; }
rm -f "$root.debootstrap.log"
security=${mirror%/debian}/debian-security
cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security bookworm-security main
EOF
mount -t proc proc "$root/proc"
cp "$deb" "$root/tmp/"
name=$(basename "$deb")
gui=0
dpkg-deb -f "$deb" Depends | grep -q qml6-module-qtquick && gui=1

in_root() { chroot "$root" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/tmp DEBIAN_FRONTEND=noninteractive "$@"; }

echo "== apt-get install ./$name (on the clean system)"
in_root apt-get update -qq
in_root sh -c "cd /tmp && apt-get install -y --no-install-recommends ./$name" 2>&1 | { grep -v '^E: Can not write log' || true; }
# shellcheck disable=SC2016 # dpkg-query's own ${...} format
in_root dpkg-query -W -f='${db:Status-Status}\n' awaitscope | grep -qx installed \
    || { echo "FAIL: awaitscope is not installed"; exit 1; }

echo "== awaitscope --version"
got=$(in_root /usr/bin/awaitscope --version)
echo "$got"
[ "$got" = "awaitscope $version" ] || { echo "FAIL: expected 'awaitscope $version'"; exit 1; }

if [ "$gui" = 1 ]; then
    echo "== xvfb-run -a awaitscope --self-test (with only the package's Depends, plus xvfb and xauth)"
    in_root apt-get install -y -qq --no-install-recommends xvfb xauth > /dev/null 2>&1
    in_root sh -c 'cd /tmp && timeout 180 xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/awaitscope --self-test' \
        || { echo "FAIL: --self-test on the clean system"; exit 1; }
else
    echo "SKIP: --self-test: the package was built without the window"
fi

echo "== apt-get remove -y awaitscope"
in_root sh -c 'dpkg-query -L awaitscope > /tmp/awaitscope.files'
in_root apt-get remove -y -qq awaitscope 2>&1 | { grep -v '^E: Can not write log' || true; }
# shellcheck disable=SC2016 # expanded by the shell inside the chroot
left=$(in_root sh -c 'while read -r f; do [ -f "$f" ] && echo "$f"; done < /tmp/awaitscope.files; true')
[ -z "$left" ] || { echo "FAIL: left after removal: $left"; exit 1; }
[ ! -e "$root/usr/bin/awaitscope" ] || { echo "FAIL: /usr/bin/awaitscope is still there"; exit 1; }
echo "check-clean-install: installed, ran and removed cleanly on a minimal Debian 12"
