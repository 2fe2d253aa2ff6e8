"""A workshop session: round control, sealed submissions, the event console and the prediction
log over a headless :class:`~engine.game.Game`.

Round phases::

    open --lock--> locked --resolve--> resolved --open_next--> open (next quarter)
      ^              |                     |
      +----unlock----+                     +--> finished (after the last quarter)
    reopen(discard_results=True): from any phase once a quarter is resolved, undo the latest
    resolved quarter and open it again (its submissions and injections come back as drafts).

Timestamps (``now``) come from the caller; the session never reads a clock, and nothing it is
given about time reaches the simulation. Every method either does what it says or raises one
:class:`WorkshopError` (or :class:`~engine.errors.DecisionError`) line and changes nothing.
"""

import math
from dataclasses import replace

from ..decisions import FirmDecision, validate
from ..errors import shown
from ..forecast import run_forecast
from ..game import Game
from ..injections import CustomEvent, check
from .predictions import Prediction, team_scores
from .settings import MAX_ROUND_SECONDS, WorkshopError

OPEN, LOCKED, RESOLVED, FINISHED = "open", "locked", "resolved", "finished"
PHASES = (OPEN, LOCKED, RESOLVED, FINISHED)
PREVIEW_METRICS = ("deliveries", "operating_profit_cny", "market_share", "cash_cny")
MAX_PREVIEW_FUTURES = 2000
MAX_PREVIEW_QUARTERS = 8
MAX_LOG = 500


