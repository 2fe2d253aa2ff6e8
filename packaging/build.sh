#!/usr/bin/env bash
# Build the Linux desktop bundle of Closed Loop from this checkout.
#   bash packaging/build.sh             dist/closedloop/ (run dist/closedloop/closedloop) and
#                                       dist/closedloop-<version>-linux-<arch>.tar.gz
#   bash packaging/build.sh --onefile   also dist/onefile/closedloop (a single self-extracting file)
# It builds with the project's .venv: tools/setup.sh with the "packaging" extra (PyInstaller) is
# run first. The slimming needs binutils and icu-devtools, and PyInstaller needs the shared
# libpython of a Debian Python; missing ones are installed with apt-get (sudo when not root), as
# tools/setup.sh installs Qt's libraries. Figures go to stdout and dist/build-info.json.
# Then: bash packaging/smoke.sh (test it as a user would) and bash packaging/measure.sh (budgets).
# CLOSEDLOOP_DIST / CLOSEDLOOP_WORK move dist/ and build/ elsewhere (tests/packaging does).
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${CLOSEDLOOP_DIST:-dist}"
work="${CLOSEDLOOP_WORK:-build}"

onefile=0
for arg in "$@"; do
  case "$arg" in
    --onefile) onefile=1 ;;
    *) echo "usage: bash packaging/build.sh [--onefile]" >&2; exit 2 ;;
  esac
done

start=$(date +%s.%N)
bash tools/setup.sh packaging
py=.venv/bin/python

apt_install() {  # apt_install PACKAGE...: as tools/setup.sh does (sudo when not root)
  local sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "build: installing system packages: $*"
  $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
# PyInstaller bundles the interpreter's shared library; Debian ships it in libpython3.X.
pylib=$("$py" -c 'import sysconfig as s; print(s.get_config_var("LIBDIR") + "/" + s.get_config_var("INSTSONAME"))')
if [ ! -e "$pylib" ] && command -v dpkg >/dev/null 2>&1; then
  apt_install "libpython$("$py" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
fi
# Slimming tools (strip, readelf, as, ld; icupkg). Without them the build still works, 30 MB larger.
tools=()
for tool in strip readelf as ld; do
  command -v "$tool" >/dev/null 2>&1 || { tools+=(binutils); break; }
done
command -v icupkg >/dev/null 2>&1 || tools+=(icu-devtools)
if [ ${#tools[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  apt_install "${tools[@]}" || echo "build: WARNING: could not install ${tools[*]}; the bundle will not be slimmed" >&2
fi

rm -rf "$work/closedloop" "$dist/closedloop"
"$py" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist" --workpath "$work" packaging/closedloop.spec
[ -x "$dist/closedloop/closedloop" ] || { echo "build: $dist/closedloop/closedloop was not produced" >&2; exit 1; }

version=$("$py" packaging/bundle.py --version)
archive="$dist/closedloop-${version}-linux-$(uname -m).tar.gz"
mtime=$(git log -1 --format=%ct 2>/dev/null || date +%s)
# Archive members are closedloop-<version>/...; symlink targets inside _internal stay as they are.
tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@${SOURCE_DATE_EPOCH:-$mtime}" \
  --transform "s,^closedloop,closedloop-${version},rSH" -czf "$archive" -C "$dist" closedloop

if [ "$onefile" -eq 1 ]; then
  rm -rf "$work/onefile" "$dist/onefile"
  CLOSEDLOOP_ONEFILE=1 "$py" -m PyInstaller --noconfirm --log-level WARN --distpath "$dist/onefile" \
    --workpath "$work/onefile" packaging/closedloop.spec
fi

seconds=$(echo "$(date +%s.%N) - $start" | bc)
folder_bytes=$(du -sb "$dist/closedloop" | cut -f1)
archive_bytes=$(stat -c %s "$archive")
onefile_bytes=$([ "$onefile" -eq 1 ] && stat -c %s "$dist/onefile/closedloop" || echo null)
cat > "$dist/build-info.json" <<EOF
{"version": "$version", "seconds": $seconds, "folder_bytes": $folder_bytes, "archive": "$(basename "$archive")",
 "archive_bytes": $archive_bytes, "onefile_bytes": $onefile_bytes, "python": "$("$py" -c 'import platform; print(platform.python_version())')",
 "pyinstaller": "$("$py" -c 'import PyInstaller; print(PyInstaller.__version__)')", "cpus": $(nproc)}
EOF
printf 'build: %s in %.0f s\n' "$dist/closedloop/closedloop" "$seconds"
printf 'build: folder %s (%.1f MiB), archive %s (%.1f MiB)\n' "$dist/closedloop" "$(echo "$folder_bytes / 1048576" | bc -l)" \
  "$archive" "$(echo "$archive_bytes / 1048576" | bc -l)"
