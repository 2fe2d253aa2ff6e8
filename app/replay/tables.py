"""The viewer's tables: every firm's results and decisions in the quarter shown, and that
quarter's events and objectives. Hidden values (a team view of a rival's private figures) read
"—" with a tooltip saying why."""

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView

from .. import i18n, theme
from ..i18n import translate
from .document import finite

HIDDEN = "—"
BOLD = QFont()
BOLD.setBold(True)
FORMATS = {"money": i18n.money, "count": i18n.compact, "percent": i18n.percent,
           "level": lambda v: i18n.number(v, 1), "int": lambda v: i18n.number(v, 0)}


def controller_name(controller: str) -> str:
    """Who decided: a team (a person) or the computer at a level."""
    if controller == "human":
        return translate("Replay", "team")
    names = {"easy": translate("Replay", "AI (easy)"), "normal": translate("Replay", "AI (normal)"),
             "hard": translate("Replay", "AI (hard)"), "script": translate("Replay", "history script")}
    return names.get(controller, controller)


class RowsTable(QAbstractTableModel):
    """A read-only table of :attr:`rows` under the column :attr:`titles` (set by subclasses)."""

    rows: list = []
    titles: list = []

    def rowCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()):  # noqa: N802 - Qt API
        return 0 if parent.isValid() else len(self.titles)

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802 - Qt API
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.titles[section]
        return None


class FirmTable(RowsTable):
    """One row per firm; subclasses fill :attr:`rows` (texts) in :meth:`reload`."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.document = document
        self.rows = []            # per firm: (firm id, [texts], [hidden flags])
        self.titles = self.headers()
        document.quarterChanged.connect(self.reload)
        document.viewChanged.connect(self.reload)

    def headers(self) -> list:
        """Column titles (translated)."""
        raise NotImplementedError

    COLUMNS = ()

    def cell(self, firm_id: str, key: str) -> str:
        """The text shown for ``firm_id`` under metric or field ``key`` (tests read the model)."""
        column = 2 + [k for k, _ in self.COLUMNS].index(key)
        return next(texts[column] for f, texts, _ in self.rows if f == firm_id)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        firm_id, texts, hidden = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[col]
        if role == Qt.ItemDataRole.ToolTipRole and hidden[col]:
            return translate("Replay", "Private: the team playing %1 could not see this then.").replace(
                "%1", self.document.firm_name(self.document.team))
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 1 and self.COLUMNS[col - 2][1] in FORMATS \
                and not self.per_model(col):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and hidden[col]:
            return QBrush(QColor(theme.colour("muted")))
        if role == Qt.ItemDataRole.FontRole and firm_id == (self.document.team or self.document.player):
            return BOLD
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return QColor(self.document.colours[firm_id])
        return None

    def per_model(self, column: int) -> bool:
        """True for a column listing a value per model (left-aligned text)."""
        return self.COLUMNS[column - 2][0] in ("prices", "incentives", "production")

    def _firm_cells(self, shown, firm_id: str) -> list:
        name = self.document.firm_name(firm_id)
        return [name, controller_name(shown.controllers[self.document.index].get(firm_id, ""))]


class ResultsModel(FirmTable):
    """Each firm's results in the quarter shown."""

    COLUMNS = (("deliveries", "count"), ("market_share", "percent"), ("avg_price_cny", "money"),
               ("revenue_cny", "money"), ("operating_profit_cny", "money"), ("gross_margin", "percent"),
               ("cash_cny", "money"), ("backlog", "count"), ("autonomy_level", "level"), ("score", "level"))

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.reload()

    def headers(self) -> list:
        return [translate("Replay", "Firm"), translate("Replay", "Decided by"), translate("Replay", "Deliveries"),
                translate("Replay", "Share"), translate("Replay", "Avg. price"), translate("Replay", "Revenue"),
                translate("Replay", "Operating\nprofit"), translate("Replay", "Gross\nmargin"),
                translate("Replay", "Cash"), translate("Replay", "Order\nbacklog"), translate("Replay", "Autonomy"),
                translate("Replay", "Score")]

    def reload(self, *_) -> None:
        """Rebuild the rows for the quarter and view shown."""
        self.beginResetModel()
        d = self.document
        shown, i = d.shown(), d.index
        self.rows = []
        for k, firm_id in enumerate(shown.firm_ids):
            texts, hidden = self._firm_cells(shown, firm_id), [False, False]
            for metric, fmt in self.COLUMNS:
                values = shown.firm.get(metric)
                value = float(values[i, k]) if values is not None else np.nan
                secret = d.hidden("firm", metric, firm_id)
                texts.append(HIDDEN if secret else FORMATS[fmt](value) if finite(value) else "–")
                hidden.append(secret)
            self.rows.append((firm_id, texts, hidden))
        self.endResetModel()


