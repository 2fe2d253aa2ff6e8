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


def engine_saves():
    """The ``engine.saves`` module itself (SavesUnavailable when missing), for the replay viewer."""
    return _saves()


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


def load_game(path: str, verify: bool = True):
    """Load a game (engine.saves.load_game; SaveLoadError with one line on failure).

    With ``verify`` (default) a save that replays differently under this version raises
    ``SaveDivergedError``; with False it continues as a re-simulated new branch whose parent is
    the file (``"save_id" not in game.lineage``), which never autosaves over it.
    """
    return _saves().load_game(path, verify=verify)


def read_metadata(path: str):
    """The save's metadata without loading the game (engine.saves.read_metadata)."""
    return _saves().read_metadata(path)


def default_save_dir() -> Path:
    """The folder for saves and the autosave (engine.saves.default_save_dir)."""
    return Path(_saves().default_save_dir())


def new_autosave_path(game) -> Path:
    """A fresh autosave file for a game never saved: ``<scenario>-<firm>-<date-time>.closedloop``
    in the save folder (engine.saves.autosave refuses to mix two games in one file)."""
    from datetime import datetime

    player = game.humans[0] if game.humans else game.scenario.info.player
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    return default_save_dir() / f"autosave-{game.scenario.id}-{player}-{stamp}{SUFFIX}"


def autosave(game, path) -> str | None:
    """Bring the save at ``path`` up to date with ``game`` (engine.saves.autosave).

    Returns:
        The path, or None when saves are unavailable (logged, not raised).
    """
    try:
        saves = _saves()
    except SavesUnavailable:
        log.info("autosave skipped: engine.saves is not available")
        return None
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    saves.autosave(game, str(path))
    return str(path)


def luck_versus_skill(game, worlds: int = 100, progress=None):
    """Replay the player's recorded decisions in ``worlds`` other random worlds
    (engine.saves.play_worlds, the engine of ``closedloop replay --worlds``).

    Returns:
        engine.saves.WorldsResult: how often the same decisions meet the objectives elsewhere.
    """
    return _saves().play_worlds(game, worlds, progress=progress)
