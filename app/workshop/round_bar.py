"""Round control: the quarter, its phase and countdown, and the facilitator's buttons.

Open → lock → resolve → open the next round; unlock a locked round; reopen the last resolved
quarter after a confirmation that says what it discards; extend the deadline.
"""

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QSpinBox, QWidget

from .. import i18n, theme
from ..i18n import translate

EXTEND_MINUTES = 5


def phase_name(phase: str) -> str:
    """A round phase in words."""
    return {"open": translate("Workshop", "open for decisions"), "locked": translate("Workshop", "locked"),
            "resolved": translate("Workshop", "resolved"), "finished": translate("Workshop", "finished")}[phase]


def countdown(deadline, now: float) -> str:
    """``"12:34 left"``, ``"time is up"`` or "" when the round has no deadline."""
    if deadline is None:
        return ""
    left = int(deadline - now)
    if left <= 0:
        return translate("Workshop", "time is up")
    hours, rest = divmod(left, 3600)
    text = f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
    return translate("Workshop", "%1 left").replace("%1", text)


def reopen_text(view: dict) -> str:
    """What reopening the last resolved quarter discards, in the current language (the facts of
    ``WorkshopSession.reopen_warning``)."""
    session = view["session"]
    text = translate("Workshop", "Reopening %1 discards its results, which teams may already have seen.").replace(
        "%1", i18n.quarter(session["last_quarter"]))
    pending = sum(1 for s in view["submissions"].values() if s["submitted"])
    queued = len(view["injections"])
    if session["phase"] in ("open", "locked") and (pending or queued):
        text += " " + translate("Workshop", "%1 submission(s) and %2 injection(s) for %3 are discarded too.").replace(
            "%1", str(pending)).replace("%2", str(queued)).replace("%3", i18n.quarter(session["quarter"]))
    return text


class RoundBar(QWidget):
    """The round's status line and control buttons, driven by a :class:`WorkshopController`."""

    teamsRequested = Signal()              # one laptop: hand the laptop to the teams

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("round-bar")
        self.controller = controller
        self.status = QLabel(self)
        self.status.setObjectName("round-status")
        self.status.setStyleSheet("font-size: 18px;")
        self.buttons = {}
        row = QHBoxLayout(self)
        row.addWidget(self.status, 1)
        for key, text, tip, slot in (
                ("teams", translate("Workshop", "Teams' turns…"), translate("Workshop", "Hand the laptop to the "
                 "teams: each enters its decisions privately"), self.teamsRequested.emit),
                ("lock", translate("Workshop", "Lock"), translate("Workshop", "Close submissions for this round"),
                 lambda: controller.control("lock")),
                ("unlock", translate("Workshop", "Unlock"), translate("Workshop", "Let teams submit again"),
                 lambda: controller.control("unlock")),
                ("resolve", translate("Workshop", "Resolve"), translate("Workshop", "Play the quarter: teams without "
                 "a submission get the workshop's default"), controller.resolve),
                ("open", translate("Workshop", "Open next round"), translate("Workshop", "Start the next quarter's "
                 "round (and its timer)"), lambda: controller.control("open")),
                ("reopen", translate("Workshop", "Reopen…"), translate("Workshop", "Undo the last resolved quarter "
                 "and open it again"), self.reopen)):
            button = QPushButton(text, self)
            button.setObjectName(f"round-{key}")
            button.setToolTip(tip)
            button.clicked.connect(slot)
            row.addWidget(button)
            self.buttons[key] = button
        self.buttons["resolve"].setStyleSheet(f"QPushButton {{ font-weight: bold; color: {theme.colour('highlight')}; }} "
                                              f"QPushButton:disabled {{ color: {theme.colour('muted')}; }}")
        self.buttons["teams"].setVisible(controller.host is None)
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("extend-minutes")
        self.minutes.setRange(1, 240)
        self.minutes.setValue(EXTEND_MINUTES)
        self.minutes.setSuffix(" " + translate("Workshop", "min"))
        extend = QPushButton(translate("Workshop", "Extend"), self)
        extend.setObjectName("round-extend")
        extend.setToolTip(translate("Workshop", "Move the deadline later by these minutes"))
        extend.clicked.connect(lambda: controller.control("extend", seconds=60.0 * self.minutes.value()))
        row.addWidget(self.minutes)
        row.addWidget(extend)
        self.buttons["extend"] = extend
        controller.changed.connect(self.refresh)
        controller.busyChanged.connect(self.refresh)
        self.refresh()

    def refresh(self, *_) -> None:
        """Update the status line and which buttons apply now."""
        c = self.controller
        view = c.view
        session = view["session"]
        phase = session["phase"]
        submitted = sum(1 for s in view["submissions"].values() if s["submitted"])
        label = session["last_quarter"] if phase in ("resolved", "finished") else session["quarter"]
        parts = ["<b>" + i18n.quarter(label) + "</b>", phase_name(phase)]
        if phase in ("open", "locked"):
            parts.append(translate("Workshop", "%1 of %2 submitted").replace("%1", str(submitted))
                         .replace("%2", str(len(c.teams))))
            clock = countdown(session["deadline"], c.clock())
            if clock:
                parts.append(clock)
        parts.append(translate("Workshop", "quarter %1 of %2").replace("%1", str(min(session["resolved"] + (
            phase in ("open", "locked")), session["total_quarters"]))).replace("%2", str(session["total_quarters"])))
        if c.busy:
            parts.append(translate("Workshop", "resolving…"))
        self.status.setText(" · ".join(parts))
        can = {"teams": phase == "open", "lock": phase == "open", "unlock": phase == "locked",
               "resolve": phase == "locked", "open": phase == "resolved", "reopen": session["resolved"] > 0,
               "extend": phase in ("open", "locked")}
        for key, button in self.buttons.items():
            button.setEnabled(can[key] and not c.busy)
        self.minutes.setEnabled(can["extend"] and not c.busy)

    def reopen(self) -> bool:
        """Ask, showing what reopening discards, then reopen the last resolved quarter."""
        view = self.controller.view
        answer = QMessageBox.warning(self, translate("Workshop", "Reopen the last quarter?"), reopen_text(view),
                                     QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                                     QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Yes:
            return False
        return bool(self.controller.control("reopen", discard_results=True))
