"""Helpers for the replay viewer tests: real saves in tmp folders, opening them in the viewer."""

import hashlib
import shutil
import sys
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = ROOT / "tests" / "saves" / "golden" / "v1.closedloop"
sys.path.insert(0, str(ROOT / "tests" / "saves"))

from save_helpers import resign, sql  # noqa: E402,F401  (the save tests' forging tools)


def digest(path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def copy_golden(folder: Path, name: str = "golden.closedloop") -> Path:
    """A private copy of the committed v1 golden save (4 quarters, Xiaomi played by a team)."""
    path = folder / name
    shutil.copyfile(GOLDEN, path)
    return path


def played_save(scenario, path: Path, quarters: int = 5, seed: int = 5) -> Path:
    """A freshly played game saved at ``path``: Xiaomi by a team (an AI draft with a price cut),
    every rival on the normal AI."""
    from engine.game import Game
    from engine.saves import save_game

    game = Game.new(scenario, seed, human=("xiaomi",))
    for _ in range(quarters):
        draft = game.suggest("xiaomi")
        game.play_quarter({"xiaomi": replace(draft, prices={**draft.prices, "su7": draft.prices["su7"] * 0.97})})
    save_game(game, path)
    return path


def outcome(qtbot, ok_signal, stop_signal, timeout: int = 30_000) -> dict:
    """Run the event loop until ``ok_signal`` or ``stop_signal`` fires: ``{"ok": args}`` or
    ``{"stopped": message}``."""
    out = {}
    ok_signal.connect(lambda *args: out.setdefault("ok", args[0] if args else None))
    stop_signal.connect(lambda message: out.setdefault("stopped", message))
    qtbot.waitUntil(lambda: bool(out), timeout=timeout)
    return out


def open_viewer(qtbot, path, timeout: int = 20_000):
    """Open ``path`` through the viewer's entry point and return the ReplayWindow."""
    from app.replay.opening import open_replay

    opener = open_replay(None, str(path))
    out = outcome(qtbot, opener.opened, opener.failed, timeout)
    assert "ok" in out, out
    window = out["ok"]
    qtbot.addWidget(window)
    return window


def finish(qtbot, job, timeout: int = 30_000):
    """Wait for a viewer job; return its result (fails with the job's message otherwise)."""
    out = outcome(qtbot, job.done, job.stopped, timeout)
    assert "ok" in out, f"the job stopped: {out.get('stopped')!r}"
    return out["ok"]
