"""A headless game: one scenario, one seed, who controls each firm, and the quarters played.

This is what the CLI, the desktop app's session adapter, saves, replays and workshops drive.
It keeps every state, report and the full decision log (every firm's decision, AI or human,
and any injected events), so the game can be replayed, verified and forked exactly.
"""

from dataclasses import dataclass, field

from . import ai, injections, script
from .decisions import FirmDecision, check_finite, from_arrays, to_arrays, validate, within_limits
from .errors import ClosedLoopError, DecisionError, shown
from .initial import initial_state
from .model import advance
from .quarters import quarter_label
from .report import QuarterReport
from .rng import Streams
from .state import State

HUMAN = "human"
AI_STREAM_PREFIX = (1,)
MAX_SEED = 2**63 - 1   # a save stores the seed as a SQLite INTEGER (signed 64 bits)


def policy(level: str):
    """Decide function of a controller: an AI level, or "script" (the scenario's script, AI elsewhere)."""
    return _scripted if level == script.CONTROLLER else ai.policy(level)


def _scripted(state, streams=None, firms=None):
    """The scripted controller with the AI policies' signature (it decides every firm at once)."""
    return within_limits(script.decide(state, streams))


def _computed_decision(scenario, arrays, firm_id: str, level: str) -> FirmDecision:
    """``firm_id``'s decision from a policy's arrays; DecisionError naming the field if one is not finite."""
    check_finite(scenario, arrays, firm_id, "the scenario's script" if level == script.CONTROLLER else f"the {level} AI")
    return from_arrays(scenario, arrays, firm_id)


@dataclass
class QuarterRecord:
    """What was decided and what happened in one quarter."""

    decisions: dict                        # firm id -> FirmDecision
    injected: tuple = ()                   # (event id or CustomEvent, target firm id or None)
    report: QuarterReport | None = None
    state_hash: str = ""
    controllers: dict = field(default_factory=dict)   # firm id -> controller when it was decided


