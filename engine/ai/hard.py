"""The "hard" rival: Monte Carlo look-ahead over strategic plans, batched on the engine.

A plan is a set of knobs on the normal policy (:data:`engine.ai.normal.KNOBS`): how much markup
to charge, how much capacity to build, how much to spend on autonomy, on the ecosystem and on
the brand, held for the look-ahead horizon. For each deciding firm, every candidate plan is
played over ``FUTURES`` simulated futures of ``HORIZON`` quarters in one batch of the engine,
with every other firm on the normal policy (what the hard AI expects of its rivals) and the
same futures for every plan (common random numbers, so plans are compared on equal luck). The
plan with the best expected doctrine score (:mod:`engine.ai.score`) at the horizon wins, and
this quarter's decision is the normal policy under that plan; next quarter it plans again.

Search in two rounds: first each knob alone, lowered and raised; then the plan that combines,
knob by knob, the setting that did best alone. Look-ahead futures come from sub-streams of the
AI streams the caller passes (never from the world's streams): the hard AI knows the model, not
the dice. It simulates the other firms from their true state at the start of the quarter -- a
simplification: besides what carmakers publish (cash, debt, capacity, deliveries) that includes
internal quantities (R&D team, chip programme, latent autonomy, inventory, backlog). It never
sees a pending decision. The look-ahead runs past the scenario's last quarter, so a plan
never gains from gutting the firm just before the final whistle (no end-game stunts).
"""

from dataclasses import fields

import numpy as np

from ..decisions import DecisionArrays
from ..model import advance
from ..rng import Streams
from ..state import State
from . import normal
from .score import doctrine_score

HORIZON = 4
FUTURES = 24
LOOKAHEAD_STREAM = 3
_MODEL_FIELDS = ("price", "incentive", "production", "launch")                  # (B, J, ...)
_FIRM_FIELDS = ("capacity_order", "shifts", "bundle", "budget", "finance")      # (B, F, ...)
STEPS = {"markup": (0.8, 1.2), "capacity": (0.6, 1.5), "rnd": (0.5, 2.0),
         "ecosystem": (0.5, 2.0), "marketing": (0.5, 3.0)}


def one_at_a_time() -> np.ndarray:
    """First-round plans (P, len(KNOBS)): neutral, then each knob alone at each of its ``STEPS``."""
    plans = [np.ones(len(normal.KNOBS))]
    for i, name in enumerate(normal.KNOBS):
        for value in STEPS[name]:
            plan = np.ones(len(normal.KNOBS))
            plan[i] = value
            plans.append(plan)
    return np.array(plans)


def decide(state, streams=None, firms=None) -> DecisionArrays:
    """Decisions of every firm for quarter ``state.t``; ``firms`` (indices) get the look-ahead.

    Each planning firm's decision is the normal policy under its chosen plan with every other
    firm on its doctrine as written -- exactly the world its look-ahead assumed -- so one hard
    firm's plan never leaks into another's decision.

    Args:
        state: the state at the start of the quarter (B futures).
        streams: AI streams (look-ahead futures are sub-streams of them); default seed 0.
        firms: firm indices to plan for (default all); the others play the normal policy.

    Returns:
        :class:`DecisionArrays` for all firms.
    """
    a = state.scenario.arrays
    F, B, K = a.n_firms, state.futures, len(normal.KNOBS)
    firms = list(range(F)) if firms is None else [int(f) for f in firms]
    if not firms:
        return normal.decide(state)
    plans = choose_plans(state, streams, firms)                                  # (nf, B, K)
    rows = len(firms) + 1                                                         # neutral, then one per firm
    knobs = np.ones((rows, B, F, K))
    knobs[1 + np.arange(len(firms)), :, firms] = plans
    batch = _rows(state, np.tile(np.arange(B), rows))
    d = normal.decide(batch, knobs={k: knobs[..., i].reshape(rows * B, F) for i, k in enumerate(normal.KNOBS)})
    source = np.zeros(F, dtype=int)                                               # which row each firm takes
    source[firms] = 1 + np.arange(len(firms))
    return _splice(d, rows, source, a.owner)


