"""Light and dark themes: a Fusion palette for widgets and matching pyqtgraph colours."""

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

THEMES = ("light", "dark")
_current = {"name": "light"}

_COLOURS = {
    "light": {"window": "#f4f5f7", "base": "#ffffff", "alt": "#eef0f3", "text": "#1d2330", "muted": "#5c6475",
              "button": "#e8eaee", "highlight": "#ff6900", "plot_bg": "#ffffff", "plot_fg": "#39404d",
              "grid": 60, "good": "#1a8f3c", "bad": "#c62828", "warn": "#b26a00"},
    "dark": {"window": "#1f2229", "base": "#16181d", "alt": "#23262e", "text": "#e6e8ec", "muted": "#9aa2b1",
             "button": "#2b2f38", "highlight": "#ff7a1a", "plot_bg": "#16181d", "plot_fg": "#c9ced8",
             "grid": 70, "good": "#5fd17f", "bad": "#ff6b6b", "warn": "#ffb74d"},
}


def current() -> str:
    """The theme in use."""
    return _current["name"]


def colour(role: str) -> str:
    """A named colour of the current theme (``good``, ``bad``, ``warn``, ``muted``, ``plot_bg`` ...)."""
    return _COLOURS[_current["name"]][role]


def apply(name: str) -> str:
    """Apply theme ``name`` to the application (charts pick it up via :func:`configure_plots`);
    return the theme applied."""
    name = name if name in THEMES else "light"
    _current["name"] = name
    c = _COLOURS[name]
    app = QApplication.instance()
    app.setStyle("Fusion")
    pal = QPalette()
    for role, key in ((QPalette.ColorRole.Window, "window"), (QPalette.ColorRole.Base, "base"),
                      (QPalette.ColorRole.AlternateBase, "alt"), (QPalette.ColorRole.WindowText, "text"),
                      (QPalette.ColorRole.Text, "text"), (QPalette.ColorRole.ButtonText, "text"),
                      (QPalette.ColorRole.Button, "button"), (QPalette.ColorRole.Highlight, "highlight"),
                      (QPalette.ColorRole.ToolTipBase, "base"), (QPalette.ColorRole.ToolTipText, "text"),
                      (QPalette.ColorRole.PlaceholderText, "muted")):
        pal.setColor(role, QColor(c[key]))
    pal.setColor(QPalette.ColorRole.HighlightedText, QColor("#ffffff"))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText, QColor(c["muted"]))
    pal.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.ButtonText, QColor(c["muted"]))
    app.setPalette(pal)
    return name


def configure_plots() -> None:
    """Set pyqtgraph's colours for the current theme (imports pyqtgraph: call when building charts)."""
    import pyqtgraph as pg

    c = _COLOURS[_current["name"]]
    pg.setConfigOptions(background=c["plot_bg"], foreground=c["plot_fg"], antialias=True)
