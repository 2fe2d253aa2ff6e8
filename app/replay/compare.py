"""Two branches side by side: overlaid charts (original solid, fork dashed) for one firm, and the
table of differences from ``engine.saves.compare_branches`` with the divergence quarter marked."""

import math

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QCheckBox, QComboBox, QGridLayout, QHBoxLayout, QLabel, QMainWindow, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from .. import i18n, theme
from ..i18n import translate
from ..widgets.charts import Chart
from .charts import hide_help
from .document import chart_context, text
from .fork_form import field_names
from .tables import RowsTable, table_view

ORIGINAL, FORK = "#7a8294", "#ff6900"


def metric_specs() -> dict:
    """Compared metric -> (translated name, format)."""
    return {"deliveries": (translate("Replay", "Deliveries"), i18n.compact),
            "revenue_cny": (translate("Replay", "Revenue"), i18n.money),
            "operating_profit_cny": (translate("Replay", "Operating profit"), i18n.money),
            "cash_cny": (translate("Replay", "Cash"), i18n.money),
            "market_share": (translate("Replay", "Share"), lambda v: i18n.percent(v, 2)),
            "avg_price_cny": (translate("Replay", "Avg. price"), i18n.money),
            "score": (translate("Replay", "Score"), lambda v: i18n.number(v, 1))}


def decision_name(field: str, models: dict) -> str:
    """``prices.su7`` -> "List price · SU7" (translated)."""
    extra = {"incentives": translate("Replay", "Incentive"), "bundle_subsidy": translate("Replay", "Bundle subsidy"),
             "parent_draw": translate("Replay", "Parent draw"), "equity_raise": translate("Replay", "Equity raised"),
             "borrow": translate("Replay", "Borrowed")}
    names = {**field_names(), **extra}
    head, _, model = field.partition(".")
    return names.get(head, head) + (f" · {models.get(model, model)}" if model else "")


def decision_value(field: str, value, models: dict) -> str:
    """A decision value for people."""
    if value is None:
        return "–"
    if isinstance(value, (list, tuple)):
        return ", ".join(models.get(m, m) for m in value) or "–"
    if field.startswith("production") or field == "capacity_order":
        return i18n.compact(value)
    if field == "shifts":
        return str(value)
    return i18n.money(value)


class DifferencesModel(RowsTable):
    """Quarter, firm, what, original, fork, difference; rows of the divergence quarter highlighted."""

    def __init__(self, branches, firm_names: dict, models: dict, decisions: bool, parent=None):
        super().__init__(parent)
        cmp = branches.comparison
        self.diverges_at = cmp.diverges_at
        specs = metric_specs()
        self.all_rows = []
        if decisions:
            for d in cmp.decisions:
                self.all_rows.append((d.quarter, d.firm, [i18n.quarter(d.quarter), firm_names[d.firm],
                                                          decision_name(d.field, models),
                                                          decision_value(d.field, d.a, models),
                                                          decision_value(d.field, d.b, models), ""]))
        else:
            for r in cmp.rows:
                name, fmt = specs[r.metric]
                delta = r.delta
                shown = "–" if not math.isfinite(delta) else i18n.signed(fmt(delta), delta)
                self.all_rows.append((r.quarter, r.firm, [i18n.quarter(r.quarter), firm_names[r.firm], name, fmt(r.a),
                                                          fmt(r.b), shown]))
        self.rows = list(self.all_rows)
        self.titles = self.headers()

    def only(self, firm_id: str | None) -> None:
        """Show only ``firm_id``'s rows (None: every firm's)."""
        self.beginResetModel()
        self.rows = [r for r in self.all_rows if firm_id is None or r[1] == firm_id]
        self.endResetModel()

    def firms(self) -> set:
        """Firms with a row."""
        return {r[1] for r in self.all_rows}

    def headers(self) -> list:
        """Column titles (translated)."""
        return [translate("Replay", "Quarter"), translate("Replay", "Firm"), translate("Replay", "What"),
                translate("Replay", "Original"), translate("Replay", "Fork"), translate("Replay", "Fork − original")]

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        quarter, _, cells = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return cells[index.column()]
        if role == Qt.ItemDataRole.BackgroundRole and quarter == self.diverges_at:
            colour = QColor(theme.colour("highlight"))
            colour.setAlpha(45)
            return QBrush(colour)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def changed_firm(branches) -> str:
    """The firm whose decision the fork changed first (else the player's firm)."""
    for change in branches.b.metadata.fork_changes:
        firm = change.split(".", 1)[0]
        if firm in branches.a.firm_ids:
            return firm
    return branches.a.metadata.player


