"""The projector view: full screen, large type, for the whole room -- the leaderboard (balanced
scorecard), the market-share race animated over the quarters and the latest news.

It shows only ``WorkshopSession.projector_view`` (what every team may see): no decision, no
forecast, no private figure of any firm ever reaches it.
"""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QHBoxLayout, QHeaderView, QLabel, QListWidget, QVBoxLayout, QWidget

from engine.scoring import SCORE_METRICS

from .. import i18n, theme
from ..i18n import translate
from .round_bar import countdown, phase_name
from .team_panel import fill, table

FRAME_MS = 40
FRAMES_PER_QUARTER = 18
BIG = 22


def short_metric_names() -> dict:
    """Scorecard metrics in a few letters, for the projector's wide table."""
    return {"share": translate("Projector", "Share"), "operating_margin": translate("Projector", "Margin"),
            "cash": translate("Projector", "Cash"), "autonomy": translate("Projector", "Autonomy"),
            "ecosystem": translate("Projector", "Ecosystem"), "brand": translate("Projector", "Brand"),
            "valuation": translate("Projector", "Value")}


class ShareRace(pg.PlotWidget):
    """Horizontal bars of every firm's market share, re-ranked and animated quarter to quarter."""

    quarterShown = Signal(str)             # the quarter the bars show now

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("share-race")
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.hideAxis("left")
        item.hideAxis("bottom")
        self.fonts = {}
        for bold in (True, False):
            font = QFont()
            font.setPointSize(BIG)
            font.setBold(bold)
            self.fonts[bold] = font
        self.bars = None
        self.labels = []
        self.quarters, self.firms, self.shares = [], [], np.zeros((0, 0))
        self.frame = 0
        self.timer = QTimer(self)
        self.timer.setInterval(FRAME_MS)
        self.timer.timeout.connect(self._step)

    def set_race(self, race: dict, animate_from: int | None = None) -> None:
        """Show ``race`` (``projector_view()["share_race"]``), animating from quarter ``animate_from``
        (None: from the first quarter) to the latest."""
        self.quarters, self.firms = race["quarters"], race["firms"]
        self.shares = np.array([[s or 0.0 for s in f["shares"]] for f in self.firms], dtype=float).T  # (T, F)
        if self.bars is None or len(self.labels) != len(self.firms):
            self._build()
        if not self.quarters:
            self.quarterShown.emit("")
            return
        start = 0 if animate_from is None else min(max(animate_from, 0), len(self.quarters) - 1)
        self.frame = start * FRAMES_PER_QUARTER
        self._draw(float(start))
        if start < len(self.quarters) - 1:
            self.timer.start()

    def _build(self) -> None:
        if self.bars is not None:
            self.removeItem(self.bars)
        for label in self.labels:
            self.removeItem(label)
        brushes = [pg.mkBrush(QColor(f["color"] or "#888888")) for f in self.firms]
        n = len(self.firms)
        self.bars = pg.BarGraphItem(x0=np.zeros(n), y=np.arange(n), height=0.72, width=np.zeros(n), brushes=brushes,
                                    pens=[pg.mkPen(None)] * n)
        self.addItem(self.bars)
        self.labels = []
        for f in self.firms:
            label = pg.TextItem(anchor=(0, 0.5), color=theme.colour("text"))
            label.setFont(self.fonts[bool(f["team"])])
            self.addItem(label)
            self.labels.append(label)

    def _draw(self, position: float) -> None:
        """Draw the race at a fractional quarter ``position``."""
        t0 = int(np.floor(position))
        t1 = min(t0 + 1, len(self.quarters) - 1)
        frac = position - t0
        shares = (1 - frac) * self.shares[t0] + frac * self.shares[t1]
        rank0 = np.argsort(np.argsort(-self.shares[t0], kind="stable"), kind="stable")
        rank1 = np.argsort(np.argsort(-self.shares[t1], kind="stable"), kind="stable")
        n = len(self.firms)
        y = (n - 1) - ((1 - frac) * rank0 + frac * rank1)
        self.bars.setOpts(y=y, width=shares)
        top = max(float(self.shares.max()), 0.01)
        for label, f, share, yy in zip(self.labels, self.firms, shares, y):
            star = "★ " if f["team"] else ""
            label.setText(f"{star}{f['name']}  {i18n.percent(share)}")
            inside = share > 0.55 * top             # a long bar carries its label inside
            label.setAnchor((1, 0.5) if inside else (0, 0.5))
            label.setColor("#ffffff" if inside else theme.colour("text"))
            label.setPos(share - top * 0.01 if inside else share + top * 0.01, yy)
        self.setXRange(0, top * 1.5, padding=0)
        self.setYRange(-0.6, n - 0.4, padding=0)
        self.quarterShown.emit(self.quarters[t1 if frac > 0.5 else t0])

    def _step(self) -> None:
        self.frame += 1
        end = (len(self.quarters) - 1) * FRAMES_PER_QUARTER
        if self.frame >= end:
            self.frame = end
            self.timer.stop()
        self._draw(self.frame / FRAMES_PER_QUARTER)

    @property
    def animating(self) -> bool:
        """True while the race is moving."""
        return self.timer.isActive()


