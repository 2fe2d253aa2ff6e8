"""Screenshots of the start screen (docs/screenshots/{en,zh_CN}-start.png).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/start_screenshots.py [OUT] [--lang en|zh_CN ...]

Shows the real start window in each language with a fresh profile (settings and saves in a
temporary folder, so *Continue* is disabled as for a new player) and grabs it.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shots import fresh_profile, screenshot_args  # noqa: E402  (tools/ is this script's folder)


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
    args = screenshot_args(__doc__.splitlines()[0])
    fresh_profile("start-shots-")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lang in args.lang or ["en", "zh_CN"]:
        print(shoot(lang, out))


if __name__ == "__main__":
    main()