class DecisionsModel(FirmTable):
    """Each firm's decisions for the quarter shown (rivals' private fields hidden in a team view)."""

    COLUMNS = (("prices", "money"), ("incentives", "money"), ("production", "count"), ("capacity_order", "count"),
               ("shifts", "int"), ("marketing_budget", "money"), ("autonomy_budget", "money"),
               ("chip_budget", "money"), ("integration_budget", "money"), ("services_budget", "money"),
               ("charging_budget", "money"), ("bundle_subsidy", "money"), ("parent_draw", "money"),
               ("equity_raise", "money"), ("borrow", "money"), ("launches", "models"))

    def __init__(self, document, parent=None):
        super().__init__(document, parent)
        self.reload()

    def headers(self) -> list:
        return [translate("Replay", "Firm"), translate("Replay", "Decided by"), translate("Replay", "List prices"),
                translate("Replay", "Incentives"), translate("Replay", "Production"),
                translate("Replay", "Capacity\nordered"), translate("Replay", "Shifts"),
                translate("Replay", "Marketing"), translate("Replay", "Autonomy\nR&D"), translate("Replay", "Chip"),
                translate("Replay", "Ecosystem\nintegration"), translate("Replay", "Services"),
                translate("Replay", "Charging"), translate("Replay", "Bundle\nsubsidy"),
                translate("Replay", "Parent\ndraw"), translate("Replay", "Equity\nraised"),
                translate("Replay", "Borrowed"), translate("Replay", "Launches")]

    def _value(self, value, fmt: str) -> str:
        if fmt == "models":
            return ", ".join(self.document.model_name(m) for m in value) or "–"
        if isinstance(value, dict):
            return " · ".join(f"{self.document.model_short_name(m)} {FORMATS[fmt](v)}" for m, v in value.items()) or "–"
        return FORMATS[fmt](float(value)) if value is not None else "–"

    def reload(self, *_) -> None:
        """Rebuild the rows for the quarter and view shown."""
        self.beginResetModel()
        d = self.document
        shown = d.shown()
        decisions = shown.decisions[d.index]
        self.rows = []
        for firm_id in shown.firm_ids:
            decision = decisions.get(firm_id, {})
            texts, hidden = self._firm_cells(shown, firm_id), [False, False]
            for field, fmt in self.COLUMNS:
                secret = d.hidden("decision", field, firm_id) or field not in decision
                texts.append(HIDDEN if secret else self._value(decision[field], fmt))
                hidden.append(secret)
            self.rows.append((firm_id, texts, hidden))
        self.endResetModel()


def table_view(model, parent=None) -> QTableView:
    """A read-only table for a firm model, sized to its contents."""
    view = QTableView(parent)
    view.setModel(model)
    view.verticalHeader().hide()
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setSelectionMode(QTableView.SelectionMode.NoSelection)
    view.setFocusPolicy(Qt.FocusPolicy.NoFocus)          # arrow keys belong to the timeline
    view.setWordWrap(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 6)
    return view


class QuarterPanel(QLabel):
    """The quarter shown: events that fired, facilitator injections, and objectives' status then."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("replay-quarter-panel")
        self.document = document
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.setMinimumWidth(260)
        self._markers = document.markers()
        document.quarterChanged.connect(self.refresh)
        document.viewChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_) -> None:
        """Show the events and objectives of the quarter shown."""
        d = self.document
        i = d.index
        deck, injected = self._markers[i]
        muted = theme.colour("muted")
        parts = [f"<h3>{i18n.quarter(d.quarter)}</h3>", "<b>" + translate("Replay", "Events") + "</b><br>"]
        parts.append("<br>".join(f"▼ {h}" for h in deck) or f"<span style='color:{muted}'>" +
                     translate("Replay", "No event this quarter.") + "</span>")
        if injected:
            parts.append("<br><br><b>" + translate("Replay", "Injected by the facilitator") + "</b><br>")
            parts.append("<br>".join(f"◆ {h}" + (f" → {who}" if who else "") for h, who in injected))
        parts.append("<br><br><b>" + translate("Replay", "Objectives after this quarter") + "</b><br>")
        parts.append(self._objectives())
        self.setText("".join(parts))

    def _objectives(self) -> str:
        d = self.document
        if not d.objectives_visible():
            text = translate("Replay", "Only the team playing %1 sees its objectives.")
            text = text.replace("%1", d.firm_name(d.player))
            return f"<span style='color:{theme.colour('muted')}'>{text}</span>"
        status = d.shown().objectives[d.index]
        marks = {1: ("✔", translate("Replay", "met"), "good"), -1: ("✘", translate("Replay", "failed"), "bad"),
                 0: ("…", translate("Replay", "pending"), "muted")}
        lines = []
        for k, (_, words) in enumerate(d.objectives()):
            mark, name, colour = marks[int(np.sign(status[k]))] if finite(status[k]) else ("?", HIDDEN, "muted")
            lines.append(f"<span style='color:{theme.colour(colour)}'>{mark} {name}</span> {words}")
        return "<br>".join(lines) or translate("Replay", "This scenario sets no objectives.")

