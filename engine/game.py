"""A headless game: one scenario, one seed, who controls each firm, and the quarters played.

This is what the CLI, the desktop app's session adapter, saves, replays and workshops drive.
It keeps every state, report and the full decision log (every firm's decision, AI or human,
and any injected events), so the game can be replayed, verified and forked exactly.
"""

from dataclasses import dataclass, field

from . import ai
from .decisions import FirmDecision, from_arrays, to_arrays, validate
from .errors import DecisionError
from .initial import initial_state
from .model import advance
from .quarters import quarter_label
from .report import QuarterReport
from .rng import Streams
from .state import State

HUMAN = "human"
AI_STREAM_PREFIX = (1,)


@dataclass
class QuarterRecord:
    """What was decided and what happened in one quarter."""

    decisions: dict                        # firm id -> FirmDecision
    injected: tuple = ()                   # (event id, target firm id or None)
    report: QuarterReport | None = None
    state_hash: str = ""


@dataclass
class Game:
    """A game in progress.

    Attributes:
        scenario: the scenario (its ``info.player`` is the player's firm).
        seed: the world seed; the same seed and decisions give the same results.
        controllers: firm id -> "human" or an AI level ("easy", "normal", "hard").
        states: ``states[t]`` is the state at the start of quarter offset ``t``.
        records: one :class:`QuarterRecord` per quarter played.
    """

    scenario: object
    seed: int
    controllers: dict
    states: list = field(default_factory=list)
    records: list = field(default_factory=list)

    def __post_init__(self):
        unknown = [f for f in self.controllers if f not in self.scenario.firm_ids]
        if unknown:
            raise DecisionError(f"{unknown[0]}: no such firm in scenario {self.scenario.id}")
        for firm_id in self.scenario.firm_ids:
            level = self.controllers.setdefault(firm_id, "normal")
            if level != HUMAN:
                ai.policy(level)
        if not self.states:
            self.states.append(initial_state(self.scenario))
        self._world = Streams(self.seed, 1)

    @staticmethod
    def new(scenario, seed: int, human: tuple = (), level: str = "normal") -> "Game":
        """Start a game with the ``human`` firms played by people and the rest by AI at ``level``."""
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
        arrays = ai.policy(level)(self.state, self._ai_streams(), firms=[self.scenario.firm_index(firm_id)])
        return from_arrays(self.scenario, arrays, firm_id)

    def ai_decisions(self) -> dict:
        """Decisions of every AI-controlled firm for the next quarter (public information only)."""
        out = {}
        by_level: dict = {}
        for firm_id, level in self.controllers.items():
            if level != HUMAN:
                by_level.setdefault(level, []).append(firm_id)
        for level, firms in by_level.items():
            arrays = ai.policy(level)(self.state, self._ai_streams(), firms=[self.scenario.firm_index(f) for f in firms])
            for firm_id in firms:
                out[firm_id] = from_arrays(self.scenario, arrays, firm_id)
        return out

    def _ai_streams(self) -> Streams:
        return Streams(self.seed, 1, prefix=AI_STREAM_PREFIX)

    def play_quarter(self, human: dict | None = None, injected: tuple = ()) -> QuarterRecord:
        """Resolve the next quarter.

        Args:
            human: firm id -> FirmDecision for every human-controlled firm.
            injected: facilitator events as ``(event_id, target_firm_id_or_None)``.

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

    def _resolve(self, decisions: dict, injected: tuple) -> QuarterRecord:
        arrays = to_arrays(self.scenario, decisions, self.state, injected)
        next_state, report = advance(self.state, arrays, self._world)
        record = QuarterRecord(decisions, injected, report, next_state.state_hash())
        self.states.append(next_state)
        self.records.append(record)
        return record
