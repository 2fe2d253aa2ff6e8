"""The prediction log form: a team's forecast of its own quarter (deliveries, operating profit) and
why. Scored after the quarter resolves (see :mod:`engine.workshop.predictions`)."""

from PySide6.QtWidgets import QFormLayout, QGroupBox, QLabel, QLineEdit, QPlainTextEdit

from engine.workshop import Prediction, WorkshopError
from engine.workshop.predictions import MAX_DELIVERIES, MAX_PROFIT_CNY, MAX_RATIONALE

from .. import i18n, theme
from ..i18n import translate


class PredictionForm(QGroupBox):
    """Deliveries, operating profit and a rationale; :meth:`value` gives the prediction dict."""

    def __init__(self, parent=None):
        super().__init__(translate("WorkshopTeam", "Our forecast for this quarter (optional)"), parent)
        self.setObjectName("prediction-form")
        self.factor, unit = i18n.input_unit("finance")
        self.deliveries = QLineEdit(self)
        self.deliveries.setObjectName("prediction-deliveries")
        self.deliveries.setPlaceholderText(translate("WorkshopTeam", "cars this quarter, e.g. %1").replace(
            "%1", i18n.number(45000)))
        self.profit = QLineEdit(self)
        self.profit.setObjectName("prediction-profit")
        self.profit.setPlaceholderText(translate("WorkshopTeam", "in %1, negative for a loss").replace("%1", unit))
        self.rationale = QPlainTextEdit(self)
        self.rationale.setObjectName("prediction-rationale")
        self.rationale.setPlaceholderText(translate("WorkshopTeam", "Why do you expect this? (what you bet on, "
                                                    "what could go wrong)"))
        self.rationale.setMaximumHeight(90)
        self.error = QLabel(self)
        self.error.setObjectName("prediction-error")
        self.error.setStyleSheet(f"color: {theme.colour('bad')};")
        self.error.setWordWrap(True)
        self.error.hide()
        hint = QLabel(translate("WorkshopTeam", "After the quarter, each forecast scores 0–100 by how close it came; "
                                "the debrief compares every team's forecasts."), self)
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.colour('muted')};")
        form = QFormLayout(self)
        form.addRow(translate("WorkshopTeam", "Deliveries (cars)"), self.deliveries)
        form.addRow(translate("WorkshopTeam", "Operating profit (%1)").replace("%1", unit), self.profit)
        form.addRow(translate("WorkshopTeam", "Rationale"), self.rationale)
        form.addRow(self.error)
        form.addRow(hint)

    def set_prediction(self, prediction: dict | None) -> None:
        """Show a recorded prediction (or empty fields)."""
        if prediction is None:
            self.deliveries.clear()
            self.profit.clear()
            self.rationale.clear()
        else:
            self.deliveries.setText(i18n.number(prediction["deliveries"]))
            self.profit.setText(i18n.number(prediction["operating_profit_cny"] / self.factor, 2))
            self.rationale.setPlainText(prediction["rationale"])
        self.show_error("")

    def show_error(self, text: str) -> None:
        """Show why the forecast was refused (empty hides it)."""
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def is_empty(self) -> bool:
        """True when nothing was entered."""
        return not (self.deliveries.text().strip() or self.profit.text().strip() or self.rationale.toPlainText().strip())

    def value(self) -> dict | None:
        """The prediction as a dict, None when empty; WorkshopError (translated, one line) when invalid."""
        if self.is_empty():
            return None
        deliveries, profit = i18n.parse(self.deliveries.text()), i18n.parse(self.profit.text())
        if deliveries is None or profit is None:
            raise WorkshopError(translate("WorkshopTeam", "Enter both numbers: deliveries and operating profit."))
        text = self.rationale.toPlainText().strip()
        if len(text) > MAX_RATIONALE:
            raise WorkshopError(translate("WorkshopTeam", "The rationale is limited to %1 characters.").replace(
                "%1", str(MAX_RATIONALE)))
        raw = {"deliveries": float(deliveries), "operating_profit_cny": float(profit) * self.factor, "rationale": text}
        try:
            Prediction.from_dict(raw)          # the same checks as the session's
        except WorkshopError:
            raise WorkshopError(translate("WorkshopTeam", "Deliveries must be between 0 and %1 cars and the "
                                          "profit between −%2 and %2.").replace("%1", i18n.compact(MAX_DELIVERIES))
                                .replace("%2", i18n.money(MAX_PROFIT_CNY))) from None
        return raw