class CompareWindow(QMainWindow):
    """Original and fork of one game, side by side."""

    CHARTS = (("operating_profit", "operating_profit_cny", "money"), ("cash", "cash_cny", "money"),
              ("market_share", "market_share", "percent"), ("deliveries", "deliveries", "count"))

    def __init__(self, branches, colours: dict, parent=None):
        super().__init__(parent)
        self.setObjectName("compare-window")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.branches, self.colours = branches, colours
        a, b, cmp = branches.a, branches.b, branches.comparison
        self.setWindowTitle(translate("Replay", "Compare branches — %1 and %2").replace("%1", cmp.a_name)
                            .replace("%2", cmp.b_name) + " — " + translate("Replay", "Closed Loop"))
        self.firm_names = {f["id"]: text(f["name"]) for f in a.catalog["firms"]}
        models = {m["id"]: text(m["name"]) for m in a.catalog["models"]}
        self.heading = QLabel(self._heading())
        self.heading.setObjectName("compare-heading")
        self.heading.setWordWrap(True)
        self.firm = QComboBox(self)
        self.firm.setObjectName("compare-firm")
        for firm_id in a.firm_ids:
            self.firm.addItem(self.firm_names[firm_id], firm_id)
        self.firm.setCurrentIndex(list(a.firm_ids).index(changed_firm(branches)))
        self.only_firm = QCheckBox(translate("Replay", "Table: this firm only"), self)
        context = chart_context(a.metadata, max(len(a.quarters), len(b.quarters)))
        titles = {"operating_profit": translate("Replay", "Operating profit"), "cash": translate("Replay", "Cash"),
                  "market_share": translate("Replay", "Market share"), "deliveries": translate("Replay", "Deliveries")}
        self.charts = {}
        grid = QGridLayout()
        for i, (topic, _, fmt) in enumerate(self.CHARTS):
            chart = Chart(context, titles[topic], topic, fmt, parent=self)
            hide_help(chart, topic)
            chart.add_line("a", translate("Replay", "Original (%1)").replace("%1", cmp.a_name), ORIGINAL, width=2.4)
            chart.add_line("b", translate("Replay", "Fork (%1)").replace("%1", cmp.b_name), FORK, width=2.4,
                           dashed=True)
            if cmp.diverges_at is not None:
                at = a.index(cmp.diverges_at)
                line = pg.InfiniteLine(at, angle=90, pen=pg.mkPen(theme.colour("highlight"), width=1,
                                                                  style=Qt.PenStyle.DotLine))
                chart.plot.getPlotItem().addItem(line, ignoreBounds=True)
            self.charts[topic] = chart
            grid.addWidget(chart, i // 2, i % 2)
        self.results = DifferencesModel(branches, self.firm_names, models, decisions=False, parent=self)
        self.decisions = DifferencesModel(branches, self.firm_names, models, decisions=True, parent=self)
        self.tables = QTabWidget(self)
        self.tables.addTab(table_view(self.results, self), translate("Replay", "Results that differ (%1)")
                           .replace("%1", str(len(cmp.rows))))
        self.tables.addTab(table_view(self.decisions, self), translate("Replay", "Decisions that differ (%1)")
                           .replace("%1", str(len(cmp.decisions))))
        controls = QHBoxLayout()
        controls.addWidget(QLabel(translate("Replay", "Charts of")))
        controls.addWidget(self.firm)
        controls.addWidget(self.only_firm)
        controls.addStretch(1)
        charts = QWidget(self)
        charts.setLayout(grid)
        split = QSplitter(Qt.Orientation.Horizontal, self)
        split.addWidget(charts)
        split.addWidget(self.tables)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setSizes([880, 600])
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addLayout(controls)
        layout.addWidget(split, 1)
        self.setCentralWidget(body)
        self.firm.currentIndexChanged.connect(self.refresh)
        self.only_firm.toggled.connect(self.refresh)
        self.refresh()
        self.resize(1500, 900)

    def _heading(self) -> str:
        b, cmp = self.branches.b, self.branches.comparison
        lines = ["<b>" + translate("Replay", "Original") + f"</b> {cmp.a_name} &nbsp;—&nbsp; <b>" +
                 translate("Replay", "Fork") + f"</b> {cmp.b_name}"]
        if b.metadata.fork_at:
            lines.append(translate("Replay", "Forked at %1: %2").replace("%1", i18n.quarter(b.metadata.fork_at))
                         .replace("%2", "; ".join(b.metadata.fork_changes)))
        colour = theme.colour("highlight")
        if cmp.diverges_at is None:
            lines.append(translate("Replay", "The branches are identical in every quarter both hold."))
        else:
            lines.append(f"<b style='color:{colour}'>" + translate("Replay", "Results diverge from %1.").replace(
                "%1", i18n.quarter(cmp.diverges_at)) + "</b> " + translate(
                "Replay", "Rows of that quarter are highlighted; the dotted line marks it on the charts."))
        return "<br>".join(lines)

    @property
    def firm_id(self) -> str:
        """The firm whose figures the charts show."""
        return self.firm.currentData()

    def refresh(self, *_) -> None:
        """Show the chosen firm's figures in both branches (setData only) and filter the tables."""
        a, b = self.branches.a, self.branches.b
        k = a.firm_ids.index(self.firm_id)
        for topic, metric, _ in self.CHARTS:
            chart = self.charts[topic]
            chart.set_line("a", a.firm[metric][:, k] if metric in a.firm else np.zeros(0))
            chart.set_line("b", b.firm[metric][:, k] if metric in b.firm else np.zeros(0))
        firm = self.firm_id if self.only_firm.isChecked() else None
        self.results.only(firm)
        self.decisions.only(firm)


def show_branches(branches, colours: dict) -> CompareWindow:
    """Open a top-level comparison window (kept until closed)."""
    from .opening import keep

    window = keep(CompareWindow(branches, colours))
    window.show()
    return window
