"""Background jobs of the viewer (open, verify, fork, compare, luck, export) with progress and Cancel.

A :class:`Job` runs ``fn(progress)`` in the app's worker pool (:class:`app.workers.Task`) and shows
a window-modal progress dialog with a Cancel button once it has run for a moment. Exactly one of
:attr:`Job.done` (the result) or :attr:`Job.stopped` (a one-line reason, "" when cancelled)
follows :meth:`Job.start`.
"""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from .. import workers
from ..i18n import translate

SHOW_AFTER_MS = 250


class Job(QObject):
    """One background job with a progress dialog (``parent`` is the widget it belongs to)."""

    done = Signal(object)
    stopped = Signal(str)

    def __init__(self, fn, label: str, parent, name: str = "replay job"):
        super().__init__(parent)
        self.task = workers.Task(fn, name, self)
        self.result = None
        self.message = None
        self.dialog = QProgressDialog(label, translate("Replay", "Cancel"), 0, 0, parent)
        self.dialog.setObjectName("replay-progress")
        self.dialog.setWindowTitle(translate("Replay", "Closed Loop"))
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(SHOW_AFTER_MS)
        self.dialog.setAutoClose(False)
        self.dialog.setAutoReset(False)
        self.dialog.canceled.connect(self.cancel)
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(lambda task: self._failed(task, ""))

    def start(self) -> "Job":
        """Queue the job."""
        self.task.start()
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report."""
        self.task.cancel()

    @property
    def running(self) -> bool:
        """True until the job has finished, failed or been cancelled."""
        return self.result is None and self.message is None

    def _progress(self, done: int, total: int) -> None:
        if self.dialog.maximum() != total:
            self.dialog.setMaximum(total)
        self.dialog.setValue(min(done, total))

    def _close(self) -> None:
        self.dialog.canceled.disconnect(self.cancel)
        self.dialog.close()
        self.dialog.deleteLater()

    def _finished(self, task, result) -> None:
        self._close()
        self.result = result
        self.done.emit(result)
        self.deleteLater()

    def _failed(self, task, message: str) -> None:
        self._close()
        self.message = "" if task.is_cancelled else message
        self.stopped.emit(self.message)
        self.deleteLater()


def tell(parent, text: str) -> None:
    """Show a one-line problem (an unreadable file, a fork that cannot run ...) in a dialog."""
    QMessageBox.warning(parent, translate("Replay", "Closed Loop"), " ".join(str(text).split()))
