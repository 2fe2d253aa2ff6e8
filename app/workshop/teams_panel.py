"""The console's teams tab: who has submitted (never what), forecasts recorded, over the LAN each
team's connection, join code (large, copyable) and a button to reissue its access, and on one
laptop whether each team set a PIN, with a button to reset it."""

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication
from PySide6.QtWidgets import (QGridLayout, QGroupBox, QHBoxLayout, QLabel, QMessageBox, QPushButton, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from engine.workshop.addresses import lan_addresses

from .. import i18n, theme
from ..i18n import translate

CODE_POINT_SIZE = 26


def spaced(code: str | None) -> str:
    """A join code as people read it aloud: ``K7P Q2M``."""
    return "—" if not code else f"{code[:3]} {code[3:]}"


class TeamsPanel(QWidget):
    """Submission status per team; join codes and reissue over the LAN; PIN resets on one laptop."""

    def __init__(self, controller, bind: str = "", parent=None):
        super().__init__(parent)
        self.setObjectName("teams-panel")
        self.controller = controller
        self.lan = controller.host is not None
        self.table = QTableWidget(0, 0, self)
        self.table.setObjectName("submissions")
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
        self.table.horizontalHeader().setStretchLastSection(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        self.code_labels, self.pin_labels, self.pin_buttons = {}, {}, {}
        if self.lan:
            layout.addWidget(self._codes_box(bind))
            controller.connectionsChanged.connect(self.refresh)
        else:
            layout.addWidget(self._pins_box())
            controller.pinsChanged.connect(self.refresh_pins)
        controller.changed.connect(self.refresh)
        self.refresh()

    def _codes_box(self, bind: str) -> QGroupBox:
        box = QGroupBox(translate("Workshop", "Join codes"), self)
        box.setObjectName("join-codes")
        port = self.controller.host.port
        where = ", ".join(f"{a}:{port}" for a in lan_addresses(bind))
        address = QLabel(translate("Workshop", "Teams choose “Join workshop…” on the start screen and enter the host "
                                   "address %1 and their code. A code works once; a team that lost its laptop gets a "
                                   "new one with Reissue.").replace("%1", f"<b>{where}</b>"), box)
        address.setObjectName("host-address")
        address.setWordWrap(True)
        address.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.address = where
        grid = QGridLayout()
        font = QFont("monospace")
        font.setStyleHint(QFont.StyleHint.Monospace)
        font.setPointSize(CODE_POINT_SIZE)
        font.setBold(True)
        for row, team in enumerate(self.controller.teams):
            name = QLabel(self.controller.name_of(team), box)
            name.setStyleSheet("font-size: 18px; font-weight: bold;")
            grid.addWidget(name, row, 0)
            code = QLabel(box)
            code.setObjectName(f"code-{team}")
            code.setFont(font)
            code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            grid.addWidget(code, row, 1)
            copy = QPushButton(translate("Workshop", "Copy"), box)
            copy.clicked.connect(lambda _=False, t=team: self.copy(t))
            grid.addWidget(copy, row, 2)
            reissue = QPushButton(translate("Workshop", "Reissue…"), box)
            reissue.setObjectName(f"reissue-{team}")
            reissue.setToolTip(translate("Workshop", "Revoke this team's access and show a new code (its open "
                                         "connections are closed; its sealed decision is kept)"))
            reissue.clicked.connect(lambda _=False, t=team: self.reissue(t))
            grid.addWidget(reissue, row, 3)
            self.code_labels[team] = code
        copy_all = QPushButton(translate("Workshop", "Copy all codes"), box)
        copy_all.setObjectName("copy-codes")
        copy_all.clicked.connect(lambda: QGuiApplication.clipboard().setText(self.codes_text()))
        column = QVBoxLayout(box)
        column.addWidget(address)
        column.addLayout(grid)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(copy_all)
        column.addLayout(row)
        return box

    def _pins_box(self) -> QGroupBox:
        box = QGroupBox(translate("Workshop", "Team PINs"), self)
        box.setObjectName("team-pins")
        note = QLabel(translate("Workshop", "A team may set a PIN of 4 to 6 digits when it submits; from then on its "
                                "screen opens only with that PIN. A team without a PIN that has submitted must "
                                "confirm its name to reopen its screen. Reset a forgotten PIN here (five wrong tries "
                                "shut the team's screen until you do)."), box)
        note.setWordWrap(True)
        grid = QGridLayout()
        for row, team in enumerate(self.controller.teams):
            name = QLabel(self.controller.name_of(team), box)
            name.setStyleSheet("font-weight: bold;")
            grid.addWidget(name, row, 0)
            status = QLabel(box)
            status.setObjectName(f"pin-status-{team}")
            grid.addWidget(status, row, 1)
            reset = QPushButton(translate("Workshop", "Reset PIN…"), box)
            reset.setObjectName(f"reset-pin-{team}")
            reset.clicked.connect(lambda _=False, t=team: self.reset_pin(t))
            grid.addWidget(reset, row, 2)
            self.pin_labels[team], self.pin_buttons[team] = status, reset
        grid.setColumnStretch(1, 1)
        column = QVBoxLayout(box)
        column.addWidget(note)
        column.addLayout(grid)
        self.refresh_pins()
        return box

    def refresh_pins(self) -> None:
        """Show which teams set a PIN and which are shut out by wrong tries."""
        pins = self.controller.pins
        for team, label in self.pin_labels.items():
            if pins.locked(team):
                label.setText(translate("Workshop", "shut after wrong PINs"))
                label.setStyleSheet(f"color: {theme.colour('bad')};")
            else:
                label.setText(translate("Workshop", "PIN set") if pins.has(team) else translate("Workshop", "no PIN"))
                label.setStyleSheet("" if pins.has(team) else f"color: {theme.colour('muted')};")
            self.pin_buttons[team].setEnabled(pins.has(team))

    def reset_pin(self, team: str, confirm: bool = True) -> bool:
        """Forget ``team``'s PIN after a confirmation naming the team; True when reset."""
        name = self.controller.name_of(team)
        if confirm and QMessageBox.question(self, translate("Workshop", "Reset %1's PIN?").replace("%1", name), translate(
                "Workshop", "Do this only when %1 asks. Its screen then opens after a confirmation until it sets "
                "a new PIN when it submits.").replace("%1", name)) != QMessageBox.StandardButton.Yes:
            return False
        self.controller.reset_pin(team)
        return True

    def codes_text(self) -> str:
        """Every team's code and the host address, one per line (for the clipboard)."""
        codes = self.controller.codes()["teams"]
        lines = [f"{self.controller.name_of(t)}: {codes[t] or '—'}" for t in self.controller.teams]
        return "\n".join([translate("Workshop", "Host: %1").replace("%1", self.address)] + lines)

    def copy(self, team: str) -> None:
        """Put one team's code on the clipboard."""
        QGuiApplication.clipboard().setText(self.controller.codes()["teams"].get(team) or "")

    def reissue(self, team: str, confirm: bool = True) -> str | None:
        """Revoke ``team``'s access after a confirmation; show and return its new code."""
        name = self.controller.name_of(team)
        if confirm and QMessageBox.question(self, translate("Workshop", "Reissue access?"), translate(
                "Workshop", "%1's current code and connections stop working at once; the team joins again with "
                "the new code. Continue?").replace("%1", name)) != QMessageBox.StandardButton.Yes:
            return None
        code = self.controller.reissue(team)
        if code:
            self.controller.message.emit(translate("Workshop", "New code for %1: %2").replace("%1", name)
                                         .replace("%2", spaced(code)))
        self.refresh()
        return code

    def refresh(self, *_) -> None:
        """Show who has submitted, forecasts recorded and, over the LAN, connections and codes."""
        if self.controller.busy:
            return
        view = self.controller.view
        headers = [translate("Workshop", "Team"), translate("Workshop", "Firm"), translate("Workshop", "Decision"),
                   translate("Workshop", "Forecast")]
        codes = self.controller.codes() if self.lan else {}
        if self.lan:
            headers += [translate("Workshop", "Connected"), translate("Workshop", "Join code")]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.controller.teams))
        sc = self.controller.session.scenario
        for row, team in enumerate(self.controller.teams):
            status = view["submissions"][team]
            firm = i18n.text_of(sc.firms[sc.firm_index(team)].name)
            if status["submitted"]:
                done = translate("Workshop", "✓ submitted")
                if status["at"] is not None:
                    done += " " + datetime.fromtimestamp(status["at"]).strftime("%H:%M:%S")
            else:
                done = translate("Workshop", "waiting")
            cells = [self.controller.name_of(team), firm, done,
                     translate("Workshop", "recorded") if view["predicted"][team] else "–"]
            if self.lan:
                n = codes["connected"][team]
                cells += [translate("Workshop", "%1 connection(s)").replace("%1", str(n)) if n else
                          translate("Workshop", "not connected"),
                          spaced(codes["teams"][team]) if codes["teams"][team] else translate("Workshop", "joined")]
                label = self.code_labels[team]
                if codes["teams"][team]:
                    label.setText(spaced(codes["teams"][team]))
                    label.setStyleSheet("")
                else:
                    label.setText("✓ " + translate("Workshop", "joined"))
                    label.setStyleSheet(f"font-size: 18px; font-weight: normal; color: {theme.colour('good')};")
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if col == 2:
                    item.setForeground(QBrush(QColor(theme.colour("good" if status["submitted"] else "muted"))))
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()

