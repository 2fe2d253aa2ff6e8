"""Engine tests never need Qt: fail loudly if anything imported it."""

import sys

import pytest


@pytest.fixture(autouse=True)
def no_qt_imported():
    """Each engine test runs without importing Qt, pyqtgraph or app/."""
    before = {m for m in sys.modules if m.startswith(("PySide6", "pyqtgraph"))}
    yield
    after = {m for m in sys.modules if m.startswith(("PySide6", "pyqtgraph"))}
    assert after <= before, f"engine test imported Qt: {sorted(after - before)[:3]}"
