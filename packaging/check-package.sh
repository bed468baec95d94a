#!/usr/bin/env bash
# Builds the Debian package and checks it the way a user and Debian would use it:
# contents and permissions, desktop-file-validate, appstreamcli validate, lintian (errors fail,
# warnings are printed), then `apt-get install ./awaitscope_*.deb`, --version, a headless run,
# --self-test under Xvfb, and `apt-get remove` leaving nothing behind.
#
#   bash packaging/check-package.sh              configure + build build-deb/ (Release, Debian's
#                                                hardening flags, GUI if qml/ exists), cpack, check
#   bash packaging/check-package.sh BUILD_DIR    build that configured folder, cpack there, check
#   bash packaging/check-package.sh FILE.deb     check an existing package
#
# Needs root (or sudo) to install and remove the package. Exits non-zero if any check fails.
# Environment: AWAITSCOPE_DEB_BUILD_DIR (default build-deb), AWAITSCOPE_BUILD_GUI=ON|OFF (default:
# ON when qml/CMakeLists.txt exists), SELF_TEST_TIMEOUT (seconds, default 180),
# AWAITSCOPE_CLEAN_INSTALL=1 to also install and run it on a fresh debootstrap'ed Debian 12
# (packaging/check-clean-install.sh; fetches about 80 MB from Debian's archive).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
app_id=io.github.awaitscope.Awaitscope
pkg=awaitscope

passed=0
failed=0
failures=()
say() { printf '\n== %s\n' "$*"; }
ok() { passed=$((passed + 1)); printf 'PASS: %s\n' "$*"; }
bad() { failed=$((failed + 1)); failures+=("$*"); printf 'FAIL: %s\n' "$*"; }
die() { printf 'check-package: error: %s\n' "$*" >&2; exit 1; }

sudo=""
if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "run as root (or install sudo): the package is installed and removed"
    sudo=sudo
fi

# --- Tools (all Debian packages listed in packaging/debian-packages.txt) ----------------------
bash "$root/packaging/install-deps.sh"
for tool in cmake cpack dpkg-deb dpkg-shlibdeps lintian desktop-file-validate appstreamcli readelf file gzip apt-get; do
    command -v "$tool" >/dev/null || die "'$tool' not found: run packaging/install-deps.sh"
done

# The CMake project version: `awaitscope --version` and the package version must both show it.
cmake_version=$(sed -n '/^project(/,/)/p' "$root/CMakeLists.txt" | grep -oE 'VERSION[[:space:]]+[0-9]+(\.[0-9]+)*' | awk '{print $2}')
[ -n "$cmake_version" ] || die "no VERSION in project() of $root/CMakeLists.txt"

# --- The package --------------------------------------------------------------------------------
arg=${1:-}
build_pkg() { # $1: a configured build folder
    say "Building and packaging in $1"
    cmake --build "$1"
    (cd "$1" && rm -f "${pkg}"_*.deb && cpack -G DEB)
    deb=$(find "$1" -maxdepth 1 -name "${pkg}_*.deb" -printf '%T@ %p\n' | sort -rn | head -n1 | cut -d' ' -f2-)
    [ -n "$deb" ] || die "cpack made no ${pkg}_*.deb in $1"
}
if [ -z "$arg" ]; then
    build_dir=${AWAITSCOPE_DEB_BUILD_DIR:-$root/build-deb}
    gui=${AWAITSCOPE_BUILD_GUI:-}
    if [ -z "$gui" ]; then
        if [ -f "$root/qml/CMakeLists.txt" ]; then gui=ON; else gui=OFF; fi
    fi
    say "Configuring $build_dir (Release, GUI $gui, dpkg-buildflags hardening)"
    # Debian's own compiler and linker flags: fortify, stack protector, relro, bindnow.
    export DEB_BUILD_MAINT_OPTIONS=hardening=+all
    CXXFLAGS="$(dpkg-buildflags --get CXXFLAGS) $(dpkg-buildflags --get CPPFLAGS)" \
    LDFLAGS="$(dpkg-buildflags --get LDFLAGS)" \
        cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
            -DAWAITSCOPE_BUILD_TESTS=OFF -DAWAITSCOPE_BUILD_GUI="$gui"
    build_pkg "$build_dir"
