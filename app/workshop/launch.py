"""The start screen's workshop entries: facilitate (new or resumed) and join a LAN workshop.

Windows opened here are kept on the shell (``shell.workshop_windows``) while they are open; when
the last one closes and no game window is open, the start screen comes back.
"""

import logging
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from engine.errors import ClosedLoopError, SaveDivergedError

from .. import saving
from ..i18n import translate
from .controller import HOTSEAT, LAN, WorkshopController

log = logging.getLogger(__name__)


def _keep(shell, window) -> None:
    windows = shell.__dict__.setdefault("workshop_windows", [])
    windows.append(window)

    def gone(*_):
        if window in windows:
            windows.remove(window)
        if not windows and shell.main is None and not getattr(shell, "quitting", False):
            shell.show_start()

    window.destroyed.connect(gone)
    if shell.start is not None:
        shell.start.close()
        shell.start.deleteLater()
        shell.start = None


def facilitate(shell, parent=None):
    """Ask whether to start a new workshop or resume a saved one, then do it."""
    box = QMessageBox(parent)
    box.setWindowTitle(translate("Workshop", "Workshop"))
    box.setText(translate("Workshop", "Run a workshop as its facilitator: several teams, each running one firm, "
                          "on this laptop or over the local network."))
    new = box.addButton(translate("Workshop", "New workshop…"), QMessageBox.ButtonRole.AcceptRole)
    resume_button = box.addButton(translate("Workshop", "Resume a saved workshop…"), QMessageBox.ButtonRole.ActionRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is new:
        return new_workshop(shell, parent)
    if box.clickedButton() is resume_button:
        return resume(shell, parent)
    return None


def new_workshop(shell, parent=None):
    """Set up a new workshop and open its console (None if cancelled or it cannot start)."""
    from engine.workshop import WorkshopSession

    from .setup_dialog import SetupDialog

    dialog = SetupDialog(parent)
    if dialog.exec() != SetupDialog.DialogCode.Accepted:
        return None
    plan = dialog.plan()
    session = WorkshopSession(plan.scenario, plan.settings, now=time.time())
    return open_console(shell, session, plan.mode, plan.path, plan.bind, plan.port, parent)


def resume(shell, parent=None, path: str | None = None):
    """Resume the workshop saved at ``path`` (asking for the file and the mode)."""
    from engine.saves import load_workshop

    if path is None:
        path = QFileDialog.getOpenFileName(parent, translate("Workshop", "Resume a workshop"),
                                           str(saving.default_save_dir()), saving.file_filter())[0]
        if not path:
            return None
    try:
        session = load_workshop(path)
    except SaveDivergedError as exc:
        from ..windows.diverged import REPLAY, DivergedDialog

        log.info("workshop %s diverges under this version from %s", path, exc.quarter)
        if DivergedDialog(path, exc.quarter, parent, can_branch=False).ask() == REPLAY:
            return shell.open_replay(parent, path)
        return None
    except ClosedLoopError as exc:
        shell.unavailable(parent, str(exc))
        return None
    box = QMessageBox(parent)
    box.setWindowTitle(translate("Workshop", "Resume the workshop"))
    box.setText(translate("Workshop", "%1 quarter(s) played, %2 teams. How do teams take part now?").replace(
        "%1", str(session.resolved)).replace("%2", str(len(session.teams))))
    hotseat = box.addButton(translate("Workshop", "On this laptop"), QMessageBox.ButtonRole.AcceptRole)
    lan = box.addButton(translate("Workshop", "Over the local network"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() not in (hotseat, lan):
        return None
    if session.deadline_passed(time.time()):
        session.deadline = None                # a round left open: its timer starts again now
    mode = LAN if box.clickedButton() is lan else HOTSEAT
    return open_console(shell, session, mode, path, "0.0.0.0", 8765, parent)


def open_console(shell, session, mode: str, path: str, bind: str = "127.0.0.1", port: int = 0, parent=None):
    """Start serving ``session`` and show its console (None, after saying why, if it cannot start)."""
    from .console import ConsoleWindow

    try:
        controller = WorkshopController(session, mode, path, bind, port)
    except OSError as exc:
        shell.unavailable(parent, translate("Workshop", "Cannot listen on %1:%2 (%3). Choose another port.").replace(
            "%1", bind).replace("%2", str(port)).replace("%3", exc.strerror or str(exc)))
        return None
    controller.start()
    console = ConsoleWindow(controller, bind)
    console.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    controller.setParent(console)
    _keep(shell, console)
    console.show()
    return console


def join(shell, parent=None):
    """Join a LAN workshop as a team: host address and code, then the team's window."""
    from .join_dialog import JoinDialog
    from .team_window import TeamWindow

    dialog = JoinDialog(parent)
    if dialog.exec() != JoinDialog.DialogCode.Accepted:
        return None
    url, code, token = dialog.connection()
    window = TeamWindow(url, code=code, token=token)
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _keep(shell, window)
    window.show()
    return window
