"""The events deck: which events fire, whom they hit, and their effects per firm.

An event fires at the start of a quarter when its window and preconditions hold and its draw is
below its probability (or it is scheduled for this quarter, or a facilitator injects it). It is
then active for ``duration`` quarters. Active effects (demand, subsidies, price sensitivity,
output, regulation, tariffs, hardware cost) apply per firm while it runs; one-off effects
(lithium shock, brand, capability, recall cost) hit when it fires.
"""

from dataclasses import dataclass

import numpy as np

from .scenario.arrays import ACTIVE_LEVERS, ONCE_LEVERS, TARGET_ALL, TARGET_LEADER, TARGET_RANDOM

_CAP = ACTIVE_LEVERS.index("autonomy_cap")
_ADDITIVE = [i for i, name in enumerate(ACTIVE_LEVERS) if name != "autonomy_cap"]


@dataclass(frozen=True)
class EventOutcome:
    """Result of the firing step for a batch.

    Attributes:
        left, count, target: next values of the event state fields (B, N).
        fired: (B, N) 1 where the event fired this quarter.
        active: (B, N) 1 where the event is active this quarter.
        levers: name -> (B, F) active effect per firm (``autonomy_cap`` is the tightest cap).
        once: name -> (B, F) one-off effect per firm; ``once["lithium"]`` is (B,).
    """

    left: np.ndarray
    count: np.ndarray
    target: np.ndarray
    fired: np.ndarray
    active: np.ndarray
    levers: dict
    once: dict


def resolve(a, t: int, left, count, target, lithium, autonomy, exited, u_fire, u_target, inject, inject_target) -> EventOutcome:
    """Fire events for quarter offset ``t`` and compute their effects.

    Args:
        a: the scenario's :class:`ScenarioArrays`.
        t: quarter offset since the scenario start.
        left, count, target: event state at the start of the quarter (B, N).
        lithium: (B,) log deviation of the lithium price.
        autonomy: (B, F) capability levels; exited: (B, F) 0/1.
        u_fire, u_target: (B, N) uniforms for firing and for random targets.
        inject, inject_target: (B, N) facilitator injections and their target firm (-1 = default).

    Returns:
        An :class:`EventOutcome`.
    """
    in_window = ((a.event_first < 0) | (t >= a.event_first)) & ((a.event_last < 0) | (t <= a.event_last))
    lith = np.exp(lithium)[:, None]
    alive = 1.0 - exited
    leader_level = (autonomy * alive).max(axis=1, keepdims=True)
    conditions = ((lith >= a.event_min_lithium) & (lith <= a.event_max_lithium)
                  & (leader_level >= a.event_min_autonomy) & in_window)
    free = (left <= 0) & ((a.event_once_only == 0) | (count <= 0))
    scheduled = a.event_scheduled >= 0
    draw = np.where(scheduled, t == a.event_scheduled, u_fire < a.event_prob)
    fired = ((conditions & free & draw) | ((inject > 0) & (left <= 0))).astype(float)

    # whom a newly fired event targets
    code = np.broadcast_to(a.event_target, fired.shape)
    leader = np.argmax(autonomy - 1e3 * exited, axis=1)[:, None]
    # a random target is the k-th firm still in the market, k drawn uniformly
    random_pick = np.zeros(fired.shape)
    rand = np.flatnonzero(a.event_target == TARGET_RANDOM)
    if rand.size:
        n_alive = np.maximum(alive.sum(axis=1, keepdims=True), 1.0)
        rank = np.floor(u_target[:, rand] * n_alive)
        alive_rank = np.cumsum(alive, axis=1) - 1.0
        random_pick[:, rand] = np.argmax((alive_rank[:, None, :] == rank[..., None]) & (alive[:, None, :] > 0), axis=2)
    chosen = np.where(code == TARGET_LEADER, leader, np.where(code == TARGET_RANDOM, random_pick, code))
    chosen = np.where(inject_target >= 0, inject_target, chosen).astype(float)
    chosen = np.where(code == TARGET_ALL, np.where(inject_target >= 0, inject_target, -1.0), chosen)
    new_target = np.where(fired > 0, chosen, target)
    new_left = np.where(fired > 0, a.event_duration, left)
    active = (new_left > 0).astype(float)

    levers = levers_of(a, active, new_target)
    once_firm = _spread(fired, new_target, a.event_once, exited.shape[1])
    once = {name: once_firm[..., k] for k, name in enumerate(ONCE_LEVERS)}
    once["lithium"] = (fired * a.event_once[:, ONCE_LEVERS.index("lithium")]).sum(axis=1)
    return EventOutcome(left=new_left, count=count + fired, target=new_target, fired=fired,
                        active=active, levers=levers, once=once)


