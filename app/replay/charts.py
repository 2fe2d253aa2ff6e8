"""The viewer's charts: the app's :class:`~app.widgets.charts.Chart`, built once per tab (when the
tab is first shown) and updated with ``setData`` as the scrubber moves: every firm's line up to
the quarter shown and a marker there. Axes are fixed to the whole game's range in the current
view, so scrubbing animates the lines without rescaling anything."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QSizePolicy, QTabWidget, QToolButton, QWidget

from .. import theme
from ..i18n import translate
from ..widgets.charts import Chart

EMPHASIS, NORMAL = 3.0, 1.4
BUILD_GAP_MS = 15


def chart_tabs() -> list:
    """``(tab title, [(topic, title, firm metric, format, log y)])`` of the viewer, translated."""
    return [
        (translate("Replay", "Market and money"), [
            ("market_share", translate("Replay", "Market share"), "market_share", "percent", False),
            ("deliveries", translate("Replay", "Deliveries"), "deliveries", "count", False),
            ("operating_profit", translate("Replay", "Operating profit"), "operating_profit_cny", "money", False),
            ("cash", translate("Replay", "Cash (private: each team sees its own)"), "cash_cny", "money", False)]),
        (translate("Replay", "Prices and technology"), [
            ("avg_price", translate("Replay", "Average price"), "avg_price_cny", "money", False),
            ("autonomy", translate("Replay", "Autonomy level (0–5)"), "autonomy_level", "level", False),
            ("ecosystem_users", translate("Replay", "Ecosystem users (log scale)"), "ecosystem_users", "count", True),
            ("score", translate("Replay", "Score (private)"), "score", "level", False)]),
    ]


class FixedChart(Chart):
    """A :class:`Chart` whose y axis stays where :meth:`fix_y` put it (no autoscale per update)."""

    def _fit_y(self) -> None:
        """The viewer fixes the axis to the whole game instead (see :meth:`fix_y`)."""

    def fix_y(self, lo: float, hi: float) -> None:
        """Show ``lo``..``hi`` (data units) on the y axis."""
        if self.log_y:
            lo, hi = np.log10(max(lo, 1e-9)), np.log10(max(hi, 1e-9))
        if not np.isfinite(lo) or not np.isfinite(hi):
            lo, hi = 0.0, 1.0
        if hi - lo < 1e-9 * max(abs(lo), abs(hi), 1.0):
            lo, hi = lo - 0.5 * max(abs(lo), 1.0), hi + 0.5 * max(abs(hi), 1.0)
        self.plot.getPlotItem().setYRange(lo, hi, padding=0.06)


def hide_help(chart: Chart, topic: str) -> None:
    """Hide a chart's "?" button: explanations need the live scenario, a replay has only its results."""
    button = chart.findChild(QToolButton, f"help-{topic}")
    if button is not None:
        button.hide()


def values_for(outcomes, metric: str, through: int | None = None) -> np.ndarray | None:
    """``(T, F)`` values of ``metric`` as plotted (no average price where nothing was sold)."""
    values = outcomes.firm.get(metric)
    if values is None:
        return None
    end = values.shape[0] if through is None else through + 1
    values = values[:end]
    if metric == "avg_price_cny" and "deliveries" in outcomes.firm:
        values = np.where(outcomes.firm["deliveries"][:end] > 0, values, np.nan)
    return values


