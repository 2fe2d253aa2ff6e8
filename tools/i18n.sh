#!/usr/bin/env bash
# Update the translation source (app/translations/closedloop_zh_CN.ts) from every string marked
# for translation in app/, then compile it to the .qm the app loads. Translate new strings with
# Qt Linguist (.venv/bin/pyside6-linguist app/translations/closedloop_zh_CN.ts) and run this again.
set -euo pipefail
cd "$(dirname "$0")/.."
ts=app/translations/closedloop_zh_CN.ts
mapfile -t sources < <(find app -name '*.py' | sort)
.venv/bin/pyside6-lupdate "${sources[@]}" -no-obsolete -locations none -target-language zh_CN -ts "$ts"
.venv/bin/pyside6-lrelease "$ts" -qm app/translations/closedloop_zh_CN.qm
