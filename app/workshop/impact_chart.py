"""The impact preview chart: forecasts with and without an event, overlaid as fans (5–95% bands)
with their medians, for one firm and one metric; plus the first quarter's change for every firm."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QPen, QPolygonF
from PySide6.QtWidgets import QComboBox, QGraphicsPolygonItem, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from .. import i18n, theme
from ..i18n import translate
from ..widgets.charts import FORMATS, ValueAxis
from .team_panel import fill, table

METRICS = (("deliveries", "count"), ("operating_profit_cny", "money"), ("market_share", "percent"),
           ("cash_cny", "money"))
WITHOUT_COLOUR = "#7a8494"


def metric_title(metric: str) -> str:
    """Translated name of a preview metric."""
    return {"deliveries": translate("Impact", "Deliveries"), "operating_profit_cny": translate("Impact", "Operating profit"),
            "market_share": translate("Impact", "Market share"), "cash_cny": translate("Impact", "Cash")}[metric]


class ImpactChart(QWidget):
    """Overlaid fans of a preview result (see ``WorkshopSession.preview``)."""

    def __init__(self, scenario, parent=None):
        super().__init__(parent)
        self.setObjectName("impact-chart")
        theme.configure_plots()
        self.scenario, self.result = scenario, None
        self.firm_box = QComboBox(self)
        self.firm_box.setObjectName("impact-firm")
        for f in scenario.firms:
            self.firm_box.addItem(i18n.text_of(f.name), f.id)
        self.metric_box = QComboBox(self)
        self.metric_box.setObjectName("impact-metric")
        for metric, _ in METRICS:
            self.metric_box.addItem(metric_title(metric), metric)
        self.axis = ValueAxis("count")
        self.plot = pg.PlotWidget(axisItems={"left": self.axis})
        self.plot.setMinimumHeight(220)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(y=True, alpha=0.25)
        self.curves = {}
        self.bands = {}
        for key, colour in (("without", WITHOUT_COLOUR), ("with", theme.colour("highlight"))):
            c = QColor(colour)
            fill_colour = QColor(c)
            fill_colour.setAlpha(55)
            band = QGraphicsPolygonItem()          # the 5-95% band as one polygon in data coordinates
            band.setBrush(pg.mkBrush(fill_colour))
            band.setPen(QPen(Qt.PenStyle.NoPen))
            self.plot.addItem(band)
            self.bands[key] = band
            lo, hi = self.plot.plot([], [], pen=pg.mkPen(c, width=0.5)), self.plot.plot([], [], pen=pg.mkPen(c, width=0.5))
            median = self.plot.plot([], [], pen=pg.mkPen(c, width=2.4, style=Qt.PenStyle.DashLine if key == "without"
                                                        else Qt.PenStyle.SolidLine), symbol="o", symbolSize=6,
                                    symbolBrush=pg.mkBrush(c), symbolPen=pg.mkPen(c))
            self.curves[key] = (lo, hi, median)
        legend = QLabel(f"<span style='color:{WITHOUT_COLOUR}'>┅</span> " + translate("Impact", "without the event")
                        + f" &nbsp; <span style='color:{theme.colour('highlight')}'>━</span> "
                        + translate("Impact", "with the event") + " &nbsp; " + translate("Impact", "(medians, 5–95% bands)"),
                        self)
        self.summary = QLabel(self)
        self.summary.setObjectName("impact-summary")
        self.summary.setWordWrap(True)
        self.deltas = table([], [], self, "impact-deltas")
        self.deltas.setMaximumHeight(230)
        pickers = QHBoxLayout()
        pickers.addWidget(self.firm_box, 1)
        pickers.addWidget(self.metric_box, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(pickers)
        layout.addWidget(legend)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.summary)
        layout.addWidget(self.deltas)
        self.firm_box.currentIndexChanged.connect(self.redraw)
        self.metric_box.currentIndexChanged.connect(self.redraw)

    def show_result(self, result: dict, firm: str | None = None) -> None:
        """Draw a preview result; ``firm`` picks the firm shown first (e.g. the event's target)."""
        self.result = result
        self.firm_box.blockSignals(True)
        self.metric_box.blockSignals(True)
        if firm is not None:
            self.firm_box.setCurrentIndex(self.firm_box.findData(firm))
        self.metric_box.setCurrentIndex(self.metric_box.findData(self.most_affected(self.firm_box.currentData())))
        self.firm_box.blockSignals(False)
        self.metric_box.blockSignals(False)
        self.redraw()
        self._table()

    def most_affected(self, firm: str) -> str:
        """The metric of ``firm`` the event moves most, relative to its size without the event."""
        row = next(f for f in self.result["firms"] if f["id"] == firm)

        def change(metric):
            without = np.abs(np.asarray(row[metric]["without"], dtype=float))
            delta = np.abs(np.asarray(row[metric]["delta"], dtype=float))
            return float(delta.max() / max(float(without.max()), 1e-9))

        return max((m for m, _ in METRICS), key=change)

    def clear(self) -> None:
        """Empty the chart (a new event is being defined)."""
        self.result = None
        for curves in self.curves.values():
            for curve in curves:
                curve.setData([], [])
        for band in self.bands.values():
            band.setPolygon(QPolygonF())
        self.summary.setText("")
        fill(self.deltas, [], [])

    def redraw(self, *_) -> None:
        """Draw the chosen firm and metric."""
        if self.result is None:
            return
        metric = self.metric_box.currentData()
        kind = dict(METRICS)[metric]
        self.axis.fmt = FORMATS[kind]
        self.axis.picture = None               # re-label the axis in the new format
        row = next(f for f in self.result["firms"] if f["id"] == self.firm_box.currentData())[metric]
        x = np.arange(len(self.result["quarters"]), dtype=float)
        for key in ("without", "with"):
            lo, hi, median = self.curves[key]
            band = row[f"{key}_band"]
            lo.setData(x, np.asarray(band[0], dtype=float))
            hi.setData(x, np.asarray(band[1], dtype=float))
            points = list(zip(x, band[0])) + list(zip(x[::-1], band[1][::-1]))
            self.bands[key].setPolygon(QPolygonF([QPointF(float(a), float(b)) for a, b in points]))
            median.setData(x, np.asarray(row[key], dtype=float))
        labels = [(float(i), i18n.quarter(q)) for i, q in enumerate(self.result["quarters"])]
        self.plot.getPlotItem().getAxis("bottom").setTicks([labels])
        self.plot.getPlotItem().setXRange(-0.3, len(labels) - 0.7, padding=0)
        self.plot.getPlotItem().enableAutoRange(axis="y")
        fmt = FORMATS[kind]
        first, last = row["delta"][0], row["delta"][-1]
        self.summary.setText(translate("Impact", "%1, %2: median %3 with the event against %4 without (%5) in %6; "
                                       "%7 by %8.").replace("%1", self.firm_box.currentText()).replace(
            "%2", metric_title(metric)).replace("%3", fmt(row["with"][0])).replace("%4", fmt(row["without"][0])).replace(
            "%5", i18n.signed(fmt(first), first)).replace("%6", i18n.quarter(self.result["quarters"][0])).replace(
            "%7", i18n.signed(fmt(last), last)).replace("%8", i18n.quarter(self.result["quarters"][-1])))

    def _table(self) -> None:
        q = i18n.quarter(self.result["quarters"][0])
        headers = [translate("Impact", "Firm")] + [translate("Impact", "%1 change in %2").replace(
            "%1", metric_title(m)).replace("%2", q) for m, _ in METRICS[:3]]
        rows = []
        for row in self.result["firms"]:
            name = i18n.text_of(self.scenario.firms[self.scenario.firm_index(row["id"])].name)
            rows.append([name] + [i18n.signed(FORMATS[kind](row[m]["delta"][0]), row[m]["delta"][0])
                                  for m, kind in METRICS[:3]])
        fill(self.deltas, headers, rows)
