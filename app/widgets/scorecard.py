"""Objectives and the balanced scorecard, always visible."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QProgressBar, QVBoxLayout, QWidget

from engine.quarters import quarter_label
from engine.scoring import SCORE_METRICS

from .. import i18n, theme
from ..i18n import translate
from .fields import titled


def metric_names() -> dict:
    """Scorecard metric -> translated name."""
    return {"share": translate("Score", "Market share"), "operating_margin": translate("Score", "Operating margin"),
            "cash": translate("Score", "Cash"), "autonomy": translate("Score", "Autonomy"),
            "ecosystem": translate("Score", "Ecosystem"), "brand": translate("Score", "Brand"),
            "valuation": translate("Score", "Valuation")}


def objective_status(session) -> list:
    """``(objective, status, deadline label)`` for the player's objectives; status 1 met, -1 failed, 0 pending."""
    sc = session.scenario
    state = session.game.state
    out = []
    for o, objective in enumerate(sc.objectives):
        firm = sc.info.player if objective.firm == "player" else objective.firm
        if firm != session.player:
            continue
        deadline = quarter_label(objective.quarter if objective.quarter >= 0 else sc.info.end)
        out.append((objective, int(state.objective[0, o]), deadline))
    return out


def status_text(status: int) -> str:
    """Translated objective status."""
    return {1: translate("Score", "met"), -1: translate("Score", "failed"), 0: translate("Score", "pending")}[status]


class ScorecardPanel(QWidget):
    """Objectives with their status, the score and each metric as a bar."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("scorecard")
        self.session = session
        self.objectives = QLabel(self)
        self.objectives.setObjectName("objectives")
        self.objectives.setWordWrap(True)
        self.objectives.setTextFormat(Qt.TextFormat.RichText)
        self.score = QLabel(self)
        self.score.setObjectName("score")
        self.bars = {}
        grid = QGridLayout()
        grid.setVerticalSpacing(2)
        for row, (metric, name) in enumerate(metric_names().items()):
            grid.addWidget(QLabel(name), row, 0)
            bar = QProgressBar(self)
            bar.setRange(0, 100)
            bar.setTextVisible(True)
            bar.setMaximumHeight(16)
            grid.addWidget(bar, row, 1)
            self.bars[metric] = bar
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(titled(session, translate("Score", "Objectives"), "objective_probability", self))
        layout.addWidget(self.objectives)
        layout.addLayout(titled(session, self.score, "scorecard", self))
        layout.addLayout(grid)
        layout.addStretch(1)
        session.gameStarted.connect(self.refresh)
        session.quarterResolved.connect(self.refresh)
        self.refresh()

    def refresh(self, *_) -> None:
        """Show the objectives' status and last quarter's scorecard."""
        if self.session.game is None:
            return
        colours = {1: theme.colour("good"), -1: theme.colour("bad"), 0: theme.colour("muted")}
        marks = {1: "✔", -1: "✘", 0: "…"}
        lines = []
        for objective, status, deadline in objective_status(self.session):
            lines.append(f"<span style='color:{colours[status]}'>{marks[status]} {status_text(status)}</span> "
                         f"{i18n.text_of(objective.text)}")
        self.objectives.setText("<br>".join(lines) or translate("Score", "This scenario sets you no objectives."))
        records = self.session.history.records
        f = self.session.scenario.firm_index(self.session.player)
        if not records:
            self.score.setText("<b>" + translate("Score", "Score: –") + "</b>")
            for bar in self.bars.values():
                bar.setValue(0)
            return
        firm = records[-1].report.firm
        scores = firm["score"][0]
        rank = int((scores > scores[f]).sum()) + 1
        self.score.setText("<b>" + translate("Score", "Score %1 · rank %2 of %3").replace(
            "%1", i18n.number(scores[f], 1)).replace("%2", str(rank)).replace("%3", str(len(scores))) + "</b>")
        self.setUpdatesEnabled(False)  # QProgressBar.setValue repaints at once: paint all bars together
        for metric in SCORE_METRICS:
            self.bars[metric].setValue(int(round(100 * firm[f"score_{metric}"][0, f])))
        self.setUpdatesEnabled(True)
