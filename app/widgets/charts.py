"""A chart panel: a pyqtgraph plot built once, series updated with ``setData``, a hover read-out,
a legend, PNG export and a "How is this computed?" button."""

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette, QRegion
from PySide6.QtWidgets import QFileDialog, QGraphicsItem, QHBoxLayout, QLabel, QMessageBox, QToolButton, QVBoxLayout, QWidget

from engine.quarters import quarter_label

from .. import i18n, theme
from ..i18n import translate
from .fields import help_button

FORMATS = {
    "money": lambda v, d=None: i18n.money(v, d),
    "count": lambda v, d=None: i18n.compact(v, d),
    "percent": lambda v, d=1: i18n.percent(v, d),
    "level": lambda v, d=2: i18n.number(v, d),
}


def cache_axis(axis: pg.AxisItem) -> pg.AxisItem:
    """Keep ``axis`` drawn as a pixmap until its ticks or size change (returns it).

    pyqtgraph replays an axis's recorded drawing (text of every tick label, grid lines) whenever
    its plot repaints, e.g. when a curve gets a point; a device-coordinate cache blits the pixmap
    instead. The axis invalidates the cache itself when its range, labels or geometry change.
    """
    axis.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
    return axis


def tick_labels(fmt, values) -> list:
    """Labels for axis ticks, with as many decimals as it takes to tell neighbours apart."""
    labels = [fmt(v) for v in values]
    for decimals in (1, 2, 3, 4):
        if len(set(labels)) == len(labels):
            break
        labels = [fmt(v, decimals) for v in values]
    return labels


class QuarterAxis(pg.AxisItem):
    """Bottom axis: quarter offsets shown as short labels (``24Q3``)."""

    def __init__(self, start: int, **kwargs):
        super().__init__("bottom", **kwargs)
        self.start = start
        self.setStyle(hideOverlappingLabels=False)  # the first quarter's label may overhang the plot edge
        cache_axis(self)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph hook
        out = []
        for v in values:
            label = quarter_label(self.start + int(round(v)))
            out.append(f"{label[2:4]}Q{label[5]}" if abs(v - round(v)) < 1e-6 else "")
        return out

    def tickValues(self, minVal, maxVal, size):  # noqa: N802,N803 - pyqtgraph hook
        span = max(maxVal - minVal, 1.0)
        room = max(size / 46.0, 1.0)  # labels like "24Q3" need about 46 px each
        step = next((s for s in (1, 2, 4, 8, 12, 20) if span / s <= room), 40)
        first = int(np.ceil(minVal / step) * step)
        return [(step, list(range(first, int(maxVal) + 1, step)))]


class ValueAxis(pg.AxisItem):
    """Left axis formatting values as money (万/亿 or k/M/B), counts, percentages or levels."""

    def __init__(self, fmt: str, **kwargs):
        super().__init__("left", **kwargs)
        self.fmt = FORMATS[fmt]
        self.enableAutoSIPrefix(False)
        self.setWidth(70)  # fixed: labels such as "−¥2.00B" or "−20.0亿元" always fit
        cache_axis(self)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph hook
        return tick_labels(self.fmt, [10 ** v for v in values] if self.logMode else values)


