"""What every screenshot tool under tools/ shares: its command line and a fresh, throw-away profile.

    from shots import fresh_profile, screenshot_args
"""

import argparse
import os
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def screenshot_args(description: str) -> argparse.Namespace:
    """Parse ``[OUT] [--lang en|zh_CN ...]``; ``out`` defaults to docs/screenshots, ``lang`` to None (both)."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("out", nargs="?", default=str(ROOT / "docs" / "screenshots"))
    parser.add_argument("--lang", action="append", choices=("en", "zh_CN"))
    return parser.parse_args()


def fresh_profile(prefix: str, saves: str = "") -> Path:
    """Point Qt at a screen (offscreen when there is no display) and the app's settings and saves
    at a new temporary folder, so a shot never shows nor changes the user's own; returns the folder.

    Call before the QApplication exists. ``saves`` names a sub-folder for the saves ("" = the folder).
    """
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QSettings

    folder = Path(tempfile.mkdtemp(prefix=prefix))
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    os.environ["CLOSEDLOOP_SAVE_DIR"] = str(folder / saves if saves else folder)
    return folder
