"""``closedloop selftest --out DIR [--lang en|zh_CN]``: drive the real main window and take screenshots.

Opens the main window (offscreen when there is no display), starts the default campaign, changes
a price by typing into its field, runs a preview, plays two quarters, opens the report and writes
PNG screenshots into DIR. Exit 0 when every step worked, 1 with the reason otherwise. Settings
and autosaves go to a temporary folder, so the user's own are untouched. Used to smoke-test the
installed or frozen app: it finds scenarios and assets the same way the app does.
"""

import os
import sys
import tempfile
import time
from pathlib import Path

from engine.cli.common import positive_int

SHOTS = ("01-main.png", "02-preview.png", "03-report.png", "04-explain.png")


class SelftestFailure(Exception):
    """A step of the self-test did not do what it should."""


def register(sub) -> None:
    """Add the ``selftest`` subcommand."""
    parser = sub.add_parser("selftest", help="open the real window, play two quarters, write screenshots")
    parser.add_argument("--out", required=True, metavar="DIR", help="folder for the PNG screenshots")
    parser.add_argument("--lang", choices=("en", "zh_CN"), default="en", help="language of the window")
    parser.add_argument("--futures", type=positive_int, default=300, help="futures of the preview (default 300)")
    parser.add_argument("--timeout", type=positive_int, default=180, help="seconds allowed per step (default 180)")
    parser.set_defaults(handler=run)


def run(args) -> int:
    """Run the self-test; print one line per screenshot, or the reason it failed."""
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")) and sys.platform.startswith("linux"):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    out = Path(args.out)
    try:
        out.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryDirectory(prefix="closedloop-selftest-") as tmp:
            for path in _drive(args, out, Path(tmp)):
                print(path)
    except SelftestFailure as exc:
        print(f"selftest: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"selftest: cannot write to {out}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # anything unexpected is a failed self-test, with its reason
        print(f"selftest: {type(exc).__name__}: {exc}", file=sys.stderr)
        return 1
    print(f"selftest: ok ({args.lang})")
    return 0


def _wait(app, condition, timeout: float, what: str) -> None:
    from PySide6.QtCore import QEventLoop

    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise SelftestFailure(f"timed out after {timeout:.0f} s waiting for {what}")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        time.sleep(0.002)
    app.processEvents()


def _shot(widget, path: Path) -> Path:
    from PySide6.QtWidgets import QApplication

    QApplication.processEvents()
    image = widget.grab()
    if image.isNull() or image.width() < 200 or not image.save(str(path), "PNG"):
        raise SelftestFailure(f"could not write the screenshot {path}")
    if path.stat().st_size < 5000:
        raise SelftestFailure(f"the screenshot {path} is nearly empty")
    return path


def _drive(args, out: Path, tmp: Path) -> list:
    from PySide6.QtCore import QSettings, Qt
    from PySide6.QtTest import QTest

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp))
    from engine.scenario import list_scenarios

    from . import i18n, settings
    from .main import setup
    from .session import Session
    from .shell import Shell
    from .widgets.decision_pages import PricingPage
    from .widgets.explain import show_explanation
    from .windows.new_campaign import default_scenario

    app = setup(lang=args.lang, theme_name="light")
    settings.put("autosave", False)  # the player's save folder stays untouched
    if i18n.current() != args.lang:
        raise SelftestFailure(f"language {args.lang} could not be installed")
    scenarios = list_scenarios()
    if not scenarios:
        raise SelftestFailure("no scenarios found")
    session = Session()
    session.new_game(default_scenario(scenarios))
    window = Shell().play(session)
    window.resize(1500, 940)
    app.processEvents()

    # change a decision through the widgets: type a lower price into the first model's field
    window.decisions.show_page(0)
    page = window.decisions.page(PricingPage)
    path = next(iter(page.fields))
    field = page.fields[path]
    before = session.draft
    new_price = field.edit.text()
    target = (i18n.parse(new_price) * field.factor - 5000.0) / field.factor
    field.edit.clear()
    QTest.keyClicks(field.edit, field.display(target * field.factor))
    QTest.keyClick(field.edit, Qt.Key.Key_Return)
    app.processEvents()
    if session.draft is before or session.undo_stack.count() != 1:
        raise SelftestFailure(f"typing a price into {path} did not change the draft ({field.message.text()})")

    stopped = []
    session.forecastStopped.connect(stopped.append)
    window.preview.futures.setMinimum(1)
    window.preview.futures.setValue(args.futures)
    window.run_preview()
    _wait(app, lambda: session.forecast is not None or stopped, args.timeout, "the preview")
    if stopped:
        raise SelftestFailure(f"the preview stopped: {stopped[0] or 'cancelled'}")
    shots = [_shot(window, out / SHOTS[1])]

    for quarter in (1, 2):
        window.tabs.setCurrentWidget(window.dashboard)
        t = session.game.t
        window.end_quarter()
        _wait(app, lambda: session.game.t == t + 1 and not session.busy, args.timeout, f"quarter {quarter}")
    if session.drivers is None:
        raise SelftestFailure("the second quarter has no driver waterfall")
    shots.insert(0, _shot(window, out / SHOTS[0]))
    report = window.open_report()
    if report is None or not report.isVisible():
        raise SelftestFailure("the quarterly report did not open")
    report.resize(1360, 920)
    shots.append(_shot(report, out / SHOTS[2]))
    dialog = show_explanation(session, "unit_cost", window)
    dialog.resize(900, 560)
    shots.append(_shot(dialog, out / SHOTS[3]))
    for widget in (dialog, report, window):
        widget.close()
    session.wait()
    return shots
