"""Luck versus skill: replay the player's recorded decisions in other random worlds.

World ``i`` of a game seeded ``s`` is random stream ``i`` of ``s`` (the game itself was world
0), so the same game and ``worlds`` always give the same answer. In each world the people's
firms repeat their recorded decisions quarter by quarter (when no firm was played by a person,
the player's firm is held to its recorded decisions), every AI firm decides again from that
world's states, and recorded facilitator events are injected at the same quarters. The worlds
run as one batch, so 100 worlds cost about as much as a few single games.

Firms that played the hard AI are played by the normal AI in the other worlds (``STAND_INS``, the
model their look-ahead assumes of everyone, as :mod:`engine.forecast` does after the first
quarter): a look-ahead inside each of 100 worlds would take minutes. Pass ``stand_ins={}`` to
replay them with the hard AI itself (world 0 then reproduces a hard game exactly).
"""

from dataclasses import dataclass, field, replace

import numpy as np

from .. import injections
from ..errors import ClosedLoopError, shown
from ..forecast import LATER_QUARTERS
from ..game import AI_STREAM_PREFIX, HUMAN, policy
from ..decisions import to_arrays
from ..model import advance
from ..rng import Streams
from ..scoring import objectives_on_track

NEVER_KIND = "never_distressed"
MAX_WORLDS = 10_000             # one batch; the engine's memory budget covers 10,000 futures
STAND_INS = LATER_QUARTERS      # recorded level -> level played in the other worlds (hard -> normal)


@dataclass(frozen=True)
class WorldsResult:
    """How the recorded decisions fare in other worlds.

    Attributes:
        worlds, first: number of worlds and the first world index (streams first..first+worlds-1).
        quarters: quarters replayed in each world.
        fixed_firms: firms whose recorded decisions were kept.
        met: (worlds,) True where every objective is met (on track, if the game is unfinished).
        objective_rates: objective id -> share of worlds meeting it.
        actual_met: whether the game as played met every objective.
        scores: (worlds,) the player's final score in each world; actual_score: as played.
        final_hashes: state hash at the end of each world (world 0 reproduces the game).
        firm_scores: fixed firm id -> (worlds,) its final score in each world (every team of a
            workshop: luck versus skill per team); actual_firm_scores: fixed firm id -> as played.
        stood_in: recorded AI level -> the level that played it in the worlds (e.g. ``{"hard":
            "normal"}``), only for levels that were replaced.
    """

    worlds: int
    first: int
    quarters: int
    fixed_firms: tuple
    met: np.ndarray
    objective_rates: dict
    actual_met: bool
    scores: np.ndarray
    actual_score: float
    final_hashes: tuple
    firm_scores: dict = field(default_factory=dict)
    actual_firm_scores: dict = field(default_factory=dict)
    stood_in: dict = field(default_factory=dict)

    @property
    def rate(self) -> float:
        """Share of worlds in which every objective is met."""
        return float(self.met.mean())

    @property
    def score_percentile(self) -> float:
        """Share of worlds in which the player scored no better than in the game as played."""
        return float(np.mean(self.scores <= self.actual_score))

    def summary(self) -> str:
        """One line, e.g. ``"wins in 78% of 100 worlds (as played: won; score beats 64% of worlds)"``."""
        played = "won" if self.actual_met else "lost"
        return (f"wins in {100 * self.rate:.0f}% of {self.worlds} worlds (as played: {played}; "
                f"score at or above {100 * self.score_percentile:.0f}% of worlds)")

    def to_json(self) -> dict:
        """JSON-ready dict."""
        return {"worlds": self.worlds, "first_world": self.first, "quarters": self.quarters,
                "fixed_firms": list(self.fixed_firms), "win_rate": self.rate, "objective_rates": self.objective_rates,
                "actual_met": self.actual_met, "actual_score": self.actual_score,
                "score_percentile": self.score_percentile}


