"""Recent replays, kept in QSettings apart from the games list (opening a save to watch it is
not the same as continuing it)."""

from PySide6.QtCore import QSettings

KEY = "replay/recent"
MAX_RECENT = 8


def recent_replays() -> list:
    """Recently opened replays, newest first."""
    value = QSettings().value(KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in value or []]


def add_recent_replay(path: str) -> None:
    """Put ``path`` first in the recent replays."""
    files = [str(path)] + [p for p in recent_replays() if p != str(path)]
    store = QSettings()
    store.setValue(KEY, files[:MAX_RECENT])
    store.sync()
