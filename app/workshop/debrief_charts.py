"""PNG charts of the debrief pack, drawn with pyqtgraph and written by its ImageExporter.

Runs in the GUI thread (pyqtgraph items are Qt graphics objects); each chart is built, exported
and deleted in turn.
"""

from pathlib import Path

import numpy as np
import pyqtgraph as pg
import pyqtgraph.exporters
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont

from .. import i18n, theme
from ..i18n import translate
from ..widgets.charts import ValueAxis
from ..widgets.dashboard import firm_colour

WIDTH = 1100
HEIGHT = 440


def metric_title(metric: str) -> str:
    """Translated chart title of a trajectory metric."""
    return {"deliveries": translate("Debrief", "Deliveries per quarter"),
            "operating_profit_cny": translate("Debrief", "Operating profit per quarter"),
            "cash_cny": translate("Debrief", "Cash"), "market_share": translate("Debrief", "Market share"),
            "score": translate("Debrief", "Balanced scorecard score (0–100)"),
            "price": translate("Debrief", "Average list price (first quarter = 100)"),
            "accuracy": translate("Debrief", "Forecast accuracy (0–100)"),
            "luck": translate("Debrief", "Score as played against the same decisions in other worlds")}[metric]


FORMAT_OF = {"deliveries": "count", "operating_profit_cny": "money", "cash_cny": "money", "market_share": "percent",
             "score": "level", "price": "level", "accuracy": "level", "luck": "level"}


def display_name(data, firm_id: str) -> str:
    """A team's name or the firm's name in the current language."""
    sc = data.scenario
    return data.names.get(firm_id) or i18n.text_of(sc.firms[sc.firm_index(firm_id)].name)


def short_quarter(label: str) -> str:
    """``2024Q3`` -> ``24Q3`` (axis labels short enough for every quarter in both languages)."""
    return f"{label[2:4]}Q{label[5]}" if len(label) == 6 else label


def _plot(title: str, fmt: str, labels: list) -> pg.PlotWidget:
    theme.configure_plots()
    plot = pg.PlotWidget(axisItems={"left": ValueAxis(fmt)})
    plot.resize(WIDTH, HEIGHT)
    item = plot.getPlotItem()
    item.setTitle(title, size="14pt")
    item.showGrid(y=True, alpha=0.25)
    item.hideButtons()
    item.getAxis("bottom").setTicks([[(float(i), text) for i, text in enumerate(labels)]])
    item.addLegend(offset=(10, 10), labelTextSize="10pt", colCount=4)
    return plot


def _headroom(plot: pg.PlotWidget, values) -> None:
    """Room above the data for the legend (the top quarter of the chart stays free)."""
    values = np.asarray(values, dtype=float)
    values = values[np.isfinite(values)]
    if values.size:
        lo, hi = float(values.min()), float(values.max())
        span = (hi - lo) or max(abs(hi), 1.0)
        plot.getPlotItem().setYRange(lo - 0.05 * span, hi + 0.38 * span, padding=0)


def _export(plot: pg.PlotWidget, path: Path) -> Path:
    item = plot.getPlotItem()
    item.resize(WIDTH, HEIGHT)                 # the widget is never shown: lay the plot out at its size
    exporter = pg.exporters.ImageExporter(item)
    exporter.parameters()["width"] = WIDTH
    exporter.export(str(path))
    plot.close()
    plot.deleteLater()
    return path


def trajectory(data, metric: str, path: Path) -> Path:
    """Every firm's ``metric`` per quarter: teams bold, AI rivals thin and dashed."""
    labels = [short_quarter(q) for q in data.quarters]
    plot = _plot(metric_title(metric), FORMAT_OF[metric], labels)
    x = np.arange(len(labels), dtype=float)
    sc = data.scenario
    for f, firm_id in enumerate(sc.firm_ids):
        team = firm_id in data.teams
        colour = QColor(firm_colour(sc, f))
        if not team:
            colour.setAlpha(150)
        pen = pg.mkPen(colour, width=3.2 if team else 1.4,
                       style=Qt.PenStyle.SolidLine if team else Qt.PenStyle.DashLine)
        name = ("★ " if team else "") + display_name(data, firm_id)
        if not np.isfinite(data.series[metric][:, f]).any():
            continue                           # nothing to draw (pyqtgraph warns on all-NaN data)
        plot.plot(x, data.series[metric][:, f], pen=pen, name=name, symbol="o" if team else None, symbolSize=6,
                  symbolBrush=pg.mkBrush(colour), symbolPen=pg.mkPen(colour))
    _headroom(plot, data.series[metric])
    return _export(plot, path)