def play_worlds(game, worlds: int = 100, first: int = 1, progress=None, stand_ins: dict | None = None) -> WorldsResult:
    """Replay ``game``'s recorded people's decisions in ``worlds`` other worlds.

    Args:
        game: a game with at least one quarter played.
        worlds: number of worlds (>= 1).
        first: index of the first world (the game was world 0; 1 = only other worlds).
        progress: optional ``callback(done_quarters, total_quarters) -> bool``, called after
            every quarter; False stops.
        stand_ins: recorded AI level -> level that plays those firms in the worlds (default
            :data:`STAND_INS`: hard rivals play normal; ``{}`` replays every level as recorded).

    Returns:
        A :class:`WorldsResult`.

    Raises:
        ClosedLoopError: no quarter played, bad sizes, or cancelled.
    """
    if game.t == 0:
        raise ClosedLoopError("no quarter has been played yet")
    if not 1 <= worlds <= MAX_WORLDS or first < 0:
        raise ClosedLoopError(f"--worlds {shown(worlds)}: between 1 and {MAX_WORLDS:,} worlds")
    sc = game.scenario
    indices = list(range(first, first + worlds))
    world_streams = Streams(game.seed, indices)
    ai_streams = Streams(game.seed, indices, prefix=AI_STREAM_PREFIX)
    ever_human = any(c == HUMAN for r in game.records for c in (r.controllers or game.controllers).values())
    owner = sc.arrays.owner
    state = game.states[0].repeat(worlds)
    custom = injections.custom_log(game.records)
    stand_ins = STAND_INS if stand_ins is None else stand_ins
    fixed_all, stood_in = set(), {}
    for t, record in enumerate(game.records):
        controllers = record.controllers or game.controllers
        fixed = {f for f in sc.firm_ids if controllers[f] == HUMAN} if ever_human else {sc.info.player}
        fixed_all |= fixed
        deck = tuple(entry for entry in record.injected if not injections.is_custom(entry))
        recorded = to_arrays(sc, record.decisions, game.states[t], deck)
        recorded = injections.with_custom(sc, recorded, custom, t).repeat(worlds)
        arrays = recorded
        by_level: dict = {}
        for f in sc.firm_ids:
            if f not in fixed:
                recorded_level = controllers[f] if controllers[f] != HUMAN else "normal"
                level = stand_ins.get(recorded_level, recorded_level)
                if level != recorded_level:
                    stood_in[recorded_level] = level
                by_level.setdefault(level, []).append(sc.firm_index(f))
        for level, firms in by_level.items():
            decided = policy(level)(state, ai_streams, firms=firms)   # never plans for the fixed firms
            for f in firms:
                arrays = arrays.with_firm(f, decided, owner)
        arrays = replace(arrays, inject=recorded.inject, inject_target=recorded.inject_target, custom=recorded.custom)
        state, report = advance(state, arrays, world_streams)
        if progress is not None and progress(t + 1, game.t) is False:
            raise ClosedLoopError("cancelled")
    a = sc.arrays
    status = state.objective
    never = np.array([o.kind == NEVER_KIND for o in sc.objectives], dtype=bool)
    ok = (status > 0) | (never & (status == 0))
    p = sc.firm_index(sc.info.player)
    return WorldsResult(
        worlds=worlds, first=first, quarters=game.t, fixed_firms=tuple(f for f in sc.firm_ids if f in fixed_all),
        met=objectives_on_track(a, status), objective_rates={o.id: float(ok[:, k].mean())
                                                             for k, o in enumerate(sc.objectives)},
        actual_met=bool(objectives_on_track(a, game.state.objective)[0]),
        scores=np.array(report.firm["score"][:, p], dtype=float),
        actual_score=float(game.records[-1].report.firm["score"][0, p]),
        final_hashes=tuple(state.state_hash(i) for i in range(worlds)),
        firm_scores={f: np.array(report.firm["score"][:, sc.firm_index(f)], dtype=float)
                     for f in sc.firm_ids if f in fixed_all},
        actual_firm_scores={f: float(game.records[-1].report.firm["score"][0, sc.firm_index(f)])
                            for f in sc.firm_ids if f in fixed_all},
        stood_in=stood_in)