def _spread(weight: np.ndarray, target: np.ndarray, effects: np.ndarray, n_firms: int) -> np.ndarray:
    """Sum ``weight[b, n] * effects[n, :]`` onto the firms each event targets: (B, F, L).

    Events aimed at everyone add to every firm; the few aimed at one firm (and running in some
    future) are added one by one, so the work does not grow with events x firms x levers.
    """
    everyone = weight * (target < 0)
    out = np.repeat(np.einsum("bn,nl->bl", everyone, effects)[:, None, :], n_firms, axis=1)
    aimed = weight * (target >= 0)
    firms = np.arange(n_firms)
    for n in np.flatnonzero(aimed.any(axis=0)):
        out += (aimed[:, n, None] * (target[:, n, None] == firms))[..., None] * effects[n]
    return out


def levers_of(a, active: np.ndarray, target: np.ndarray) -> dict:
    """Active effects per firm, name -> (B, F), from (B, N) activity and event targets.

    Additive levers sum over active events; ``autonomy_cap`` is the tightest active cap (5 = none).
    """
    n_firms = a.n_firms
    add = _spread(active, target, a.event_active[:, _ADDITIVE], n_firms)
    levers = {ACTIVE_LEVERS[i]: add[..., k] for k, i in enumerate(_ADDITIVE)}
    cap = np.full(active.shape[:1] + (n_firms,), 5.0)
    firms = np.arange(n_firms)
    for n in np.flatnonzero(a.event_active[:, _CAP] < 5.0):
        hit = (active[:, n, None] > 0) & ((target[:, n, None] < 0) | (target[:, n, None] == firms))
        cap = np.where(hit, np.minimum(cap, a.event_active[n, _CAP]), cap)
    levers["autonomy_cap"] = cap
    return levers


def current_levers(a, left: np.ndarray, target: np.ndarray, n_firms: int) -> dict:
    """Effects of the events still running at the start of a quarter (public news), (B, F) each."""
    return levers_of(a, (left > 0).astype(float), target)


# Custom (facilitator-defined) events, passed in the decisions as rows of
# ``DecisionArrays.custom`` (B, C, CUSTOM_WIDTH): target firm (-1 = all), 1 in the quarter the
# event starts, then its ACTIVE_LEVERS, then its ONCE_LEVERS. Only events running this quarter
# are passed; the caller (``engine.injections``) derives them from the decision log.
CUSTOM_TARGET, CUSTOM_FIRED, CUSTOM_ACTIVE = 0, 1, 2
CUSTOM_ONCE = CUSTOM_ACTIVE + len(ACTIVE_LEVERS)
CUSTOM_WIDTH = CUSTOM_ONCE + len(ONCE_LEVERS)


def with_custom(ev: EventOutcome, custom: np.ndarray, n_firms: int) -> EventOutcome:
    """Add the effects of running custom events ``custom`` (B, C, CUSTOM_WIDTH) to ``ev``.

    Active effects add to the levers of the targeted firms (``autonomy_cap`` takes the tighter
    cap); one-off effects apply where ``fired`` is 1; a lithium shock hits the world market.
    The deck's firing state (left, count, target) is unchanged.
    """
    if custom is None or custom.shape[1] == 0:
        return ev
    target, fired = custom[..., CUSTOM_TARGET], custom[..., CUSTOM_FIRED]
    hit = ((target[..., None] < 0) | (target[..., None] == np.arange(n_firms))).astype(float)  # (B, C, F)
    active = custom[..., CUSTOM_ACTIVE:CUSTOM_ONCE]
    once = custom[..., CUSTOM_ONCE:]
    levers = dict(ev.levers)
    for k, name in enumerate(ACTIVE_LEVERS):
        if name == "autonomy_cap":
            caps = np.where(hit > 0, active[..., k, None], 5.0).min(axis=1)
            levers[name] = np.minimum(levers[name], caps)
        else:
            levers[name] = levers[name] + np.einsum("bcf,bc->bf", hit, active[..., k])
    out = dict(ev.once)
    for k, name in enumerate(ONCE_LEVERS):
        if name == "lithium":
            out[name] = out[name] + (fired * once[..., k]).sum(axis=1)
        else:
            out[name] = out[name] + np.einsum("bcf,bc->bf", hit, fired * once[..., k])
    return EventOutcome(left=ev.left, count=ev.count, target=ev.target, fired=ev.fired, active=ev.active,
                        levers=levers, once=out)
