"""The app's only door to save files: calls ``engine.saves`` (imported lazily) or says it is missing.

Every function raises :class:`SavesUnavailable` (a one-line ``ClosedLoopError``) when the
installed engine has no ``engine.saves`` module yet, and lets ``SaveLoadError`` from the engine
through unchanged, so the UI can show either as one line.
"""

import importlib
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from engine.errors import ClosedLoopError

log = logging.getLogger(__name__)

SUFFIX = ".closedloop"
AUTOSAVE_NAME = "autosave" + SUFFIX


class SavesUnavailable(ClosedLoopError):
    """This build has no save-file support (``engine.saves`` is missing)."""


def _saves():
    try:
        return importlib.import_module("engine.saves")
    except ModuleNotFoundError as exc:
        if exc.name not in ("engine.saves",):
            raise
        raise SavesUnavailable(QCoreApplication.translate(
            "Saving", "Saving and loading games is not available in this version yet.")) from None


def available() -> bool:
    """True when ``engine.saves`` can be imported."""
    try:
        _saves()
    except SavesUnavailable:
        return False
    return True


def file_filter() -> str:
    """The file-dialog filter for game files."""
    return QCoreApplication.translate("Saving", "Closed Loop games (*%s);;All files (*)") % SUFFIX


def save_game(game, path: str) -> None:
    """Save ``game`` to ``path`` (engine.saves.save_game)."""
    _saves().save_game(game, path)


def load_game(path: str):
    """Load a game (engine.saves.load_game; SaveLoadError with one line on failure)."""
    return _saves().load_game(path)


def read_metadata(path: str):
    """The save's metadata without loading the game (engine.saves.read_metadata)."""
    return _saves().read_metadata(path)


def default_save_dir() -> Path:
    """The folder for saves and the autosave (engine.saves.default_save_dir)."""
    return Path(_saves().default_save_dir())


def autosave_path() -> Path:
    """Where the autosave of the game in progress goes."""
    return default_save_dir() / AUTOSAVE_NAME


def autosave(game) -> str | None:
    """Autosave ``game``; return the path, or None when saves are unavailable (logged, not raised)."""
    try:
        saves = _saves()
    except SavesUnavailable:
        log.info("autosave skipped: engine.saves is not available")
        return None
    path = autosave_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    saves.autosave(game, str(path))
    return str(path)


def luck_versus_skill(game):
    """Luck-versus-skill of a finished game, or None until the replay analysis exists.

    Hook for ``engine.saves``'s ``replay --worlds`` function (the saves engineer's): when it lands,
    call it here and return its result for the end-of-game screen. No number is made up meanwhile.
    """
    return None
