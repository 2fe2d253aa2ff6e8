#!/usr/bin/env bash
# Print the packaging budgets' figures for a built bundle (after bash packaging/build.sh):
#   bash packaging/measure.sh [BUNDLE] [RUNS]     BUNDLE defaults to dist/closedloop, RUNS to 5
# Build time and archive size (from dist/build-info.json), folder size, the largest files, size by
# component, the oldest glibc it runs on, and the time from process start to the first window
# shown (the packaging probe, offscreen and under Xvfb), in a clean environment (`env -i`, empty
# HOME). Start times are with a warm page cache (the bundle was just built or run).
# Budgets (issue 8): folder <= 150 MB, archive <= 70 MB, first window <= 2 s, build <= 3 min.
set -euo pipefail
cd "$(dirname "$0")/.."
bundle="${1:-dist/closedloop}"
runs="${2:-5}"
[ -x "$bundle/closedloop" ] || { echo "measure: $bundle/closedloop not found (run bash packaging/build.sh)" >&2; exit 2; }
python=$(command -v python3)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/home"

window_times() {  # window_times LABEL [VAR=value...] [wrapper...]: RUNS probe runs, one figure per line
  local label="$1"; shift
  for i in $(seq "$runs"); do
    env -i HOME="$work/home" PATH=/usr/bin:/bin LANG=C.UTF-8 QT_QPA_PLATFORM=offscreen \
      CLOSEDLOOP_PACKAGING_PROBE="$work/probe-$label-$i" "$@" "$bundle/closedloop" >/dev/null 2>&1
    "$python" -c "import json,sys; print(json.load(open(sys.argv[1]))['start_to_window_s'])" \
      "$work/probe-$label-$i/probe.json"
  done > "$work/$label.txt"
}
window_times offscreen
if command -v xvfb-run >/dev/null 2>&1; then
  window_times xcb QT_QPA_PLATFORM=xcb /usr/bin/xvfb-run -a
fi
for i in $(seq "$runs"); do
  s=$(date +%s.%N)
  env -i HOME="$work/home" PATH=/usr/bin:/bin "$bundle/closedloop" --version >/dev/null
  echo "$(date +%s.%N) - $s" | bc
done > "$work/cli.txt"

"$python" - "$bundle" "$work" <<'EOF'
import json, os, statistics, sys
from pathlib import Path

sys.path.insert(0, "packaging")
import native

bundle, work = Path(sys.argv[1]), Path(sys.argv[2])
MiB = 1024 * 1024
info_path = bundle.parent / "build-info.json"
info = json.loads(info_path.read_text()) if info_path.exists() else {}
files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
total = sum(p.stat().st_size for p in files)

def fmt(n):
    return f"{n / MiB:6.1f} MiB ({n / 1e6:5.1f} MB)"

print(f"bundle            {bundle}  version {info.get('version', '?')}, Python {info.get('python', '?')}, "
      f"PyInstaller {info.get('pyinstaller', '?')}")
if info:
    print(f"build time        {info['seconds']:6.0f} s on {info['cpus']} CPUs (budget 180 s; "
          "includes tools/setup.sh and the archive)")
print(f"one folder        {fmt(total)}  {len(files)} files (budget 150 MB)")
if info:
    print(f"archive           {fmt(info['archive_bytes'])}  {info['archive']} (budget 70 MB)")
    if info.get("onefile_bytes"):
        print(f"onefile           {fmt(info['onefile_bytes'])}")
print(f"oldest glibc      {native.glibc_required(bundle)}")

groups = {"Qt libraries (PySide6/Qt/lib, ICU excluded)": lambda r: r.startswith("_internal/PySide6/Qt/lib/libQt6"),
          "ICU (libicu*)": lambda r: "/libicu" in r,
          "Qt plugins": lambda r: r.startswith("_internal/PySide6/Qt/plugins/"),
          "PySide6/shiboken6 bindings": lambda r: r.startswith(("_internal/PySide6/", "_internal/shiboken6/",
                                                                 "_internal/libpyside6", "_internal/libshiboken6")),
          "numpy + OpenBLAS/gfortran": lambda r: r.startswith(("_internal/numpy", "_internal/libscipy_openblas",
                                                                "_internal/libgfortran", "_internal/libquadmath")),
          "Python (libpython, lib-dynload, base_library)": lambda r: "libpython" in r or "/lib-dynload/" in r
          or r.endswith("base_library.zip"),
          "executable (bootloader + compiled Python modules)": lambda r: r == "closedloop",
          "pyqtgraph (modules, colour maps, icons)": lambda r: r.startswith("_internal/pyqtgraph/"),
          "data (scenarios, assets, translations, licences)": lambda r: r.startswith(
              ("_internal/scenarios/", "_internal/assets/", "_internal/app/", "licenses/")),
          "system libraries (xcb extensions, xkbcommon, SQLite, ...)": lambda r: r.startswith("_internal/lib")}
sizes = dict.fromkeys(groups, 0)
sizes["other"] = 0
for p in files:
    rel = p.relative_to(bundle).as_posix()
    sizes[next((g for g, test in groups.items() if test(rel)), "other")] += p.stat().st_size
print("by component")
for group, size in sorted(sizes.items(), key=lambda kv: -kv[1]):
    print(f"  {fmt(size)}  {group}")
print("largest files")
for p in sorted(files, key=lambda p: -p.stat().st_size)[:15]:
    print(f"  {fmt(p.stat().st_size)}  {p.relative_to(bundle)}")

for label, title in (("offscreen", "first window, offscreen"), ("xcb", "first window, Xvfb (xcb)")):
    path = work / f"{label}.txt"
    if path.exists():
        times = [float(t) for t in path.read_text().split()]
        print(f"{title:<26}median {statistics.median(times):.3f} s, max {max(times):.3f} s over {len(times)} runs "
              f"(budget 2 s): {' '.join(f'{t:.3f}' for t in times)}")
cli = [float(t) for t in (work / "cli.txt").read_text().split()]
print(f"{'closedloop --version':<26}median {statistics.median(cli):.3f} s (whole process)")
EOF
