"""End of game: the final scorecard, objectives met or not, charts of the whole game, luck versus skill."""

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QProgressBar,
                               QPushButton, QTableView, QVBoxLayout)

from .. import i18n, saving, theme
from ..i18n import translate
from .charts import Chart
from .dashboard import firm_colour
from .scorecard import metric_names, objective_status, status_text

WORLDS = 100
CHARTS = (("scorecard", "score", "level"), ("market_share", "market_share", "percent"),
          ("operating_profit", "operating_profit_cny", "money"), ("cash", "cash_cny", "money"))


class EndGameDialog(QDialog):
    """The final results of the session's game."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("endgame-dialog")
        self.session = session
        sc, game = session.scenario, session.game
        f = sc.firm_index(session.player)
        last = game.records[-1].report.firm if game.records else None
        self.setWindowTitle(translate("EndGame", "The game is over"))
        scores = last["score"][0] if last is not None else np.zeros(len(sc.firms))
        rank = int((scores > scores[f]).sum()) + 1
        exited = bool(game.state.exited[0, f] > 0)
        verdict = translate("EndGame", "Your firm left the market in %1.") if exited else \
            translate("EndGame", "The scenario ended in %1.")
        head = QLabel("<h2>" + verdict.replace("%1", i18n.quarter(game.records[-1].report.quarter)) + "</h2>" +
                      translate("EndGame", "Final score %1 — rank %2 of %3.").replace("%1", i18n.number(scores[f], 1))
                      .replace("%2", str(rank)).replace("%3", str(len(scores))))
        head.setObjectName("endgame-heading")
        lines = []
        for objective, status, _ in objective_status(session):
            colour = theme.colour("good" if status > 0 else "bad")
            lines.append(f"<span style='color:{colour}'>{'✔' if status > 0 else '✘'} {status_text(status if status else -1)}"
                         f"</span> {i18n.text_of(objective.text)}")
        objectives = QLabel("<b>" + translate("EndGame", "Objectives") + "</b><br>" + "<br>".join(lines))
        objectives.setObjectName("endgame-objectives")
        objectives.setWordWrap(True)
        self.table = QTableView(self)
        model = QStandardItemModel(self)
        names = metric_names()
        model.setHorizontalHeaderLabels([translate("EndGame", "Firm"), translate("EndGame", "Score")] + list(names.values()))
        for k in np.argsort(-scores):
            row = [QStandardItem(i18n.text_of(sc.firms[k].name)), QStandardItem(i18n.number(scores[k], 1))]
            row += [QStandardItem(i18n.percent(last[f"score_{m}"][0, k], 0)) for m in names]
            for item in row[1:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if k == f:
                for item in row:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
            model.appendRow(row)
        self.table.setModel(model)
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        row = self.fontMetrics().height() + 6
        self.table.verticalHeader().setDefaultSectionSize(row)
        self.table.setMinimumHeight(row * (len(sc.firms) + 1) + 8)  # every firm without scrolling
        self.luck = QLabel(self)
        self.luck.setObjectName("luck-versus-skill")
        self.luck.setWordWrap(True)
        self.luck.setStyleSheet(f"color: {theme.colour('muted')};")
        self.luck_bar = QProgressBar(self)
        self.luck_bar.setObjectName("luck-progress")
        self.luck_bar.setFormat(translate("EndGame", "%v of %m quarters × worlds"))
        widest = self.luck_bar.format().replace("%v", "0000").replace("%m", "0000")
        self.luck_bar.setMinimumWidth(self.fontMetrics().horizontalAdvance(widest) + 40)
        self.luck_cancel = QPushButton(translate("EndGame", "Cancel"), self)
        self.luck_cancel.setObjectName("luck-cancel")
        self.luck_cancel.clicked.connect(session.cancel_worlds)
        self.luck_again = QPushButton(translate("EndGame", "Replay again"), self)
        self.luck_again.setObjectName("luck-again")
        self.luck_again.clicked.connect(self.start_luck)
        luck_row = QHBoxLayout()
        luck_row.addWidget(self.luck, 1)
        for widget in (self.luck_bar, self.luck_cancel, self.luck_again):
            luck_row.addWidget(widget)
            widget.hide()
        grid = QGridLayout()
        titles = {"scorecard": translate("EndGame", "Score"), "market_share": translate("EndGame", "Market share"),
                  "operating_profit": translate("EndGame", "Operating profit"), "cash": translate("EndGame", "Cash")}
        self.charts = {}
        h = session.history
        for i, (topic, metric, fmt) in enumerate(CHARTS):
            chart = Chart(session, titles[topic], topic, fmt, parent=self)
            values = h.firm(metric)
            for k, firm in enumerate(sc.firms):
                chart.add_line(firm.id, i18n.text_of(firm.name), firm_colour(sc, k), width=3.0 if k == f else 1.3)
                chart.set_line(firm.id, values[:, k])
            grid.addWidget(chart, i // 2, i % 2)
            self.charts[topic] = chart
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(head)
        layout.addWidget(objectives)
        layout.addWidget(self.table)
        layout.addLayout(grid, 1)
        layout.addLayout(luck_row)
        layout.addWidget(buttons)
        self.resize(1200, 900)
        session.worldsProgress.connect(self._luck_progress)
        session.worldsReady.connect(self.show_luck)
        session.worldsStopped.connect(self._luck_stopped)
        if session.worlds is not None:
            self.show_luck(session.worlds)
        elif not saving.available():
            self._no_luck("")
        elif session.replaying_worlds:
            self._luck_running()
        else:
            self.start_luck()

    def start_luck(self) -> None:
        """Replay the player's decisions in other worlds (in the session's worker), with progress and Cancel."""
        if self.session.start_worlds(WORLDS):
            self._luck_running()

    def _luck_running(self) -> None:
        self.luck.setText(translate("EndGame", "Luck versus skill: replaying your decisions in %1 other worlds…")
                          .replace("%1", str(WORLDS)) + _stand_in_note(self.session.game))
        self.luck_bar.setRange(0, max(1, WORLDS * self.session.game.t))
        self.luck_bar.setValue(0)
        self._show_luck_widgets(self.luck_bar, self.luck_cancel)

    def _luck_progress(self, done: int, total: int) -> None:
        self.luck_bar.setRange(0, total)
        self.luck_bar.setValue(done)

    def _show_luck_widgets(self, *widgets) -> None:
        for widget in (self.luck_bar, self.luck_cancel, self.luck_again):
            widget.setVisible(widget in widgets)

    def show_luck(self, result) -> None:
        """Show how the player's decisions fare in other worlds (engine.saves.WorldsResult)."""
        self._show_luck_widgets()
        played = translate("EndGame", "met") if result.actual_met else translate("EndGame", "not met")
        self.luck.setText(translate(
            "EndGame", "Luck versus skill: your decisions meet every objective in %1 of %2 other worlds (as played: "
            "%3). Your final score is at or above the score in %4 of them.").replace(
            "%1", i18n.percent(result.rate, 0)).replace("%2", str(result.worlds)).replace("%3", played).replace(
            "%4", i18n.percent(result.score_percentile, 0)) + _stand_in_note(self.session.game))

    def _luck_stopped(self, message: str) -> None:
        if message:
            self._no_luck(message)
            return
        self.luck.setText(translate("EndGame", "Luck versus skill was cancelled."))
        self._show_luck_widgets(self.luck_again)

    def _no_luck(self, message: str) -> None:
        self._show_luck_widgets()
        self.luck.setText(translate("EndGame", "Luck versus skill is not available: %1").replace(
            "%1", message or translate("Saving", "Saving and loading games is not available in this version yet.")))


def _stand_in_note(game) -> str:
    """One sentence (after a space in English) when hard rivals are played by the normal AI in the other worlds."""
    levels = {level for record in game.records for level in (record.controllers or game.controllers).values()}
    if "hard" not in levels:
        return ""
    note = translate("EndGame", "In the other worlds, rivals that played the hard AI are played by the normal AI, the "
                                "model their look-ahead assumes (a look-ahead in every world would take minutes).")
    return ("" if i18n.is_chinese() else " ") + note
