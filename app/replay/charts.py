"""The viewer's charts: the app's :class:`~app.widgets.charts.Chart`, built once, updated with
``setData`` as the scrubber moves (every firm's line up to the quarter shown, and a marker there)."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QGridLayout, QToolButton, QWidget

from .. import theme
from ..i18n import translate
from ..widgets.charts import Chart

EMPHASIS, NORMAL = 3.0, 1.4


def chart_specs() -> list:
    """``(topic, title, firm metric, format)`` of the viewer's charts, translated."""
    return [("market_share", translate("Replay", "Market share"), "market_share", "percent"),
            ("deliveries", translate("Replay", "Deliveries"), "deliveries", "count"),
            ("operating_profit", translate("Replay", "Operating profit"), "operating_profit_cny", "money"),
            ("cash", translate("Replay", "Cash (private: each team sees its own)"), "cash_cny", "money"),
            ("avg_price", translate("Replay", "Average price"), "avg_price_cny", "money"),
            ("autonomy", translate("Replay", "Autonomy level (0–5)"), "autonomy_level", "level")]


def quarter_marker(chart: Chart) -> pg.InfiniteLine:
    """A vertical line on ``chart`` marking the quarter shown."""
    line = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.colour("highlight"), width=1.5))
    line.setZValue(-10)
    chart.plot.getPlotItem().addItem(line, ignoreBounds=True)
    return line


def hide_help(chart: Chart, topic: str) -> None:
    """Hide a chart's "?" button: explanations need the live scenario, a replay has only its results."""
    button = chart.findChild(QToolButton, f"help-{topic}")
    if button is not None:
        button.hide()


class ReplayCharts(QWidget):
    """A grid of charts over every firm; :attr:`charts` maps topic -> Chart."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("replay-charts")
        self.document = document
        self.charts, self.cursors, self.metrics = {}, {}, {}
        grid = QGridLayout(self)
        grid.setContentsMargins(2, 2, 2, 2)
        o = document.outcomes
        for i, (topic, title, metric, fmt) in enumerate(chart_specs()):
            chart = Chart(document, title, topic, fmt, parent=self)
            hide_help(chart, topic)
            for firm_id in o.firm_ids:
                chart.add_line(firm_id, document.firm_name(firm_id), document.colours[firm_id], width=NORMAL)
            self.charts[topic], self.metrics[topic] = chart, metric
            self.cursors[topic] = quarter_marker(chart)
            grid.addWidget(chart, i // 3, i % 3)
        document.quarterChanged.connect(self.refresh)
        document.viewChanged.connect(self._view_changed)
        self._view_changed()

    def _view_changed(self) -> None:
        focus = self.document.team or self.document.player
        for chart in self.charts.values():
            for firm_id, (_, curve) in chart.series.items():
                width = EMPHASIS if firm_id == focus else NORMAL
                pen = pg.mkPen(self.document.colours[firm_id], width=width)
                curve.setPen(pen)
                curve.setSymbolPen(pen)
        self.refresh()

    def refresh(self, *_) -> None:
        """Every firm's line up to the quarter shown (hidden values stay gaps), and the marker."""
        shown, i = self.document.shown(), self.document.index
        selling = shown.firm["deliveries"][:i + 1] > 0 if "deliveries" in shown.firm else None
        for topic, chart in self.charts.items():
            values = shown.firm.get(self.metrics[topic])
            if values is not None and topic == "avg_price" and selling is not None:
                values = np.where(selling, values[:i + 1], np.nan)   # no price where nothing was sold
            for k, firm_id in enumerate(shown.firm_ids):
                chart.set_line(firm_id, values[:i + 1, k] if values is not None else [])
            self.cursors[topic].setPos(i)

    def series(self, topic: str, firm_id: str):
        """The (x, y) now plotted for ``firm_id`` on chart ``topic`` (what tests and benchmarks read)."""
        return self.charts[topic].data.get(firm_id)

