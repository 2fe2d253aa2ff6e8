"""A horizontal driver waterfall: last quarter, one floating bar per cause, this quarter."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from .. import i18n, theme
from ..i18n import translate
from .charts import cache_axis
from .fields import titled


def driver_names() -> dict:
    """Driver id (engine.drivers.DRIVERS) -> translated name."""
    return {"own_price": translate("Drivers", "Your prices"), "rival_prices": translate("Drivers", "Rivals' prices"),
            "brand": translate("Drivers", "Brand"), "autonomy": translate("Drivers", "Autonomy"),
            "ecosystem": translate("Drivers", "Ecosystem"), "events": translate("Drivers", "Events"),
            "capacity": translate("Drivers", "Capacity and production"),
            "market": translate("Drivers", "Market size and luck"), "launches": translate("Drivers", "Launches"),
            "costs": translate("Drivers", "Unit costs"), "spending": translate("Drivers", "Spending"),
            "other": translate("Drivers", "Other")}


class CategoryAxis(pg.AxisItem):
    """Left axis with a label per bar row (row 0 at the top)."""

    def __init__(self, **kwargs):
        super().__init__("left", **kwargs)
        self.labels = []
        cache_axis(self)

    def set_labels(self, labels: list) -> None:
        """Row labels, top first."""
        self.labels = list(labels)
        self.setTicks([[(-i, text) for i, text in enumerate(self.labels)], []])


class ValueAxis(pg.AxisItem):
    """Bottom axis in money or counts."""

    def __init__(self, fmt, **kwargs):
        super().__init__("bottom", **kwargs)
        self.fmt = fmt
        self.enableAutoSIPrefix(False)
        self.setHeight(28)
        cache_axis(self)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph hook
        return [self.fmt(v) for v in values]


class Waterfall(QWidget):
    """Waterfall of one :class:`engine.drivers.Breakdown`; built once, :meth:`set_breakdown` updates."""

    def __init__(self, session, title: str, fmt, parent=None):
        super().__init__(parent)
        theme.configure_plots()
        self.fmt = fmt
        self.axis = CategoryAxis()
        self.plot = pg.PlotWidget(axisItems={"left": self.axis, "bottom": ValueAxis(fmt)})
        self.plot.setMinimumHeight(220)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=True, y=False, alpha=0.25)
        self.bars = pg.BarGraphItem(x0=[], y=[], width=[], height=0.6, brushes=[])
        item.addItem(self.bars)
        self.zero = pg.InfiniteLine(pos=0, angle=90, pen=pg.mkPen(theme.colour("muted")))
        item.addItem(self.zero, ignoreBounds=True)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(titled(session, title, "waterfall", self))
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.summary)
        self.rows = []

    def set_breakdown(self, breakdown, before_label: str, after_label: str) -> None:
        """Show ``breakdown`` (None clears the chart)."""
        if breakdown is None:
            self.rows = []
            self.bars.setOpts(x0=[], y=[], width=[], brushes=[])
            self.axis.set_labels([])
            return
        names = driver_names()
        items = list(breakdown.ranked())
        if abs(breakdown.other) > 1e-6 * max(abs(breakdown.before), abs(breakdown.after), 1.0):
            items.append(("other", breakdown.other))
        rows = [(before_label, 0.0, breakdown.before, "total")]
        level = breakdown.before
        for key, value in items:
            rows.append((names[key], level, value, "up" if value > 0 else "down"))
            level += value
        rows.append((after_label, 0.0, breakdown.after, "total"))
        self.rows = rows
        colours = {"total": theme.colour("muted"), "up": theme.colour("good"), "down": theme.colour("bad")}
        x0 = [start if width >= 0 else start + width for _, start, width, _ in rows]
        self.bars.setOpts(x0=x0, y=[-i for i in range(len(rows))], width=[abs(w) for _, _, w, _ in rows],
                          brushes=[pg.mkBrush(colours[kind]) for *_, kind in rows])
        self.axis.set_labels([label for label, *_ in rows])
        lo = min(0.0, min(x0))
        hi = max(0.0, max(x + abs(w) for x, (_, _, w, _) in zip(x0, rows)))
        self.plot.getPlotItem().setXRange(lo, hi, padding=0.05)
        self.plot.getPlotItem().setYRange(-len(rows) + 0.5, 0.5, padding=0)
        change = breakdown.change
        top = [f"{names[k]} {i18n.signed(self.fmt(v), v)}" for k, v in items[:3]]
        self.summary.setText(translate("Drivers", "Change %1: mostly %2.").replace("%1", i18n.signed(self.fmt(change), change))
                             .replace("%2", translate("Drivers", ", ").join(top) or "–"))

    def values(self) -> np.ndarray:
        """The signed widths of the bars (for tests)."""
        return np.array([w for _, _, w, _ in self.rows])
