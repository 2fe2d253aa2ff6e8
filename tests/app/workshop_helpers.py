"""Helpers for the workshop's Qt tests: real controllers, hosts on loopback, real widgets offscreen."""

import time

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (QAbstractButton, QApplication, QComboBox, QLabel, QLineEdit, QListWidget, QMessageBox,
                               QPlainTextEdit, QTableWidget)

TIMEOUT_MS = 20_000


class Clock:
    """A wall clock the test moves by hand (deadlines without waiting)."""

    def __init__(self, now: float = 1_767_225_600.0):
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def workshop(app, scenario, tmp_path):
    """``workshop(teams=..., mode="hotseat", clock=None, path=True, **settings)`` -> a started
    WorkshopController (LAN ones serve on 127.0.0.1, any free port); all shut down at teardown."""
    from app.workshop.controller import WorkshopController
    from engine.workshop import WorkshopSession, WorkshopSettings

    made = []

    def make(teams=("xiaomi", "byd"), mode="hotseat", clock=None, path=True, **settings):
        settings.setdefault("seed", 7)
        clock = clock or time.time
        session = WorkshopSession(scenario, WorkshopSettings(teams=tuple(teams), **settings), now=clock())
        file = str(tmp_path / f"workshop{len(made)}.closedloop") if path else ""
        controller = WorkshopController(session, mode, file, "127.0.0.1", 0, clock=clock)
        made.append(controller)
        return controller.start()

    yield make
    for controller in made:
        controller.shutdown()


@pytest.fixture
def make_console(qtbot):
    """``make_console(controller, bind="")`` -> a ConsoleWindow that closes without asking at teardown."""
    from app.workshop.console import ConsoleWindow

    def make(controller, bind=""):
        window = ConsoleWindow(controller, bind)
        window.confirm_close = False
        qtbot.addWidget(window)
        return window

    return make


def answer_next_dialog(button=QMessageBox.StandardButton.Yes, seen=None) -> None:
    """Press ``button`` on the next modal message box (records its text in ``seen``)."""

    def press():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, press)
            return
        if seen is not None:
            seen.append(box.text())
        box.button(button).click()

    QTimer.singleShot(0, press)


def texts(widget) -> list:
    """Every text a person could read in ``widget`` and its children."""
    out = []
    for w in [widget, *widget.findChildren(object)]:
        if isinstance(w, (QLabel, QAbstractButton)):
            out.append(w.text())
        elif isinstance(w, QLineEdit):
            out.append(w.text())
        elif isinstance(w, QPlainTextEdit):
            out.append(w.toPlainText())
        elif isinstance(w, QComboBox):
            out += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            out += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QTableWidget):
            out += [w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount()) if w.item(r, c)]
    return out


def resolve(qtbot, controller) -> None:
    """Lock (if open) and resolve the round through the controller, waiting for the worker."""
    if controller.phase == "open":
        assert controller.control("lock")
    with qtbot.waitSignal(controller.resolved, timeout=TIMEOUT_MS):
        assert controller.resolve()
