"""The facilitator's console: round control, teams (submissions, join codes), the event console,
results and the log; opens the teams' screens (one laptop), the projector view and the debrief."""

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QTabWidget, QToolBar, QVBoxLayout, QWidget

from .. import i18n, theme
from ..i18n import translate
from .events_panel import EventsPanel
from .results_panel import LogPanel, ResultsPanel
from .round_bar import RoundBar
from .teams_panel import TeamsPanel


class ConsoleWindow(QMainWindow):
    """The workshop's main window for the facilitator.

    Args:
        controller: the :class:`~app.workshop.controller.WorkshopController` (started by the caller).
        bind: the LAN host's bind address (to show the addresses teams type).
    """

    def __init__(self, controller, bind: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("workshop-console")
        self.controller = controller
        self.hotseat = None
        self.projector = None
        self.debrief_task = None
        sc = controller.session.scenario
        self.round_bar = RoundBar(controller, self)
        self.teams = TeamsPanel(controller, bind, self)
        self.events = EventsPanel(controller, self)
        self.results = ResultsPanel(controller, self)
        self.log_panel = LogPanel(controller, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("console-tabs")
        self.tabs.addTab(self.teams, translate("Workshop", "Teams"))
        self.tabs.addTab(self.events, translate("Workshop", "Events"))
        self.tabs.addTab(self.results, translate("Workshop", "Results"))
        self.tabs.addTab(self.log_panel, translate("Workshop", "Forecasts and log"))
        centre = QWidget(self)
        box = QVBoxLayout(centre)
        box.addWidget(self.round_bar)
        box.addWidget(self.tabs, 1)
        self.setCentralWidget(centre)
        self._build_actions()
        self.round_bar.teamsRequested.connect(self.open_hotseat)
        controller.message.connect(lambda text: self.statusBar().showMessage(text, 10000))
        controller.saved.connect(self._update_title)
        controller.resolved.connect(self._resolved)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self.round_bar.refresh)
        self.clock.start()
        mode = translate("Workshop", "one laptop") if controller.host is None else translate("Workshop", "local network")
        self.mode_text = mode
        self._update_title()
        self.statusBar().showMessage(translate("Workshop", "%1 · %2 teams · %3").replace(
            "%1", i18n.text_of(sc.info.name)).replace("%2", str(len(controller.teams))).replace("%3", mode))
        self.resize(1400, 900)

    def _build_actions(self) -> None:
        bar = QToolBar(translate("Workshop", "Workshop"), self)
        bar.setObjectName("workshop-toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.act_projector = QAction(translate("Workshop", "Projector view"), self)
        self.act_projector.setShortcut(QKeySequence("F5"))
        self.act_projector.setToolTip(translate("Workshop", "Leaderboard, market-share race and news for the room "
                                                "(no private data) (F5)"))
        self.act_projector.triggered.connect(lambda: self.open_projector())
        self.act_debrief = QAction(translate("Workshop", "Debrief pack…"), self)
        self.act_debrief.setToolTip(translate("Workshop", "Write the debrief as HTML, PDF and CSV"))
        self.act_debrief.triggered.connect(self.ask_debrief)
        self.act_save_copy = QAction(translate("Workshop", "Save a copy…"), self)
        self.act_save_copy.triggered.connect(self.save_copy)
        self.act_close = QAction(translate("Workshop", "Close workshop"), self)
        self.act_close.triggered.connect(self.close)
        for action in (self.act_projector, self.act_debrief, self.act_save_copy, self.act_close):
            bar.addAction(action)
        bar.widgetForAction(self.act_projector).setStyleSheet(f"color: {theme.colour('highlight')}; font-weight: bold;")
        self.addToolBar(bar)

    def _update_title(self, *_) -> None:
        path = self.controller.path
        name = Path(path).name if path else translate("Workshop", "not saved")
        self.setWindowTitle(translate("Workshop", "Workshop console — %1 [%2]").replace(
            "%1", i18n.text_of(self.controller.session.scenario.info.name)).replace("%2", name))

    def _resolved(self, quarter: str) -> None:
        self.statusBar().showMessage(translate("Workshop", "%1 resolved: teams see their results.").replace(
            "%1", i18n.quarter(quarter)), 10000)
        if self.controller.finished:
            self.statusBar().showMessage(translate("Workshop", "The workshop is finished: write the debrief pack."))

    # ---- the teams' screens and the projector ----------------------------------------------------
    def open_hotseat(self):
        """One laptop: hide the console and show the teams' screens."""
        from .hotseat import HotseatWindow

        if self.hotseat is None:
            self.hotseat = HotseatWindow(self.controller)
            self.hotseat.closed.connect(self._hotseat_closed)
        self.hotseat.show_lobby()
        self.hotseat.show()
        self.hotseat.raise_()
        self.hide()
        return self.hotseat

    def _hotseat_closed(self) -> None:
        self.show()
        self.raise_()

    def open_projector(self, full_screen: bool = True):
        """Show the projector view (full screen on the screen it opens on)."""
        from .projector import ProjectorWindow

        if self.projector is None:
            self.projector = ProjectorWindow(self.controller)
        if full_screen:
            self.projector.showFullScreen()
        else:
            self.projector.show()
        self.projector.raise_()
        return self.projector

    # ---- files ------------------------------------------------------------------------------------
    def save_copy(self) -> bool:
        """Write a copy of the workshop to a file of the facilitator's choice."""
        from engine.saves import save_workshop

        from .. import saving

        path, _ = QFileDialog.getSaveFileName(self, translate("Workshop", "Save a copy of the workshop"),
                                              str(saving.default_save_dir()), saving.file_filter())
        if not path:
            return False
        if not path.endswith(saving.SUFFIX):
            path += saving.SUFFIX
        try:
            self.controller.call(lambda s: save_workshop(s, path))
        except Exception as exc:  # noqa: BLE001 - one line for the facilitator
            self.statusBar().showMessage(str(exc), 10000)
            return False
        self.statusBar().showMessage(translate("Workshop", "Saved a copy to %1").replace("%1", path), 8000)
        return True

    def ask_debrief(self):
        """Choose a folder and write the debrief pack there (in the background)."""
        from .debrief_render import DebriefRunner

        folder = QFileDialog.getExistingDirectory(self, translate("Workshop", "Folder for the debrief pack"))
        if not folder:
            return None
        return DebriefRunner.start(self, self.controller, folder)

    def closeEvent(self, event):
        if not self.controller.finished and self.isVisible() and getattr(self, "confirm_close", True):
            answer = QMessageBox.question(self, translate("Workshop", "Close the workshop?"), translate(
                "Workshop", "The workshop is saved and can be resumed later from its file (Open saved game…). "
                "Teams connected over the network are disconnected. Close it?"))
            if answer != QMessageBox.StandardButton.Yes:
                event.ignore()
                return
        self.clock.stop()
        for window in (self.hotseat, self.projector):
            if window is not None:
                window.close()
                window.deleteLater()
        self.hotseat = self.projector = None
        self.controller.shutdown()
        super().closeEvent(event)
