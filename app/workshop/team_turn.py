"""One team's private turn at the shared laptop: the app's decision editors bound to the team's
draft, what the team may see, its forecast, and Submit.

Built fresh for every turn and deleted after it (see :mod:`app.workshop.hotseat`), so no field,
undo step or figure of one team is ever shown to the next.
"""

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from engine.workshop import WorkshopError

from .. import i18n, theme
from ..i18n import translate
from ..widgets.decisions import DecisionsPanel
from .drafts import starting_draft
from .pins import pin_problem
from .prediction import PredictionForm
from .team_draft import TeamDraftSession
from .team_panel import TeamViewPanel, team_screen


class TeamTurn(QWidget):
    """Decisions, view and forecast of ``team``; emits :attr:`submitted` or :attr:`left`. Beside
    Submit the team may set (or change) the PIN that its screen will need from then on."""

    submitted = Signal(str)
    left = Signal(str)

    def __init__(self, controller, team: str, parent=None):
        super().__init__(parent)
        self.setObjectName(f"team-turn-{team}")
        self.controller, self.team = controller, team
        view = controller.team_view(team)
        advice = controller.suggestion(team)
        draft = starting_draft(view, advice if advice is not None else controller.draft_basis(team))
        self.session = TeamDraftSession(controller.session.game, team, draft, advice, self)
        self.decisions = DecisionsPanel(self.session, self)
        self.decisions.advice.setVisible(advice is not None)
        self.panel = TeamViewPanel(self)
        self.panel.show_view(view)
        self.prediction = PredictionForm(self)
        self.prediction.set_prediction(view["prediction"])
        quarter = i18n.quarter(view["session"]["quarter"])
        title = QLabel("<h2>" + translate("Hotseat", "%1 — decisions for %2").replace("%1", view["name"])
                       .replace("%2", quarter) + "</h2>", self)
        title.setObjectName("turn-title")
        private = QLabel(translate("Hotseat", "Only your team should see this screen. Submit when you are done; you "
                                   "can come back and resubmit until the round is locked."), self)
        private.setWordWrap(True)
        private.setStyleSheet(f"color: {theme.colour('muted')};")
        self.clock = QLabel(self)
        self.clock.setObjectName("turn-clock")
        self.clock.setStyleSheet("font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName("turn-status")
        self.status.setWordWrap(True)
        self.status.setStyleSheet(f"color: {theme.colour('bad')};")
        self.submit_button = QPushButton(translate("Hotseat", "Submit and pass the laptop on"), self)
        self.submit_button.setObjectName("turn-submit")
        self.submit_button.setMinimumHeight(40)
        self.submit_button.setStyleSheet("font-weight: bold;")
        self.submit_button.clicked.connect(self.submit)
        protected = controller.pins.has(team)
        pin_label = QLabel(translate("Hotseat", "New PIN:") if protected else
                           translate("Hotseat", "PIN to reopen your screen:"), self)
        pin_label.setToolTip(translate("Hotseat", "4 to 6 digits. Other teams cannot open your screen without it; "
                                       "the facilitator can reset it."))
        self.pin = QLineEdit(self)
        self.pin.setObjectName("turn-pin")
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setMaxLength(6)
        self.pin.setFixedWidth(150)
        self.pin.setPlaceholderText(translate("Hotseat", "leave empty to keep it") if protected else
                                    translate("Hotseat", "4–6 digits (optional)"))
        self.pin.setToolTip(pin_label.toolTip())
        leave = QPushButton(translate("Hotseat", "Leave without submitting"), self)
        leave.setObjectName("turn-leave")
        leave.clicked.connect(lambda: self.left.emit(self.team))
        undo = self.session.undo_stack.createUndoAction(self, translate("Hotseat", "Undo"))
        undo.setShortcut(QKeySequence("Ctrl+Z"))
        redo = self.session.undo_stack.createRedoAction(self, translate("Hotseat", "Redo"))
        redo.setShortcut(QKeySequence("Ctrl+Y"))
        submit = QAction(self)
        submit.setShortcut(QKeySequence("Ctrl+Return"))
        submit.triggered.connect(self.submit)
        for action in (undo, redo, submit):
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.addAction(action)
        split = team_screen(self.decisions, self.panel, self.prediction, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.clock)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(pin_label)
        buttons.addWidget(self.pin)
        buttons.addWidget(leave)
        buttons.addWidget(self.submit_button)
        layout = QVBoxLayout(self)
        layout.addWidget(title)
        layout.addWidget(private)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

    def submit(self) -> bool:
        """Record the draft (and the forecast, if any) as the team's sealed submission, and the
        PIN typed beside Submit (if any) as the team's PIN. A bad PIN refuses the whole submission."""
        focus = self.focusWidget()
        if focus is not None and hasattr(focus, "editingFinished"):
            focus.editingFinished.emit()      # a value still being typed counts
        try:
            forecast = self.prediction.value()
        except WorkshopError as exc:
            self.prediction.show_error(str(exc))
            return False
        pin = self.pin.text().strip()
        if pin and pin_problem(pin):
            self.status.setText(pin_problem(pin))
            self.pin.setFocus()
            return False
        problem = self.controller.submit(self.team, self.session.draft)
        if not problem and pin:
            problem = self.controller.set_pin(self.team, pin)
        if not problem and forecast is not None:
            problem = self.controller.predict(self.team, forecast)
        if problem:
            self.status.setText(problem)
            return False
        self.submitted.emit(self.team)
        return True

    def wipe(self) -> None:
        """Forget everything the team entered (called before the widget is deleted)."""
        self.session.discard()
        self.prediction.set_prediction(None)
        self.pin.clear()
