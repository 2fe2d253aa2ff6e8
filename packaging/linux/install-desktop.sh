#!/usr/bin/env bash
# Add Closed Loop to your desktop's application menu, for your user only (no root needed).
#   ./install-desktop.sh              add a menu entry and icon that start ./closedloop from this folder
#   ./install-desktop.sh --uninstall  remove them again
# Neither touches your saved games: they live in ${XDG_DATA_HOME:-~/.local/share}/ (see INSTALL.txt).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
data="${XDG_DATA_HOME:-$HOME/.local/share}"
entry="$data/applications/closedloop.desktop"
icon="$data/icons/hicolor/256x256/apps/closedloop.png"

refresh() {
  command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$data/applications" || true
}

case "${1:-}" in
  --uninstall)
    rm -f "$entry" "$icon"
    refresh
    echo "Removed the menu entry. Delete this folder to remove the game; saved games were left alone."
    exit 0 ;;
  "") ;;
  *) echo "usage: $0 [--uninstall]" >&2; exit 2 ;;
esac

[ -x "$here/closedloop" ] || { echo "install-desktop.sh: $here/closedloop not found" >&2; exit 1; }
# Desktop-entry quoting: the path in double quotes; \ " ` $ become \\x (string escape, then
# quoting rule: Desktop Entry Specification, "The Exec key"), and % is doubled.
exec_path=$(printf '%s' "$here/closedloop" | sed -e 's/[\\"`$]/\\\\&/g' -e 's/%/%%/g')
mkdir -p "$(dirname "$entry")" "$(dirname "$icon")"
install -m 644 "$here/closedloop.png" "$icon"
while IFS= read -r line; do
  case "$line" in
    Exec=*) printf 'Exec="%s"\n' "$exec_path" ;;
    *) printf '%s\n' "$line" ;;
  esac
done < "$here/closedloop.desktop" > "$entry.tmp"
chmod 644 "$entry.tmp"
mv "$entry.tmp" "$entry"
refresh
echo "Added Closed Loop to your application menu ($entry)."
