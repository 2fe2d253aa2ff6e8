"""Join a LAN workshop: the host's address and the team's join code, or reconnect with the token
kept from an earlier join to the same host."""

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout

from engine.workshop.access import CODE_ALPHABET, CODE_LENGTH, normalise_code

from .. import theme
from ..i18n import translate
from .lan_link import host_url, stored_access


class JoinDialog(QDialog):
    """Host address and code; :meth:`connection` returns ``(url, code or None, token or None)``."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("join-workshop")
        self.setWindowTitle(translate("WorkshopTeam", "Join a workshop"))
        self.address = QLineEdit(self)
        self.address.setObjectName("join-address")
        self.address.setPlaceholderText("192.168.1.20:8765")
        self.code = QLineEdit(self)
        self.code.setObjectName("join-code")
        self.code.setPlaceholderText("K7P Q2M")
        self.code.setMaxLength(CODE_LENGTH + 2)
        self.code.setStyleSheet("font-size: 20px; font-family: monospace;")
        self.again = QCheckBox(self)
        self.again.setObjectName("join-again")
        self.again.hide()
        self.error = QLabel(self)
        self.error.setObjectName("join-error")
        self.error.setStyleSheet(f"color: {theme.colour('bad')};")
        self.error.setWordWrap(True)
        hint = QLabel(translate("WorkshopTeam", "The facilitator shows the host's address and your team's code. The "
                                "code works once: this computer then remembers your team and reconnects by itself."),
                      self)
        hint.setWordWrap(True)
        form = QFormLayout()
        form.addRow(translate("WorkshopTeam", "Host address"), self.address)
        form.addRow(translate("WorkshopTeam", "Join code"), self.code)
        form.addRow(self.again)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("WorkshopTeam", "Join"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.address.textChanged.connect(self._address_changed)

    def _address_changed(self, text: str) -> None:
        token, team = stored_access(host_url(text)) if text.strip() else (None, None)
        self.again.setVisible(bool(token))
        self.again.setChecked(bool(token))
        if token:
            self.again.setText(translate("WorkshopTeam", "Reconnect as before (%1) without a code").replace("%1", team))

    def connection(self) -> tuple:
        """``(url, code, token)``: a token to reconnect, or a code to join (ValueError if neither)."""
        url = host_url(self.address.text())
        token, _ = stored_access(url)
        if self.again.isVisible() and self.again.isChecked() and token:
            return url, None, token
        code = normalise_code(self.code.text())
        if len(code) != CODE_LENGTH or any(ch not in CODE_ALPHABET for ch in code):
            raise ValueError(translate("WorkshopTeam", "A join code has %1 letters and digits, e.g. K7P Q2M.").replace(
                "%1", str(CODE_LENGTH)))
        return url, code, None

    def _accept(self) -> None:
        if not self.address.text().strip():
            self.error.setText(translate("WorkshopTeam", "Enter the host's address."))
            return
        try:
            self.connection()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        self.accept()
