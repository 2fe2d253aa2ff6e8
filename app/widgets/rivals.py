"""The rivals panel: a table model of public information about every firm, and its view."""

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QVBoxLayout, QWidget

from .. import i18n, theme
from ..i18n import translate
from .dashboard import firm_colour
from .decision_budgets import level_name
from .fields import titled


BOLD = QFont()
BOLD.setBold(True)


class RivalsModel(QAbstractTableModel):
    """One row per firm: last quarter's deliveries, share, price, announced capacity, autonomy.

    Only public information: nothing about cash, budgets or pending decisions.
    """

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.rows = []
        session.gameStarted.connect(self.reload)
        session.quarterResolved.connect(self.reload)
        self.reload()

    def headers(self) -> list:
        """Column titles (translated)."""
        return [translate("Rivals", "Firm"), translate("Rivals", "Deliveries"), translate("Rivals", "Change"),
                translate("Rivals", "Share"), translate("Rivals", "Avg. price"), translate("Rivals", "Price\nchange"),
                translate("Rivals", "Capacity\n(incl. building)"), translate("Rivals", "Autonomy\n(marketed)")]

    def reload(self, *_) -> None:
        """Rebuild the rows from the session's history."""
        self.beginResetModel()
        self.rows = []
        h, sc = self.session.history, self.session.scenario
        if h is not None and h.quarters:
            units, share, price = h.firm("deliveries"), h.firm("market_share"), h.firm("avg_price_cny")
            capacity = h.firm("nameplate") + h.firm("capacity_pipeline")
            level = h.firm("autonomy_sold")
            exited = h.firm("exited")[-1]
            for f, firm in enumerate(sc.firms):
                prev = (units[-2, f], price[-2, f]) if len(units) > 1 else (np.nan, np.nan)
                row = {"firm": firm, "units_change": units[-1, f] / prev[0] - 1 if prev[0] > 0 else np.nan,
                       "price_change": price[-1, f] / prev[1] - 1 if prev[1] > 0 and units[-1, f] > 0 else np.nan,
                       "exited": exited[f] > 0, "player": firm.id == self.session.player,
                       "colour": QColor(firm_colour(sc, f))}
                row["text"] = self._texts(row, units[-1, f], share[-1, f], price[-1, f], capacity[-1, f], level[-1, f])
                self.rows.append(row)
        self.endResetModel()

    @staticmethod
    def _texts(row, units, share, price, capacity, level) -> tuple:
        """The row's cells as shown (computed once per quarter, not on every paint)."""
        name = i18n.text_of(row["firm"].name) + (" " + translate("Rivals", "(you)") if row["player"] else "") + \
            (" — " + translate("Rivals", "left the market") if row["exited"] else "")
        change = lambda v: "–" if not np.isfinite(v) else i18n.signed(i18n.percent(v), v)  # noqa: E731
        return (name, i18n.compact(units), change(row["units_change"]), i18n.percent(share), i18n.money(price),
                change(row["price_change"]), i18n.compact(capacity), f"{i18n.number(level, 1)} · {level_name(level)}")

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 0 if parent.isValid() else 8

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        return None

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        row = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row["text"][col]
        if role == Qt.ItemDataRole.TextAlignmentRole and 0 < col < 7:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.FontRole and row["player"]:
            return BOLD
        if role == Qt.ItemDataRole.ForegroundRole and col in (2, 5):
            v = row["units_change" if col == 2 else "price_change"]
            if np.isfinite(v) and abs(v) > 0.005:
                return QBrush(QColor(theme.colour("good" if v > 0 else "bad")))
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return row["colour"]
        return None


class RivalsPanel(QWidget):
    """The rivals table with a note on what is public."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("rivals-panel")
        self.model = RivalsModel(session, self)
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.view.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 6)
        note = QLabel(translate("Rivals", "Last quarter, public information only: what any analyst could know."))
        note.setStyleSheet(f"color: {theme.colour('muted')};")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(titled(session, note, "rivals", self))
        layout.addWidget(self.view)
