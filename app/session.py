"""The session adapter: a thin QObject owning the game and the player's draft, emitting signals.

Widgets connect to these signals in their constructors and only read (``session.game``,
``session.draft``, ``session.history`` ...). Every change goes through a method here: draft edits
become QUndoStack commands, the quarter and the preview run in worker threads.
"""

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from engine.drivers import quarter_drivers
from engine.errors import ClosedLoopError
from engine.forecast import run_forecast
from engine.game import Game
from engine.scenario import with_player

from . import consequences, saving, settings, workers
from .draft import EditCommand, next_draft, problem_with, value_of, with_value
from .history import History
from .i18n import translate

log = logging.getLogger(__name__)

FORECAST_SALT = 1
ADVISOR_LEVEL = "normal"                   # the advisor's plan is the normal AI's (Game.suggest)


class Session(QObject):
    """One game being played by one player (the firm ``player``)."""

    gameStarted = Signal()                 # new or loaded game: widgets reset
    draftChanged = Signal()                # the draft (and its projection) changed
    quarterResolved = Signal(object)       # QuarterRecord of the quarter just played
    gameFinished = Signal()
    busyChanged = Signal(bool)             # a quarter is being resolved
    forecastStarted = Signal()
    forecastProgress = Signal(int, int)
    forecastReady = Signal(object)         # engine.forecast.Forecast
    forecastStopped = Signal(str)          # "" when cancelled, else a one-line reason
    worldsProgress = Signal(int, int)      # world-quarters replayed, of quarters x worlds
    worldsReady = Signal(object)           # engine.saves.WorldsResult (luck versus skill)
    worldsStopped = Signal(str)            # "" when cancelled, else why luck versus skill is not available
    fileChanged = Signal(str)              # the game's save file
    message = Signal(str)                  # one-line notices (autosave failures ...)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.game = None
        self.player = ""
        self.draft = None
        self.history = None
        self.drivers = None                # engine.drivers result for the last quarter (or None)
        self.advice = None                 # the advisor's (normal AI's) decision for this quarter
        self.projection = {}
        self.forecast = None
        self.forecast_plan = None          # the draft the last forecast was run for
        self.forecast_level = "normal"     # the rivals' AI level it assumed
        self.forecast_hold = False         # whether it kept the draft in every quarter (else the advisor's plans)
        self.path = ""
        self.autosave_file = ""            # where a game without a file of its own is autosaved
        self.busy = False
        self.undo_stack = QUndoStack(self)
        self._forecast_task = None
        self.worlds = None                 # luck versus skill of the finished game
        self._worlds_task = None
        self._tasks = {}                   # running task -> its handlers (cancelled ones included until they stop)
        self._retired = False

    # ---- starting and loading ---------------------------------------------------------------
    def new_game(self, scenario, firm_id: str | None = None, level: str = "normal", seed: int | None = None) -> None:
        """Start a campaign: ``firm_id`` played by the user, every other firm by AI at ``level``."""
        firm_id = firm_id or scenario.info.player
        scenario = with_player(scenario, firm_id)
        seed = scenario.info.default_seed if seed is None else int(seed)
        self.adopt(Game.new(scenario, seed, human=(firm_id,), level=level))

    def adopt(self, game, path: str = "") -> None:
        """Play ``game`` (a new or loaded :class:`~engine.game.Game`; its first human firm is the player).

        Raises:
            ClosedLoopError: the game has no firm played by a person (a replay, not a campaign).
        """
        if not game.humans:
            raise ClosedLoopError(translate("Session", "This game has no player's firm: every firm is played by the "
                                            "computer. Open it as a replay."))
        self.cancel_forecast()
        self.game, self.player, self.path = game, game.humans[0], path
        self.history = History(game)
        self.forecast = self.forecast_plan = None
        self.drivers = quarter_drivers(game, self.player) if len(game.records) > 1 else None
        last = game.records[-1].decisions.get(self.player) if game.records else None
        self.advice = None if self.finished else game.suggest(self.player)
        self._set_draft(next_draft(last, self.advice) if self.advice is not None else last)
        self.undo_stack.clear()
        self.gameStarted.emit()
        self.fileChanged.emit(path)
        self.draftChanged.emit()
        if self.finished:
            self.gameFinished.emit()

    @property
    def scenario(self):
        """The game's scenario (with the player's firm as its player)."""
        return self.game.scenario if self.game else None

    @property
    def rival_level(self) -> str:
        """The AI level of the rivals ("easy", "normal" or "hard"), which the preview and projection assume."""
        return consequences.rival_level(self.game) if self.game else "normal"

    @property
    def finished(self) -> bool:
        """True when the scenario ended or the player's firm left the market."""
        if self.game is None:
            return False
        if self.game.finished:
            return True
        return bool(self.game.state.exited[0, self.scenario.firm_index(self.player)] > 0)

    # ---- the draft ----------------------------------------------------------------------------
    def check(self, path: str, value) -> str:
        """The one-line problem with setting ``path`` to ``value``, or "" when it is valid."""
        return problem_with(self.scenario, self.player, self.draft, path, value)

    def propose(self, path: str, value, label: str = "") -> str:
        """Set ``path`` of the draft to ``value`` as an undoable edit.

        Returns:
            "" when applied (or unchanged), else the validation message; nothing changes then.
        """
        if self.game is None or self.busy or self.finished:
            return translate("Session", "No quarter is open for decisions.")
        problem = self.check(path, value)
        if problem:
            return problem
        if value_of(self.draft, path) == value:
            return ""
        text = translate("Session", "Change %1").replace("%1", label or path)
        self.undo_stack.push(EditCommand(self, self.draft, with_value(self.draft, path, value), text))
        return ""

    def use_advice(self) -> None:
        """Replace the draft with the advisor's plan (the normal AI's decision), undoably."""
        if self.game is None or self.busy or self.finished:
            return
        self.undo_stack.push(EditCommand(self, self.draft, self.advice, translate("Session", "Use the advisor's plan")))

    def apply_draft(self, decision) -> None:
        """Make ``decision`` the draft (called by undo commands; validate before pushing them)."""
        self._set_draft(decision)
        self.draftChanged.emit()

    def _set_draft(self, decision) -> None:
        self.draft = decision
        self.projection = {} if self.finished or decision is None else _project(self.game, self.player, decision,
                                                                                self.rival_level)

    # ---- the quarter --------------------------------------------------------------------------
    def end_quarter(self) -> bool:
        """Resolve the quarter with the draft in a worker thread; False if that cannot start now."""
        if self.game is None or self.busy or self.finished:
            return False
        self.cancel_forecast()
        game, player, draft, level = self.game, self.player, self.draft, self.rival_level
        autosave = None
        if settings.get("autosave"):
            try:
                autosave = self.path or self.autosave_file or str(saving.new_autosave_path(game))
            except ClosedLoopError:
                autosave = None                    # no engine.saves: nothing to autosave to

        def play(progress):
            record = game.play_quarter({player: draft})
            drivers = quarter_drivers(game, player)
            over = game.finished or game.state.exited[0, game.scenario.firm_index(player)] > 0
            advice = None if over else game.suggest(player)
            following = draft if over else next_draft(draft, advice)
            projection = {} if over else _project(game, player, following, level)
            note, saved = "", None
            if autosave:
                try:
                    saved = saving.autosave(game, autosave)
                except (ClosedLoopError, OSError) as exc:
                    note = translate("Session", "Autosave failed: %1").replace("%1", str(exc))
            return record, drivers, advice, following, projection, note, saved

        self._set_busy(True)
        self._launch(workers.Task(play, "end quarter", self), self._quarter_done, self._quarter_failed,
                     lambda task: self._quarter_failed(task, ""))
        return True

    def _quarter_done(self, task, result) -> None:
        task.deleteLater()
        record, drivers, self.advice, self.draft, self.projection, note, saved = result
        self.history.advance()
        if saved and saved != self.path and saved != self.autosave_file:
            self.autosave_file = saved             # a new autosave: Continue finds it
            settings.add_recent(saved)
        self.drivers = drivers
        self.undo_stack.clear()
        self._set_busy(False)
        self.quarterResolved.emit(record)
        self.draftChanged.emit()
        if note:
            self.message.emit(note)
        if self.finished:
            self.gameFinished.emit()

    def _quarter_failed(self, task, message: str) -> None:
        task.deleteLater()
        self._set_busy(False)
        self.message.emit(message)

    def _set_busy(self, busy: bool) -> None:
        self.busy = busy
        self.busyChanged.emit(busy)

    def wait(self) -> None:
        """Block until worker tasks are done (when the app quits, after :meth:`cancel_tasks`, and in tests)."""
        from PySide6.QtCore import QThreadPool

        QThreadPool.globalInstance().waitForDone()

    # ---- worker tasks -------------------------------------------------------------------------
    def _launch(self, task, finished, failed, cancelled) -> None:
        """Start ``task``; its last signal calls ``finished(task, result)``, ``failed(task, message)``
        or ``cancelled(task)`` (each handler ``deleteLater()``s the task), then the task is forgotten.

        Each of the task's last signals has this one connection: a second queued slot could be
        dropped when the first one's ``deleteLater()`` deletes the task before it is delivered.
        The handlers are kept here, not on the task, and dropped once it ends: no reference cycle
        outlives the task.
        """
        self._tasks[task] = {"finished": finished, "failed": failed, "cancelled": cancelled}
        task.finished.connect(self._task_finished)
        task.failed.connect(self._task_failed)
        task.cancelled.connect(self._task_cancelled)
        task.start()

    def _task_finished(self, task, result) -> None:
        self._task_ended(task, "finished", result)

    def _task_failed(self, task, message: str) -> None:
        self._task_ended(task, "failed", message)

    def _task_cancelled(self, task) -> None:
        self._task_ended(task, "cancelled")

    def _task_ended(self, task, how: str, *args) -> None:
        handlers = self._tasks.pop(task)
        try:
            handlers[how](task, *args)
        finally:
            if self._retired and not self._tasks:
                self.deleteLater()

    def cancel_tasks(self) -> None:
        """Ask the preview and luck versus skill to stop (a quarter being resolved runs to its end)."""
        self.cancel_forecast()
        self.cancel_worlds()

    def retire(self) -> None:
        """Cancel the tasks and delete the session once they have stopped, without waiting for them.

        For a session being replaced (a new campaign, another game opened): its tasks are its
        children, so it stays alive until their last signal arrives, and the window never blocks.
        """
        self._retired = True
        self.cancel_tasks()
        if not self._tasks:
            self.deleteLater()

    # ---- the preview --------------------------------------------------------------------------
    @property
    def forecasting(self) -> bool:
        """True while a preview forecast runs."""
        return self._forecast_task is not None

    def start_forecast(self, futures: int | None = None, quarters: int | None = None,
                       hold_plan: bool | None = None) -> bool:
        """Run the Monte Carlo preview of the draft in a worker thread; False if it cannot start.

        Rivals play the campaign's AI level (:attr:`rival_level`); after the first quarter the
        player's firm follows the advisor unless ``hold_plan`` keeps the draft.
        """
        if self.game is None or self.busy or self.finished:
            return False
        self.cancel_forecast()
        futures = futures or settings.get("forecast/futures")
        quarters = quarters or max(1, self.scenario.n_quarters - self.game.t)
        hold = settings.get("forecast/hold_plan") if hold_plan is None else hold_plan
        state, seed, plan, level = self.game.state, self.game.seed, {self.player: self.draft}, self.rival_level

        def run(progress):
            return run_forecast(state, seed, futures, quarters, plan=plan, hold_plan=hold, level=level,
                                plan_level=ADVISOR_LEVEL, salt=FORECAST_SALT, progress=progress)

        task = workers.Task(run, "forecast", self)
        task.plan, task.level, task.hold = self.draft, level, bool(hold)
        task.progress.connect(self._forecast_progress)
        self._forecast_task = task
        self.forecastStarted.emit()
        self._launch(task, self._forecast_done, self._forecast_stopped, self._forecast_cancelled)
        return True

    def cancel_forecast(self) -> None:
        """Stop the running preview (its forecastStopped("") follows)."""
        if self._forecast_task is not None:
            self._forecast_task.cancel()

    def _forecast_progress(self, done: int, total: int) -> None:
        if self.sender() is self._forecast_task:  # not a cancelled forecast still winding down
            self.forecastProgress.emit(done, total)

    def _forecast_done(self, task, result) -> None:
        task.deleteLater()
        if task is not self._forecast_task:
            return
        self._forecast_task = None
        self.forecast, self.forecast_plan = result, task.plan
        self.forecast_level, self.forecast_hold = task.level, task.hold
        self.forecastReady.emit(result)

    def _forecast_cancelled(self, task) -> None:
        self._forecast_stopped(task, "")

    def _forecast_stopped(self, task, message: str) -> None:
        task.deleteLater()
        if task is not self._forecast_task:
            return
        self._forecast_task = None
        self.forecastStopped.emit(message)

    # ---- luck versus skill -------------------------------------------------------------------
    @property
    def replaying_worlds(self) -> bool:
        """True while luck versus skill runs (and has not been cancelled)."""
        return self._worlds_task is not None

    def start_worlds(self, worlds: int = 100) -> bool:
        """Replay the player's decisions in ``worlds`` other worlds in a worker (once per game).

        Progress arrives as :attr:`worldsProgress` ``(world-quarters done, quarters x worlds)``;
        :meth:`cancel_worlds` stops it after the quarter being replayed (``worldsStopped("")``).
        """
        if self.game is None or not self.game.records or self._worlds_task is not None or self.worlds is not None:
            return False
        game = self.game

        def run(progress):
            return saving.luck_versus_skill(game, worlds, lambda done, total: progress(done * worlds, total * worlds))

        task = workers.Task(run, "worlds", self)
        task.progress.connect(self._worlds_progress)
        self._worlds_task = task
        self._launch(task, self._worlds_done, self._worlds_failed, lambda t: self._worlds_failed(t, ""))
        return True

    def cancel_worlds(self) -> None:
        """Stop luck versus skill after the quarter being replayed; ``worldsStopped("")`` follows at once."""
        task, self._worlds_task = self._worlds_task, None
        if task is not None:
            task.cancel()
            self.worldsStopped.emit("")

    def _worlds_progress(self, done: int, total: int) -> None:
        if self.sender() is self._worlds_task:
            self.worldsProgress.emit(done, total)

    def _worlds_done(self, task, result) -> None:
        task.deleteLater()
        if task is not self._worlds_task:
            return
        self._worlds_task, self.worlds = None, result
        self.worldsReady.emit(result)

    def _worlds_failed(self, task, message: str) -> None:
        task.deleteLater()
        if task is not self._worlds_task:
            return                          # cancelled: worldsStopped("") was emitted then
        self._worlds_task = None
        self.worldsStopped.emit(message)

    # ---- files --------------------------------------------------------------------------------
    def save(self, path: str) -> None:
        """Save the game to ``path`` (raises ClosedLoopError with one line on failure)."""
        saving.save_game(self.game, path)
        settings.add_recent(path)
        self.path = path
        self.fileChanged.emit(path)

    def load(self, path: str, verify: bool = True) -> None:
        """Load and play the game saved at ``path`` (raises ClosedLoopError with one line).

        With ``verify`` (default) a save that replays differently under this version raises
        ``SaveDivergedError``. With False such a save is played as a new branch re-simulated by
        this version: it has no file of its own yet (the file it came from is never written to;
        the first autosave creates a new file).
        """
        game = saving.load_game(path, verify)
        settings.add_recent(path)
        branch = "save_id" not in game.lineage      # a re-simulation: a new game whose parent is the file
        self.adopt(game, "" if branch else path)


def _project(game, player: str, draft, level: str) -> dict:
    """The quick median projection of ``draft`` against ``level`` rivals (empty when it cannot be computed)."""
    try:
        return consequences.projection(game, player, draft, level=level)
    except ClosedLoopError as exc:
        log.warning("projection failed: %s", exc)
        return {}
