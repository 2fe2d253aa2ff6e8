"""engine/ never imports Qt, pyqtgraph or app/ (checked statically and in a fresh interpreter)."""

import pkgutil
import re
import subprocess
import sys
from pathlib import Path

import engine

ENGINE = Path(engine.__file__).resolve().parent
FORBIDDEN = re.compile(r"^\s*(from|import)\s+(PySide6|pyqtgraph|app)\b", re.M)


def test_no_qt_imports_in_engine_sources():
    offenders = [str(p) for p in ENGINE.rglob("*.py") if FORBIDDEN.search(p.read_text(encoding="utf-8"))]
    assert not offenders


def test_importing_every_engine_module_loads_no_qt():
    names = [m.name for m in pkgutil.walk_packages([str(ENGINE)], "engine.") if not m.name.endswith("__main__")]
    code = ("import importlib, sys\n"
            f"for n in {names!r}: importlib.import_module(n)\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'pyqtgraph', 'app')]\n"
            "print(len(bad)); sys.exit(1 if bad else 0)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert len(names) > 15
