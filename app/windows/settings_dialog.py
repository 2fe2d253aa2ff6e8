"""Preferences: language, theme, preview size, autosave, report after each quarter."""

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QVBoxLayout

from .. import settings
from ..i18n import translate


class SettingsDialog(QDialog):
    """Edits the QSettings of :mod:`app.settings`; :meth:`store` writes them."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("settings-dialog")
        self.setWindowTitle(translate("Settings", "Preferences"))
        self.language = QComboBox(self)
        self.language.setObjectName("language")
        for code, name in (("system", translate("Settings", "System language")), ("en", "English"), ("zh_CN", "简体中文")):
            self.language.addItem(name, code)
        self.language.setCurrentIndex(max(self.language.findData(settings.get("language")), 0))
        self.theme = QComboBox(self)
        self.theme.setObjectName("theme")
        for code, name in (("light", translate("Settings", "Light")), ("dark", translate("Settings", "Dark"))):
            self.theme.addItem(name, code)
        self.theme.setCurrentIndex(max(self.theme.findData(settings.get("theme")), 0))
        self.futures = QSpinBox(self)
        self.futures.setRange(100, 10000)
        self.futures.setSingleStep(100)
        self.futures.setValue(settings.get("forecast/futures"))
        self.futures.setToolTip(translate("Settings", "Futures simulated by the preview"))
        self.autosave = QCheckBox(translate("Settings", "Autosave after every quarter"), self)
        self.autosave.setChecked(settings.get("autosave"))
        self.report = QCheckBox(translate("Settings", "Open the quarterly report after every quarter"), self)
        self.report.setChecked(settings.get("report/auto_open"))
        form = QFormLayout()
        form.addRow(translate("Settings", "Language"), self.language)
        form.addRow(translate("Settings", "Theme"), self.theme)
        form.addRow(translate("Settings", "Preview futures"), self.futures)
        form.addRow(self.autosave)
        form.addRow(self.report)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def store(self) -> bool:
        """Write the choices to QSettings; True when language or theme changed (windows must be rebuilt)."""
        changed = (self.language.currentData() != settings.get("language")
                   or self.theme.currentData() != settings.get("theme"))
        settings.put("language", self.language.currentData())
        settings.put("theme", self.theme.currentData())
        settings.put("forecast/futures", self.futures.value())
        settings.put("autosave", self.autosave.isChecked())
        settings.put("report/auto_open", self.report.isChecked())
        return changed
