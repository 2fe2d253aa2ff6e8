"""tests/packaging: the rules of packaging/ (fast) and one real Linux build + smoke test (marked)."""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "packaging"))  # bundle.py, native.py, make_icons.py


def pytest_configure(config):
    config.addinivalue_line(
        "markers", "packaging: builds the frozen Linux bundle with PyInstaller and smoke-tests it "
        "(about 2 minutes; deselect with -m 'not packaging')")
