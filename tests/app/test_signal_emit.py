"""Regression: PySide6 6.12.0 on Python 3.11 aborts after a few hundred Signal.emit() calls
("Fatal Python error: bool_dealloc"). The project pins PySide6-Essentials < 6.12; this test
emits many signals with bool and object payloads in a fresh interpreter and must exit cleanly."""

import subprocess
import sys

CODE = r"""
import os, sys
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
from PySide6.QtCore import QCoreApplication, QObject, Signal

class Emitter(QObject):
    flag = Signal(bool)
    payload = Signal(object)

app = QCoreApplication([])
e = Emitter()
seen = []
e.flag.connect(lambda v: seen.append(v))
e.payload.connect(lambda v: seen.append(v))
for i in range(20000):
    e.flag.emit(i % 2 == 0)
    e.payload.emit({"quarter": i})
print(len(seen))
"""


def test_many_signal_emits_do_not_crash_the_interpreter():
    result = subprocess.run([sys.executable, "-c", CODE], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.strip() == "40000"


def test_installed_pyside6_is_below_the_broken_release():
    import PySide6

    major, minor = (int(x) for x in PySide6.__version__.split(".")[:2])
    assert (major, minor) < (6, 12), PySide6.__version__
