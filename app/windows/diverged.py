"""The question asked when a save replays differently under this version of the model.

A save keeps the decisions and the results that were played; this version re-simulates the
decisions to continue, and a different model gives different results. The player chooses to see
exactly what was played (the replay viewer reads the stored results) or to continue a new branch
re-simulated by this version (``engine.saves.load_game(path, verify=False)``: the file is only
read, the branch autosaves to a new file).
"""

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from .. import i18n
from ..i18n import translate

REPLAY, BRANCH = "replay", "branch"


class DivergedDialog(QMessageBox):
    """Explains the divergence in plain words and offers the replay viewer, a new branch, or Cancel.

    Args:
        path: the save file.
        quarter: the first quarter whose replay differs (``SaveDivergedError.quarter``).
        can_branch: False for a save that cannot be continued from re-simulated quarters (a
            workshop): then only the replay viewer and Cancel are offered.
    """

    def __init__(self, path: str, quarter: str, parent=None, can_branch: bool = True):
        super().__init__(parent)
        self.setObjectName("diverged-dialog")
        self.setIcon(QMessageBox.Icon.Information)
        self.setWindowTitle(translate("Diverged", "Saved by another version"))
        self.setText(translate(
            "Diverged", "%1 was played with a different version of the model: this version, replaying the same "
            "decisions, gets different results from %2 on.").replace("%1", Path(path).name)
            .replace("%2", i18n.quarter(quarter)))
        if can_branch:
            self.setInformativeText(translate(
                "Diverged", "The replay viewer shows exactly what was played. A new branch continues from results "
                "re-simulated by this version and is saved to a new file; this file is not changed."))
        else:
            self.setInformativeText(translate(
                "Diverged", "A workshop cannot continue from re-simulated results. The replay viewer shows exactly "
                "what was played; this file is not changed."))
        self.replay_button = self.addButton(translate("Diverged", "Open in the replay viewer"),
                                            QMessageBox.ButtonRole.AcceptRole)
        self.replay_button.setObjectName("diverged-replay")
        self.branch_button = None
        if can_branch:
            self.branch_button = self.addButton(
                translate("Diverged", "Continue as a new branch (re-simulated by this version)"),
                QMessageBox.ButtonRole.AcceptRole)
            self.branch_button.setObjectName("diverged-branch")
        cancel = self.addButton(QMessageBox.StandardButton.Cancel)
        cancel.setObjectName("diverged-cancel")
        self.setDefaultButton(self.replay_button)
        self.setEscapeButton(cancel)

    def choice(self) -> str | None:
        """What the player chose: :data:`REPLAY`, :data:`BRANCH`, or None (Cancel, closed)."""
        clicked = self.clickedButton()
        if clicked is None:
            return None
        if clicked is self.replay_button:
            return REPLAY
        if self.branch_button is not None and clicked is self.branch_button:
            return BRANCH
        return None

    def ask(self) -> str | None:
        """Show the dialog modally and return :meth:`choice`."""
        self.exec()
        return self.choice()
