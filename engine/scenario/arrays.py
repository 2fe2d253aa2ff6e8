"""Compile a validated scenario into read-only numpy arrays the model indexes by position.

Axes: firms ``F``, models ``J``, consumer types ``K``, ecosystems ``E``, events ``N``. Quarter
fields become offsets from the scenario start (``-1`` = "not set").
"""

from dataclasses import dataclass, fields

import numpy as np

from .script import ScriptPlan, compile_script

ACTIVE_LEVERS = ("demand", "subsidy_cny", "price_sensitivity", "capacity", "autonomy_cap", "regulation",
                 "export_tariff", "hw_cost")
ONCE_LEVERS = ("lithium", "brand", "autonomy", "recall_cny_per_car")
TARGET_ALL, TARGET_LEADER, TARGET_RANDOM = -1, -2, -3
OBJECTIVE_KINDS = ("operating_profit_by", "never_distressed", "share_by", "autonomy_by", "closed_loop_by")
PIPELINE_SLOTS = 12


@dataclass(frozen=True, eq=False)
class ScenarioArrays:
    """Per-axis parameter arrays (all read-only)."""

    n_firms: int
    n_models: int
    n_types: int
    n_eco: int
    n_events: int
    player: int
    owner: np.ndarray            # (J,) firm index of each model
    ownership: np.ndarray        # (J, J) 1 where two models share an owner
    firm_models: np.ndarray      # (F, J) 1 where firm f owns model j
    firm_starts: np.ndarray      # (F,) index of each firm's first model (models are grouped by firm)
    type_weight: np.ndarray      # (K,)
    type_alpha: np.ndarray       # (K,) utility per CNY
    type_autonomy: np.ndarray    # (K,)
    type_brand: np.ndarray       # (K,)
    type_ecosystem: np.ndarray   # (K,)
    type_premium: np.ndarray     # (K,) extra utility per CNY above the ceiling
    type_eco: np.ndarray         # (K,) ecosystem index, -1 none
    eco_match: np.ndarray        # (K, F) 1 where type k lives in firm f's ecosystem
    taste: np.ndarray            # (K, J) utility from tags
    quality: np.ndarray          # (J,)
    price0: np.ndarray           # (J,) CNY
    battery_kwh: np.ndarray      # (J,)
    body_cost: np.ndarray        # (J,) CNY
    hw_cost: np.ndarray          # (J,) CNY
    launch: np.ndarray           # (J,) offset of first quarter on sale; -1 on sale at start
    optional: np.ndarray         # (J,) bool
    dev_quarters: np.ndarray     # (J,)
    dev_cost: np.ndarray         # (J,) CNY
    hype: np.ndarray             # (J,) orders at launch
    first_share: np.ndarray      # (J,) share of the first quarter on sale
    firm_eco: np.ndarray         # (F,) ecosystem index, -1 none
    eco_users0: np.ndarray       # (E,) million users
    eco_growth: np.ndarray       # (E,)
    firm: dict                   # name -> (F,) array of Firm numeric fields
    doctrine: dict               # name -> (F,) array of Doctrine fields
    event_active: np.ndarray     # (N, len(ACTIVE_LEVERS))
    event_once: np.ndarray       # (N, len(ONCE_LEVERS))
    event_target: np.ndarray     # (N,) firm index or TARGET_* code
    event_prob: np.ndarray       # (N,)
    event_duration: np.ndarray   # (N,)
    event_first: np.ndarray      # (N,) offsets, -1 none
    event_last: np.ndarray
    event_scheduled: np.ndarray
    event_min_lithium: np.ndarray
    event_max_lithium: np.ndarray
    event_min_autonomy: np.ndarray
    event_once_only: np.ndarray  # (N,) bool
    obj_kind: np.ndarray         # (O,) index into OBJECTIVE_KINDS
    obj_firm: np.ndarray         # (O,) firm index
    obj_deadline: np.ndarray     # (O,) offset of the deadline (last quarter if none)
    obj_threshold: np.ndarray    # (O,)
    firm_ramping: np.ndarray     # (F, R) initial ramping capacity
    firm_pipeline: np.ndarray    # (F, L) initial pipeline
    seasonality: np.ndarray      # (4,)
    shift_output: np.ndarray     # (3,)
    ramp: np.ndarray             # (R,)
    script: ScriptPlan | None = None  # scripted decisions per quarter (history scenarios)


def _ro(a) -> np.ndarray:
    arr = np.array(a, dtype=float)
    arr.setflags(write=False)
    return arr


def _int_ro(a) -> np.ndarray:
    arr = np.array(a, dtype=np.intp)
    arr.setflags(write=False)
    return arr


def firm_sum(a, x: np.ndarray) -> np.ndarray:
    """Sum a per-model array (..., J) over each firm's models: (..., F)."""
    return np.add.reduceat(x, a.firm_starts, axis=-1)


def _padded(values, n: int) -> list:
    return (list(values) + [0.0] * n)[:n]


def _offset(q: int, start: int) -> int:
    return -1 if q < 0 else q - start


