"""The facilitator's adapter: one QObject owning a workshop session, on one laptop or over the LAN.

On one laptop (``HOTSEAT``) the controller calls the :class:`~engine.workshop.WorkshopSession`
directly under its own lock. Over the LAN (``LAN``) a :class:`~engine.workshop.host.WorkshopHost`
serves the session to the teams' apps; every facilitator action goes through ``host.control`` (so
teams are told), and the host's ``on_event`` callbacks, which run in network threads, are
re-emitted by :class:`HostBridge` as queued signals, so widgets are only ever touched in the GUI
thread. Widgets read :attr:`WorkshopController.view` (the facilitator view, a plain dict) and
:attr:`projector` and connect to :attr:`changed`; every change goes through a method here, and
the workshop is autosaved into its save file after each one. Resolving a quarter and the impact
preview run in worker threads. On one laptop it also keeps the teams' PINs (:mod:`.pins`).
"""

import threading
import time
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from engine.errors import ClosedLoopError
from engine.saves import autosave_workshop
from engine.workshop import FINISHED, OPEN, RESOLVED

from .. import i18n, workers
from .pins import TeamPins
from ..i18n import translate

HOTSEAT, LAN = "hotseat", "lan"
SAVE_DELAY_MS = 200
TICK_MS = 1000


class HostBridge(QObject):
    """Carries :class:`WorkshopHost` callbacks from network threads to the GUI thread."""

    event = Signal(str, object)            # name, payload

    def callback(self, name: str, payload: dict) -> None:
        """The host's ``on_event``: runs in a network thread, so it only emits (queued)."""
        self.event.emit(name, dict(payload))