def price_chart(data, path: Path) -> Path:
    """Each team's average list price relative to its first quarter."""
    labels = [short_quarter(q) for q in data.quarters]
    plot = _plot(metric_title("price"), "level", labels)
    x = np.arange(len(labels), dtype=float)
    for team in data.teams:
        _team_line(plot, data, team, x, 100.0 * data.price_index[team])
    _headroom(plot, [100.0 * data.price_index[t] for t in data.teams])
    return _export(plot, path)


def _team_line(plot, data, team: str, x, y) -> None:
    """One team's line with dots; nothing for a series without a single value (e.g. a team with
    no model on sale yet in a one-quarter workshop has no price index)."""
    if not np.isfinite(np.asarray(y, dtype=float)).any():
        return
    colour = QColor(firm_colour(data.scenario, data.scenario.firm_index(team)))
    plot.plot(x, y, pen=pg.mkPen(colour, width=3), name=display_name(data, team), connect="finite", symbol="o",
              symbolSize=7, symbolBrush=pg.mkBrush(colour), symbolPen=pg.mkPen(colour))


def accuracy_chart(data, path: Path) -> Path:
    """Each team's forecast score per quarter (gaps where it did not forecast)."""
    labels = [short_quarter(q) for q in data.quarters]
    plot = _plot(metric_title("accuracy"), "level", labels)
    x = np.arange(len(labels), dtype=float)
    for team in data.teams:
        rows = data.forecasts[team]["quarters"]
        y = np.array([np.nan if q["prediction"] is None else q["score"] for q in rows], dtype=float)
        if not np.isfinite(y).any():
            continue                           # this team never forecast
        _team_line(plot, data, team, x, y)
    plot.getPlotItem().setYRange(0, 135, padding=0)
    return _export(plot, path)


def luck_chart(data, path: Path) -> Path:
    """Per team: the range of scores its decisions got in other worlds (10–90%), their median
    (short line) and the score as played (dot)."""
    teams = [t for t in data.teams if t in data.luck]
    plot = _plot(metric_title("luck"), "level", [display_name(data, t) for t in teams])
    sc = data.scenario
    for i, team in enumerate(teams):
        row = data.luck[team]
        colour = QColor(firm_colour(sc, sc.firm_index(team)))
        band = QColor(colour)
        band.setAlpha(90)
        plot.addItem(pg.BarGraphItem(x=[i], y0=[row["p10"]], height=[row["p90"] - row["p10"]], width=0.5,
                                     brush=pg.mkBrush(band), pen=pg.mkPen(colour)))
        plot.plot([i - 0.25, i + 0.25], [row["median"]] * 2, pen=pg.mkPen(colour, width=3))
        plot.plot([i], [row["actual"]], pen=None, symbol="o", symbolSize=14, symbolBrush=pg.mkBrush(colour),
                  symbolPen=pg.mkPen(theme.colour("text"), width=1.5))
        label = pg.TextItem(translate("Debrief", "luck %1").replace("%1", i18n.signed(i18n.number(row["luck"], 1),
                                                                                      row["luck"])),
                            anchor=(0, 0.5), color=theme.colour("text"))
        label.setFont(QFont("", 11))
        label.setPos(i + 0.3, row["actual"])
        plot.addItem(label)
    plot.getPlotItem().setXRange(-0.6, len(teams) - 0.2)
    _headroom(plot, [v for t in teams for v in (data.luck[t]["p10"], data.luck[t]["p90"], data.luck[t]["actual"])])
    return _export(plot, path)


def render_all(data, folder: Path, step=None) -> dict:
    """Write every chart into ``folder``; return ``{key: path}``. ``step()`` is called after each."""
    folder.mkdir(parents=True, exist_ok=True)
    out = {}
    jobs = [(m, lambda m=m: trajectory(data, m, folder / f"trajectory-{m}.png"))
            for m in ("deliveries", "operating_profit_cny", "cash_cny", "market_share", "score")]
    jobs.append(("price", lambda: price_chart(data, folder / "price-index.png")))
    if data.forecasts and any(s["mean_score"] is not None for s in data.forecasts.values()):
        jobs.append(("accuracy", lambda: accuracy_chart(data, folder / "forecast-accuracy.png")))
    if data.luck:
        jobs.append(("luck", lambda: luck_chart(data, folder / "luck-versus-skill.png")))
    for key, job in jobs:
        out[key] = job()
        if step is not None:
            step()
    return out
