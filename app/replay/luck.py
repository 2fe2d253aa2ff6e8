"""Luck versus skill for a save: replay its people's recorded decisions in N other worlds
(``engine.saves.play_worlds`` through :func:`app.saving.luck_versus_skill`, as the end-of-game
summary does) and show "wins in X% of N worlds" with the distribution of final scores."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QVBoxLayout

from .. import i18n, saving, theme
from ..i18n import translate
from .document import text
from .forking import Stages
from .jobs import Job, ProgressPanel

DEFAULT_WORLDS = 100
BINS = 20


def run(path: str, worlds: int, progress=None):
    """Load the save (re-simulated; a save from other model code continues from the replayed
    states) and play its recorded decisions in ``worlds`` other worlds (a worker function)."""
    played = saving.read_metadata(path).quarters_played
    steps = Stages(progress, [played, played])
    game = saving.engine_saves().load_game(path, verify=False, progress=steps.callback(0))
    return saving.luck_versus_skill(game, worlds, steps.callback(1))


def histogram(scores: np.ndarray, bins: int = BINS) -> tuple:
    """``(bin centres, counts, bar width)`` of the final scores."""
    lo, hi = float(scores.min()), float(scores.max())
    if hi - lo < 1e-9:
        lo, hi = lo - 0.5, hi + 0.5
    counts, edges = np.histogram(scores, bins=bins, range=(lo, hi))
    return 0.5 * (edges[:-1] + edges[1:]), counts, edges[1] - edges[0]


class LuckDialog(QDialog):
    """Runs luck versus skill for the viewer's save and shows the result."""

    def __init__(self, document, parent=None, track=None):
        super().__init__(parent)
        self.setObjectName("luck-dialog")
        self.track = track or (lambda job: job)
        self.document = document
        self.result = None
        self.job = None
        meta = document.metadata
        self.setWindowTitle(translate("Replay", "Luck versus skill"))
        who = ", ".join(document.firm_name(f) for f in (meta.humans or (meta.player,)))
        partial = "" if meta.finished else " " + translate(
            "Replay", "The game is unfinished: an objective counts as won when it is on track after the last quarter "
                      "played.")
        intro = QLabel(translate("Replay", "Replays the recorded decisions of %1 in other random worlds (other "
                                 "demand, events and breakthroughs; the computer-played firms decide again in each) "
                                 "and counts how often they meet every objective.").replace("%1", who) + partial)
        intro.setWordWrap(True)
        self.worlds = QSpinBox(self)
        self.worlds.setObjectName("luck-worlds")
        self.worlds.setRange(10, 2000)
        self.worlds.setSingleStep(50)
        self.worlds.setValue(DEFAULT_WORLDS)
        self.worlds.setSuffix(" " + translate("Replay", "worlds"))
        self.run_button = QPushButton(translate("Replay", "Run"), self)
        self.run_button.setObjectName("luck-run")
        self.run_button.clicked.connect(self.start)
        self.headline = QLabel(translate("Replay", "Press Run to start."), self)
        self.headline.setObjectName("luck-headline")
        self.headline.setWordWrap(True)
        self.details = QLabel(self)
        self.details.setObjectName("luck-details")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.RichText)
        theme.configure_plots()
        self.plot = pg.PlotWidget()
        self.plot.setMinimumHeight(220)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.setLabel("bottom", translate("Replay", "Final score in each world"))
        item.setLabel("left", translate("Replay", "Worlds"))
        self.bars = pg.BarGraphItem(x=[], height=[], width=1.0, brush=pg.mkBrush(document.colours[meta.player]))
        item.addItem(self.bars)
        self.actual = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.colour("bad"), width=2))
        self.actual.hide()
        item.addItem(self.actual)
        self.progress = ProgressPanel(self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(translate("Replay", "Close"))
        buttons.rejected.connect(self.close)
        row = QHBoxLayout()
        row.addWidget(self.worlds)
        row.addWidget(self.run_button)
        row.addStretch(1)
        row.addWidget(self.progress)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.headline)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.details)
        layout.addWidget(buttons)
        self.resize(720, 560)

    def start(self) -> Job:
        """Run the worlds in a worker with progress and Cancel."""
        path, worlds = self.document.path, self.worlds.value()
        self.run_button.setEnabled(False)
        self.headline.setText(translate("Replay", "Replaying the decisions in %1 worlds…").replace("%1", str(worlds)))
        self.job = self.track(Job(lambda progress: run(path, worlds, progress), translate(
            "Replay", "Replaying the decisions in %1 worlds…").replace("%1", str(worlds)), self, "luck", self.progress))
        self.job.done.connect(self.show_result)
        self.job.stopped.connect(self._stopped)
        return self.job.start()

    def _stopped(self, message: str) -> None:
        self.run_button.setEnabled(True)
        self.headline.setText(message or translate("Replay", "Cancelled."))

    def show_result(self, result) -> None:
        """Show a ``WorldsResult``: the headline, the distribution and each objective's rate."""
        self.result = result
        self.run_button.setEnabled(True)
        played = translate("Replay", "won") if result.actual_met else translate("Replay", "lost")
        self.headline.setText("<h2>" + translate("Replay", "Wins in %1 of %2 worlds").replace(
            "%1", i18n.percent(result.rate, 0)).replace("%2", str(result.worlds)) + "</h2>" + translate(
            "Replay", "As played: %1. The final score as played (red line) is at or above the score in %2 of the "
            "worlds.").replace("%1", played).replace("%2", i18n.percent(result.score_percentile, 0))
            + ("" if "hard" not in result.stood_in else ("" if i18n.is_chinese() else " ") + translate(
                "Replay", "Rivals that played the hard AI are played by the normal AI in these worlds, the model "
                          "their look-ahead assumes.")))
        centres, counts, width = histogram(result.scores)
        self.bars.setOpts(x=centres, height=counts, width=width * 0.9)
        self.actual.setPos(result.actual_score)
        self.actual.show()
        self.plot.getPlotItem().enableAutoRange()
        names = {o["id"]: text(o["text"]) for o in self.document.outcomes.catalog["objectives"]}
        lines = [translate("Replay", "%1 of worlds: %2").replace("%1", i18n.percent(rate, 0)).replace(
            "%2", names.get(o, o)) for o, rate in result.objective_rates.items()]
        self.details.setText("<b>" + translate("Replay", "Each objective") + "</b><br>" + "<br>".join(lines))
