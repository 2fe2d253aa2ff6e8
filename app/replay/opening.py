"""Entry points: open a save in the viewer (start screen, menus, recent replays) and fork the
running game (main window). Top-level viewer and comparison windows are kept here until closed."""

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QFileDialog

from .. import saving
from ..i18n import translate
from .jobs import Job, tell
from .recent import add_recent_replay, recent_replays

_windows = set()


def keep(window):
    """Hold a top-level window (without a parent) until it is destroyed; return it."""
    _windows.add(window)
    window.destroyed.connect(lambda *_: _windows.discard(window))
    return window


def open_windows() -> list:
    """The viewer and comparison windows open now."""
    return list(_windows)


class Opener(QObject):
    """Opens one save in the background; :attr:`opened` carries the new ReplayWindow, :attr:`failed`
    the one-line reason (also shown in a dialog; "" when cancelled)."""

    opened = Signal(object)
    failed = Signal(str)

    def __init__(self, path: str, parent_widget=None, shell=None):
        super().__init__()
        from .document import load

        self.path, self.parent_widget, self.shell = str(path), parent_widget, shell
        self.job = Job(lambda progress: load(self.path, progress), translate("Replay", "Opening %1…").replace(
            "%1", Path(self.path).name), self, "open replay", window=parent_widget)
        self.job.done.connect(self._done)
        self.job.stopped.connect(self._stopped)
        _windows.add(self)

    def _done(self, loaded) -> None:
        from .window import ReplayWindow

        add_recent_replay(self.path)
        window = keep(ReplayWindow(loaded, self.shell))
        window.show()
        window.raise_()
        _windows.discard(self)
        self.opened.emit(window)

    def _stopped(self, message: str) -> None:
        _windows.discard(self)
        if message:
            tell(self.parent_widget, message)
        self.failed.emit(message)


def _folder() -> str:
    recent = recent_replays()
    if recent and Path(recent[0]).parent.is_dir():
        return str(Path(recent[0]).parent)
    return str(saving.default_save_dir())


def open_replay(parent=None, path: str | None = None, shell=None) -> Opener | None:
    """Open ``path`` (asked for when None) in a new viewer window; None when nothing was chosen."""
    try:
        if path is None:
            path = QFileDialog.getOpenFileName(parent, translate("Replay", "Open replay"), _folder(),
                                               saving.file_filter())[0]
            if not path:
                return None
        opener = Opener(path, parent, shell)
    except saving.SavesUnavailable as exc:
        tell(parent, str(exc))
        return None
    opener.job.start()
    return opener


# ---- the running game ------------------------------------------------------------------------
def _game_document(session, parent):
    """A viewer document over the running game's quarters so far (built in the GUI thread:
    cheap for a game's length) and the snapshot it describes."""
    from ..widgets.dashboard import firm_colour
    from .document import Loaded, ReplayDocument
    from .forking import snapshot

    game = snapshot(session.game)
    sc = game.scenario
    outcomes = saving.engine_saves().outcomes_of_game(game)
    colours = {f.id: firm_colour(sc, k) for k, f in enumerate(sc.firms)}
    optional = frozenset(m.id for m in sc.models if m.optional)
    return game, ReplayDocument(Loaded(session.path, outcomes, colours, optional), parent)


def fork_running_game(window, request=None, dest: str | None = None) -> Job | None:
    """Fork the game in main window ``window`` from one of its quarters (asks for what is not given)."""
    from .compare import show_branches
    from .fork_form import ForkDialog
    from .forking import run_fork

    session = window.session
    if session.game is None or session.busy or not session.game.records:
        tell(window, translate("Replay", "Play at least one quarter (and wait for it to resolve) before forking."))
        return None
    game, document = _game_document(session, window)
    if request is None:
        dialog = ForkDialog(document, window)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        request = dialog.request()
    if dest is None:
        stem = Path(session.path).stem if session.path else game.scenario.id
        dest = QFileDialog.getSaveFileName(window, translate("Replay", "Save the fork as"),
                                           str(saving.default_save_dir() / f"{stem}-fork-{request.at}{saving.SUFFIX}"),
                                           saving.file_filter())[0]
        if not dest:
            return None
        if not dest.endswith(saving.SUFFIX):
            dest += saving.SUFFIX
    name = session.path or session.autosave_file
    job = Job(lambda progress: run_fork(game, request, dest, name, progress),
              translate("Replay", "Re-running every computer-played firm from %1…").replace("%1", request.at),
              session, "fork game", window=window)     # the session waits for its tasks before it goes
    job.done.connect(lambda branches: (add_recent_replay(branches.b_path), show_branches(branches, document.colours)))
    job.stopped.connect(lambda message: tell(window, message) if message else None)
    return job.start()


def add_menu_actions(window, menu) -> None:
    """Add "Open replay…" and "Fork from a quarter…" to the main window's Game ``menu``."""
    shell = getattr(window, "shell", None)
    for text, slot, name in ((translate("Replay", "Open &replay…"), lambda: open_replay(window, None, shell),
                              "open-replay"),
                             (translate("Replay", "&Fork from a quarter…"), lambda: fork_running_game(window),
                              "fork-game")):
        action = QAction(text, menu)
        action.setObjectName(name)
        action.triggered.connect(lambda _=False, s=slot: s())
        menu.addAction(action)
