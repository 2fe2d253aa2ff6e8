"""User settings kept in QSettings (organisation and application names set by ``app.main``)."""

from PySide6.QtCore import QSettings

ORGANISATION = "ClosedLoop"
APPLICATION = "Closed Loop"
MAX_RECENT = 8
DEFAULTS = {
    "language": "system",        # "system", "en" or "zh_CN"
    "theme": "light",            # "light" or "dark"
    "forecast/futures": 1000,
    "forecast/hold_plan": False,
    "autosave": True,
    "report/auto_open": True,
}


def _store() -> QSettings:
    return QSettings()


def get(key: str):
    """The value of a setting, with the type of its default."""
    default = DEFAULTS[key]
    value = _store().value(key, default)
    if isinstance(default, bool):
        return value if isinstance(value, bool) else str(value).lower() in ("true", "1", "yes")
    if isinstance(default, int):
        try:
            return int(value)
        except (TypeError, ValueError):
            return default
    return str(value)


def put(key: str, value) -> None:
    """Store a setting (``key`` must be one of :data:`DEFAULTS`)."""
    if key not in DEFAULTS:
        raise KeyError(key)
    store = _store()
    store.setValue(key, value)
    store.sync()


def recent_files() -> list:
    """Recently opened or saved game files, newest first."""
    value = _store().value("recent", [])
    if isinstance(value, str):
        value = [value] if value else []
    return [str(v) for v in value or []]


def add_recent(path: str) -> None:
    """Put ``path`` first in the recent files list."""
    files = [path] + [p for p in recent_files() if p != path]
    store = _store()
    store.setValue("recent", files[:MAX_RECENT])
    store.sync()


def save_geometry(name: str, geometry, state=None) -> None:
    """Remember a window's geometry (and a main window's dock state)."""
    store = _store()
    store.setValue(f"window/{name}/geometry", geometry)
    if state is not None:
        store.setValue(f"window/{name}/state", state)
    store.sync()


def geometry(name: str):
    """``(geometry, state)`` saved for window ``name`` (None where nothing is saved)."""
    store = _store()
    return store.value(f"window/{name}/geometry"), store.value(f"window/{name}/state")
