"""The replay viewer window: header, facilitator/team view, charts, results and decisions tables,
the quarter's events and objectives, the timeline; menus for files, verify, fork, compare, luck.

The window's contents are built by :meth:`ReplayWindow.build` and rebuilt (same document, same
quarter and view) when the language changes, as the app's other windows are.
"""

from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QThreadPool, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QMainWindow, QMenuBar, QScrollArea, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from .. import i18n, theme
from ..i18n import translate
from .charts import ReplayCharts
from .document import ReplayDocument
from .files import FileActions
from .jobs import ProgressPanel
from .tables import DecisionsModel, QuarterPanel, ResultsModel, controller_name, table_view
from .timeline import Timeline


class ReplayWindow(QMainWindow):
    """Watch one saved game quarter by quarter (``loaded``: a :class:`~.document.Loaded`)."""

    def __init__(self, loaded, shell=None, parent=None):
        super().__init__(parent)
        self.setObjectName("replay-window")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.shell = shell
        self.document = ReplayDocument(loaded, self)
        self.files = FileActions(self)
        self.progress = ProgressPanel(self)
        self.statusBar().addPermanentWidget(self.progress)
        self.compare_windows = []
        self.verdict = None
        self._rebuild_pending = False
        self.build()
        self.document.viewChanged.connect(self._sync_view)
        self.resize(1500, 940)

    # ---- layout -------------------------------------------------------------------------------
    def build(self) -> None:
        """(Re)create the window's widgets and menus for the current language."""
        d = self.document
        body = QWidget(self)
        meta = d.metadata
        self.setWindowTitle(translate("Replay", "Replay — %1").replace("%1", Path(d.path).name) + " — " +
                            translate("Replay", "Closed Loop"))
        self.header = QLabel(self._header_text(), body)
        self.header.setObjectName("replay-header")
        self.header.setWordWrap(True)
        self.header.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.view_box = QComboBox(body)
        self.view_box.setObjectName("replay-view")
        self.view_box.addItem(translate("Replay", "Facilitator view: everything"), None)
        for firm_id in d.outcomes.firm_ids:
            label = translate("Replay", "Team view: %1").replace("%1", d.firm_name(firm_id))
            if firm_id in meta.humans:
                label += " · " + controller_name("human")
            self.view_box.addItem(label, firm_id)
        self.view_box.setCurrentIndex(self.view_box.findData(d.team) if d.team else 0)
        self.view_box.setToolTip(translate("Replay", "A team view shows only what that team could see after the "
                                                     "quarter shown: rivals' private figures read —."))
        self.view_box.currentIndexChanged.connect(lambda _: d.set_team(self.view_box.currentData()))
        self.verdict_label = QLabel(body)
        self.verdict_label.setObjectName("verify-verdict")
        self.verdict_label.setWordWrap(True)
        self.verdict_label.hide()
        self.charts = ReplayCharts(d, body)
        self.results = ResultsModel(d, body)
        self.decisions = DecisionsModel(d, body)
        self.tables = QTabWidget(body)
        self.tables.setObjectName("replay-tables")
        self.tables.addTab(table_view(self.results, body), translate("Replay", "Results"))
        self.tables.addTab(table_view(self.decisions, body), translate("Replay", "Decisions"))
        self.quarter_panel = QuarterPanel(d, body)
        side = QScrollArea(body)
        side.setMinimumWidth(300)
        side.setWidgetResizable(True)
        side.setWidget(self.quarter_panel)
        self.timeline = Timeline(d, body)
        centre = QSplitter(Qt.Orientation.Vertical, body)
        centre.addWidget(self.charts)
        centre.addWidget(self.tables)
        centre.setStretchFactor(0, 3)
        centre.setStretchFactor(1, 1)
        centre.setSizes([640, 200])
        self.tables.setMinimumHeight(self.fontMetrics().height() * 2 + (len(d.outcomes.firm_ids) + 2) *
                                     (self.fontMetrics().height() + 6) + 16)   # every firm without scrolling
        split = QSplitter(Qt.Orientation.Horizontal, body)
        split.addWidget(centre)
        split.addWidget(side)
        split.setStretchFactor(0, 5)
        split.setStretchFactor(1, 1)
        split.setSizes([1180, 300])
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.view_box, 0, Qt.AlignmentFlag.AlignTop)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.addLayout(top)
        layout.addWidget(self.verdict_label)
        layout.addWidget(split, 1)
        layout.addWidget(self.timeline)
        old = self.takeCentralWidget()
        self.setCentralWidget(body)
        if old is not None:          # out of the window now, deleted once its events are done
            old.hide()
            old.deleteLater()
        self._build_menus()
        self.progress.cancel.setText(translate("Replay", "Cancel"))
        if self.verdict is not None:
            self.show_verdict(self.verdict)

    def _sync_view(self) -> None:
        index = self.view_box.findData(self.document.team) if self.document.team else 0
        if self.view_box.currentIndex() != index:
            self.view_box.setCurrentIndex(index)

    def _header_text(self) -> str:
        d, meta = self.document, self.document.metadata
        o = d.outcomes
        teams = ", ".join(d.firm_name(f) for f in meta.humans) or translate("Replay", "nobody (every firm by the "
                                                                                      "computer)")
        lines = [f"<b style='font-size:15px'>{i18n.text_of(meta.scenario_name)}</b> &nbsp; {Path(d.path).name}",
                 translate("Replay", "%1 – %2 · %3 of %4 quarters played · seed %5 · played by teams: %6").replace(
                     "%1", i18n.quarter(o.quarters[0])).replace("%2", i18n.quarter(o.quarters[-1]))
                 .replace("%3", str(len(o.quarters))).replace("%4", str(meta.quarters_total))
                 .replace("%5", str(meta.seed)).replace("%6", teams) + " · " +
                 translate("Replay", "saved by Closed Loop %1").replace("%1", meta.app_version)]
        if meta.fork_at:
            lines.append(translate("Replay", "A fork of %1 at %2: %3").replace("%1", meta.parent_file or "?")
                         .replace("%2", i18n.quarter(meta.fork_at)).replace("%3", "; ".join(meta.fork_changes)))
        muted = theme.colour("muted")
        lines.append(f"<span style='color:{muted}'>" + translate(
            "Replay", "Stored results, exactly as played: nothing is re-simulated to show them.") + "</span>")
        return "<br>".join(lines)

    def _build_menus(self) -> None:
        bar = QMenuBar(self)
        self.setMenuBar(bar)
        f, d = self.files, self.document
        file_menu = bar.addMenu(translate("Replay", "&File"))
        self.act_open = self._action(file_menu, translate("Replay", "&Open replay…"), f.open_another, "Ctrl+O")
        self.recent_menu = file_menu.addMenu(translate("Replay", "Open &recent replay"))
        self.recent_menu.aboutToShow.connect(f.fill_recent)
        file_menu.addSeparator()
        self.act_export = self._action(file_menu, translate("Replay", "&Export a copy (safe to e-mail)…"),
                                       f.export_copy)
        self.act_csv = self._action(file_menu, translate("Replay", "Export &CSV…"), f.export_csv)
        file_menu.addSeparator()
        if self.shell is not None:
            self._action(file_menu, translate("Replay", "Start &screen"), self.shell.show_start)
        self._action(file_menu, translate("Replay", "&Close"), self.close, "Ctrl+W")
        replay = bar.addMenu(translate("Replay", "&Replay"))
        self.act_verify = self._action(replay, translate("Replay", "&Verify replay"), f.verify, "Ctrl+Shift+V")
        self.act_fork = self._action(replay, translate("Replay", "&Fork from this quarter…"), f.fork, "Ctrl+Shift+F")
        self.act_compare = self._action(replay, translate("Replay", "&Compare with another branch…"), f.compare_with)
        self.act_luck = self._action(replay, translate("Replay", "&Luck versus skill…"), f.luck)
        view = bar.addMenu(translate("Replay", "&View"))
        t = self.timeline
        self.act_play = self._action(view, translate("Replay", "&Play / pause"), t.toggle_play, "Space")
        self.act_prev = self._action(view, translate("Replay", "P&revious quarter"), t.step_back, "Left")
        self.act_next = self._action(view, translate("Replay", "&Next quarter"), t.step, "Right")
        self._action(view, translate("Replay", "&First quarter"), lambda: d.set_quarter(0), "Home")
        self._action(view, translate("Replay", "&Last quarter"), lambda: d.set_quarter(d.count - 1), "End")

    def _action(self, menu, text: str, slot, shortcut: str | None = None) -> QAction:
        action = QAction(text, menu)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _=False: slot())
        menu.addAction(action)
        return action

    # ---- results of background jobs -----------------------------------------------------------
    def show_verdict(self, verdict) -> None:
        """Show a :class:`~.verdict.Verdict` under the header."""
        from .verdict import OK

        self.verdict = verdict
        colour = theme.colour("good" if verdict.state == OK else "bad" if verdict.state != "cannot-verify" else "warn")
        self.verdict_label.setText(f"<span style='color:{colour}'><b>{'✔' if verdict.state == OK else '⚠'}</b> "
                                   f"{verdict.text}</span>")
        self.verdict_label.show()

    def message(self, text: str) -> None:
        """A one-line notice in the status bar."""
        self.statusBar().showMessage(text, 10000)

    # ---- Qt hooks -----------------------------------------------------------------------------
    def changeEvent(self, event):  # noqa: N802 - Qt hook
        if event.type() == QEvent.Type.LanguageChange and not self._rebuild_pending:
            self._rebuild_pending = True
            QTimer.singleShot(0, self._rebuild)
        super().changeEvent(event)

    def _rebuild(self) -> None:
        self._rebuild_pending = False
        self.timeline.pause()
        self.build()

    def closeEvent(self, event):  # noqa: N802 - Qt hook
        self.timeline.pause()
        if self.files.cancel_all():                     # its jobs are its children: let them stop first
            QThreadPool.globalInstance().waitForDone()
        super().closeEvent(event)