class WorkshopSession:
    """A facilitated session of teams running firms against AI rivals, quarter by quarter.

    Args:
        scenario: the scenario.
        settings: :class:`~engine.workshop.settings.WorkshopSettings` (validated here).
        now: caller's timestamp (seconds) starting the first round's timer, or None.
        game: an existing game to continue (used by :func:`~engine.workshop.serial.session_from_dict`).
    """

    def __init__(self, scenario, settings, now: float | None = None, game: Game | None = None):
        self.scenario = scenario
        self.settings = settings.check(scenario)
        self.game = game or Game.new(scenario, settings.seed, human=settings.teams, level=settings.ai_level)
        self.phase = OPEN
        self.deadline: float | None = None
        self.pending: dict = {}          # team -> (FirmDecision, at)
        self.injections: list = []       # (event id or CustomEvent, target) released at resolution
        self.predictions: dict = {}      # (t, team) -> Prediction
        self.defaulted: list = []        # per resolved quarter: teams given the `missing` policy
        self.log: list = []              # facilitator audit trail
        self._start_timer(now)

    # ---- where the session is -------------------------------------------------------------
    @property
    def teams(self) -> tuple:
        """Firm ids run by teams."""
        return self.settings.teams

    @property
    def total_quarters(self) -> int:
        """Quarters this workshop plays."""
        return self.settings.total_quarters(self.scenario)

    @property
    def resolved(self) -> int:
        """Quarters resolved so far."""
        return self.game.t

    @property
    def quarter(self) -> str:
        """Label of the round open or locked now (when resolved: the next round's)."""
        return self.game.quarter

    def deadline_passed(self, now: float) -> bool:
        """True when a deadline is set and ``now`` is past it."""
        return self.deadline is not None and now > self.deadline

    def _team(self, team: str) -> str:
        if team not in self.teams:
            raise WorkshopError(f"{team!r} is not a team of this workshop", "not-found")
        return team

    def _need(self, *phases, action: str) -> None:
        if self.phase in phases:
            return
        if self.phase in (OPEN, LOCKED):
            where = f"{self.quarter} is {self.phase}"
        elif self.phase == RESOLVED:
            where = f"{self.game.records[-1].report.quarter} is resolved and {self.quarter} is not open yet"
        else:
            where = "the workshop is finished"
        raise WorkshopError(f"cannot {action}: {where}", "round")

    def _note(self, action: str, now, **detail) -> None:
        self.log.append({"action": action, "quarter": self.quarter, "at": now, **detail})
        del self.log[:-MAX_LOG]

    def _start_timer(self, now) -> None:
        rs = self.settings.round_seconds
        self.deadline = now + rs if (rs is not None and now is not None) else None

    def start_timer(self, now: float) -> float | None:
        """Start the open round's timer at ``now`` if it has none (a host starting to serve a
        session made without a time); returns the deadline."""
        if self.phase == OPEN and self.deadline is None:
            self._start_timer(now)
        return self.deadline

    # ---- submissions ----------------------------------------------------------------------
    def submit(self, team: str, decision, now: float | None = None) -> FirmDecision:
        """Record ``team``'s sealed decision for the open round (replacing an earlier one).

        Args:
            team: the team's firm id (taken from the caller's identity, never from a message).
            decision: a FirmDecision or its JSON-like dict.
            now: caller's timestamp; after the deadline submissions are refused.

        Raises:
            WorkshopError: unknown team, round not open or deadline passed.
            DecisionError: the decision is invalid (names the field).
        """
        self._team(team)
        self._need(OPEN, action="submit")
        if now is not None and self.deadline_passed(now):
            raise WorkshopError(f"the deadline for {self.quarter} has passed", "round")
        if not isinstance(decision, FirmDecision):
            decision = FirmDecision.from_dict(decision, team)
        validate(self.scenario, team, decision)
        self.pending[team] = (decision, now)
        return decision

    def submission_of(self, team: str) -> FirmDecision | None:
        """``team``'s own pending decision (for that team and the facilitator only)."""
        entry = self.pending.get(self._team(team))
        return entry[0] if entry else None

    def submission_status(self) -> dict:
        """``{team: {"submitted": bool, "at": timestamp or None}}`` (no decision contents)."""
        return {t: {"submitted": t in self.pending, "at": self.pending[t][1] if t in self.pending else None}
                for t in self.teams}

    @property
    def all_submitted(self) -> bool:
        """True when every team has a pending decision."""
        return all(t in self.pending for t in self.teams)

    def suggestion_for(self, team: str) -> FirmDecision:
        """An AI draft of ``team``'s decision (when visibility allows suggestions)."""
        self._team(team)
        if not self.settings.visibility.suggestions:
            raise WorkshopError("suggestions are switched off in this workshop", "forbidden")
        return self.game.suggest(team, self.settings.ai_level)

    # ---- predictions ----------------------------------------------------------------------
    def predict(self, team: str, raw, now: float | None = None) -> Prediction:
        """Record ``team``'s forecast of its own deliveries and operating profit for the open round."""
        self._team(team)
        self._need(OPEN, action="record a prediction")
        prediction = raw if isinstance(raw, Prediction) else Prediction.from_dict(raw)
        prediction = replace(prediction, at=now)
        self.predictions[(self.game.t, team)] = prediction
        return prediction

    def prediction_scores(self, team: str) -> dict:
        """Scores of ``team``'s predictions over the resolved quarters (see predictions module)."""
        return team_scores(self.predictions, self._team(team), self.game.records, self.scenario.firm_index(team))

    # ---- round control --------------------------------------------------------------------
    def lock(self, now: float | None = None) -> None:
        """Close submissions for the open round."""
        self._need(OPEN, action="lock")
        self.phase = LOCKED
        self._note("lock", now, submitted=sorted(self.pending))

    def unlock(self, now: float | None = None) -> None:
        """Reopen submissions of a locked (not yet resolved) round."""
        self._need(LOCKED, action="unlock")
        self.phase = OPEN
        self._note("unlock", now)

    def resolve(self, now: float | None = None):
        """Resolve the locked round: teams without a submission get the ``missing`` policy.

        Returns:
            The game's new :class:`~engine.game.QuarterRecord`.
        """
        self._need(LOCKED, action="resolve")
        human, missing = {}, []
        for team in self.teams:
            if team in self.pending:
                human[team] = self.pending[team][0]
            else:
                human[team] = self._default_for(team)
                missing.append(team)
        record = self.game.play_quarter(human, injected=tuple(self.injections))
        self.defaulted.append(tuple(missing))
        self.pending, self.injections = {}, []
        self.phase = FINISHED if self.game.t >= self.total_quarters else RESOLVED
        self.deadline = None
        self.log.append({"action": "resolve", "quarter": record.report.quarter, "at": now,
                         "defaulted": missing, "state_hash": record.state_hash})
        return record

    def _default_for(self, team: str) -> FirmDecision:
        if self.settings.missing == "carry" and self.game.records:
            last = self.game.records[-1].decisions[team]
            return validate(self.scenario, team, replace(last, parent_draw=0.0, equity_raise=0.0, borrow=0.0,
                                                         launches=()))
        return self.game.suggest(team, self.settings.ai_level)

    def open_next(self, now: float | None = None) -> None:
        """Open the next round after a resolved one (starts its timer when ``now`` is given)."""
        self._need(RESOLVED, action="open the next round")
        self.phase = OPEN
        self._start_timer(now)
        self._note("open", now)

    def reopen_warning(self) -> str | None:
        """What reopening would discard (None when there is no resolved quarter to reopen)."""
        if not self.game.records:
            return None
        label = self.game.records[-1].report.quarter
        text = f"reopening {label} discards its results, which teams may already have seen"
        if self.phase in (OPEN, LOCKED) and (self.pending or self.injections):
            text += f"; {len(self.pending)} submission(s) and {len(self.injections)} injection(s) for {self.quarter} are discarded too"
        return text

    def reopen(self, discard_results: bool = False, now: float | None = None) -> dict:
        """Undo the latest resolved quarter and open it again.

        Its teams' submissions and the facilitator's injections come back as pending drafts
        (teams given the ``missing`` policy have none). Only the latest quarter can be reopened.

        Args:
            discard_results: must be True: the explicit acknowledgement of :meth:`reopen_warning`.

        Returns:
            ``{"quarter": label, "warning": text}``.
        """
        warning = self.reopen_warning()
        if warning is None:
            raise WorkshopError("no resolved quarter to reopen", "round")
        if not discard_results:
            raise WorkshopError(f"{warning}: call again with discard_results=True", "round")
        record = self.game.drop_last_quarter()
        defaulted = self.defaulted.pop()
        self.pending = {t: (record.decisions[t], None) for t in self.teams if t not in defaulted}
        self.injections = list(record.injected)
        self.predictions = {k: v for k, v in self.predictions.items() if k[0] <= self.game.t}
        self.phase = OPEN
        self._start_timer(now)
        self._note("reopen", now, warning=warning)
        return {"quarter": record.report.quarter, "warning": warning}

    def extend_deadline(self, seconds: float, now: float | None = None) -> float:
        """Move the deadline of the open or locked round ``seconds`` later (from ``now`` when none
        is set); return the new deadline."""
        self._need(OPEN, LOCKED, action="extend the deadline")
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not math.isfinite(seconds) \
                or not 0 < seconds <= MAX_ROUND_SECONDS:
            raise WorkshopError(f"seconds: must be a positive number of seconds (got {shown(seconds)})")
        if self.deadline is None:
            if now is None:
                raise WorkshopError("no deadline is set: give the current time to start one")
            self.deadline = float(now) + seconds
        else:
            self.deadline += seconds
        self._note("extend", now, deadline=self.deadline)
        return self.deadline

    # ---- event console --------------------------------------------------------------------
    def _injection(self, event, target) -> tuple:
        if isinstance(event, dict):
            event = CustomEvent.from_dict(event)
        if not isinstance(event, (str, CustomEvent)):
            raise WorkshopError("event: must be a deck event id or a custom event")
        entry = (event, target)
        check(self.scenario, (entry,))
        if not isinstance(event, CustomEvent):
            n = [e.id for e in self.scenario.events].index(event)
            left = self.game.state.event_left[0, n]
            if left > 0:
                raise WorkshopError(f"event {event!r} is already running ({left:.0f} more quarter(s))")
        return entry

    def inject(self, event, target: str | None = None, now: float | None = None) -> tuple:
        """Queue an event for release when the current round resolves.

        Args:
            event: a deck event id, a :class:`CustomEvent` or its dict (validated).
            target: a firm id, or None for the event's own target (everyone for custom events).

        Returns:
            The queued ``(event, target)``.
        """
        self._need(OPEN, LOCKED, action="inject an event")
        entry = self._injection(event, target)
        check(self.scenario, tuple(self.injections) + (entry,))
        self.injections.append(entry)
        self._note("inject", now, event=_event_id(entry[0]), target=target)
        return entry

    def withdraw(self, event_id: str, now: float | None = None) -> None:
        """Remove a queued injection before it is released."""
        self._need(OPEN, LOCKED, action="withdraw an event")
        kept = [e for e in self.injections if _event_id(e[0]) != event_id]
        if len(kept) == len(self.injections):
            raise WorkshopError(f"event {event_id!r} is not queued for {self.quarter}", "not-found")
        self.injections = kept
        self._note("withdraw", now, event=event_id)

    def preview(self, event, target: str | None = None, futures: int = 200, quarters: int = 4, salt: int = 0,
                progress=None) -> dict:
        """Impact preview: Monte Carlo forecasts with and without the event, same random draws.

        Submitted decisions are used for the first quarter; queued injections are in both.

        Args:
            progress: optional ``callback(done, total) -> bool`` over both forecasts; returning
                False stops with :class:`~engine.forecast.ForecastCancelled`.

        Returns:
            ``{"event", "target", "futures", "quarters": [...], "firms": [{"id", metric: {"with",
            "without", "delta", "with_band", "without_band"}}]}``: median values per quarter, and
            the 5th and 95th percentiles as ``[[p5...], [p95...]]``.
        """
        return self.preview_job(event, target, futures, quarters, salt)(progress)

    def preview_job(self, event, target: str | None = None, futures: int = 200, quarters: int = 4,
                    salt: int = 0):
        """Validate an impact preview and capture what it needs now; return ``job(progress=None) -> dict``.

        The job reads nothing from the session, so it may run in another thread (or outside a
        host's lock) while the session moves on; it gives what :meth:`preview` gives.
        """
        self._need(OPEN, LOCKED, action="preview an event")
        for name, value, top in (("futures", futures, MAX_PREVIEW_FUTURES), ("quarters", quarters, MAX_PREVIEW_QUARTERS)):
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= top:
                raise WorkshopError(f"{name}: must be a whole number 1-{top} (got {shown(value)})")
        entry = self._injection(event, target)
        base = tuple(self.injections)
        check(self.scenario, base + (entry,))
        plan = {t: d for t, (d, _) in self.pending.items()}
        common = {"plan": plan or None, "salt": salt, "level": self.settings.ai_level,
                  "custom_log": tuple(self.game.custom_log())}
        state, seed, firm_ids = self.game.state, self.settings.seed, self.scenario.firm_ids

        def job(progress=None) -> dict:
            def half(second: bool):              # each forecast is half of the job's progress
                if progress is None:
                    return None
                return lambda done, total: progress(done + (total if second else 0), 2 * total)

            without = run_forecast(state, seed, futures, quarters, injected=base, progress=half(False), **common)
            with_ = run_forecast(state, seed, futures, quarters, injected=base + (entry,),
                                 progress=half(True), **common)
            firms = []
            for f, firm_id in enumerate(firm_ids):
                row = {"id": firm_id}
                for m in PREVIEW_METRICS:
                    wb, wob = with_.bands(m)[:, :, f], without.bands(m)[:, :, f]
                    w, wo = [float(x) for x in wb[1]], [float(x) for x in wob[1]]
                    row[m] = {"with": w, "without": wo, "delta": [a - b for a, b in zip(w, wo)],
                              "with_band": [[float(x) for x in wb[0]], [float(x) for x in wb[2]]],
                              "without_band": [[float(x) for x in wob[0]], [float(x) for x in wob[2]]]}
                firms.append(row)
            return {"event": _event_id(entry[0]), "target": target, "futures": futures,
                    "quarters": list(with_.quarters), "firms": firms}

        return job

    # ---- views and saving (see views.py and serial.py) ------------------------------------
    def team_view(self, team: str) -> dict:
        """What ``team`` may see now (see :func:`engine.workshop.views.team_view`)."""
        from .views import team_view
        return team_view(self, self._team(team))

    def facilitator_view(self) -> dict:
        """Everything the facilitator's console shows (see :mod:`engine.workshop.views`)."""
        from .views import facilitator_view
        return facilitator_view(self)

    def projector_view(self) -> dict:
        """Leaderboard, share race and news, with no private data (see :mod:`engine.workshop.views`)."""
        from .views import projector_view
        return projector_view(self)

    def to_dict(self) -> dict:
        """JSON-ready dict of the whole session (see :mod:`engine.workshop.serial`)."""
        from .serial import session_to_dict
        return session_to_dict(self)

    @staticmethod
    def from_dict(data, scenario) -> "WorkshopSession":
        """Rebuild a session from :meth:`to_dict` output, replaying and verifying every quarter."""
        from .serial import session_from_dict
        return session_from_dict(data, scenario)


def _event_id(event) -> str:
    return event.id if isinstance(event, CustomEvent) else event