elif [ -d "$arg" ]; then
    [ -f "$arg/CMakeCache.txt" ] || die "$arg is not a configured CMake build folder"
    build_pkg "$(cd "$arg" && pwd)"
elif [ -f "$arg" ] && [[ "$arg" == *.deb ]]; then
    deb=$(cd "$(dirname "$arg")" && pwd)/$(basename "$arg")
else
    die "usage: $0 [BUILD_DIR | PACKAGE.deb]"
fi
echo "package: $deb"

work=$(mktemp -d)
installed_by_us=0
cleanup() {
    if [ "$installed_by_us" = 1 ]; then
        echo "check-package: removing $pkg (left installed by a failed step)"
        $sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$pkg" >/dev/null 2>&1 || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

field() { dpkg-deb -f "$deb" "$1"; }
version=$(field Version)
depends=$(field Depends)

# --- Control fields -----------------------------------------------------------------------------
say "Control fields"
dpkg-deb -f "$deb"
if [ "$(field Package)" = "$pkg" ]; then ok "Package is $pkg"; else bad "Package is '$(field Package)', not $pkg"; fi
case "$version" in
    "$cmake_version"-*) ok "Version $version is the CMake version $cmake_version plus a Debian revision" ;;
    *) bad "Version $version does not start with the CMake version $cmake_version-" ;;
esac
if [ "$(basename "$deb")" = "${pkg}_${version}_$(field Architecture).deb" ]; then ok "file name $(basename "$deb")"; else bad "file name $(basename "$deb") is not ${pkg}_${version}_$(field Architecture).deb"; fi
case "$depends" in
    *libqt6core6*) ok "Depends has the linked Qt libraries (dpkg-shlibdeps)" ;;
    *) bad "Depends lacks libqt6core6: was dpkg-shlibdeps run? ($depends)" ;;
esac
case "$depends" in
    *libpython3.11*) ok "Depends has libpython3.11 (Python scripts)" ;;
    *) bad "Depends lacks libpython3.11, which the binary embeds ($depends)" ;;
esac

