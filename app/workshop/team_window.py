"""A team's own app in a LAN workshop: the connection, the team's decisions, what it may see, its
forecast; submit and resubmit until the round locks; reconnects by itself after a drop."""

from datetime import datetime

from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMainWindow, QPushButton, QVBoxLayout, QWidget

from engine.decisions import FirmDecision
from engine.workshop import WorkshopError

from .. import i18n, theme
from ..i18n import translate
from .drafts import starting_draft
from .lan_link import CLOSED, CONNECTED, REFUSED, REVOKED, TeamLink, store_access
from .prediction import PredictionForm
from .round_bar import countdown, phase_name
from .team_form import LanDraft, TeamForm, local_scenario
from .team_panel import TeamViewPanel, team_screen


def state_text(state: str, detail: str, team_name: str) -> str:
    """The connection state in words."""
    return {"connecting": translate("WorkshopTeam", "Connecting to the host…"),
            "connected": translate("WorkshopTeam", "Connected as %1").replace("%1", team_name),
            "reconnecting": translate("WorkshopTeam", "Connection lost: reconnecting…"),
            "refused": translate("WorkshopTeam", "The host refused this code (%1). Check it with the facilitator.")
            .replace("%1", detail),
            "revoked": translate("WorkshopTeam", "Your access was reissued by the facilitator: join again with the "
                                 "new code."),
            "closed": translate("WorkshopTeam", "Disconnected.")}.get(state, state)


