""""How is this computed?": the model's equation in plain words, its parameters and their sources."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHeaderView, QLabel, QTableView, QVBoxLayout

from engine.explain import explain

from .. import i18n
from ..problems import parameter_unit


def format_value(value) -> str:
    """A parameter value for people: numbers with grouping, lists joined, flags as yes/no."""
    if isinstance(value, bool):
        return i18n.translate("Explain", "yes") if value else i18n.translate("Explain", "no")
    if isinstance(value, tuple):
        return " / ".join(format_value(v) for v in value)
    if isinstance(value, int):
        return i18n.number(value)
    if value != 0 and (abs(value) >= 1e6 or abs(value) < 1e-3):
        return i18n.locale().toString(float(value), "g", 4)
    return i18n.locale().toString(float(value), "g", 6)


class ExplainDialog(QDialog):
    """Shows one topic of :mod:`engine.explain` for the session's scenario and player."""

    def __init__(self, session, topic: str, parent=None, model: str | None = None):
        super().__init__(parent)
        self.setObjectName("explain-dialog")
        info = explain(session.scenario, topic, i18n.current(), firm=session.player, model=model)
        self.setWindowTitle(i18n.translate("Explain", "How is this computed? — %1").replace("%1", info.title))
        title = QLabel(f"<h3>{info.title}</h3>")
        equation = QLabel(info.equation)
        equation.setObjectName("explain-equation")
        equation.setWordWrap(True)
        equation.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.table = QTableView(self)
        self.model = QStandardItemModel(0, 4, self)
        self.model.setHorizontalHeaderLabels([i18n.translate("Explain", "Parameter"), i18n.translate("Explain", "Value"),
                                              i18n.translate("Explain", "Unit"), i18n.translate("Explain", "Source")])
        for row in info.parameters:
            items = [QStandardItem(row.label), QStandardItem(format_value(row.value)), QStandardItem(parameter_unit(row.unit)),
                     QStandardItem(row.source)]
            items[1].setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            items[3].setToolTip(row.source)
            for item in items:
                item.setEditable(False)
            self.model.appendRow(items)
        self.table.setModel(self.model)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.table.setSelectionMode(QTableView.SelectionMode.NoSelection)
        header.sectionResized.connect(lambda *_: self.table.resizeRowsToContents())
        sources = QLabel(i18n.translate("Explain", "Parameters and sources come from the scenario file %1.")
                         .replace("%1", session.scenario.id))
        sources.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        for widget in (title, equation, self.table, sources, buttons):
            layout.addWidget(widget)
        self.resize(900, 560)

    def showEvent(self, event):  # noqa: N802 - Qt hook
        super().showEvent(event)
        self.table.resizeRowsToContents()


def show_explanation(session, topic: str, parent=None, model: str | None = None) -> ExplainDialog | None:
    """Open the panel for ``topic`` (non-modal); return it, or None when no game is open."""
    if session.game is None:
        return None
    dialog = ExplainDialog(session, topic, parent.window() if parent is not None else None, model)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.show()
    return dialog
