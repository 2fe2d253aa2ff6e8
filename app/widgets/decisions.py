"""The decisions panel: one page per area, the projected result of the plan and the advisor."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHBoxLayout, QLabel, QListWidget, QPushButton,
                               QStackedWidget, QVBoxLayout, QWidget)

from .. import i18n, theme
from ..i18n import translate
from .decision_budgets import AutonomyPage, EcosystemPage, FinancePage, MarketingPage
from .decision_pages import LaunchesPage, PricingPage, ProductionPage
from .fields import help_button

PAGES = (("Pricing", PricingPage), ("Production & capacity", ProductionPage), ("Autonomy & chip", AutonomyPage),
         ("Ecosystem", EcosystemPage), ("Marketing", MarketingPage), ("Finance", FinancePage),
         ("Launches", LaunchesPage))


def page_titles() -> list:
    """Translated titles of the decision pages, in order."""
    return [translate("Decisions", "Pricing"), translate("Decisions", "Production & capacity"),
            translate("Decisions", "Autonomy & chip"), translate("Decisions", "Ecosystem"),
            translate("Decisions", "Marketing"), translate("Decisions", "Finance"), translate("Decisions", "Launches")]


def projection_hint(level: str | None) -> str:
    """The line under the plan summary: how many futures and which AI the rivals play (None: unknown)."""
    hints = {"easy": translate("Decisions", "Median of 64 simulated futures, rivals responding as the easy AI."),
             "normal": translate("Decisions", "Median of 64 simulated futures, rivals responding as the normal AI."),
             "hard": translate("Decisions", "Median of 64 simulated futures, rivals responding as the normal AI, the "
                                            "model the hard AI's look-ahead assumes (its look-ahead would slow every "
                                            "edit).")}
    return hints.get(level) or translate("Decisions", "Median of 64 simulated futures, rivals responding.")


class PlanSummary(QGroupBox):
    """The median projected result of the coming quarter under the draft ("cash after this plan")."""

    ROWS = ("deliveries", "revenue_cny", "operating_profit_cny", "cash_cny", "market_share")

    def __init__(self, session, parent=None):
        super().__init__(translate("Decisions", "If you end the quarter with this plan"), parent)
        self.session = session
        self.setObjectName("plan-summary")
        names = (translate("Decisions", "Deliveries"), translate("Decisions", "Revenue"),
                 translate("Decisions", "Operating profit"), translate("Decisions", "Cash after this plan"),
                 translate("Decisions", "Market share"))
        grid = QGridLayout(self)
        self.values = {}
        for row, (key, name) in enumerate(zip(self.ROWS, names)):
            grid.addWidget(QLabel(name), row, 0)
            value = QLabel("–")
            value.setObjectName(f"projection-{key}")
            value.setAlignment(Qt.AlignmentFlag.AlignRight)
            grid.addWidget(value, row, 1)
            self.values[key] = value
        grid.addWidget(help_button(session, "cash_after_plan", self), 0, 2)
        hint = QLabel(projection_hint(getattr(session, "rival_level", None)))
        hint.setObjectName("projection-hint")
        hint.setWordWrap(True)
        hint.setStyleSheet(f"color: {theme.colour('muted')};")
        grid.addWidget(hint, len(self.ROWS), 0, 1, 3)
        session.draftChanged.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the session's projection."""
        p = self.session.projection
        fmt = {"deliveries": i18n.compact, "market_share": lambda v: i18n.percent(v, 2)}
        for key, label in self.values.items():
            value = p.get(key)
            label.setText("–" if value is None else fmt.get(key, i18n.money)(value))
            bad = key in ("operating_profit_cny", "cash_cny") and value is not None and value < 0
            label.setStyleSheet(f"color: {theme.colour('bad')}; font-weight: bold;" if bad else "font-weight: bold;")


class DecisionsPanel(QWidget):
    """Navigation list of areas, the area's page, the plan summary and the advisor button."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setObjectName("decisions-panel")
        self.nav = QListWidget(self)
        self.nav.setObjectName("decision-areas")
        self.stack = QStackedWidget(self)
        self.pages = []
        for title, (_, cls) in zip(page_titles(), PAGES):
            page = cls(session, self.stack)
            self.pages.append(page)
            self.stack.addWidget(page)
            self.nav.addItem(title)
        self.nav.setFixedWidth(max(self.nav.fontMetrics().horizontalAdvance(t) for t in page_titles()) + 24)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        self.nav.setCurrentRow(0)
        self.advice = QPushButton(translate("Decisions", "Use the advisor's plan"), self)
        self.advice.setObjectName("advisor")
        self.advice.setToolTip(translate("Decisions", "Replace the whole draft with what your strategy team (the "
                                         "normal AI) would do this quarter. Undo brings yours back."))
        self.advice.clicked.connect(session.use_advice)
        self.title = QLabel(self)
        body = QHBoxLayout()
        body.addWidget(self.nav)
        body.addWidget(self.stack, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(body, 1)
        layout.addWidget(PlanSummary(session, self))
        layout.addWidget(self.advice)
        session.busyChanged.connect(self._update_enabled)
        session.gameFinished.connect(self._update_enabled)
        session.quarterResolved.connect(self._update_title)
        self._update_title()
        self._update_enabled()

    def show_page(self, index: int) -> None:
        """Switch to decision area ``index``."""
        self.nav.setCurrentRow(index)

    def page(self, cls):
        """The page of type ``cls``."""
        return next(p for p in self.pages if isinstance(p, cls))

    def _update_title(self, *_):
        game = self.session.game
        self.title.setText("<b>" + translate("Decisions", "Decisions for %1").replace("%1", i18n.quarter(game.quarter))
                           + "</b>" if not self.session.finished else "<b>" + translate("Decisions", "The game is over")
                           + "</b>")

    def _update_enabled(self, *_):
        on = not self.session.busy and not self.session.finished
        self.stack.setEnabled(on)
        self.advice.setEnabled(on)
        self._update_title()
