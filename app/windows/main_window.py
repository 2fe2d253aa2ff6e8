"""The main window: decisions, dashboard, preview, rivals, news, objectives; menus, toolbar, status bar."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QDockWidget, QLabel, QMainWindow, QMessageBox, QProgressBar, QTabWidget, QToolBar)

from .. import i18n, settings, theme
from ..i18n import translate
from ..widgets.dashboard import Dashboard
from ..widgets.decisions import DecisionsPanel
from ..widgets.endgame import EndGameDialog
from ..widgets.news import NewsFeed
from ..widgets.preview import PreviewPanel
from ..widgets.report import ReportDialog
from ..widgets.rivals import RivalsPanel
from ..widgets.scorecard import ScorecardPanel
from .menus import build_menus


def _unique(keys: list) -> list:
    """Key sequences without repeats (a repeated shortcut is "ambiguous" to Qt)."""
    out = []
    for key in keys:
        if key.toString() not in [k.toString() for k in out]:
            out.append(key)
    return out


class MainWindow(QMainWindow):
    """The game window for one session. ``shell`` handles new games, files and preferences."""

    def __init__(self, session, shell=None, parent=None):
        super().__init__(parent)
        self.setObjectName("main-window")
        self.session, self.shell = session, shell
        self.endgame = None
        self.decisions = DecisionsPanel(session, self)
        self.dashboard = Dashboard(session, self)
        self.preview = PreviewPanel(session, self)
        self.rivals = RivalsPanel(session, self)
        self.news = NewsFeed(session, self)
        self.scorecard = ScorecardPanel(session, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("centre-tabs")
        self.tabs.addTab(self.dashboard, translate("Main", "Dashboard"))
        self.tabs.addTab(self.preview, translate("Main", "Preview"))
        self.setCentralWidget(self.tabs)
        self.docks = {}
        for name, title, widget, area in (
                ("decisions", translate("Main", "Decisions"), self.decisions, Qt.DockWidgetArea.LeftDockWidgetArea),
                ("scorecard", translate("Main", "Objectives and score"), self.scorecard, Qt.DockWidgetArea.RightDockWidgetArea),
                ("news", translate("Main", "News"), self.news, Qt.DockWidgetArea.RightDockWidgetArea),
                ("rivals", translate("Main", "Rivals"), self.rivals, Qt.DockWidgetArea.BottomDockWidgetArea)):
            dock = QDockWidget(title, self)
            dock.setObjectName(f"dock-{name}")
            dock.setWidget(widget)
            dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable |
                             QDockWidget.DockWidgetFeature.DockWidgetFloatable |
                             QDockWidget.DockWidgetFeature.DockWidgetClosable)  # the View menu brings it back
            self.addDockWidget(area, dock)
            self.docks[name] = dock
        self.resizeDocks([self.docks["decisions"]], [540], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["scorecard"]], [320], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["rivals"]], [250], Qt.Orientation.Vertical)
        self._build_actions()
        build_menus(self)
        self._build_toolbar()
        self._build_status()
        session.quarterResolved.connect(self._quarter_resolved)
        session.busyChanged.connect(self._busy)
        session.draftChanged.connect(self._update_status)
        session.gameFinished.connect(self._finished)
        session.message.connect(lambda text: self.statusBar().showMessage(text, 8000))
        session.fileChanged.connect(self._update_title)
        session.forecastReady.connect(lambda *_: self.tabs.setCurrentWidget(self.preview))
        self.report = ReportDialog(session, self)  # built and laid out now: ending a quarter only refreshes it
        self.report.ensurePolished()
        self.report.layout().activate()
        self._update_title()
        self._update_status()
        self._busy(session.busy)
        self.resize(1500, 940)
        geometry, state = settings.geometry("main")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    # ---- actions ------------------------------------------------------------------------------
    def _action(self, text: str, slot, shortcut=None, tip: str = "") -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcuts(shortcut if isinstance(shortcut, list) else [QKeySequence(shortcut)])
        action.setToolTip(tip or text.replace("&", ""))
        action.setStatusTip(tip)
        action.triggered.connect(slot)
        return action

    def _build_actions(self) -> None:
        s, shell = self.session, self.shell
        self.act_end = self._action(translate("Main", "&End quarter"), self.end_quarter, "Ctrl+Return",
                                    translate("Main", "Resolve the quarter with your decisions (Ctrl+Enter)"))
        self.act_end.setObjectName("end-quarter")
        self.act_preview = self._action(translate("Main", "&Preview"), self.run_preview, "Ctrl+P",
                                        translate("Main", "Forecast many futures of this plan (Ctrl+P)"))
        self.act_report = self._action(translate("Main", "Quarterly &report"), self.open_report, "Ctrl+R",
                                       translate("Main", "Open last quarter's report (Ctrl+R)"))
        self.act_undo = s.undo_stack.createUndoAction(self, translate("Main", "&Undo"))
        self.act_undo.setShortcuts(_unique([QKeySequence("Ctrl+Z"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Undo)]))
        self.act_redo = s.undo_stack.createRedoAction(self, translate("Main", "&Redo"))
        self.act_redo.setShortcuts(_unique([QKeySequence("Ctrl+Y"), *QKeySequence.keyBindings(QKeySequence.StandardKey.Redo)]))
        self.act_advice = self._action(translate("Main", "Use the &advisor's plan"), s.use_advice)
        self.act_new = self._action(translate("Main", "&New campaign…"), lambda: shell and shell.new_campaign(self), "Ctrl+N")
        self.act_open = self._action(translate("Main", "&Open…"), lambda: shell and shell.open_file(self), "Ctrl+O")
        self.act_save = self._action(translate("Main", "&Save"), lambda: shell and shell.save(self), "Ctrl+S")
        self.act_save_as = self._action(translate("Main", "Save &as…"), lambda: shell and shell.save_as(self),
                                        "Ctrl+Shift+S")
        self.act_start = self._action(translate("Main", "Start &screen"), lambda: shell and shell.show_start())
        self.act_quit = self._action(translate("Main", "&Quit"), self.close, "Ctrl+Q")
        self.act_settings = self._action(translate("Main", "&Preferences…"), lambda: shell and shell.preferences(self),
                                         "Ctrl+,")
        self.act_help = self._action(translate("Main", "&Help"), self.show_help, "F1")
        self.act_about = self._action(translate("Main", "&About Closed Loop"), self.show_about)

    def _build_toolbar(self) -> None:
        bar = QToolBar(translate("Main", "Turn"), self)
        bar.setObjectName("toolbar")
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.act_end, self.act_preview, self.act_report, self.act_undo, self.act_redo, self.act_advice):
            bar.addAction(action)
        end = bar.widgetForAction(self.act_end)
        end.setStyleSheet(f"font-weight: bold; color: {theme.colour('highlight')};")
        self.addToolBar(bar)

    def _build_status(self) -> None:
        self.status_quarter = QLabel(self)
        self.status_quarter.setObjectName("status-quarter")
        self.status_cash = QLabel(self)
        self.status_cash.setObjectName("status-cash")
        self.busy_bar = QProgressBar(self)
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(140)
        self.busy_bar.hide()
        bar = self.statusBar()
        bar.addPermanentWidget(self.busy_bar)
        bar.addPermanentWidget(self.status_quarter)
        bar.addPermanentWidget(self.status_cash)

    # ---- turn ---------------------------------------------------------------------------------
    def end_quarter(self) -> None:
        """Commit any field being edited, then resolve the quarter in the background."""
        focus = self.focusWidget()
        if focus is not None and hasattr(focus, "editingFinished"):
            focus.editingFinished.emit()
        self.session.end_quarter()

    def run_preview(self) -> None:
        """Show the preview tab and start a forecast."""
        self.tabs.setCurrentWidget(self.preview)
        self.preview.start()

    def open_report(self) -> ReportDialog | None:
        """Show (or raise) the quarterly report."""
        if not self.session.history.records:
            self.statusBar().showMessage(translate("Main", "No quarter has been played yet."), 5000)
            return None
        self.report.show()
        self.report.raise_()
        return self.report

    def _quarter_resolved(self, record) -> None:
        self._update_status()
        self.statusBar().showMessage(translate("Main", "%1 resolved.").replace("%1", i18n.quarter(record.report.quarter)), 5000)
        if settings.get("report/auto_open") and not self.session.finished:
            self.open_report()

    def _finished(self) -> None:
        self._busy(self.session.busy)
        QTimer.singleShot(0, self.show_endgame)

    def show_endgame(self) -> EndGameDialog:
        """Show the end-of-game results."""
        if self.endgame is None:
            self.endgame = EndGameDialog(self.session, self)
        self.endgame.show()
        self.endgame.raise_()
        return self.endgame

    def _busy(self, busy: bool) -> None:
        self.busy_bar.setVisible(busy)
        can_play = not busy and not self.session.finished
        for action in (self.act_end, self.act_preview, self.act_advice):
            action.setEnabled(can_play)
        for action in (self.act_new, self.act_open, self.act_save, self.act_save_as):
            action.setEnabled(not busy)
        if busy:
            self.statusBar().showMessage(translate("Main", "Resolving the quarter…"))

    def _update_status(self, *_) -> None:
        game, f = self.session.game, self.session.scenario.firm_index(self.session.player)
        if self.session.finished:
            self.status_quarter.setText(translate("Main", "Game over"))
        else:
            self.status_quarter.setText(translate("Main", "%1 · quarter %2 of %3").replace("%1", i18n.quarter(game.quarter))
                                        .replace("%2", str(game.t + 1)).replace("%3", str(self.session.scenario.n_quarters)))
        cash = game.state.cash[0, f]
        self.status_cash.setText(translate("Main", "Cash %1").replace("%1", i18n.money(cash)))
        self.status_cash.setStyleSheet(f"color: {theme.colour('bad')};" if cash < 0 else "")

    def _update_title(self, *_) -> None:
        sc = self.session.scenario
        firm = sc.firms[sc.firm_index(self.session.player)]
        name = self.session.path.rsplit("/", 1)[-1] if self.session.path else translate("Main", "unsaved game")
        self.setWindowTitle(f"{i18n.text_of(firm.name)} — {i18n.text_of(sc.info.name)} [{name}] — "
                            + translate("Main", "Closed Loop"))

    # ---- help ---------------------------------------------------------------------------------
    def show_help(self) -> None:
        """The player's guide (F1)."""
        from .help import HelpDialog

        HelpDialog(self).exec()

    def show_about(self) -> None:
        """Version and credits."""
        QMessageBox.about(self, translate("Main", "About Closed Loop"), translate(
            "Main", "Closed Loop (闭环) — a business war-game of the Chinese EV market.\nThe bundled Chinese font is "
            "WenQuanYi Micro Hei (Apache-2.0 or GPL-3 with font exception)."))

    def closeEvent(self, event):  # noqa: N802 - Qt hook
        settings.save_geometry("main", self.saveGeometry(), self.saveState())
        shell = self.shell
        if shell is not None and shell.session is self.session and shell.main not in (None, self):
            self.session.cancel_forecast()    # rebuilt for a language or theme change: the game goes on
        else:
            self.session.cancel_tasks()
        super().closeEvent(event)