class Chart(QWidget):
    """One chart: add series once with :meth:`add_line` / :meth:`add_band`, then :meth:`set_line`."""

    def __init__(self, session, title: str, topic: str, fmt: str, log_y: bool = False, parent=None):
        super().__init__(parent)
        theme.configure_plots()
        self.setObjectName(f"chart-{topic}")
        self.session, self.topic, self.title = session, topic, title
        self.format = FORMATS[fmt]
        start = session.scenario.info.start
        self.plot = pg.PlotWidget(axisItems={"bottom": QuarterAxis(start), "left": ValueAxis(fmt)})
        self.plot.setMinimumHeight(150)
        item = self.plot.getPlotItem()
        item.showGrid(x=False, y=True, alpha=0.25)  # no x grid: the first quarter's label may overhang
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setXRange(-0.3, session.scenario.n_quarters - 0.7, padding=0)
        item.setMouseEnabled(x=False, y=False)
        if log_y:
            item.setLogMode(y=True)
        self.cursor = pg.InfiniteLine(angle=90, pen=pg.mkPen(theme.colour("muted"), style=Qt.PenStyle.DotLine))
        self.cursor.hide()
        item.addItem(self.cursor, ignoreBounds=True)
        self.log_y = log_y
        self.bands = {}           # key -> (lower PlotDataItem, upper PlotDataItem)
        self.series = {}          # key -> (name, PlotDataItem)
        self._legend_items = []
        self.data = {}            # key -> (x, y)
        self.legend = QLabel(self)
        self.legend.setObjectName(f"legend-{topic}")
        self.legend.setWordWrap(True)
        self.readout = QLabel(" ", self)
        self.readout.setObjectName(f"readout-{topic}")
        self.readout.setStyleSheet(f"color: {theme.colour('muted')};")
        self.readout.setWordWrap(True)
        caption = self.caption = QLabel(f"<b>{title}</b>", self)
        export = QToolButton(self)
        export.setText(translate("Charts", "PNG"))
        export.setAutoRaise(True)
        export.setToolTip(translate("Charts", "Save this chart as a PNG image"))
        export.clicked.connect(self._ask_export)
        head = QHBoxLayout()
        head.setContentsMargins(0, 0, 0, 0)
        head.addWidget(caption, 1)
        head.addWidget(export)
        head.addWidget(help_button(session, topic, self))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.setSpacing(1)
        layout.addLayout(head)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.readout)
        self.plot.scene().sigMouseMoved.connect(self._hover)

    def add_line(self, key: str, name: str, colour: str, width: float = 1.6, dashed: bool = False) -> None:
        """Create series ``key`` (shown in the legend as ``name``); empty until :meth:`set_line`."""
        pen = pg.mkPen(colour, width=width, style=Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine)
        curve = self.plot.plot([], [], pen=pen, connect="finite", symbol="o", symbolSize=4,
                               symbolPen=pen, symbolBrush=pg.mkBrush(colour))
        curve.setSymbol(None)  # dots only while a line has too few points to be seen (see set_line)
        self.series[key] = (name, curve)
        self._legend_items.append(f"<span style='color:{colour}'>{'┅' if dashed else '━'}</span>&nbsp;{name}")
        self.legend.setText(" &nbsp; ".join(self._legend_items))

    def set_line(self, key: str, y) -> None:
        """Set series ``key`` to values ``y`` at quarters 0..len(y)-1 (NaN leaves a gap)."""
        y = np.asarray(y, dtype=float)
        x = np.arange(len(y), dtype=float)
        self.data[key] = (x, y)
        if self.log_y:
            y = np.where(y > 0, y, np.nan)
        finite = np.isfinite(y)
        if not finite.all():  # gaps stay gaps; an all-gap series is drawn empty
            x, y = (x, y) if finite.any() else (x[:0], y[:0])
        curve = self.series[key][1]
        dots = "o" if 0 < finite.sum() < 3 else None
        if curve.opts["symbol"] != dots:
            curve.setSymbol(dots)
        curve.setData(x, y)
        self._fit_y()

    def _fit_y(self) -> None:
        """Autoscale y, but never to a span too thin to label (a single point, a flat line)."""
        ys = [y[np.isfinite(y)] for _, y in self.data.values()]
        ys = np.concatenate(ys) if ys else np.zeros(0)
        item = self.plot.getPlotItem()
        if self.log_y:
            ys = ys[ys > 0]
        if ys.size == 0:
            return
        lo, hi = float(ys.min()), float(ys.max())
        if self.log_y:
            lo, hi = np.log10(lo), np.log10(hi)
        floor = 0.02 * max(abs(lo), abs(hi)) or (0.01 if self.format is FORMATS["percent"] else 1.0)
        if hi - lo < floor:
            mid = 0.5 * (lo + hi)
            item.setYRange(mid - floor, mid + floor, padding=0.1)
        else:
            item.enableAutoRange(axis="y")

    def warm_up(self) -> None:
        """Draw each series' dot once, so the first quarter's dots cost no symbol rendering."""
        for key, (_, curve) in self.series.items():
            if key not in self.data:
                curve.setSymbol("o")
                curve.setData([0.0], [0.0])
                curve.setData([], [])
                curve.setSymbol(None)

    def add_band(self, key: str, name: str, colour: str) -> None:
        """Create a p5–p95 band ``key`` with a median line."""
        c = QColor(colour)
        edge = pg.mkPen(c, width=0.5)
        lo = self.plot.plot([], [], pen=edge)
        hi = self.plot.plot([], [], pen=edge)
        fill = QColor(c)
        fill.setAlpha(60)
        band = pg.FillBetweenItem(lo, hi, brush=pg.mkBrush(fill))
        self.plot.addItem(band)
        self.bands[key] = (lo, hi)
        self.add_line(key, name, colour, width=2.0)

    def set_band(self, key: str, x, lo, median, hi) -> None:
        """Set band ``key`` at quarter offsets ``x``."""
        x = np.asarray(x, dtype=float)
        self.bands[key][0].setData(x, np.asarray(lo, dtype=float))
        self.bands[key][1].setData(x, np.asarray(hi, dtype=float))
        self.data[key] = (x, np.asarray(median, dtype=float))
        self.series[key][1].setData(x, np.asarray(median, dtype=float))
        self._fit_y()

    def readout_at(self, index: int) -> str:
        """The read-out text for quarter offset ``index`` (empty when nothing is plotted there)."""
        parts = []
        for key, (name, _) in self.series.items():
            x, y = self.data.get(key, ((), ()))
            hits = np.flatnonzero(np.asarray(x) == index)
            if hits.size and np.isfinite(y[hits[0]]):
                parts.append(f"{name} {self.format(y[hits[0]])}")
        if not parts:
            return ""
        label = i18n.quarter(quarter_label(self.session.scenario.info.start + index))
        return f"{label}: " + " · ".join(parts)

    def _hover(self, pos) -> None:
        vb = self.plot.getPlotItem().vb
        if not self.plot.sceneBoundingRect().contains(pos):
            return
        index = int(round(vb.mapSceneToView(pos).x()))
        text = self.readout_at(index)
        self.cursor.setVisible(bool(text))
        if text:
            self.cursor.setPos(index)
        self.readout.setText(text or " ")

    def image(self, width: int = 1200) -> QImage:
        """The chart as an image ``width`` pixels wide: its title, its legend and the plot, stacked.

        The widgets are painted into an image whose device pixel ratio makes it ``width`` pixels
        wide, as on a high-DPI screen (text and lines drawn at that resolution, not enlarged from
        the screen's pixels); the buttons and read-out are left out.
        """
        self.layout().activate()
        parts = [w for w in (self.caption, self.legend, self.plot) if w.isVisibleTo(self)]
        gap = 4
        scale = width / max(self.width(), 1)
        height = sum(w.height() for w in parts) + gap * (len(parts) - 1)
        image = QImage(width, max(1, round(height * scale)), QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(scale)       # as on a high-DPI screen: lines keep their look
        image.fill(self.palette().color(QPalette.ColorRole.Window))
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        y = 0
        for widget in parts:
            # QWidget's render: pyqtgraph's GraphicsView overrides render() with QGraphicsView's
            QWidget.render(widget, painter, QPoint(0, y), QRegion(), QWidget.RenderFlag.DrawChildren)
            y += widget.height() + gap
        painter.end()
        return image

    def export_png(self, path: str, width: int = 1200) -> None:
        """Write :meth:`image` to ``path`` as PNG.

        Raises:
            OSError: the file could not be written.
        """
        if not self.image(width).save(str(path), "PNG"):
            raise OSError(translate("Charts", "Could not write %1.").replace("%1", str(path)))

    def _ask_export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self, translate("Charts", "Save chart"), f"{self.topic}.png",
                                              translate("Charts", "PNG images (*.png)"))
        if path:
            try:
                self.export_png(path)
            except OSError as exc:
                QMessageBox.information(self, translate("Charts", "Save chart"), str(exc))
