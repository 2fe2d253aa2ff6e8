"""Unexpected errors: log the traceback, show one line to the player, keep running."""

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QApplication, QMessageBox

from .i18n import translate

log = logging.getLogger("closedloop")


def log_path() -> Path:
    """The log file (in the platform's app-data folder)."""
    folder = Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation) or ".")
    return folder / "closedloop.log"


def setup_logging() -> Path:
    """Log INFO and above to :func:`log_path`, warnings to stderr; return the log path."""
    path = log_path()
    handlers = [logging.StreamHandler()]
    handlers[0].setLevel(logging.WARNING)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handlers.append(logging.FileHandler(path, encoding="utf-8"))
    except OSError:
        pass
    logging.basicConfig(level=logging.INFO, handlers=handlers,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s", force=True)
    return path


def one_line(exc: BaseException) -> str:
    """``Type: message`` on one line."""
    text = " ".join(str(exc).split())
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def excepthook(exc_type, exc, tb) -> None:
    """sys.excepthook: log the traceback and show a one-line dialog (no traceback in the UI)."""
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    log.error("unexpected error", exc_info=(exc_type, exc, tb))
    if QApplication.instance() is not None:
        QMessageBox.critical(None, translate("Errors", "Something went wrong"),
                             one_line(exc) + "\n\n" + translate("Errors", "Details are in the log: %1").replace(
                                 "%1", str(log_path())))


def install() -> None:
    """Install :func:`excepthook`."""
    sys.excepthook = excepthook
