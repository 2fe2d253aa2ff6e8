"""Run engine work off the GUI thread (QThreadPool) and report back through queued signals."""

import logging
import threading
import traceback

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

from engine.errors import ClosedLoopError
from engine.forecast import ForecastCancelled

log = logging.getLogger(__name__)


class TaskSignals(QObject):
    """Signals of one task, each carrying the task itself. Connect them to methods of QObjects
    living in the GUI thread: the calls are then queued into the GUI thread."""

    progress = Signal(int, int)
    finished = Signal(object, object)      # task, result
    failed = Signal(object, str)           # task, one-line reason
    cancelled = Signal(object)             # task


class Task(QRunnable):
    """Call ``fn(progress)`` in a pool thread.

    ``progress(done, total)`` emits :attr:`TaskSignals.progress` and returns False once
    :meth:`cancel` was called, which is how the engine's forecast stops early.
    """

    def __init__(self, fn, name: str = "task"):
        super().__init__()
        self.setAutoDelete(False)  # the owner keeps the task until its signals have been handled
        self.fn = fn
        self.name = name
        self.signals = TaskSignals()
        self._cancel = threading.Event()

    def cancel(self) -> None:
        """Ask the task to stop at its next progress report."""
        self._cancel.set()

    @property
    def is_cancelled(self) -> bool:
        """True once :meth:`cancel` was called."""
        return self._cancel.is_set()

    def _progress(self, done: int, total: int) -> bool:
        self.signals.progress.emit(int(done), int(total))
        return not self._cancel.is_set()

    def run(self) -> None:  # noqa: D401 - QRunnable hook, runs in a pool thread
        try:
            result = self.fn(self._progress)
        except ForecastCancelled:
            self.signals.cancelled.emit(self)
        except ClosedLoopError as exc:
            self.signals.failed.emit(self, str(exc))
        except Exception as exc:  # a bug: log the traceback, show one line
            log.error("%s failed:\n%s", self.name, traceback.format_exc())
            self.signals.failed.emit(self, f"{type(exc).__name__}: {exc}")
        else:
            if self._cancel.is_set():
                self.signals.cancelled.emit(self)
            else:
                self.signals.finished.emit(self, result)


def start(task: Task) -> Task:
    """Queue ``task`` on the global thread pool and return it."""
    QThreadPool.globalInstance().start(task)
    return task
