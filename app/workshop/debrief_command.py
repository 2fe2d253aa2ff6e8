"""``closedloop debrief FILE --out DIR``: write the debrief pack of a saved workshop (or any game).

Renders with Qt offscreen when there is no display (charts with pyqtgraph, the PDF with
QPdfWriter), so it is a Qt command of the app (:mod:`app.commands`). Prints the files written.
"""

import os
import sys
from pathlib import Path

from engine.cli.common import non_negative_int
from engine.errors import ClosedLoopError

DEFAULT_WORLDS = 50


def register(sub) -> None:
    """Add the ``debrief`` subcommand."""
    parser = sub.add_parser("debrief", help="write a workshop's debrief pack: HTML and PDF with charts, and CSV")
    parser.add_argument("file", metavar="FILE", help="a saved workshop (or any saved game)")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the pack (created)")
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en", help="language of the pack")
    parser.add_argument("--worlds", type=non_negative_int, default=DEFAULT_WORLDS,
                        help=f"other worlds for luck versus skill (0 leaves it out; default {DEFAULT_WORLDS})")
    parser.set_defaults(handler=run)


def run(args) -> int:
    """Write the pack; one line per file on stdout."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from engine.saves.worlds import MAX_WORLDS

    if args.worlds > MAX_WORLDS:
        raise ClosedLoopError(f"--worlds: at most {MAX_WORLDS:,}")
    from ..main import setup
    from .debrief_render import collect_from_file, write_pack

    setup(lang=args.lang, theme_name="light")
    data = collect_from_file(args.file, args.worlds)
    try:
        files = write_pack(data, Path(args.out), args.file)
    except OSError as exc:
        raise ClosedLoopError(f"{args.out}: cannot write ({exc.strerror or exc})") from None
    for path in files:
        print(path)
    return 0
