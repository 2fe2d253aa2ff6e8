#!/usr/bin/env bash
# Set up Closed Loop on a fresh Debian/Ubuntu machine: the system libraries Qt needs, a CJK font,
# and a virtual environment in .venv with the project installed (editable).
#   bash tools/setup.sh [EXTRAS]     e.g. bash tools/setup.sh test
# Idempotent: packages and Python dependencies already present are not reinstalled.
set -euo pipefail
cd "$(dirname "$0")/.."
extras="${1:-}"

apt_packages=(
  libegl1 libgl1 libglib2.0-0 libdbus-1-3 libfontconfig1 libxkbcommon0 libxkbcommon-x11-0
  libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0 libxcb-shape0
  libxcb-randr0 libxcb-xinerama0 libxcb-xkb1 fonts-wqy-microhei xvfb xauth
)
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
apt_install() {
  echo "setup: installing system packages: $*"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}
missing=()
for pkg in "${apt_packages[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
[ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"

python=""
for candidate in python3.11 python3.12 python3.13 python3; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    python="$candidate"; break
  fi
done
if [ -z "$python" ]; then
  echo "setup: Python 3.11 or newer is needed (Debian: apt-get install python3 python3-venv)" >&2
  exit 1
fi
# Debian splits venv/ensurepip out of the interpreter (python3.X-venv); without it `python -m venv`
# fails half-way and leaves a .venv with no pip, so a usable .venv is one whose pip runs.
if ! { [ -x .venv/bin/python ] && .venv/bin/python -m pip --version >/dev/null 2>&1; }; then
  if ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
    version="$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')"
    if command -v apt-get >/dev/null 2>&1; then
      apt_install "python${version}-venv" || apt_install python3-venv
    fi
  fi
  rm -rf .venv
  "$python" -m venv .venv || { echo "setup: cannot make a virtual environment (Debian: apt-get install python3-venv)" >&2; exit 1; }
fi
spec="."
[ -n "$extras" ] && spec=".[${extras}]"
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e "$spec"