# --- Contents and permissions -------------------------------------------------------------------
say "Contents"
dpkg-deb -x "$deb" "$work/root"
dpkg-deb -c "$deb" > "$work/contents"
expected=(
    usr/bin/awaitscope
    "usr/share/applications/$app_id.desktop"
    "usr/share/metainfo/$app_id.metainfo.xml"
    "usr/share/icons/hicolor/scalable/apps/$app_id.svg"
    usr/share/man/man1/awaitscope.1.gz
    usr/share/doc/awaitscope/copyright
    usr/share/doc/awaitscope/changelog.Debian.gz
)
for size in 16 32 48 64 128 256; do expected+=("usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"); done
# The example Python scripts (core/script/examples), as the source tree has them.
for example in "$root"/core/script/examples/*.py; do
    expected+=("usr/share/awaitscope/examples/python/$(basename "$example")")
done
missing=0
for f in "${expected[@]}"; do
    [ -f "$work/root/$f" ] || { bad "missing /$f"; missing=1; }
done
[ "$missing" = 0 ] && ok "all ${#expected[@]} expected files are in the package"
unexpected=$(awk '$1 !~ /^d/ {sub(/^\.\//, "", $6); print $6}' "$work/contents" | grep -vxF -f <(printf '%s\n' "${expected[@]}") || true)
if [ -z "$unexpected" ]; then ok "no unexpected files"; else bad "unexpected files in the package: $(echo "$unexpected" | tr "\n" " ")"; fi
perm_problems=$(awk '
    $2 != "root/root" { print "owner " $2 ": " $6; next }
    $1 ~ /^d/ { if ($1 != "drwxr-xr-x") print $1 " " $6; next }
    $6 == "./usr/bin/awaitscope" { if ($1 != "-rwxr-xr-x") print $1 " " $6; next }
    { if ($1 != "-rw-r--r--") print $1 " " $6 }' "$work/contents")
if [ -z "$perm_problems" ]; then ok "permissions: 0755 folders and binary, 0644 files, root/root"; else bad "permissions: $perm_problems"; fi
for size in 16 32 48 64 128 256; do
    png="$work/root/usr/share/icons/hicolor/${size}x${size}/apps/$app_id.png"
    [ -f "$png" ] || continue
    file -b "$png" | grep -q "PNG image data, $size x $size," || bad "icon ${size}x${size} is $(file -b "$png")"
done
ok "PNG icon sizes match their folders"
for gz in usr/share/man/man1/awaitscope.1.gz usr/share/doc/awaitscope/changelog.Debian.gz; do
    f="$work/root/$gz"
    [ -f "$f" ] || continue
    # gzip -9n: no file name (FLG bit 3) and no time stamp (MTIME bytes 4-7), maximum compression (XFL 2).
    header=$(od -An -tx1 -N10 "$f" | tr -d ' \n')
    flg=$((16#${header:6:2})); mtime=${header:8:8}; xfl=${header:16:2}
    if gzip -t "$f" && [ $((flg & 8)) = 0 ] && [ "$mtime" = 00000000 ] && [ "$xfl" = 02 ]; then
        ok "/$gz is gzip -9n"
    else
        bad "/$gz is not gzip -9n (header $header)"
    fi
done
if [ -f "$work/root/usr/share/doc/awaitscope/changelog.Debian.gz" ]; then
    top=$(zcat "$work/root/usr/share/doc/awaitscope/changelog.Debian.gz" | head -n1)
    if [[ "$top" == "$pkg ($version) "* ]]; then ok "changelog's newest entry is $version"; else bad "changelog's newest entry is '$top', the package is $version"; fi
fi
man_page="$work/root/usr/share/man/man1/awaitscope.1.gz"
if [ -f "$man_page" ]; then
    if zcat "$man_page" | grep -q "^\.TH AWAITSCOPE 1 .*\"awaitscope $cmake_version\""; then
        ok "manual page is for version $cmake_version"
    else
        bad "the .TH line of resources/awaitscope.1 does not say \"awaitscope $cmake_version\""
    fi
fi
if readelf -d "$work/root/usr/bin/awaitscope" | grep -qE '\((RPATH|RUNPATH)\)'; then
    bad "/usr/bin/awaitscope has an RPATH/RUNPATH"
else
    ok "/usr/bin/awaitscope has no RPATH"
fi
if readelf -S "$work/root/usr/bin/awaitscope" | grep -q '\.symtab'; then
    bad "/usr/bin/awaitscope is not stripped"
else
    ok "/usr/bin/awaitscope is stripped"
fi

# A window build links Qt Quick; then the QML modules it imports must be in Depends.
gui=0
readelf -d "$work/root/usr/bin/awaitscope" | grep -q 'NEEDED.*libQt6Quick' && gui=1
if [ "$gui" = 1 ]; then
    say "QML modules imported by qml/ (not linked, so listed by hand in packaging/CMakeLists.txt)"
    # `import QtQuick.Controls` needs Debian's qml6-module-qtquick-controls, and so on.
    mapfile -t imports < <(grep -rhoE '^[[:space:]]*import[[:space:]]+(Qt[A-Za-z0-9.]*)' "$root/qml" --include='*.qml' 2>/dev/null \
        | awk '{print $2}' | sort -u)
    [ "${#imports[@]}" -gt 0 ] || bad "found no Qt imports in qml/*.qml"
    qml_dir=$(qtpaths6 --query QT_INSTALL_QML 2>/dev/null || echo "/usr/lib/$(dpkg-architecture -qDEB_HOST_MULTIARCH)/qt6/qml")
    for module in "${imports[@]}"; do
        # The Debian package that ships the module's qmldir (QtQuick.Controls.Basic is in
        # qml6-module-qtquick-controls); if it is not installed here, Debian's naming rule.
        want=$(dpkg-query -S "$qml_dir/$(echo "$module" | tr . /)/qmldir" 2>/dev/null | cut -d: -f1 | head -n1)
        [ -n "$want" ] || want="qml6-module-$(echo "$module" | tr 'A-Z.' 'a-z-')"
        if grep -qE "(^|, )$want( |,|$)" <<<"$depends"; then
            ok "import $module -> Depends: $want"
        else
            bad "qml/ imports $module but Depends lacks $want"
        fi
    done
else
    echo "(built without the window: no QML modules to depend on)"
fi

# --- Validators -----------------------------------------------------------------------------------
say "desktop-file-validate"
desktop="$work/root/usr/share/applications/$app_id.desktop"
if out=$(desktop-file-validate "$desktop" 2>&1) && ! grep -qE 'error:|warning:' <<<"$out"; then
    [ -n "$out" ] && echo "$out"
    ok "desktop-file-validate $app_id.desktop"
else
    echo "$out"
    bad "desktop-file-validate $app_id.desktop"
fi
if grep -qx "Icon=$app_id" "$desktop"; then ok "desktop file: Icon=$app_id"; else bad "desktop file: Icon is not $app_id"; fi

say "appstreamcli validate --no-net"
metainfo="$work/root/usr/share/metainfo/$app_id.metainfo.xml"
if appstreamcli validate --no-net "$metainfo"; then ok "appstreamcli validate $app_id.metainfo.xml"; else bad "appstreamcli validate $app_id.metainfo.xml"; fi
# The whole tree: the metainfo together with the desktop file it launches and the icons.
if appstreamcli validate-tree --no-net "$work/root"; then ok "appstreamcli validate-tree (package contents)"; else bad "appstreamcli validate-tree (package contents)"; fi
if grep -q "<id>$app_id</id>" "$metainfo" && grep -q "<launchable type=\"desktop-id\">$app_id.desktop</launchable>" "$metainfo"; then ok "metainfo: <id> and <launchable> are $app_id"; else bad "metainfo: <id> or <launchable> is not $app_id"; fi
if grep -q "<release version=\"$cmake_version\"" "$metainfo"; then ok "metainfo has a release entry for $cmake_version"; else bad "metainfo has no <release version=\"$cmake_version\">"; fi

say "lintian (errors fail; warnings and notes are listed in packaging/README.md)"
# --fail-on error: warnings are printed, not fatal. Lintian grumbles when run as root; harmless.
if lintian --fail-on error --display-info --pedantic "$deb" 2> >(grep -v 'running with root privileges' >&2); then
    ok "lintian: no errors"
else
    bad "lintian reported errors"
fi

# --- Install, run, remove -------------------------------------------------------------------------
say "apt-get install ./$(basename "$deb")"
if [ "$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)" = installed ]; then
    echo "$pkg is already installed ($(dpkg-query -W -f='${Version}' "$pkg")): removing it first, so this package is the one tested"
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y -qq "$pkg"
fi
installed_by_us=1
if (cd "$(dirname "$deb")" && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "./$(basename "$deb")"); then
    ok "apt-get install ./$(basename "$deb")"
else
    bad "apt-get install ./$(basename "$deb")"
    printf '\ncheck-package: %d passed, %d failed\n' "$passed" "$failed"
    exit 1
fi
if [ "$(dpkg-query -W -f='${Version}' "$pkg")" = "$version" ]; then ok "installed version is $version"; else bad "installed version is $(dpkg-query -W -f='${Version}' "$pkg"), not $version"; fi
if man -w awaitscope >/dev/null 2>&1; then ok "man -w awaitscope finds $(man -w awaitscope)"; else bad "man cannot find awaitscope(1)"; fi

# Run the installed program as a user would: its own HOME, none of a developer's Qt variables.
mkdir -p "$work/home" "$work/runtime"
chmod 700 "$work/runtime"
run() { (cd "$work/home" && env -u QML_IMPORT_PATH -u QML2_IMPORT_PATH -u QT_PLUGIN_PATH -u LD_LIBRARY_PATH \
    -u QT_QPA_PLATFORM HOME="$work/home" XDG_RUNTIME_DIR="$work/runtime" "$@"); }

say "/usr/bin/awaitscope --version"
got=$(run /usr/bin/awaitscope --version 2>&1 || true)
echo "$got"
if [ "$got" = "awaitscope $cmake_version" ]; then ok "--version prints 'awaitscope $cmake_version'"; else bad "--version printed '$got', expected 'awaitscope $cmake_version'"; fi

say "/usr/bin/awaitscope --headless --scenario fetch-user"
if run timeout 60 /usr/bin/awaitscope --headless --scenario fetch-user; then ok "headless run"; else bad "headless run"; fi

say "xvfb-run -a /usr/bin/awaitscope --self-test"
if [ "$gui" = 1 ]; then
    if ! command -v xvfb-run >/dev/null; then
        bad "xvfb-run not found (apt-get install xvfb xauth)"
    else
        # QML_IMPORT_TRACE lists every qmldir the engine reads, including the modules that Qt's own
        # modules import (QtQuick.Templates, QtQml.WorkerScript, ...): each one's package must be in
        # Depends, since Debian's qml6-module-* packages do not depend on each other.
        if run env QML_IMPORT_TRACE=1 timeout "${SELF_TEST_TIMEOUT:-180}" \
            xvfb-run -a -s "-screen 0 1920x1080x24" /usr/bin/awaitscope --self-test > "$work/self-test.log" 2>&1; then
            grep -v 'qt\.qml\.import' "$work/self-test.log" || true
            ok "--self-test under Xvfb"
        else
            grep -v 'qt\.qml\.import' "$work/self-test.log" || true
            bad "--self-test under Xvfb"
        fi
        mapfile -t loaded < <(grep -oE '"?/[^" ]*/qmldir' "$work/self-test.log" | tr -d '"' | sort -u)
        runtime_pkgs=$(for q in "${loaded[@]}"; do dpkg-query -S "$q" 2>/dev/null | cut -d: -f1; done | sort -u)
        if [ -z "$runtime_pkgs" ]; then
            bad "QML_IMPORT_TRACE showed no QML module loaded from a Debian package"
        fi
        for want in $runtime_pkgs; do
            if grep -qE "(^|, )$want( |,|$)" <<<"$depends"; then
                ok "loaded at run time: $want is in Depends"
            else
                bad "the window loaded a QML module from $want, which is not in Depends"
            fi
        done
    fi