@dataclass
class Game:
    """A game in progress.

    Attributes:
        scenario: the scenario (its ``info.player`` is the player's firm).
        seed: the world seed, 0 to ``MAX_SEED``; the same seed and decisions give the same results.
        controllers: firm id -> "human", an AI level ("easy", "normal", "hard") or "script"
            (what the scenario's ``[[script]]`` says, the normal AI for anything unscripted).
        states: ``states[t]`` is the state at the start of quarter offset ``t``.
        records: one :class:`QuarterRecord` per quarter played.
        lineage: save-file provenance kept across save/load (``save_id``, ``created_at``, and for
            forks ``parent_id``, ``parent_file``, ``fork_at``, ``fork_changes``); see engine.saves.
    """

    scenario: object
    seed: int
    controllers: dict
    states: list = field(default_factory=list)
    records: list = field(default_factory=list)
    lineage: dict = field(default_factory=dict)

    def __post_init__(self):
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or not 0 <= self.seed <= MAX_SEED:
            raise ClosedLoopError(f"seed {shown(self.seed)}: must be a whole number from 0 to {MAX_SEED} (2**63-1)")
        unknown = [f for f in self.controllers if f not in self.scenario.firm_ids]
        if unknown:
            raise DecisionError(f"{unknown[0]}: no such firm in scenario {self.scenario.id}")
        for firm_id in self.scenario.firm_ids:
            level = self.controllers.setdefault(firm_id, "normal")
            if level != HUMAN:
                policy(level)
        if not self.states:
            self.states.append(initial_state(self.scenario))
        self._world = Streams(self.seed, 1)

    @staticmethod
    def new(scenario, seed: int, human: tuple = (), level: str = "normal") -> "Game":
        """Start a game with the ``human`` firms played by people and the rest by ``level`` (AI or "script")."""
        controllers = {f: (HUMAN if f in human else level) for f in scenario.firm_ids}
        return Game(scenario, int(seed), controllers)

    @property
    def state(self) -> State:
        """The state at the start of the next quarter to play."""
        return self.states[-1]

    @property
    def t(self) -> int:
        """Quarters played so far."""
        return len(self.records)

    @property
    def quarter(self) -> str:
        """Label of the next quarter to play, e.g. ``"2024Q3"``."""
        return quarter_label(self.scenario.info.start + self.t)

    @property
    def finished(self) -> bool:
        """True once the scenario's last quarter has been played."""
        return self.t >= self.scenario.n_quarters

    @property
    def humans(self) -> tuple:
        """Ids of the firms controlled by people."""
        return tuple(f for f, c in self.controllers.items() if c == HUMAN)

    def suggest(self, firm_id: str, level: str = "normal") -> FirmDecision:
        """The decision an AI at ``level`` would make for ``firm_id`` now (a draft for players)."""
        arrays = policy(level)(self.state, self._ai_streams(), firms=[self.scenario.firm_index(firm_id)])
        return _computed_decision(self.scenario, arrays, firm_id, level)

    def ai_decisions(self) -> dict:
        """Decisions of every AI-controlled firm for the next quarter (public information only)."""
        out = {}
        by_level: dict = {}
        for firm_id, level in self.controllers.items():
            if level != HUMAN:
                by_level.setdefault(level, []).append(firm_id)
        for level, firms in by_level.items():
            arrays = policy(level)(self.state, self._ai_streams(), firms=[self.scenario.firm_index(f) for f in firms])
            for firm_id in firms:
                out[firm_id] = _computed_decision(self.scenario, arrays, firm_id, level)
        return out

    def _ai_streams(self) -> Streams:
        return Streams(self.seed, 1, prefix=AI_STREAM_PREFIX)

    def play_quarter(self, human: dict | None = None, injected: tuple = ()) -> QuarterRecord:
        """Resolve the next quarter.

        Args:
            human: firm id -> FirmDecision for every human-controlled firm.
            injected: facilitator events as ``(event_id, target_firm_id_or_None)``; a
                :class:`~engine.injections.CustomEvent` may stand in place of an event id.

        Returns:
            The new :class:`QuarterRecord`.

        Raises:
            DecisionError: a human decision is missing or invalid (nothing changes).
        """
        if self.finished:
            raise DecisionError(f"the scenario ended at {quarter_label(self.scenario.info.end)}")
        human = dict(human or {})
        for firm_id in self.humans:
            if firm_id not in human:
                raise DecisionError(f"{firm_id}: no decision for {self.quarter}")
        for firm_id, decision in human.items():
            if self.controllers.get(firm_id) != HUMAN:
                raise DecisionError(f"{firm_id}: is not controlled by a player")
            validate(self.scenario, firm_id, decision)
        decisions = {**self.ai_decisions(), **human}
        return self._resolve(decisions, tuple(injected))

    def replay_quarter(self, decisions: dict, injected: tuple = ()) -> QuarterRecord:
        """Resolve the next quarter with recorded decisions of every firm (replays and forks)."""
        for firm_id, decision in decisions.items():
            validate(self.scenario, firm_id, decision)
        return self._resolve(dict(decisions), tuple(injected))

    def custom_log(self, injected: tuple = ()) -> list:
        """``(t, CustomEvent, target)`` of every custom event injected so far (plus ``injected``)."""
        return injections.custom_log(self.records, injected)

    def drop_last_quarter(self) -> QuarterRecord:
        """Undo the last played quarter (a facilitator reopening it) and return its record."""
        if not self.records:
            raise DecisionError("no quarter has been played yet")
        self.states.pop()
        return self.records.pop()

    def _resolve(self, decisions: dict, injected: tuple) -> QuarterRecord:
        injections.check(self.scenario, injected)
        deck = tuple(entry for entry in injected if not injections.is_custom(entry))
        arrays = to_arrays(self.scenario, decisions, self.state, deck)
        arrays = injections.with_custom(self.scenario, arrays, self.custom_log(injected), self.t)
        next_state, report = advance(self.state, arrays, self._world)
        record = QuarterRecord(decisions, injected, report, next_state.state_hash(), dict(self.controllers))
        self.states.append(next_state)
        self.records.append(record)
        return record
