"""Teams taking turns on one laptop ("hotseat"): lobby, the pass-the-laptop screen, a team's turn.

The window covers the facilitator's console while teams enter decisions. Its pages:

* the lobby: which teams have submitted (never what), whose turn is next, the deadline;
* the pass screen: "pass the laptop to team X", with nothing of any team on it; a team that set
  a PIN (:mod:`app.workshop.pins`) types it here, and a team that submitted without one confirms
  by name that it is that team;
* a team's turn (:class:`~app.workshop.team_turn.TeamTurn`), built only once the team is let in
  (nothing of it, its sealed decision included, exists before) and deleted -- with its draft,
  undo history and every field -- before the pass screen for the next team appears.
"""

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QStackedWidget, QVBoxLayout,
                               QWidget)

from .. import i18n, theme
from ..i18n import translate
from .round_bar import countdown, phase_name
from .team_turn import TeamTurn


class HotseatWindow(QWidget):
    """The teams' screens on the shared laptop; :attr:`closed` when handed back to the facilitator."""

    closed = Signal()

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("hotseat")
        self.setWindowTitle(translate("Hotseat", "Workshop — teams"))
        self.controller = controller
        self.turn = None
        self.pending_team = None
        self.stack = QStackedWidget(self)
        self.lobby = self._lobby_page()
        self.pass_page, self.pass_title, self.pass_button = self._pass_page()
        self.stack.addWidget(self.lobby)
        self.stack.addWidget(self.pass_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.stack)
        self.clock = QTimer(self)
        self.clock.setInterval(1000)
        self.clock.timeout.connect(self._tick)
        self.clock.start()
        controller.changed.connect(self._refresh_lobby)
        controller.pinsChanged.connect(self._refresh_lobby)
        self._refresh_lobby()
        self.resize(1400, 900)

    # ---- pages ------------------------------------------------------------------------------------
    def _lobby_page(self) -> QWidget:
        page = QWidget(self)
        page.setObjectName("hotseat-lobby")
        self.lobby_title = QLabel(page)
        self.lobby_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lobby_status = QLabel(page)
        self.lobby_status.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.lobby_status.setWordWrap(True)
        self.lobby_status.setStyleSheet("font-size: 16px;")
        box = QVBoxLayout(page)
        box.setContentsMargins(120, 40, 120, 40)
        box.addWidget(self.lobby_title)
        box.addWidget(self.lobby_status)
        box.addSpacing(16)
        self.team_buttons = {}
        for team in self.controller.teams:
            button = QPushButton(page)
            button.setObjectName(f"hotseat-team-{team}")
            button.setMinimumHeight(48)
            button.clicked.connect(lambda _=False, t=team: self.ask_for(t))
            box.addWidget(button)
            self.team_buttons[team] = button
        box.addStretch(1)
        back = QPushButton(translate("Hotseat", "Facilitator: back to the console"), page)
        back.setObjectName("hotseat-back")
        back.clicked.connect(self.hand_back)
        box.addWidget(back)
        return page

    def _pass_page(self):
        page = QWidget(self)
        page.setObjectName("hotseat-pass")
        title = QLabel(page)
        title.setObjectName("pass-title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title.setWordWrap(True)
        note = QLabel(translate("Hotseat", "The previous team's screen has been cleared. Press the button only when "
                                "nobody from another team can see the screen."), page)
        note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        note.setWordWrap(True)
        note.setStyleSheet(f"color: {theme.colour('muted')}; font-size: 16px;")
        button = QPushButton(page)
        button.setObjectName("pass-ready")
        button.setMinimumHeight(56)
        button.setStyleSheet("font-size: 18px; font-weight: bold;")
        button.clicked.connect(lambda: self.let_in())
        self.pin_label = QLabel(page)
        self.pin_label.setStyleSheet("font-size: 16px;")
        self.pin_edit = QLineEdit(page)
        self.pin_edit.setObjectName("pass-pin")
        self.pin_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_edit.setMaxLength(6)
        self.pin_edit.setMaximumWidth(160)
        self.pin_edit.setStyleSheet("font-size: 18px;")
        self.pin_edit.returnPressed.connect(lambda: self.let_in())
        self.pin_row = QWidget(page)
        pin_box = QHBoxLayout(self.pin_row)
        pin_box.setContentsMargins(0, 0, 0, 0)
        pin_box.addStretch(1)
        pin_box.addWidget(self.pin_label)
        pin_box.addWidget(self.pin_edit)
        pin_box.addStretch(1)
        self.pass_error = QLabel(page)
        self.pass_error.setObjectName("pass-error")
        self.pass_error.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pass_error.setWordWrap(True)
        self.pass_error.setStyleSheet(f"color: {theme.colour('bad')}; font-size: 16px;")
        lobby = QPushButton(translate("Hotseat", "Back to the list of teams"), page)
        lobby.setObjectName("pass-lobby")
        lobby.clicked.connect(self.show_lobby)
        box = QVBoxLayout(page)
        box.setContentsMargins(160, 80, 160, 80)
        box.addStretch(1)
        box.addWidget(title)
        box.addSpacing(20)
        box.addWidget(note)
        box.addSpacing(30)
        box.addWidget(self.pin_row)
        box.addWidget(button)
        box.addWidget(self.pass_error)
        box.addStretch(2)
        box.addWidget(lobby)
        return page, title, button

    # ---- flow -------------------------------------------------------------------------------------
    def ask_for(self, team: str) -> None:
        """Show the pass screen for ``team`` (clearing any team's turn first)."""
        self._end_turn()
        self.pending_team = team
        name = self.controller.name_of(team)
        self.pass_title.setText("<h1>" + translate("Hotseat", "Pass the laptop to %1").replace("%1", name) + "</h1>")
        self.pass_button.setText(translate("Hotseat", "We are %1: show our screen").replace("%1", name))
        self.pin_label.setText(translate("Hotseat", "%1's PIN:").replace("%1", name))
        self.pin_edit.clear()
        self.pin_row.setVisible(self.controller.pins.has(team))
        self.pass_error.clear()
        self.stack.setCurrentWidget(self.pass_page)
        if self.controller.pins.has(team):
            self.pin_edit.setFocus()

    def let_in(self) -> TeamTurn | None:
        """Open the pending team's screen if it may be opened: with the team's PIN when it set one,
        else after a confirmation naming the team when it has already submitted (its sealed
        decision would show). Nothing of the team is built before that (None when refused)."""
        team = self.pending_team
        if team is None:
            return None
        name, pins = self.controller.name_of(team), self.controller.pins
        if pins.has(team):
            typed = self.pin_edit.text()
            self.pin_edit.clear()
            if pins.locked(team) or not self.controller.check_pin(team, typed):
                self.pass_error.setText(
                    translate("Hotseat", "Too many wrong PINs: %1's screen stays shut until the facilitator resets "
                              "its PIN.").replace("%1", name) if pins.locked(team) else
                    translate("Hotseat", "Wrong PIN for %1 (%2 tries left).").replace("%1", name)
                    .replace("%2", str(pins.tries_left(team))))
                return None
        elif self.controller.view["submissions"][team]["submitted"]:
            answer = QMessageBox.question(
                self, translate("Hotseat", "Open %1's screen?").replace("%1", name),
                translate("Hotseat", "%1 has already submitted: its screen shows its sealed decision. Open it only "
                          "if you are %1.").replace("%1", name),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, QMessageBox.StandardButton.No)
            if answer != QMessageBox.StandardButton.Yes:
                self.show_lobby()
                return None
        return self._start_turn()

    def _start_turn(self) -> TeamTurn | None:
        if self.controller.phase != "open":
            self.show_lobby()
            return None
        self.turn = TeamTurn(self.controller, self.pending_team, self)
        self.turn.submitted.connect(self._submitted)
        self.turn.left.connect(lambda _team: self.show_lobby())
        self.stack.addWidget(self.turn)
        self.stack.setCurrentWidget(self.turn)
        self._tick()
        return self.turn

    def _submitted(self, team: str) -> None:
        waiting = self.waiting()
        if waiting:
            self.ask_for(waiting[0])
        else:
            self.show_lobby()

    def _end_turn(self) -> None:
        """Delete the current team's turn: its draft, undo history and every field go with it."""
        if self.turn is None:
            return
        turn, self.turn = self.turn, None
        turn.wipe()
        self.stack.removeWidget(turn)
        turn.hide()
        turn.setParent(None)
        turn.deleteLater()

    def show_lobby(self) -> None:
        """Back to the list of teams."""
        self._end_turn()
        self.pin_edit.clear()
        self.pass_error.clear()
        self._refresh_lobby()
        self.stack.setCurrentWidget(self.lobby)

    def hand_back(self) -> None:
        """Close the teams' screens and return to the facilitator's console."""
        self._end_turn()
        self.hide()
        self.closed.emit()

    def waiting(self) -> list:
        """Teams without a submission for the open round, in the workshop's order."""
        submissions = self.controller.view["submissions"]
        return [t for t in self.controller.teams if not submissions[t]["submitted"]]

    # ---- refresh ----------------------------------------------------------------------------------
    def _refresh_lobby(self) -> None:
        view = self.controller.view["session"]
        submissions = self.controller.view["submissions"]
        self.lobby_title.setText("<h1>" + translate("Hotseat", "%1 — %2").replace("%1", i18n.quarter(view["quarter"]))
                                 .replace("%2", phase_name(view["phase"])) + "</h1>")
        waiting = self.waiting()
        if view["phase"] != "open":
            text = translate("Hotseat", "The round is not open for decisions. Hand the laptop to the facilitator.")
        elif waiting:
            text = translate("Hotseat", "Waiting for %1 of %2 teams. Pick your team when it is your turn.").replace(
                "%1", str(len(waiting))).replace("%2", str(len(self.controller.teams)))
        else:
            text = translate("Hotseat", "Every team has submitted. Hand the laptop back to the facilitator.")
        self.lobby_status.setText(text + " " + countdown(view["deadline"], self.controller.clock()))
        for team, button in self.team_buttons.items():
            done = submissions[team]["submitted"]
            button.setText(("✓ " if done else "") + self.controller.name_of(team) + "  —  " + (
                translate("Hotseat", "submitted (you may resubmit)") if done else translate("Hotseat", "to enter")) + (
                "  ·  " + translate("Hotseat", "PIN protected") if self.controller.pins.has(team) else ""))
            button.setStyleSheet(f"font-size: 17px; color: {theme.colour('good')};" if done else
                                 "font-size: 17px; font-weight: bold;")
            button.setEnabled(view["phase"] == "open")

    def _tick(self) -> None:
        if self.stack.currentWidget() is self.lobby:
            self._refresh_lobby()
        elif self.turn is not None:
            self.turn.clock.setText(countdown(self.controller.view["session"]["deadline"], self.controller.clock()))

    def closeEvent(self, event):
        self._end_turn()
        self.clock.stop()
        self.closed.emit()
        super().closeEvent(event)
