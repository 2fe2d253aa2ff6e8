#!/usr/bin/env bash
# Install everything Closed Loop needs (see tools/setup.sh) and open the game.
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
exec .venv/bin/closedloop "$@"
