"""Fixtures for save-file tests: real games, real SQLite files in tmp_path, no Qt."""

import shutil
import sys
from dataclasses import replace
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
GOLDEN = HERE / "golden"


@pytest.fixture(autouse=True)
def no_qt_imported():
    """Save tests never import Qt, pyqtgraph or app/."""
    before = {m for m in sys.modules if m.startswith(("PySide6", "pyqtgraph"))}
    yield
    after = {m for m in sys.modules if m.startswith(("PySide6", "pyqtgraph"))}
    assert after <= before, f"save test imported Qt: {sorted(after - before)[:3]}"


def play(scenario, seed=5, quarters=5, human=("xiaomi",), inject_at=2):
    """A game with people's decisions (an AI draft with a price cut) and one injected event."""
    from engine.game import Game

    game = Game.new(scenario, seed, human=human)
    for t in range(quarters):
        decisions = {}
        for firm in human:
            draft = game.suggest(firm)
            model = next(iter(draft.prices))
            decisions[firm] = replace(draft, prices={**draft.prices, model: draft.prices[model] * (0.97 - 0.01 * t)})
        injected = (("lithium-slump", None),) if t == inject_at else ()
        game.play_quarter(decisions, injected=injected)
    return game


@pytest.fixture(scope="session")
def game5(scenario):
    """Five quarters of the default scenario, Xiaomi played by a person."""
    return play(scenario)


@pytest.fixture
def save5(game5, tmp_path):
    """``game5`` saved to a fresh file."""
    from engine.saves import save_game

    path = tmp_path / "game5.closedloop"
    save_game(game5, path)
    return path


@pytest.fixture
def golden(tmp_path):
    """A private copy of the committed v1 golden save."""
    path = tmp_path / "golden.closedloop"
    shutil.copyfile(GOLDEN / "v1.closedloop", path)
    return path