def compile_arrays(s) -> ScenarioArrays:
    """Return the :class:`ScenarioArrays` of a cross-checked scenario ``s``."""
    firm_ids = [f.id for f in s.firms]
    eco_ids = [e.id for e in s.ecosystems]
    start = s.info.start
    owner = np.array([firm_ids.index(m.firm) for m in s.models])
    owner.setflags(write=False)
    tags = sorted({t for ct in s.consumer_types for t in ct.tastes})
    tag_matrix = np.array([[1.0 if t in m.tags else 0.0 for m in s.models] for t in tags]).reshape(len(tags), len(s.models))
    taste_by_tag = np.array([[ct.tastes.get(t, 0.0) for t in tags] for ct in s.consumer_types]).reshape(len(s.consumer_types), len(tags))
    type_eco = np.array([eco_ids.index(t.ecosystem_id) if t.ecosystem_id else -1 for t in s.consumer_types])
    firm_eco = np.array([eco_ids.index(f.ecosystem) if f.ecosystem else -1 for f in s.firms])
    eco_match = (type_eco[:, None] == firm_eco[None, :]) & (type_eco[:, None] >= 0)
    numeric_firm = [f.name for f in fields(s.firms[0]) if isinstance(getattr(s.firms[0], f.name), (int, float))]  # bools too
    numeric_doc = [f.name for f in fields(s.firms[0].doctrine)]
    player = firm_ids.index(s.info.player)

    def target_code(t: str) -> int:
        return {"all": TARGET_ALL, "autonomy-leader": TARGET_LEADER, "random": TARGET_RANDOM,
                "player": player}.get(t, firm_ids.index(t) if t in firm_ids else TARGET_ALL)

    ev = s.events
    return ScenarioArrays(
        n_firms=len(s.firms), n_models=len(s.models), n_types=len(s.consumer_types),
        n_eco=len(s.ecosystems), n_events=len(ev), player=player,
        owner=owner,
        ownership=_ro(owner[:, None] == owner[None, :]),
        firm_models=_ro(np.arange(len(s.firms))[:, None] == owner[None, :]),
        firm_starts=_int_ro(np.searchsorted(owner, np.arange(len(s.firms)))),
        type_weight=_ro([t.weight for t in s.consumer_types]),
        type_alpha=_ro([t.alpha for t in s.consumer_types]),
        type_autonomy=_ro([t.autonomy for t in s.consumer_types]),
        type_brand=_ro([t.brand for t in s.consumer_types]),
        type_ecosystem=_ro([t.ecosystem for t in s.consumer_types]),
        type_premium=_ro([t.premium for t in s.consumer_types]),
        type_eco=_ro(type_eco),
        eco_match=_ro(eco_match),
        taste=_ro(taste_by_tag @ tag_matrix),
        quality=_ro([m.quality for m in s.models]),
        price0=_ro([m.price_cny for m in s.models]),
        battery_kwh=_ro([m.battery_kwh for m in s.models]),
        body_cost=_ro([m.body_cost_cny for m in s.models]),
        hw_cost=_ro([m.autonomy_hw_cny for m in s.models]),
        launch=_ro([_offset(m.launch, start) for m in s.models]),
        optional=_ro([m.optional for m in s.models]),
        dev_quarters=_ro([m.dev_quarters for m in s.models]),
        dev_cost=_ro([m.dev_cost_cny for m in s.models]),
        hype=_ro([m.hype_orders for m in s.models]),
        first_share=_ro([m.first_quarter_share for m in s.models]),
        firm_eco=_ro(firm_eco),
        eco_users0=_ro([e.users_m for e in s.ecosystems]),
        eco_growth=_ro([e.growth_per_quarter for e in s.ecosystems]),
        firm={name: _ro([float(getattr(f, name)) for f in s.firms]) for name in numeric_firm},
        doctrine={name: _ro([getattr(f.doctrine, name) for f in s.firms]) for name in numeric_doc},
        event_active=_ro([[getattr(e.effects, k) for k in ACTIVE_LEVERS] for e in ev]).reshape(len(ev), len(ACTIVE_LEVERS)),
        event_once=_ro([[getattr(e.effects, k) for k in ONCE_LEVERS] for e in ev]).reshape(len(ev), len(ONCE_LEVERS)),
        event_target=_ro([target_code(e.target) for e in ev]),
        event_prob=_ro([e.probability for e in ev]),
        event_duration=_ro([e.duration for e in ev]),
        event_first=_ro([_offset(e.first, start) for e in ev]),
        event_last=_ro([_offset(e.last, start) for e in ev]),
        event_scheduled=_ro([_offset(e.scheduled, start) for e in ev]),
        event_min_lithium=_ro([e.min_lithium for e in ev]),
        event_max_lithium=_ro([e.max_lithium for e in ev]),
        event_min_autonomy=_ro([e.min_autonomy for e in ev]),
        event_once_only=_ro([e.once for e in ev]),
        obj_kind=_ro([OBJECTIVE_KINDS.index(o.kind) for o in s.objectives]),
        obj_firm=_ro([player if o.firm == "player" else firm_ids.index(o.firm) for o in s.objectives]),
        obj_deadline=_ro([(s.info.end if o.quarter < 0 else o.quarter) - start for o in s.objectives]),
        obj_threshold=_ro([o.threshold for o in s.objectives]),
        firm_ramping=_ro([_padded(f.ramping, len(s.model.ramp)) for f in s.firms]),
        firm_pipeline=_ro([_padded(f.pipeline, PIPELINE_SLOTS) for f in s.firms]),
        seasonality=_ro(s.market.seasonality),
        shift_output=_ro(s.model.shift_output),
        ramp=_ro(s.model.ramp),
        script=compile_script(s),
    )