class WorkshopController(QObject):
    """A workshop being facilitated (see the module docstring).

    Args:
        session: the :class:`~engine.workshop.WorkshopSession` (new or loaded).
        mode: ``HOTSEAT`` or ``LAN``.
        path: the workshop's save file ("" = not saved).
        bind, port: where the LAN host listens (``LAN`` only; port 0 = any free port).
        clock: wall clock for deadlines (seconds since the epoch).
    """

    changed = Signal()                     # view and projector refreshed
    busyChanged = Signal(bool)             # a quarter is being resolved
    resolved = Signal(str)                 # label of the quarter just resolved
    message = Signal(str)                  # one-line notices and refusals
    connectionsChanged = Signal()          # LAN: a team joined, left or was reissued
    previewStarted = Signal()
    previewProgress = Signal(int, int)
    previewReady = Signal(object)          # the preview dict of WorkshopSession.preview
    previewStopped = Signal(str)           # "" when cancelled, else the reason
    saved = Signal(str)                    # the file written
    pinsChanged = Signal()                 # one laptop: a team set its PIN, it was reset, or it locked

    def __init__(self, session, mode: str = HOTSEAT, path: str = "", bind: str = "127.0.0.1", port: int = 0,
                 clock=time.time, parent=None):
        super().__init__(parent)
        self.session, self.mode, self.path, self.clock = session, mode, path, clock
        self._lock = threading.RLock()
        self.host = None
        self.busy = False
        self.view: dict = {}
        self.projector: dict = {}
        self._preview_task = None
        self._tasks: set = set()
        self._missed = False                    # LAN events that arrived while resolving
        self.pins = TeamPins()                  # one laptop: teams' PINs (memory only)
        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_now)
        self._ticker = QTimer(self)
        self._ticker.setInterval(TICK_MS)
        self._ticker.timeout.connect(self._tick)
        if mode == LAN:
            from engine.workshop.host import WorkshopHost

            self.bridge = HostBridge(self)
            self.bridge.event.connect(self._host_event, Qt.ConnectionType.QueuedConnection)
            self.host = WorkshopHost(session, bind, port, auto=False, lock_at_deadline=True,
                                     on_event=self.bridge.callback, clock=clock)
        self.refresh()

    # ---- life cycle -----------------------------------------------------------------------------
    def start(self) -> "WorkshopController":
        """Start the round timer (and serving, over the LAN)."""
        if self.host is not None:
            self.host.start()
        else:
            with self._lock:
                self.session.start_timer(self.clock())
        self._ticker.start()
        self.refresh()
        self.schedule_save()
        return self

    def shutdown(self) -> None:
        """Stop the preview, wait for workers, save, and stop serving (idempotent)."""
        self._ticker.stop()
        self.cancel_preview()
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone()
        if self._save_timer.isActive() or self.path:
            self._save_timer.stop()
            self.save_now()
        if self.host is not None:
            self.host.stop()

    # ---- reading --------------------------------------------------------------------------------
    def call(self, fn):
        """``fn(session)`` with the session held still (under the host's or the controller's lock)."""
        if self.host is not None:
            return self.host.with_session(fn)
        with self._lock:
            return fn(self.session)

    def refresh(self) -> None:
        """Re-read the facilitator and projector views and tell the widgets."""
        self.view, self.projector = self.call(lambda s: (s.facilitator_view(), s.projector_view()))
        self.changed.emit()

    @property
    def phase(self) -> str:
        """The round's phase as last read."""
        return self.view["session"]["phase"]

    @property
    def teams(self) -> tuple:
        """Firm ids run by teams."""
        return self.session.teams

    def name_of(self, firm_id: str) -> str:
        """A team's own name, else the firm's name in the current language."""
        sc = self.session.scenario
        return self.session.settings.team_names.get(firm_id) or i18n.text_of(sc.firms[sc.firm_index(firm_id)].name)

    def team_view(self, team: str) -> dict:
        """What ``team`` may see now."""
        return self.call(lambda s: s.team_view(team))

    def suggestion(self, team: str):
        """An AI draft for ``team`` (None when the workshop switched suggestions off)."""
        return self.call(lambda s: s.suggestion_for(team) if s.settings.visibility.suggestions else None)

    def draft_basis(self, team: str):
        """The AI's draft for ``team``, used only to start a first draft (never shown as advice)."""
        return self.call(lambda s: s.game.suggest(team, s.settings.ai_level))

    def codes(self) -> dict:
        """LAN: ``{team: unused join code or None}``, ``"facilitator"`` and the connections count."""
        if self.host is None:
            return {}
        codes = self.host.codes
        return {"teams": {t: codes.get(t) for t in self.teams}, "facilitator": self.host.facilitator_code,
                "connected": self.host.connected(), "port": self.host.port}

    # ---- facilitator actions --------------------------------------------------------------------
    def _apply(self, action: str, **args):
        now = self.clock()
        if self.host is not None:
            return self.host.control(action, **args)
        s = self.session
        with self._lock:
            return {"lock": lambda: s.lock(now), "unlock": lambda: s.unlock(now), "open": lambda: s.open_next(now),
                    "reopen": lambda: s.reopen(discard_results=args.get("discard_results") is True, now=now),
                    "extend": lambda: s.extend_deadline(args.get("seconds"), now),
                    "inject": lambda: s.inject(args.get("event"), args.get("target"), now),
                    "withdraw": lambda: s.withdraw(args.get("event"), now),
                    "resolve": lambda: s.resolve(now)}[action]()

    def control(self, action: str, **args):
        """Run a quick round or event action (lock, unlock, open, reopen, extend, inject,
        withdraw); return its result, or None after telling :attr:`message` why it was refused."""
        if self.busy:
            self.message.emit(translate("Workshop", "Wait: the quarter is being resolved."))
            return None
        try:
            result = self._apply(action, **args)
        except ClosedLoopError as exc:
            self.message.emit(" ".join(str(exc).split()))
            return None
        self.refresh()
        self.schedule_save()
        return result if result is not None else True

    def resolve(self) -> bool:
        """Resolve the locked round in a worker; :attr:`resolved` follows (False if it cannot start)."""
        if self.busy:
            return False
        if self.phase != "locked":
            self.message.emit(translate("Workshop", "Lock the round before resolving it."))
            return False
        self.cancel_preview()
        task = workers.Task(lambda progress: self._apply("resolve"), "resolve quarter", self)
        task.finished.connect(self._resolved)
        task.failed.connect(self._resolve_failed)
        self._tasks.add(task)
        self._set_busy(True)
        task.start()
        return True

    def _resolved(self, task, result) -> None:
        self._forget(task)
        self._set_busy(False)
        self._caught_up()
        self.save_now()
        self.resolved.emit(self.session.game.records[-1].report.quarter)

    def _resolve_failed(self, task, message: str) -> None:
        self._forget(task)
        self._set_busy(False)
        self._caught_up()
        self.message.emit(message)

    def _caught_up(self) -> None:
        self.refresh()
        if self._missed:
            self._missed = False
            self.connectionsChanged.emit()

    def _forget(self, task) -> None:
        self._tasks.discard(task)
        task.deleteLater()

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busyChanged.emit(busy)

    def submit(self, team: str, decision) -> str:
        """One laptop: record ``team``'s sealed decision; "" when accepted, else the reason."""
        return self._team_action(lambda s, now: s.submit(team, decision, now))

    def predict(self, team: str, raw) -> str:
        """One laptop: record ``team``'s forecast; "" when accepted, else the reason."""
        return self._team_action(lambda s, now: s.predict(team, raw, now))

    def _team_action(self, fn) -> str:
        if self.busy:
            return translate("Workshop", "Wait: the quarter is being resolved.")
        now = self.clock()
        try:
            self.call(lambda s: fn(s, now))
        except ClosedLoopError as exc:
            return " ".join(str(exc).split())
        self.refresh()
        self.schedule_save()
        return ""

    def reissue(self, team: str) -> str | None:
        """LAN: revoke ``team``'s access and return its new join code (None if refused)."""
        if self.host is None:
            return None
        try:
            code = self.host.control("reissue", team=team)["code"]
        except ClosedLoopError as exc:
            self.message.emit(str(exc))
            return None
        self.connectionsChanged.emit()
        return code

    # ---- teams' PINs on one laptop -------------------------------------------------------------
    def set_pin(self, team: str, pin: str) -> str:
        """Set ``team``'s PIN (4-6 digits); returns the problem ("" when set)."""
        problem = self.pins.set(team, pin)
        if not problem:
            self.pinsChanged.emit()
        return problem

    def check_pin(self, team: str, pin: str) -> bool:
        """True when ``pin`` opens ``team``'s screen (a wrong one counts towards the lock)."""
        ok = self.pins.check(team, pin)
        if not ok:
            self.pinsChanged.emit()
        return ok

    def reset_pin(self, team: str) -> None:
        """Facilitator: forget ``team``'s PIN and wrong tries (it may set a new one when it submits)."""
        self.pins.reset(team)
        self.pinsChanged.emit()
        self.message.emit(translate("Workshop", "%1's PIN was reset: its screen opens after a confirmation until "
                                    "it sets a new PIN.").replace("%1", self.name_of(team)))

    # ---- impact preview -------------------------------------------------------------------------
    @property
    def previewing(self) -> bool:
        """True while an impact preview runs."""
        return self._preview_task is not None

    def start_preview(self, event, target=None, futures: int = 200, quarters: int = 4) -> bool:
        """Forecast with and without ``event`` in a worker (validated first; False with a message
        when it cannot start)."""
        self.cancel_preview()
        try:
            job = (self.host.preview_job(event, target, futures, quarters) if self.host is not None
                   else self.call(lambda s: s.preview_job(event, target, futures, quarters)))
        except ClosedLoopError as exc:
            self.previewStopped.emit(" ".join(str(exc).split()))
            return False
        task = workers.Task(job, "impact preview", self)
        task.progress.connect(self._preview_progress)
        task.finished.connect(self._preview_done)
        task.failed.connect(self._preview_failed)
        task.cancelled.connect(lambda t: self._preview_failed(t, ""))
        self._preview_task = task
        self.previewStarted.emit()
        task.start()
        return True

    def cancel_preview(self) -> None:
        """Stop the running preview (previewStopped("") follows)."""
        if self._preview_task is not None:
            self._preview_task.cancel()

    def _preview_progress(self, done: int, total: int) -> None:
        if self.sender() is self._preview_task:
            self.previewProgress.emit(done, total)

    def _preview_done(self, task, result) -> None:
        task.deleteLater()
        if task is self._preview_task:
            self._preview_task = None
            self.previewReady.emit(result)

    def _preview_failed(self, task, message: str) -> None:
        task.deleteLater()
        if task is self._preview_task:
            self._preview_task = None
            self.previewStopped.emit(message)

    # ---- timer, LAN events and saving -------------------------------------------------------------
    def _tick(self) -> None:
        if self.host is None and not self.busy:
            with self._lock:
                s = self.session
                due = s.phase == OPEN and s.deadline_passed(self.clock())
                if due:
                    s.lock(self.clock())
            if due:
                self.message.emit(translate("Workshop", "Time is up: the round is locked."))
                self.refresh()
                self.schedule_save()

    def _host_event(self, name: str, payload: dict) -> None:
        if self.busy:                           # the host is resolving: read it when the worker is done
            self._missed = True
            return
        if name in ("joined", "left", "reissued"):
            self.connectionsChanged.emit()
            return
        if name == "previewing":                # a LAN facilitator's preview: nothing changed yet
            return
        self.refresh()
        if name in ("submitted", "predicted", "phase", "resolved"):
            self.schedule_save()

    def schedule_save(self) -> None:
        """Autosave soon (changes arriving together are saved once)."""
        if self.path:
            self._save_timer.start()

    def save_now(self) -> bool:
        """Write the workshop into its save file now; False (with a message) if that failed."""
        if not self.path:
            return False
        try:
            Path(self.path).parent.mkdir(parents=True, exist_ok=True)
            self.call(lambda s: autosave_workshop(s, self.path))
        except (ClosedLoopError, OSError) as exc:
            self.message.emit(translate("Workshop", "Autosave failed: %1").replace("%1", str(exc)))
            return False
        self.saved.emit(self.path)
        return True

    @property
    def finished(self) -> bool:
        """True once the workshop's last quarter is resolved."""
        return self.phase == FINISHED

    @property
    def between_rounds(self) -> bool:
        """True when a quarter is resolved and the next round is not open yet."""
        return self.phase == RESOLVED

