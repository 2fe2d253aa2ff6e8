#!/usr/bin/env bash
# Smoke-test the frozen Linux bundle the way a user runs it (after bash packaging/build.sh):
#   bash packaging/smoke.sh [BUNDLE]          BUNDLE defaults to dist/closedloop
# The bundle is copied to a temporary folder (an "install" away from the checkout) and run with
# `env -i`: HOME is an empty folder, PATH has no venv, QT_QPA_PLATFORM=offscreen, cwd is empty.
# Checks: --help/--version/scenarios/play and a bad-input exit; the first window opens (a hidden
# probe in packaging/frozen_probe.py checks scenarios, translations, fonts, icon, ICU, SQLite, TLS,
# OpenGL and the data directory from inside the frozen process, and screenshots the window, in
# English and Chinese, offscreen and under Xvfb when xvfb-run exists); `closedloop selftest` in
# en and zh_CN whenever `closedloop --help` lists it; a save written to engine.saves'
# default_save_dir() and replayed with --verify; nothing is written into the bundle or the working
# folder, and every save file lands in the platform data directory.
# Exit 0 when everything passes; the screenshots are kept in SMOKE_KEEP=DIR if set.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle="${1:-dist/closedloop}"
[ -x "$bundle/closedloop" ] || { echo "smoke: $bundle/closedloop not found (run bash packaging/build.sh)" >&2; exit 2; }
python=$(command -v python3)  # the system's, only to read JSON; the bundle never sees it
version=$(.venv/bin/python packaging/bundle.py --version 2>/dev/null || "$python" packaging/bundle.py --version)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp -a "$bundle" "$work/app"
mkdir "$work/home" "$work/cwd" "$work/out"
app="$work/app/closedloop"
find "$work/app" -printf '%P %s %T@\n' | sort > "$work/manifest.before"
failures=0

run() {  # run ARGS... in the clean environment (extra VAR=value pairs before the command)
  (cd "$work/cwd" && env -i HOME="$work/home" PATH=/usr/bin:/bin LANG="${SMOKE_LANG:-C.UTF-8}" \
    QT_QPA_PLATFORM=offscreen "$@")
}
pass() { printf 'ok    %s\n' "$1"; }
fail() { printf 'FAIL  %s\n' "$1"; failures=$((failures + 1)); }
check() {  # check NAME COMMAND...: pass when COMMAND succeeds
  local name="$1"; shift
  if "$@" >"$work/out/last.log" 2>&1; then pass "$name"; else fail "$name"; sed 's/^/      /' "$work/out/last.log" | tail -20; fi
}

help=$(run "$app" --help 2>&1) && [[ "$help" == *play* && "$help" == *scenarios* ]] \
  && pass "closedloop --help lists play and scenarios" || { fail "closedloop --help"; echo "$help"; }
out=$(run "$app" --version 2>&1) && [ "$out" = "closedloop $version" ] \
  && pass "closedloop --version = $version" || fail "closedloop --version printed: $out"
out=$(run "$app" scenarios 2>&1) && [[ "$out" == *xiaomi-2024* ]] \
  && pass "closedloop scenarios finds the bundled scenarios" || { fail "closedloop scenarios"; echo "$out"; }
check "closedloop play --scenario xiaomi-2024 --quarters 2 --json" run "$app" play --scenario xiaomi-2024 \
  --quarters 2 --json "$work/out/play.json"
check "play JSON has two quarters" "$python" -c "import json,sys; q=json.load(open(sys.argv[1]))['quarters']; \
assert [x['quarter'] for x in q] == ['2024Q1', '2024Q2'], q" "$work/out/play.json"
set +e
err=$(run "$app" play --scenario no-such-scenario 2>&1 >/dev/null); code=$?
set -e
[ "$code" -eq 2 ] && [ "$(printf '%s\n' "$err" | wc -l)" -eq 1 ] \
  && pass "bad input exits 2 with one line" || fail "bad input: exit $code, stderr: $err"

