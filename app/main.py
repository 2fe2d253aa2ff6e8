"""Desktop app entry: set up Qt (high-DPI, fonts, language, theme, logging) and show the start window."""

import logging
import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from . import errors, i18n, resources, settings, theme


def setup(argv=(), lang: str | None = None, theme_name: str | None = None) -> QApplication:
    """Create (or reuse) the QApplication and apply fonts, language and theme.

    Args:
        argv: extra Qt arguments.
        lang: "en", "zh_CN" or None for the saved setting (default: the system language).
        theme_name: "light", "dark" or None for the saved setting.
    """
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication([sys.argv[0], *argv])
    app.setOrganizationName(settings.ORGANISATION)
    app.setApplicationName(settings.APPLICATION)
    app.setApplicationDisplayName("Closed Loop")
    icon = resources.asset_path(resources.APP_ICON)
    if icon is not None:
        app.setWindowIcon(QIcon(str(icon)))
    resources.ensure_cjk_font()
    i18n.install(lang or settings.get("language"))
    theme.apply(theme_name or settings.get("theme"))
    return app


def run_app(argv) -> int:
    """Run the desktop app event loop; return its exit code."""
    app = setup(argv)
    errors.setup_logging()
    errors.install()
    from .shell import Shell

    shell = Shell()
    app.aboutToQuit.connect(shell.shutdown)
    shell.show_start()
    logging.getLogger("closedloop").info("start window shown (%s, %s)", i18n.current(), theme.current())
    return app.exec()
