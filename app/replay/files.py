"""The viewer's actions that run in the background: open another replay, export a copy or CSV,
verify, fork, compare with another branch, luck versus skill.

Each action asks for what it needs (a file, a folder, the fork form) unless it is given, then runs a
:class:`~.jobs.Job` and reports in the window: a status-bar line, the verdict under the header, or
a new comparison window. Every failure is one line in a dialog.
"""

from pathlib import Path

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog, QFileDialog

from .. import saving
from ..i18n import translate
from . import verdict as verdicts
from .forking import run_compare, run_fork
from .jobs import Job, tell
from .recent import add_recent_replay, recent_replays


class FileActions(QObject):
    """Background actions of one :class:`~.window.ReplayWindow`."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window
        self.jobs = []

    @property
    def path(self) -> str:
        """The save being viewed."""
        return self.window.document.path

    def _run(self, fn, label: str, done, name: str) -> Job:
        job = self.track(Job(fn, label, self.window, name, panel=self.window.progress))
        job.done.connect(done)
        job.stopped.connect(self._stopped)
        return job.start()

    def track(self, job: Job) -> Job:
        """Remember ``job`` until it ends (the window cancels and waits for it before closing)."""
        job.destroyed.connect(lambda *_: self.jobs.remove(job) if job in self.jobs else None)
        self.jobs.append(job)
        return job

    def _stopped(self, message: str) -> None:
        if message:
            tell(self.window, message)
        else:
            self.window.message(translate("Replay", "Cancelled."))

    def cancel_all(self) -> bool:
        """Cancel every running job (the window is closing); True if any was running."""
        for job in list(self.jobs):
            job.cancel()
        return bool(self.jobs)

    def _ask_save(self, title: str, name: str) -> str:
        folder = Path(self.path).parent
        path = QFileDialog.getSaveFileName(self.window, title, str(folder / name), saving.file_filter())[0]
        if path and not path.endswith(saving.SUFFIX):
            path += saving.SUFFIX
        return path

    # ---- files --------------------------------------------------------------------------------
    def open_another(self, path: str | None = None):
        """Open another save in a new viewer window."""
        from .opening import open_replay

        return open_replay(self.window, path, self.window.shell)

    def fill_recent(self) -> None:
        """List the recent replays in the File menu."""
        from ..windows.menus import fill_recent_menu

        fill_recent_menu(self.window.recent_menu, recent_replays(), self.open_another)

    def export_copy(self, dest: str | None = None) -> Job | None:
        """Write a checked, self-contained copy of the save (``VACUUM INTO``), safe to e-mail."""
        dest = dest or self._ask_save(translate("Replay", "Export a copy"),
                                      f"{Path(self.path).stem}-copy{saving.SUFFIX}")
        if not dest:
            return None
        source = self.path
        saves = saving.engine_saves()
        return self._run(lambda progress: saves.export_copy(source, dest) or dest,
                         translate("Replay", "Exporting a checked copy…"), self._exported, "export copy")

    def _exported(self, dest: str) -> None:
        add_recent_replay(dest)
        self.window.message(translate("Replay", "Exported %1: a checked copy with only the game's data, safe to "
                                                "e-mail.").replace("%1", dest))

    def export_csv(self, folder: str | None = None) -> Job | None:
        """Write every stored outcome and decision as CSV files into a folder."""
        folder = folder or QFileDialog.getExistingDirectory(self.window, translate("Replay", "Export CSV into"),
                                                            str(Path(self.path).parent))
        if not folder:
            return None
        source = self.path
        saves = saving.engine_saves()
        return self._run(lambda progress: saves.export_csv(source, folder), translate("Replay", "Writing CSV files…"),
                         lambda files: self.window.message(translate("Replay", "Wrote %1 CSV files into %2.").replace(
                             "%1", str(len(files))).replace("%2", str(folder))), "export csv")

    # ---- re-simulation ------------------------------------------------------------------------
    def verify(self) -> Job:
        """Re-simulate the recorded decisions and compare every quarter (the verdict shows under the header)."""
        source = self.path
        return self._run(lambda progress: verdicts.run(source, progress),
                         translate("Replay", "Re-simulating the recorded decisions…"),
                         lambda result: self.window.show_verdict(verdicts.verdict(result)), "verify")

    def fork_dialog(self):
        """The what-if form for the quarter shown (not yet shown)."""
        from .fork_form import ForkDialog

        return ForkDialog(self.window.document, self.window)

    def fork(self) -> Job | None:
        """Ask for the changes and a file, then run the fork."""
        dialog = self.fork_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        request = dialog.request()
        dest = self._ask_save(translate("Replay", "Save the fork as"),
                              f"{Path(self.path).stem}-fork-{request.at}{saving.SUFFIX}")
        return self.start_fork(request, dest) if dest else None

    def start_fork(self, request, dest: str) -> Job:
        """Run ``request`` (a :class:`~.fork_form.ForkRequest`) on the viewed save; save to ``dest``."""
        source = self.path
        label = translate("Replay", "Re-running every computer-played firm from %1…").replace("%1", request.at)
        return self._run(lambda progress: run_fork(source, request, dest, progress=progress), label,
                         self.show_branches, "fork")

    def compare_with(self, other: str | None = None) -> Job | None:
        """Compare the viewed save with another branch of the same game."""
        other = other or QFileDialog.getOpenFileName(self.window, translate("Replay", "Compare with"),
                                                     str(Path(self.path).parent), saving.file_filter())[0]
        if not other:
            return None
        outcomes = self.window.document.outcomes
        return self._run(lambda progress: run_compare(outcomes, other), translate("Replay", "Comparing the branches…"),
                         self.show_branches, "compare")

    def show_branches(self, branches):
        """Open a comparison window for ``branches`` (a :class:`~.forking.Branches`)."""
        from .compare import show_branches

        add_recent_replay(branches.b_path)
        window = show_branches(branches, self.window.document.colours)
        self.window.compare_windows.append(window)
        return window

    def luck(self):
        """Open the luck-versus-skill dialog."""
        from .luck import LuckDialog

        dialog = LuckDialog(self.window.document, self.window, track=self.track)
        dialog.show()
        return dialog