def choose_plans(state, streams, firms, horizon: int | None = None, futures: int | None = None) -> np.ndarray:
    """The best plan (len(firms), B, len(KNOBS)) of each deciding firm in each future of ``state``.

    ``horizon`` and ``futures`` default to ``HORIZON`` and ``FUTURES``.
    """
    horizon = HORIZON if horizon is None else horizon
    futures = FUTURES if futures is None else futures
    B, K = state.futures, len(normal.KNOBS)
    nf = len(firms)
    rng = _lookahead_streams(state, streams, futures)
    first = one_at_a_time()                                                      # (P, K)
    cands = np.broadcast_to(first[None, :, None, :], (nf, len(first), B, K))
    scores = evaluate(state, rng, firms, cands, horizon)                         # (nf, P, B)
    # second round: combine, knob by knob, the setting that did best alone
    combined = np.ones((nf, B, K))
    start = 1
    for i, name in enumerate(normal.KNOBS):
        values = STEPS[name]
        alone = scores[:, [0, *range(start, start + len(values))], :]            # neutral, then each value
        combined[..., i] = np.asarray([1.0, *values])[alone.argmax(axis=1)]      # (nf, B)
        start += len(values)
    extra = evaluate(state, rng, firms, combined[:, None], horizon)              # (nf, 1, B)
    all_scores = np.concatenate([scores, extra], axis=1)
    all_plans = np.concatenate([cands, combined[:, None]], axis=1)               # (nf, P+1, B, K)
    best = all_scores.argmax(axis=1)                                             # (nf, B)
    return np.take_along_axis(all_plans, best[:, None, :, None], axis=1)[:, 0]


def evaluate(state, rng, firms, plans, horizon: int) -> np.ndarray:
    """Mean doctrine score at the horizon (nf, P, B) of each firm's candidate plans.

    Args:
        state: the state now (B futures).
        rng: look-ahead streams with B x M futures (future m of state future b at b * M + m).
        firms: deciding firm indices (nf,).
        plans: (nf, P, B, len(KNOBS)) knob values.
        horizon: quarters simulated.
    """
    sc = state.scenario
    F = sc.arrays.n_firms
    nf, P, B, K = plans.shape
    M = rng.futures // B
    rows = nf * P * B * M                                                        # order (f, p, b, m)
    batch = _rows(state, np.tile(np.repeat(np.arange(B), M), nf * P))
    deciding = np.repeat(np.asarray(firms), P * B * M)                           # (rows,)
    row_plan = np.repeat(plans.reshape(nf * P * B, K), M, axis=0)                # (rows, K)
    mine = deciding[:, None] == np.arange(F)                                     # (rows, F)
    knobs = {k: np.where(mine, row_plan[:, i:i + 1], 1.0) for i, k in enumerate(normal.KNOBS)}
    tiled = _Tiled(rng, nf * P)
    for _ in range(horizon):
        batch, _ = advance(batch, normal.decide(batch, knobs=knobs), tiled)
    score = doctrine_score(sc, batch)[np.arange(rows), deciding]
    return score.reshape(nf, P, B, M).mean(axis=-1)


def _rows(state, index) -> State:
    """A batch whose row r is future ``index[r]`` of ``state``."""
    data = state.data[index]
    data.setflags(write=False)
    return State(state.t, data, state.layout, state.scenario)


def _splice(d: DecisionArrays, rows: int, source: np.ndarray, owner: np.ndarray) -> DecisionArrays:
    """Take firm f's decisions (and its models') from row group ``source[f]`` of ``d``.

    Fields that belong to no firm (event injections and the like) come from the first group.
    """
    out = {}
    for f in fields(d):
        x = getattr(d, f.name)
        if x is None:
            out[f.name] = None
            continue
        x = x.reshape((rows, -1) + x.shape[1:])                                  # (rows, B, axis, ...)
        if f.name in _MODEL_FIELDS or f.name in _FIRM_FIELDS:
            src = source[owner] if f.name in _MODEL_FIELDS else source
            out[f.name] = np.moveaxis(x[src, :, np.arange(src.size)], 0, 1)
        else:
            out[f.name] = x[0]
    return DecisionArrays(**out)


def _lookahead_streams(state, streams, futures: int) -> Streams:
    """M look-ahead futures per state future, from sub-streams of the AI streams."""
    seed = streams.seed if streams is not None else 0
    prefix = (streams.prefix if streams is not None else ()) + (LOOKAHEAD_STREAM, state.t)
    parents = streams.indices if streams is not None and streams.futures == state.futures else range(state.futures)
    return Streams(seed, [p * futures + m for p in parents for m in range(futures)], prefix)


class _Tiled:
    """Random streams repeated for every (firm, plan) group: plans are compared on equal luck."""

    def __init__(self, base: Streams, reps: int):
        self.base, self.reps = base, reps

    @property
    def futures(self) -> int:
        """Batch size: the base futures times the repetitions."""
        return self.base.futures * self.reps

    def block(self, t: int, width: int) -> np.ndarray:
        """Uniforms (futures, width) for quarter offset ``t``."""
        return np.tile(self.base.block(t, width), (self.reps, 1))