probe() {  # probe NAME [VAR=value...] [xvfb-run -a]: open the first window with the packaging probe
  local name="$1"; shift
  local dir="$work/out/probe-$name"
  if run CLOSEDLOOP_PACKAGING_PROBE="$dir" CLOSEDLOOP_PROBE_T0="$(date +%s.%N)" \
      CLOSEDLOOP_PROBE_EXPECT_VERSION="$version" "$@" "$app" >"$dir.log" 2>&1 \
      && "$python" - "$dir/probe.json" <<'EOF'
import json, sys
result = json.load(open(sys.argv[1]))
bad = {k: v for k, v in result.get("checks", {}).items() if not v["ok"]}
print(f"      window {result.get('window', {}).get('class')} after {result.get('start_to_window_s')} s; "
      f"fonts {result['checks']['fonts']['detail'].get('cjk_families')}; "
      f"app translations {result['checks']['translations']['detail'].get('app')}")
sys.exit(0 if result.get("ok") and not bad else f"      failed checks: {json.dumps(bad, ensure_ascii=False)}")
EOF
  then pass "first window ($name): resources, ICU, SQLite, TLS, OpenGL, data dir checked in the frozen app"
  else fail "first window ($name)"; tail -20 "$dir.log" | sed 's/^/      /'; fi
}
probe en
SMOKE_LANG=zh_CN.UTF-8 probe zh_CN LANGUAGE=zh_CN
if command -v xvfb-run >/dev/null 2>&1; then
  probe xcb QT_QPA_PLATFORM=xcb /usr/bin/xvfb-run -a
fi

save_dir=$("$python" -c "import json,sys; print(json.load(open(sys.argv[1]))['checks']['data_dir']['detail']\
.get('default_save_dir', ''))" "$work/out/probe-en/probe.json" 2>/dev/null || true)
if [[ "$help" == *replay* && -n "$save_dir" ]]; then
  mkdir -p "$save_dir"
  check "play --save into the data directory, then replay --verify" run sh -c \
    '"$0" play --scenario xiaomi-2024 --quarters 2 --save "$1" >/dev/null && "$0" replay "$1" --verify' \
    "$app" "$save_dir/smoke.closedloop"
else
  echo "skip  saving and replaying (no engine.saves / replay in this build)"
fi

if [[ "$help" == *selftest* ]]; then
  for lang in en zh_CN; do
    shots="$work/out/selftest-$lang"
    if run "$app" selftest --out "$shots" --lang "$lang" >"$shots.log" 2>&1 \
        && [ "$(find "$shots" -name '*.png' | wc -l)" -ge 3 ]; then
      pass "closedloop selftest --lang $lang ($(find "$shots" -name '*.png' | wc -l) screenshots)"
    else
      fail "closedloop selftest --lang $lang"; tail -20 "$shots.log" | sed 's/^/      /'
    fi
  done
else
  echo "skip  closedloop selftest (not in this build's --help yet: the desktop app branch adds it)"
fi

find "$work/app" -printf '%P %s %T@\n' | sort > "$work/manifest.after"
diff -q "$work/manifest.before" "$work/manifest.after" >/dev/null \
  && pass "nothing written into the bundle folder" || { fail "the bundle folder changed"; diff "$work/manifest.before" "$work/manifest.after" | head; }
[ -z "$(ls -A "$work/cwd")" ] && pass "nothing written into the working folder" \
  || fail "files written into the working folder: $(ls -A "$work/cwd")"
saves=$(find "$work/home" "$work/cwd" -type f -exec sh -c 'head -c 16 "$1" | grep -q "SQLite format 3"' _ {} \; -print)
if [ -z "$saves" ]; then
  echo "skip  save files (none written)"
elif ! printf '%s\n' "$saves" | grep -v "^$work/home/.local/share/" >/dev/null; then
  pass "save files are in the data directory: ${saves//$work\/home/\~}"
else
  fail "save files outside ~/.local/share: $saves"
fi

if [ -n "${SMOKE_KEEP:-}" ]; then
  mkdir -p "$SMOKE_KEEP" && cp -r "$work/out/." "$SMOKE_KEEP/" && echo "smoke: outputs kept in $SMOKE_KEEP"
fi
if [ "$failures" -gt 0 ]; then
  echo "smoke: $failures check(s) failed"
  exit 1
fi
echo "smoke: all checks passed"
