#!/usr/bin/env bash
# Install everything (see tools/setup.sh) with the test extras and run the whole test suite
# offscreen. Extra arguments go to pytest (e.g. bash tools/test.sh -k pricing).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh test
export QT_QPA_PLATFORM=offscreen
exec .venv/bin/python -m pytest -q "$@"
