"""Background jobs of the viewer (open, verify, fork, compare, luck, export) with progress and Cancel.

A :class:`Job` runs ``fn(progress)`` in the app's worker pool (:class:`app.workers.Task`). Its
progress and Cancel button show in a :class:`ProgressPanel` of the window it belongs to (built
with the window, so showing it costs nothing), or, for a job without one (opening a file from
the start screen), in a progress dialog that appears only when the job runs long. Exactly one of
:attr:`Job.done` (the result) or :attr:`Job.stopped` (a one-line reason, "" when cancelled)
follows :meth:`Job.start`.
"""

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QProgressBar, QProgressDialog, QToolButton, QWidget

from .. import workers
from ..i18n import translate

DIALOG_AFTER_MS = 600   # a dialog's first show stalls the GUI ~0.1 s: only for jobs that run long


class ProgressPanel(QWidget):
    """A row for a window's status bar: what runs, a progress bar and Cancel (hidden when idle)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("replay-progress")
        self.job = None
        self.label = QLabel(self)
        self.bar = QProgressBar(self)
        self.bar.setMaximumWidth(180)
        self.bar.setMaximumHeight(16)
        self.cancel = QToolButton(self)
        self.cancel.setObjectName("replay-cancel")
        self.cancel.setText(translate("Replay", "Cancel"))
        self.cancel.clicked.connect(lambda: self.job is not None and self.job.cancel())
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.label)
        row.addWidget(self.bar)
        row.addWidget(self.cancel)
        self.hide()

    def begin(self, job, label: str) -> None:
        """Show ``job`` running."""
        self.job = job
        self.label.setText(label)
        self.bar.setRange(0, 0)
        self.show()

    def update_progress(self, done: int, total: int) -> None:
        """Show ``done`` of ``total``."""
        if self.bar.maximum() != total:
            self.bar.setRange(0, total)
        self.bar.setValue(min(done, total))

    def end(self, job) -> None:
        """``job`` is over: hide (unless another job took the panel since)."""
        if self.job is job:
            self.job = None
            self.hide()


class Job(QObject):
    """One background job: ``owner`` keeps it alive (wait for the pool before deleting the owner),
    ``panel`` shows its progress, else a dialog over ``window`` (default: the owner, if a widget)."""

    done = Signal(object)
    stopped = Signal(str)

    def __init__(self, fn, label: str, owner, name: str = "replay job", panel: ProgressPanel | None = None,
                 window: QWidget | None = None):
        super().__init__(owner)
        self.task = workers.Task(fn, name, self)
        self.label, self.panel, self.dialog = label, panel, None
        self.window = window if window is not None else owner if isinstance(owner, QWidget) else None
        self.result = None
        self.message = None
        self.task.progress.connect(self._progress)
        self.task.finished.connect(self._finished)
        self.task.failed.connect(self._failed)
        self.task.cancelled.connect(lambda task: self._failed(task, ""))

    def start(self) -> "Job":
        """Queue the job and show that it runs."""
        if self.panel is not None:
            self.panel.begin(self, self.label)
        else:
            self.dialog = QProgressDialog(self.label, translate("Replay", "Cancel"), 0, 0, self.window)
            self.dialog.setObjectName("replay-progress-dialog")
            self.dialog.setWindowTitle(translate("Replay", "Closed Loop"))
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(DIALOG_AFTER_MS)
            self.dialog.setAutoClose(False)
            self.dialog.setAutoReset(False)
            self.dialog.canceled.connect(self.cancel)
        self.task.start()
        return self

    def cancel(self) -> None:
        """Ask the job to stop at its next progress report."""
        self.task.cancel()

    def _progress(self, done: int, total: int) -> None:
        if self.panel is not None:
            self.panel.update_progress(done, total)
        elif self.dialog is not None:
            if self.dialog.maximum() != total:
                self.dialog.setMaximum(total)
            self.dialog.setValue(min(done, total))

    def _close(self) -> None:
        if self.panel is not None:
            self.panel.end(self)
        if self.dialog is not None:
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