class ProjectorWindow(QWidget):
    """The room's screen, refreshed whenever the workshop changes."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("projector")
        self.setWindowTitle(translate("Projector", "Closed Loop — projector"))
        self.controller = controller
        theme.configure_plots()
        self.setStyleSheet(f"QWidget#projector {{ background: {theme.colour('window')}; }} "
                           f"QLabel, QListWidget, QTableWidget {{ font-size: {BIG}px; }}")
        self.header = QLabel(self)
        self.header.setObjectName("projector-header")
        self.header.setStyleSheet("font-size: 38px; font-weight: bold;")
        self.clock = QLabel(self)
        self.clock.setObjectName("projector-clock")
        self.clock.setStyleSheet(f"font-size: 38px; color: {theme.colour('highlight')};")
        self.race_title = QLabel(self)
        self.race_title.setObjectName("race-title")
        self.race_title.setStyleSheet(f"font-size: {BIG + 6}px; font-weight: bold;")
        self.race = ShareRace(self)
        self.race.quarterShown.connect(self._race_quarter)
        self.board = table([], [], self, "projector-leaderboard")
        self.board.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.board.horizontalHeader().setStyleSheet(f"font-size: {BIG - 4}px;")
        self.board.verticalHeader().setDefaultSectionSize(BIG + 18)
        self.news = QListWidget(self)
        self.news.setObjectName("projector-news")
        self.news.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(self.header, 1)
        top.addWidget(self.clock)
        right = QVBoxLayout()
        right.addWidget(QLabel("<b>" + translate("Projector", "Leaderboard") + "</b>", self))
        right.addWidget(self.board, 3)
        right.addWidget(QLabel("<b>" + translate("Projector", "Latest news") + "</b>", self))
        right.addWidget(self.news, 2)
        left = QVBoxLayout()
        left.addWidget(self.race_title)
        left.addWidget(self.race, 1)
        body = QHBoxLayout()
        body.addLayout(left, 5)
        body.addLayout(right, 6)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(30, 20, 30, 20)
        layout.addLayout(top)
        layout.addLayout(body, 1)
        self.shown_quarters = None
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        controller.changed.connect(self.refresh)
        self.refresh()
        self.resize(1600, 900)

    def refresh(self) -> None:
        """Show the latest projector view (animating the race from the last quarter shown)."""
        view = self.controller.projector
        self.view = view
        session = view["session"]
        label = session["last_quarter"] if session["phase"] in ("resolved", "finished") else session["quarter"]
        name = session["scenario_name"]["zh" if i18n.is_chinese() else "en"]
        self.header.setText(f"{name} · {i18n.quarter(label or session['quarter'])} · {phase_name(session['phase'])}")
        race = view["share_race"]
        quarters = len(race["quarters"])
        if quarters != self.shown_quarters:
            start = None if self.shown_quarters is None else self.shown_quarters - 1
            names = {f["id"]: self.controller.name_of(f["id"]) for f in race["firms"]}
            self.race.set_race({**race, "firms": [{**f, "name": names[f["id"]]} for f in race["firms"]]}, start)
            self.shown_quarters = quarters
        names = short_metric_names()
        fill(self.board, ["#", translate("Projector", "Firm"), translate("Projector", "Score")]
             + [names[m] for m in SCORE_METRICS],
             [[str(r["rank"]), ("★ " if r["team"] else "") + self.controller.name_of(r["id"]),
               i18n.number(r["score"] or 0.0, 1)]
              + ["–" if r[m] is None else i18n.number(100.0 * r[m], 0) for m in SCORE_METRICS]
              for r in view["leaderboard"]])
        self.news.clear()
        for item in view["news"]:
            self.news.addItem(item["headline"]["zh" if i18n.is_chinese() else "en"])
        if not view["news"]:
            self.news.addItem(translate("Projector", "No news this quarter."))
        self._tick()

    def _race_quarter(self, quarter: str) -> None:
        self.race_title.setText(translate("Projector", "Market share, %1").replace("%1", i18n.quarter(quarter)) if quarter
                                else translate("Projector", "Market share: the race starts after the first quarter"))

    def _tick(self) -> None:
        self.clock.setText(countdown(self.view["session"]["deadline"], self.controller.clock()))

    def keyPressEvent(self, event):
        if event.key() == Qt.Key.Key_Escape:
            self.close()
        elif event.key() in (Qt.Key.Key_F11, Qt.Key.Key_F5):
            self.showNormal() if self.isFullScreen() else self.showFullScreen()
        else:
            super().keyPressEvent(event)

    def closeEvent(self, event):
        self.ticker.stop()
        self.race.timer.stop()
        super().closeEvent(event)
