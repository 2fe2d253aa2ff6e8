"""Fixtures for save-file tests: real games, real SQLite files in tmp_path, no Qt."""

import shutil
import sys

import pytest

from save_helpers import GOLDEN, play


@pytest.fixture(autouse=True)
def no_qt_imported():
    """Save tests never import Qt, pyqtgraph or app/."""
    before = {m for m in sys.modules if m.startswith(("PySide6", "pyqtgraph"))}
    yield
    after = {m for m in sys.modules if m.startswith(("PySide6", "pyqtgraph"))}
    assert after <= before, f"save test imported Qt: {sorted(after - before)[:3]}"


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