class Cell(QWidget):
    """A grid cell sized by the grid's stretch alone (never by its chart, whose word-wrapped legend
    would resize the other cells as each chart arrives); its one child fills it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.child = None

    def hold(self, widget: QWidget) -> None:
        """Make ``widget`` fill this cell."""
        self.child = widget
        widget.setGeometry(self.rect())
        widget.show()

    def resizeEvent(self, event):  # noqa: N802 - Qt hook
        if self.child is not None:
            self.child.setGeometry(self.rect())
        super().resizeEvent(event)


class ReplayCharts(QTabWidget):
    """Tabs of charts over every firm; :attr:`charts` maps topic -> chart (once built).

    A tab's charts are built when it is first shown, one per event-loop turn into fixed grid
    cells, so opening a save or switching tabs never blocks the window for long.
    """

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("replay-charts")
        self.document = document
        self.charts, self.cursors, self.metrics = {}, {}, {}
        self.specs = chart_tabs()
        self._cells, self._pending = {}, {}
        for title, specs in self.specs:
            page = QWidget(self)
            grid = QGridLayout(page)
            grid.setContentsMargins(2, 2, 2, 2)
            for i, spec in enumerate(specs):
                cell = Cell(page)
                grid.addWidget(cell, i // 2, i % 2)
                self._cells[spec[0]] = cell
            for k in range(2):       # equal cells: a chart arriving does not resize the others
                grid.setRowStretch(k, 1)
                grid.setColumnStretch(k, 1)
            self.addTab(page, title)
        document.quarterChanged.connect(self.refresh)
        document.viewChanged.connect(self._view_changed)
        self.currentChanged.connect(self.refresh)
        QTimer.singleShot(0, self.refresh)    # the window shows first, its charts a moment later

    @property
    def ready(self) -> bool:
        """True once the visible tab's charts are all built."""
        return all(spec[0] in self.charts for spec in self.specs[self.currentIndex()][1])

    def _build_next(self) -> None:
        """Build one more chart of the visible tab (then come back for the next)."""
        tab = self.currentIndex()
        todo = [spec for spec in self.specs[tab][1] if spec[0] not in self.charts]
        if todo:
            self._build(*todo[0])
            if len(todo) > 1:    # let it be painted first: one chart's cost per turn, not all at once
                QTimer.singleShot(BUILD_GAP_MS, self._build_next)

    def finish(self) -> None:
        """Build every chart of the visible tab now."""
        while not self.ready:
            self._build_next()

    def _build(self, topic: str, title: str, metric: str, fmt: str, log_y: bool) -> None:
        d = self.document
        cell = self._cells[topic]
        chart = FixedChart(d, title, topic, fmt, log_y, cell)
        hide_help(chart, topic)
        for firm_id in d.outcomes.firm_ids:
            chart.add_line(firm_id, d.firm_name(firm_id), d.colours[firm_id], width=NORMAL)
        cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.colour("highlight"), width=1.5))
        cursor.setZValue(-10)
        chart.plot.getPlotItem().addItem(cursor, ignoreBounds=True)
        self.charts[topic], self.metrics[topic], self.cursors[topic] = chart, metric, cursor
        cell.hold(chart)
        self._style(topic)
        self._update(topic)

    def _style(self, topic: str) -> None:
        """Emphasise the firm in focus; fix the axis to the whole game in the current view."""
        d = self.document
        focus = d.team or d.player
        chart = self.charts[topic]
        for firm_id, (_, curve) in chart.series.items():
            pen = pg.mkPen(d.colours[firm_id], width=EMPHASIS if firm_id == focus else NORMAL)
            curve.setPen(pen)
            curve.setSymbolPen(pen)
        values = values_for(d.whole(), self.metrics[topic])
        finite = values[np.isfinite(values)] if values is not None else np.zeros(0)
        if chart.log_y:
            finite = finite[finite > 0]
        chart.fix_y(float(finite.min()), float(finite.max())) if finite.size else chart.fix_y(0.0, 1.0)

    def _update(self, topic: str) -> None:
        shown, i = self.document.shown(), self.document.index
        chart, values = self.charts[topic], values_for(shown, self.metrics[topic], i)
        for k, firm_id in enumerate(shown.firm_ids):
            chart.set_line(firm_id, values[:, k] if values is not None else [])
        self.cursors[topic].setPos(i)

    def _view_changed(self) -> None:
        for topic in self.charts:
            self._style(topic)
        self.refresh()

    def refresh(self, *_) -> None:
        """Update the built charts of the visible tab (setData only) and build the rest; other
        tabs catch up when shown."""
        topics = [spec[0] for spec in self.specs[self.currentIndex()][1]]
        for topic in topics:
            if topic in self.charts:
                self._update(topic)
        if not self.ready:
            self._build_next()

    def series(self, topic: str, firm_id: str):
        """The (x, y) now plotted for ``firm_id`` on chart ``topic`` (what tests and benchmarks read)."""
        if topic not in self.charts:
            self.finish()
        return self.charts[topic].data.get(firm_id)
