"""The shell: owns the session and the top-level windows, and switches between them.

One :class:`~app.session.Session` per game: a new or loaded game gets a new session and a new
main window, so the old window's widgets never see the new game. A language or theme change
rebuilds the windows for the same session (charts are built once per window).
"""

import logging

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from engine.errors import ClosedLoopError, SaveDivergedError

from . import i18n, saving, settings, theme
from .i18n import translate
from .session import Session

log = logging.getLogger(__name__)


class Shell(QObject):
    """Top-level flow: start screen, new campaign, files, preferences."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.session = None
        self.main = None
        self.start = None

    # ---- windows ------------------------------------------------------------------------------
    def show_start(self):
        """Show the start screen."""
        from .windows.start import StartWindow

        if self.start is None:
            self.start = StartWindow(self)
        self.start.show()
        self.start.raise_()
        return self.start

    def play(self, session: Session):
        """Show a new main window for ``session`` (replacing any other game's window)."""
        from .windows.main_window import MainWindow

        old, old_session = self.main, self.session
        self.session = session
        self.main = MainWindow(session, self)
        self.main.show()
        if old is not None:
            old.close()
            old.deleteLater()
        if old_session is not None and old_session is not session:
            old_session.retire()  # cancels its tasks; deleted once they have stopped (no waiting here)
        if self.start is not None:
            self.start.close()
            self.start.deleteLater()
            self.start = None
        return self.main

    def shutdown(self) -> None:
        """Cancel the session's tasks, then wait for them to stop at their next check (the app is quitting)."""
        self.quitting = True
        for window in list(getattr(self, "workshop_windows", [])):
            window.confirm_close = False      # workshop windows save and stop serving as they close
            window.close()
        if self.session is not None:
            self.session.cancel_tasks()
            self.session.wait()

    def rebuild(self) -> None:
        """Recreate the visible windows after a language or theme change."""
        i18n.install(settings.get("language"))
        theme.apply(settings.get("theme"))
        if self.start is not None:
            self.start.close()
            self.start.deleteLater()
            self.start = None
            if self.main is None:
                self.show_start()
        if self.main is not None:
            old = self.main
            self.main = None
            self.play(self.session)
            old.close()
            old.deleteLater()

    # ---- games --------------------------------------------------------------------------------
    def new_campaign(self, parent=None):
        """Ask for a campaign and start it; return the main window (None if cancelled)."""
        from .windows.new_campaign import NewCampaignDialog

        dialog = NewCampaignDialog(parent)
        if dialog.exec() != NewCampaignDialog.DialogCode.Accepted:
            return None
        scenario, firm, level, seed = dialog.choice()
        session = Session(self)
        try:
            session.new_game(scenario, firm, level, seed)
        except (ClosedLoopError, ValueError) as exc:
            self.unavailable(parent, str(exc))
            return None
        return self.play(session)

    def open_file(self, parent=None, path: str | None = None):
        """Load a saved game (asking for the file when ``path`` is None).

        A save that replays differently under this version asks first (:meth:`open_diverged`).
        """
        if path is None:
            folder = self._save_dir(parent)
            path = folder and QFileDialog.getOpenFileName(parent, translate("Shell", "Open game"), folder,
                                                          saving.file_filter())[0]
            if not path:
                return None
        if _is_workshop(path):
            from .workshop import launch

            return launch.resume(self, parent, path)
        session = Session(self)
        try:
            session.load(path)
        except SaveDivergedError as exc:
            return self.open_diverged(parent, path, exc.quarter, session)
        except ClosedLoopError as exc:
            self.unavailable(parent, str(exc))
            return None
        return self.play(session)

    def open_diverged(self, parent, path: str, quarter: str, session: Session | None = None):
        """Ask what to do with a save that replays differently under this version from ``quarter``.

        Returns:
            The replay viewer's opener, the main window of the new branch, or None (cancelled, or
            the branch could not be loaded: then the player was told why in one line).
        """
        from .windows.diverged import BRANCH, REPLAY, DivergedDialog

        log.info("%s diverges under this version from %s", path, quarter)
        choice = DivergedDialog(path, quarter, parent).ask()
        if choice == REPLAY:
            return self.open_replay(parent, path)
        if choice != BRANCH:
            return None
        session = session or Session(self)
        try:
            session.load(path, verify=False)
        except ClosedLoopError as exc:
            self.unavailable(parent, str(exc))
            return None
        return self.play(session)

    def open_replay(self, parent, path: str):
        """Open ``path`` in the replay viewer (its stored results, exactly as played)."""
        from .replay.opening import open_replay

        return open_replay(parent, path, self)

    def continue_game(self):
        """Load the most recent game file."""
        files = settings.recent_files()
        if not files:
            self.unavailable(self.start, translate("Shell", "There is no game to continue yet."))
            return None
        return self.open_file(self.start, files[0])

    def save(self, parent=None) -> bool:
        """Save to the game's file, or ask for one."""
        if self.session is None:
            return False
        if not self.session.path:
            return self.save_as(parent)
        return self._save(parent, self.session.path)

    def save_as(self, parent=None) -> bool:
        """Ask for a file and save the game there."""
        folder = self._save_dir(parent) if self.session is not None else None
        path = folder and QFileDialog.getSaveFileName(parent, translate("Shell", "Save game"), folder,
                                                      saving.file_filter())[0]
        if not path:
            return False
        if not path.endswith(saving.SUFFIX):
            path += saving.SUFFIX
        return self._save(parent, path)

    def _save_dir(self, parent) -> str | None:
        """The save folder, or None after telling the player why there is none."""
        try:
            return str(saving.default_save_dir())
        except ClosedLoopError as exc:
            self.unavailable(parent, str(exc))
            return None

    def _save(self, parent, path: str) -> bool:
        try:
            self.session.save(path)
        except (ClosedLoopError, OSError) as exc:
            self.unavailable(parent, str(exc))
            return False
        return True

    # ---- preferences and messages -------------------------------------------------------------
    def preferences(self, parent=None) -> bool:
        """Edit the preferences; rebuild the windows when language or theme changed."""
        from .windows.settings_dialog import SettingsDialog

        dialog = SettingsDialog(parent)
        if dialog.exec() != SettingsDialog.DialogCode.Accepted:
            return False
        if dialog.store():
            self.rebuild()
        return True

    def unavailable(self, parent, text: str) -> None:
        """Tell the player, in one line, why something cannot be done."""
        log.info("%s", text)
        QMessageBox.information(parent, translate("Shell", "Closed Loop"), text)


def _is_workshop(path: str) -> bool:
    """True when ``path`` is a saved workshop (it opens in the workshop console)."""
    try:
        return saving.read_metadata(path).workshop
    except (ClosedLoopError, AttributeError):
        return False
