"""Screenshots of the start screen (docs/screenshots/{en,zh_CN}-start.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/start_screenshots.py [OUT] [--lang en|zh_CN ...]

Shows the real start window in each language with a fresh profile (settings and saves in a
temporary folder, so *Continue* is disabled as for a new player) and grabs it.
"""

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))


def shoot(lang: str, out: Path) -> Path:
    """Show the start window in ``lang`` and write ``out/{lang}-start.png``."""
    from PySide6.QtWidgets import QApplication

    from app.main import setup
    from app.shell import Shell

    setup(lang=lang, theme_name="light")
    shell = Shell()
    window = shell.show_start()
    QApplication.processEvents()
    path = out / f"{lang}-start.png"
    if not window.grab().save(str(path), "PNG"):
        raise SystemExit(f"could not write {path}")
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return path


def main() -> None:
    """Write the start screen's screenshot for each ``--lang`` (default both) into OUT."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--lang", action="append", choices=("en", "zh_CN"))
    args = parser.parse_args()
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    tmp = Path(tempfile.mkdtemp(prefix="start-shots-"))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    os.environ["CLOSEDLOOP_SAVE_DIR"] = str(tmp)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lang in args.lang or ["en", "zh_CN"]:
        print(shoot(lang, out))


if __name__ == "__main__":
    main()
