"""Run engine work off the GUI thread (QThreadPool) and report back through queued signals."""

import logging
import threading
import traceback

from PySide6.QtCore import QObject, QThreadPool, Signal

from engine.errors import ClosedLoopError
from engine.forecast import ForecastCancelled

log = logging.getLogger(__name__)


class Task(QObject):
    """Call ``fn(progress)`` in a pool thread; the signals arrive in the GUI thread.

    ``progress(done, total)`` emits :attr:`progress` and returns False once :meth:`cancel` was
    called, which is how the engine's forecast stops early. Exactly one of :attr:`finished`,
    :attr:`failed` or :attr:`cancelled` follows each :meth:`start`; each carries the task.

    Give the task a parent living in the GUI thread and ``deleteLater()`` it from the slot that
    handles its last signal: Qt then owns the object, so the pool thread letting go of its
    reference never deletes it from the wrong thread.
    """

    progress = Signal(int, int)
    finished = Signal(object, object)      # task, result
    failed = Signal(object, str)           # task, one-line reason
    cancelled = Signal(object)             # task

    def __init__(self, fn, name: str = "task", parent=None):
        super().__init__(parent)
        self.fn = fn
        self.name = name
        self._cancel = threading.Event()

    def start(self) -> "Task":
        """Queue the task on the global thread pool."""
        QThreadPool.globalInstance().start(self._run)
        return self

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.progress.emit(int(done), int(total))
        return not self._cancel.is_set()

    def _run(self) -> None:
        """Runs in a pool thread."""
        try:
            result = self.fn(self._progress)
        except ForecastCancelled:
            self.cancelled.emit(self)
        except ClosedLoopError as exc:   # the engine's own "cancelled" errors count as cancelled
            if self._cancel.is_set():
                self.cancelled.emit(self)
            else:
                self.failed.emit(self, str(exc))
        except Exception as exc:  # a bug: log the traceback, show one line
            log.error("%s failed:\n%s", self.name, traceback.format_exc())
            self.failed.emit(self, f"{type(exc).__name__}: {exc}")
        else:
            if self._cancel.is_set():
                self.cancelled.emit(self)
            else:
                self.finished.emit(self, result)