class TeamWindow(QMainWindow):
    """One team's window over :class:`~app.workshop.lan_link.TeamLink`."""

    def __init__(self, url: str, code: str | None = None, token: str | None = None, parent=None):
        super().__init__(parent)
        self.setObjectName("team-window")
        self.setWindowTitle(translate("WorkshopTeam", "Closed Loop — workshop team"))
        self.url = url
        self.view = None
        self.draft = None
        self.form = None
        self.quarter = None
        self.deadline = None
        self.phase = None
        self.submitted_at = None
        self.pending = {}                      # request id -> what it was
        self.ended = False                     # the host refused the code or revoked the token
        self.link = TeamLink(url, code, token, self)
        self.title = QLabel(translate("WorkshopTeam", "Joining the workshop…"), self)
        self.title.setObjectName("team-title")
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.connection = QLabel(self)
        self.connection.setObjectName("team-connection")
        self.clock = QLabel(self)
        self.clock.setObjectName("team-clock")
        self.clock.setStyleSheet("font-weight: bold;")
        self.status = QLabel(self)
        self.status.setObjectName("team-status")
        self.status.setWordWrap(True)
        self.panel = TeamViewPanel(self)
        self.prediction = PredictionForm(self)
        self.suggest_button = QPushButton(translate("Decisions", "Use the advisor's plan"), self)
        self.suggest_button.setObjectName("team-suggest")
        self.suggest_button.clicked.connect(lambda: self._send("suggest"))
        self.submit_button = QPushButton(translate("WorkshopTeam", "Submit our decisions"), self)
        self.submit_button.setObjectName("team-submit")
        self.submit_button.setMinimumHeight(40)
        self.submit_button.setStyleSheet("font-weight: bold;")
        self.submit_button.clicked.connect(self.submit)
        self.left = QWidget(self)
        self.left_box = QVBoxLayout(self.left)
        self.left_box.setContentsMargins(0, 0, 0, 0)
        split = team_screen(self.left, self.panel, self.prediction, self)
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.clock)
        buttons = QHBoxLayout()
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.suggest_button)
        buttons.addWidget(self.submit_button)
        centre = QWidget(self)
        layout = QVBoxLayout(centre)
        layout.addLayout(top)
        layout.addWidget(self.connection)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)
        self.setCentralWidget(centre)
        self.undo_action = QAction(translate("Hotseat", "Undo"), self)
        self.undo_action.setShortcut(QKeySequence("Ctrl+Z"))
        self.undo_action.triggered.connect(lambda: self.draft and self.draft.undo_stack.undo())
        self.addAction(self.undo_action)
        self.link.welcomed.connect(self._welcomed)
        self.link.viewChanged.connect(self.show_view)
        self.link.roundChanged.connect(self._round)
        self.link.replied.connect(self._replied)
        self.link.refused.connect(self._refused)
        self.link.stateChanged.connect(self._state)
        self.link.finished.connect(lambda _board: self._say(translate("WorkshopTeam", "The workshop is finished. "
                                                                      "Thank you!"), good=True))
        self.ticker = QTimer(self)
        self.ticker.setInterval(1000)
        self.ticker.timeout.connect(self._tick)
        self.ticker.start()
        self._enable()
        self.resize(1400, 900)
        self.link.start()

    # ---- from the host ------------------------------------------------------------------------------
    def _welcomed(self, welcome: dict) -> None:
        store_access(self.url, welcome.get("token"), welcome.get("team"))

    def _state(self, state: str, detail: str) -> None:
        name = self.view["name"] if self.view else (self.link.team or "")
        if state == CLOSED and self.ended:
            self._enable()
            return                             # keep saying why the host ended the link
        self.ended = state in (REFUSED, REVOKED)
        self.connection.setText(state_text(state, detail, name))
        bad = state in (REFUSED, REVOKED, CLOSED) or state == "reconnecting"
        self.connection.setStyleSheet(f"color: {theme.colour('bad' if bad else 'good')};")
        if state in (REFUSED, REVOKED):
            store_access(self.url, None, None)
        self._enable()

    def show_view(self, view: dict) -> None:
        """Render a view from the host; a new round starts a new draft."""
        self.view = view
        session = view["session"]
        self.phase, self.deadline = session["phase"], session["deadline"]
        self.title.setText(translate("WorkshopTeam", "%1 — %2, %3").replace("%1", view["name"]).replace(
            "%2", i18n.quarter(session["quarter"])).replace("%3", phase_name(session["phase"])))
        self.panel.show_view(view)
        if self.form is None:
            self.draft = LanDraft(view["team"], starting_draft(view), local_scenario(session["scenario"]), self)
            self.form = TeamForm(self.draft, view, self.left)
            self.left_box.addWidget(self.form)
            self.quarter = session["quarter"]
            self.prediction.set_prediction(view["prediction"])
            if view["draft"] is None and view["visibility"]["suggestions"] and not view["own"]["decisions"]:
                self._send("suggest", first=True)
        else:
            self.form.set_view(view)
            if session["quarter"] != self.quarter:
                self.quarter = session["quarter"]
                self.submitted_at = None
                self.draft.reset(starting_draft(view))
                self.prediction.set_prediction(view["prediction"])
                self._say("")
        if view["draft"] is not None and self.submitted_at is None:
            self.submitted_at = "earlier"
        self.suggest_button.setVisible(view["visibility"]["suggestions"])
        if self.link.state == CONNECTED:
            self.connection.setText(state_text(CONNECTED, "", view["name"]))
        self._enable()

    def _round(self, message: dict) -> None:
        self.phase, self.deadline = message["phase"], message["deadline"]
        if self.view is not None:
            if message["quarter"] != self.quarter or message["phase"] in ("resolved", "finished"):
                self.link.request("view")
            label = self.view["name"]
            self.title.setText(translate("WorkshopTeam", "%1 — %2, %3").replace("%1", label).replace(
                "%2", i18n.quarter(message["quarter"])).replace("%3", phase_name(message["phase"])))
        self._enable()

    def _replied(self, ident: int, reply: dict) -> None:
        what = self.pending.pop(ident, None)
        kind = reply.get("type")
        if kind == "submitted":
            self.submitted_at = datetime.now().strftime("%H:%M:%S")
            self._say(translate("WorkshopTeam", "Submitted at %1. You can change and resubmit until the round is "
                                "locked.").replace("%1", self.submitted_at), good=True)
        elif kind == "predicted":
            self._say(translate("WorkshopTeam", "Decisions and forecast submitted at %1.").replace(
                "%1", self.submitted_at or datetime.now().strftime("%H:%M:%S")), good=True)
        elif kind == "suggestion" and self.draft is not None:
            decision = FirmDecision.from_dict(reply["decision"], self.view["team"])
            if what == "first":
                self.draft.reset(decision)
            else:
                self.draft.replace_draft(decision, translate("Session", "Use the advisor's plan"))
        self._enable()

    def _refused(self, ident: int, code: str, message: str) -> None:
        self.pending.pop(ident, None)
        self._say(translate("WorkshopTeam", "The host refused: %1").replace("%1", message))

    # ---- actions ------------------------------------------------------------------------------------
    def _send(self, kind: str, first: bool = False, **payload) -> int:
        ident = self.link.request(kind, **payload)
        self.pending[ident] = "first" if first else kind
        return ident

    def submit(self) -> bool:
        """Send the draft (and the forecast, if one is entered) to the host."""
        if self.draft is None:
            return False
        focus = self.focusWidget()
        if focus is not None and hasattr(focus, "editingFinished"):
            focus.editingFinished.emit()
        try:
            forecast = self.prediction.value()
        except WorkshopError as exc:
            self.prediction.show_error(str(exc))
            return False
        self.prediction.show_error("")
        self._send("submit", decision=self.draft.draft.to_dict())
        if forecast is not None:
            self._send("predict", prediction=forecast)
        self._say(translate("WorkshopTeam", "Sending…"), good=True)
        return True

    def _say(self, text: str, good: bool = False) -> None:
        self.status.setText(text)
        self.status.setStyleSheet(f"color: {theme.colour('good' if good else 'bad')};")

    def _enable(self) -> None:
        live = self.link.state == CONNECTED and self.phase == "open" and self.draft is not None
        self.submit_button.setEnabled(live)
        self.suggest_button.setEnabled(live)
        if self.form is not None:
            self.form.setEnabled(self.phase == "open")
            self.draft.busy = self.phase != "open"
        self.submit_button.setText(translate("WorkshopTeam", "Resubmit our decisions") if self.submitted_at
                                   else translate("WorkshopTeam", "Submit our decisions"))

    def _tick(self) -> None:
        self.clock.setText(countdown(self.deadline, datetime.now().timestamp()) if self.phase == "open" else "")

    def closeEvent(self, event):
        self.ticker.stop()
        self.link.stop()
        super().closeEvent(event)