else
    echo "SKIP: --self-test: this package was built without the window (AWAITSCOPE_BUILD_GUI=OFF; the binary does not link Qt Quick)"
fi

say "apt-get remove -y $pkg"
dpkg-query -L "$pkg" > "$work/files"
if $sudo env DEBIAN_FRONTEND=noninteractive apt-get remove -y "$pkg"; then
    installed_by_us=0
    ok "apt-get remove $pkg"
else
    bad "apt-get remove $pkg"
fi
if [ ! -e /usr/bin/awaitscope ]; then ok "/usr/bin/awaitscope is gone"; else bad "/usr/bin/awaitscope is still there"; fi
left=$(while read -r f; do [ -f "$f" ] && echo "$f"; done < "$work/files" || true)
if [ -z "$left" ]; then ok "no file of the package is left"; else bad "files left after removal: $(echo "$left" | tr "\n" " ")"; fi
status=$(dpkg-query -W -f='${db:Status-Status}' "$pkg" 2>/dev/null || true)
case "$status" in
    installed | half-installed | half-configured | unpacked) bad "dpkg still lists $pkg as $status" ;;
    *) ok "dpkg lists $pkg as ${status:-not installed}" ;;
esac

if [ "${AWAITSCOPE_CLEAN_INSTALL:-0}" = 1 ]; then
    say "On a clean Debian 12 (AWAITSCOPE_CLEAN_INSTALL=1): packaging/check-clean-install.sh"
    if bash "$root/packaging/check-clean-install.sh" "$deb"; then
        ok "install, --version, --self-test and remove on a clean minimal Debian 12"
    else
        bad "install, --version, --self-test and remove on a clean minimal Debian 12"
    fi
fi

printf '\n'
if [ "$failed" -gt 0 ]; then
    printf 'Failed checks:\n'
    printf '  %s\n' "${failures[@]}"
fi
printf 'check-package: %d passed, %d failed\n' "$passed" "$failed"
[ "$failed" = 0 ]
