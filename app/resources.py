"""Where the app's files are, from a source checkout, an installed package or a PyInstaller bundle."""

import logging
import os
import sys
from pathlib import Path

log = logging.getLogger(__name__)

APP_DIR = Path(__file__).resolve().parent
CJK_FAMILY = "WenQuanYi Micro Hei"
BUNDLED_FONT = "fonts/wqy-microhei.ttc"
APP_ICON = "icons/closedloop.svg"


def asset_dirs() -> list:
    """Folders searched for assets, in order: ``$CLOSEDLOOP_ASSETS``, a frozen bundle's
    ``assets/``, then the project's ``assets/`` next to the ``app`` package."""
    dirs = [Path(p) for p in os.environ.get("CLOSEDLOOP_ASSETS", "").split(os.pathsep) if p]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        dirs.append(Path(frozen) / "assets")
    dirs.append(APP_DIR.parent / "assets")
    return dirs


def asset_path(relative: str) -> Path | None:
    """Return the first existing ``relative`` file among :func:`asset_dirs`, or None."""
    for folder in asset_dirs():
        candidate = folder / relative
        if candidate.is_file():
            return candidate
    return None


def translations_dir() -> Path:
    """Folder holding the ``.qm`` files (inside the ``app`` package, also when frozen)."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen and (Path(frozen) / "app" / "translations").is_dir():
        return Path(frozen) / "app" / "translations"
    return APP_DIR / "translations"


def ensure_cjk_font(force_bundled: bool = False) -> str | None:
    """Make sure Chinese renders with real glyphs.

    Uses an installed font that covers Simplified Chinese when there is one; otherwise (or with
    ``force_bundled``) loads the bundled WenQuanYi Micro Hei with ``QFontDatabase.addApplicationFont``
    and adds it to the application font's fallback families.

    Returns:
        The family used for Chinese, or None when neither is available (text shows boxes).
    """
    from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication

    installed = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    if installed and not force_bundled:
        return CJK_FAMILY if CJK_FAMILY in installed else installed[0]
    path = asset_path(BUNDLED_FONT)
    if path is None:
        log.warning("no Chinese font installed and the bundled %s is missing", BUNDLED_FONT)
        return None
    font_id = QFontDatabase.addApplicationFont(str(path))
    families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
    if not families:
        log.warning("cannot load bundled font %s", path)
        return None
    font = QGuiApplication.font()
    font.setFamilies([font.family(), families[0]])
    QGuiApplication.setFont(QFont(font))
    log.info("loaded bundled Chinese font %s from %s", families[0], path)
    return families[0]
