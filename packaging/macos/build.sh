#!/usr/bin/env bash
# Build the macOS app and disk image of Closed Loop (macOS 11+, Xcode command-line tools,
# Python 3.11+ from python.org or Homebrew):
#   bash packaging/macos/build.sh
# 1. a virtual environment .venv with the project and PyInstaller (the "packaging" extra);
# 2. PyInstaller with packaging/closedloop.spec -> "dist/Closed Loop.app" (Info.plist from
#    packaging/bundle.py: bundle id, version, icon, high-DPI, en/zh_CN);
# 3. a smoke test of the frozen app (CLI, and `selftest` offscreen when --help lists it);
# 4. optional signing: CODESIGN_IDENTITY="Developer ID Application: …" signs with the hardened
#    runtime; notarise the .dmg afterwards with
#      xcrun notarytool submit dist/ClosedLoop-*.dmg --keychain-profile PROFILE --wait
#      xcrun stapler staple dist/ClosedLoop-*.dmg
# 5. hdiutil -> dist/ClosedLoop-<version>-macos-<arch>.dmg (the app and an Applications link).
# Saved games live in ~/Library/Application Support/…; deleting the app leaves them alone.
set -euo pipefail
cd "$(dirname "$0")/../.."
[ "$(uname -s)" = Darwin ] || { echo "macos/build.sh: run this on macOS" >&2; exit 2; }

[ -x .venv/bin/python ] || python3 -m venv .venv
py=.venv/bin/python
"$py" -m pip install --quiet -e ".[packaging]"

app="dist/Closed Loop.app"
rm -rf build/closedloop dist/closedloop "$app"
"$py" -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build packaging/closedloop.spec
version=$("$py" packaging/bundle.py --version)

exe="$app/Contents/MacOS/closedloop"
smoke=$(mktemp -d)
QT_QPA_PLATFORM=offscreen "$exe" --version
QT_QPA_PLATFORM=offscreen "$exe" scenarios
QT_QPA_PLATFORM=offscreen "$exe" play --scenario xiaomi-2024 --quarters 2 --json "$smoke/play.json"
if QT_QPA_PLATFORM=offscreen "$exe" --help | grep -q selftest; then
  for lang in en zh_CN; do
    QT_QPA_PLATFORM=offscreen "$exe" selftest --out "$smoke/$lang" --lang "$lang"
    [ "$(find "$smoke/$lang" -name '*.png' | wc -l)" -ge 3 ] || { echo "selftest --lang $lang: too few screenshots" >&2; exit 1; }
  done
fi
rm -rf "$smoke"

if [ -n "${CODESIGN_IDENTITY:-}" ]; then
  codesign --force --deep --options runtime --timestamp --sign "$CODESIGN_IDENTITY" "$app"
  codesign --verify --deep --strict "$app"
fi

dmg="dist/ClosedLoop-${version}-macos-$(uname -m).dmg"
staging=$(mktemp -d)
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
hdiutil create -volname "Closed Loop ${version}" -srcfolder "$staging" -fs HFS+ -format UDZO -ov "$dmg"
rm -rf "$staging"
[ -z "${CODESIGN_IDENTITY:-}" ] || codesign --sign "$CODESIGN_IDENTITY" --timestamp "$dmg"
echo "macos: $app and $dmg ($(du -h "$dmg" | cut -f1))"
