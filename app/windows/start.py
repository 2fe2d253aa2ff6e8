"""The start screen: new campaign, continue, open save, open replay, workshop, settings."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from .. import saving, settings, theme
from ..i18n import translate


def _workshop():
    from ..workshop import launch

    return launch


def _open_replay(parent, shell):
    from ..replay.opening import open_replay  # imported on use: the start window must open fast

    return open_replay(parent, None, shell)


class StartWindow(QWidget):
    """The first window; its buttons call the shell."""

    def __init__(self, shell, parent=None):
        super().__init__(parent)
        self.setObjectName("start-window")
        self.shell = shell
        self.setWindowTitle(translate("Start", "Closed Loop"))
        title = QLabel("<h1>" + translate("Start", "Closed Loop") + "</h1>")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle = QLabel(translate("Start", "A business war-game of the Chinese EV market: can system efficiency "
                                    "pay where car margins cannot?"))
        subtitle.setWordWrap(True)
        subtitle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        subtitle.setStyleSheet(f"color: {theme.colour('muted')};")
        self.buttons = {}
        layout = QVBoxLayout(self)
        layout.setContentsMargins(60, 40, 60, 40)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addSpacing(20)
        for key, text, tip, slot in (
                ("new", translate("Start", "New campaign…"), translate("Start", "Pick a scenario, a company, the "
                 "rivals' difficulty and a seed"), lambda: shell.new_campaign(self)),
                ("continue", translate("Start", "Continue"), translate("Start", "Resume the most recent game"),
                 shell.continue_game),
                ("open", translate("Start", "Open saved game…"), translate("Start", "Load a game file"),
                 lambda: shell.open_file(self)),
                ("replay", translate("Start", "Open replay…"), translate("Start", "Watch a finished game quarter by "
                 "quarter"), lambda: _open_replay(self, shell)),
                ("workshop", translate("Start", "Workshop…"), translate("Start", "Several teams, one facilitator: "
                 "on this laptop or over the local network"), lambda: _workshop().facilitate(shell, self)),
                ("join", translate("Start", "Join workshop…"), translate("Start", "Your team joins a workshop hosted on "
                 "the local network"), lambda: _workshop().join(shell, self)),
                ("settings", translate("Start", "Settings…"), translate("Start", "Language, theme, preview size, "
                 "autosave"), lambda: shell.preferences(self)),
                ("quit", translate("Start", "Quit"), "", self.close)):
            button = QPushButton(text, self)
            button.setObjectName(f"start-{key}")
            button.setMinimumHeight(38)
            button.setToolTip(tip)
            button.clicked.connect(slot)
            layout.addWidget(button)
            self.buttons[key] = button
        layout.addStretch(1)
        self.buttons["continue"].setEnabled(bool(settings.recent_files()) and saving.available())
        self.resize(520, 600)
