"""Screenshots of the replay viewer, a fork comparison and luck versus skill (docs/screenshots/replay-*).

    QT_QPA_PLATFORM=offscreen .venv/bin/python tools/replay_screenshots.py [OUT] [--lang en|zh_CN ...]
    xvfb-run -a .venv/bin/python tools/replay_screenshots.py /tmp/shots --lang en

Plays the default scenario to its end (Xiaomi by a team on the advisor's plan with a price cut,
a lithium slump and a facilitator's port strike injected), saves it, opens it in the viewer and
drives the real windows. Settings and saves go to a temporary folder.
"""

import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from shots import fresh_profile, screenshot_args  # noqa: E402  (tools/ is this script's folder)


def played(path: Path) -> Path:
    """A finished 16-quarter game saved at ``path``."""
    from engine.game import Game
    from engine.injections import CustomEvent
    from engine.saves import save_game
    from engine.scenario import load_scenario

    strike = CustomEvent.from_dict({"id": "custom-port-strike", "headline": {"en": "Port strike at Shanghai",
                                                                            "zh": "上海港罢工"},
                                    "effects": {"capacity": -0.2, "brand": -0.05}, "duration": 2})
    game = Game.new(load_scenario("xiaomi-2024"), 7, human=("xiaomi",))
    while not game.finished:
        draft = game.suggest("xiaomi")
        draft = replace(draft, prices={**draft.prices, "su7": draft.prices["su7"] * 0.98})
        injected = {5: (("lithium-slump", None),), 9: ((strike, "byd"),)}.get(game.t, ())
        game.play_quarter({"xiaomi": draft}, injected=injected)
    save_game(game, path)
    return path


def settle(app, seconds: float = 0.3) -> None:
    """Run the event loop for a moment (deferred chart builds, paints)."""
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.005)


def wait(app, done, what: str, timeout: float = 120) -> None:
    end = time.monotonic() + timeout
    while not done():
        if time.monotonic() > end:
            raise SystemExit(f"timed out waiting for {what}")
        app.processEvents()
        time.sleep(0.005)


def shoot(app, widget, path: Path) -> None:
    settle(app)
    widget.grab().save(str(path))
    print(path)


def run(out: Path, lang: str, save: Path) -> None:
    from PySide6.QtWidgets import QApplication

    from app import i18n
    from app.replay.fork_form import NumberBox
    from app.replay.opening import open_replay

    i18n.install(lang)
    app = QApplication.instance()
    opener = open_replay(None, str(save))
    got = []
    opener.opened.connect(got.append)
    opener.failed.connect(lambda message: (_ for _ in ()).throw(SystemExit(message)))
    wait(app, lambda: got, "the viewer")
    window = got[0]
    window.resize(1500, 940)
    window.document.set_quarter(9)
    window.files.verify()
    wait(app, lambda: window.verdict is not None, "the verdict")
    shoot(app, window, out / f"replay-{lang}-viewer.png")
    window.view_box.setCurrentIndex(window.view_box.findData("xiaomi"))
    window.tables.setCurrentIndex(1)
    shoot(app, window, out / f"replay-{lang}-team-view.png")
    window.view_box.setCurrentIndex(0)
    window.tables.setCurrentIndex(0)
    dialog = window.files.fork_dialog()
    dialog.quarter.setCurrentIndex(5)
    price = dialog.findChild(NumberBox, "fork-xiaomi-prices-su7")
    price.setValue(price.value() * 0.9)
    dialog.findChild(NumberBox, "fork-xiaomi-marketing_budget").setValue(
        dialog.findChild(NumberBox, "fork-xiaomi-marketing_budget").value() * 1.5)
    dialog.show()
    shoot(app, dialog, out / f"replay-{lang}-fork-form.png")
    request = dialog.request()
    dialog.close()
    window.files.start_fork(request, str(save.with_name(f"fork-{lang}.closedloop")))
    wait(app, lambda: window.compare_windows, "the fork")
    compare = window.compare_windows[-1]
    compare.resize(1500, 900)
    shoot(app, compare, out / f"replay-{lang}-compare.png")
    luck = window.files.luck()
    luck.worlds.setValue(200)
    luck.start()
    wait(app, lambda: luck.result is not None, "luck versus skill")
    shoot(app, luck, out / f"replay-{lang}-luck.png")
    for w in (luck, compare, window):
        w.close()


def main() -> None:
    args = screenshot_args(__doc__.splitlines()[0])
    tmp = fresh_profile("replay-shots-")
    from app.main import setup

    setup(lang="en", theme_name="light")
    save = played(tmp / "xiaomi-2024-debrief.closedloop")
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    for lang in args.lang or ["en", "zh_CN"]:
        run(out, lang, save)


if __name__ == "__main__":
    main()
