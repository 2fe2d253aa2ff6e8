"""A firm's quarterly decision, validated at the boundary, and its batched array form.

:class:`FirmDecision` is what a player, an AI, a script or a LAN message produces; it refers to
models by id. :func:`validate` checks it against the scenario without touching any state and
raises one :class:`DecisionError` naming the field. :class:`DecisionArrays` is what
:func:`engine.model.advance` consumes: arrays with a leading batch axis.
"""

import math
from dataclasses import dataclass, field, fields, replace

import numpy as np

from .errors import DecisionError, shown

MIN_PRICE_CNY = 10_000.0
MAX_PRICE_CNY = 10_000_000.0
MAX_BUDGET_CNY = 200e9          # per quarter, per budget line
MAX_UNITS = 5_000_000.0         # units/quarter for production and capacity orders
MAX_FINANCE_CNY = 1e12

BUDGETS = ("autonomy_budget", "chip_budget", "integration_budget", "services_budget",
           "charging_budget", "marketing_budget")
FINANCE = ("parent_draw", "equity_raise", "borrow")


@dataclass(frozen=True)
class FirmDecision:
    """One firm's decisions for one quarter. Money in CNY per quarter, volumes in units/quarter.

    Attributes:
        prices: list price per model id (CNY).
        incentives: discount per car this quarter per model id (CNY, <= half the price).
        production: production target per model id (units/quarter; capped by capacity).
        capacity_order: one-shift capacity to add (units/quarter), arriving after the firm's lead time.
        shifts: 1, 2 or 3.
        autonomy_budget, chip_budget: autonomy R&D and in-house chip programme (0 = paused).
        integration_budget, services_budget, charging_budget: ecosystem bets.
        bundle_subsidy: phone-car bundle promotion per car delivered (CNY).
        marketing_budget: brand building.
        parent_draw, equity_raise: new funding asked for (granted within scenario limits).
        borrow: new debt (negative repays debt).
        launches: optional model ids to start developing.
    """

    prices: dict = field(default_factory=dict)
    incentives: dict = field(default_factory=dict)
    production: dict = field(default_factory=dict)
    capacity_order: float = 0.0
    shifts: int = 1
    autonomy_budget: float = 0.0
    chip_budget: float = 0.0
    integration_budget: float = 0.0
    services_budget: float = 0.0
    charging_budget: float = 0.0
    bundle_subsidy: float = 0.0
    marketing_budget: float = 0.0
    parent_draw: float = 0.0
    equity_raise: float = 0.0
    borrow: float = 0.0
    launches: tuple = ()

    def to_dict(self) -> dict:
        """Return a JSON-ready dict (used by saves, replays and the LAN protocol)."""
        out = {f.name: getattr(self, f.name) for f in fields(self)}
        out["prices"], out["incentives"], out["production"] = dict(self.prices), dict(self.incentives), dict(self.production)
        out["launches"] = list(self.launches)
        return out

    @staticmethod
    def from_dict(raw: dict, where: str = "decision") -> "FirmDecision":
        """Build a decision from a JSON-like dict (unknown keys and wrong types raise DecisionError)."""
        if not isinstance(raw, dict):
            raise DecisionError(f"{where}: must be an object")
        names = {f.name for f in fields(FirmDecision)}
        for key in raw:
            if key not in names:
                raise DecisionError(f"{where}.{key}: unknown decision")
        kwargs = {}
        for key, value in raw.items():
            if key in ("prices", "incentives", "production"):
                if not isinstance(value, dict):
                    raise DecisionError(f"{where}.{key}: must map model ids to numbers")
                kwargs[key] = {str(k): _num(v, f"{where}.{key}.{k}") for k, v in value.items()}
            elif key == "launches":
                if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) for v in value):
                    raise DecisionError(f"{where}.launches: must be a list of model ids")
                kwargs[key] = tuple(value)
            elif key == "shifts":
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value != int(value):
                    raise DecisionError(f"{where}.shifts: must be 1, 2 or 3 (got {shown(value)})")
                kwargs[key] = int(value)
            else:
                kwargs[key] = _num(value, f"{where}.{key}")
        return FirmDecision(**kwargs)


def _num(value, where: str) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise DecisionError(f"{where}: must be a number (got {value!r})")
    return float(value)


def _check(value: float, lo: float, hi: float, where: str, unit: str) -> None:
    if not math.isfinite(value):
        raise DecisionError(f"{where}: must be a finite number (got {value})")
    if value < lo or value > hi:
        raise DecisionError(f"{where}: must be between {shown(lo)} and {shown(hi)} {unit} (got {shown(value)})")


def validate(scenario, firm_id: str, decision: FirmDecision) -> FirmDecision:
    """Check ``decision`` for firm ``firm_id`` against the scenario's rules.

    Returns:
        The same decision (validation never changes anything).

    Raises:
        DecisionError: one line naming the first bad field, e.g. ``xiaomi.prices.su7: ...``.
    """
    if firm_id not in scenario.firm_ids:
        raise DecisionError(f"{firm_id}: no such firm in scenario {scenario.id}")
    firm = scenario.firms[scenario.firm_index(firm_id)]
    own = {m.id: m for m in scenario.models if m.firm == firm_id}
    for table in ("prices", "incentives", "production"):
        for model_id, value in getattr(decision, table).items():
            where = f"{firm_id}.{table}.{model_id}"
            if model_id not in own:
                raise DecisionError(f"{where}: {firm_id} has no model {model_id!r}")
            if table == "prices":
                _check(value, MIN_PRICE_CNY, MAX_PRICE_CNY, where, "CNY")
            elif table == "incentives":
                price = decision.prices.get(model_id, own[model_id].price_cny)
                _check(value, 0.0, 0.5 * price, where, "CNY (at most half the price)")
            else:
                _check(value, 0.0, MAX_UNITS, where, "units/quarter")
    _check(decision.capacity_order, 0.0, MAX_UNITS, f"{firm_id}.capacity_order", "units/quarter")
    if decision.shifts not in (1, 2, 3):
        raise DecisionError(f"{firm_id}.shifts: must be 1, 2 or 3 (got {shown(decision.shifts)})")
    for name in BUDGETS:
        _check(getattr(decision, name), 0.0, MAX_BUDGET_CNY, f"{firm_id}.{name}", "CNY/quarter")
    _check(decision.bundle_subsidy, 0.0, 100_000.0, f"{firm_id}.bundle_subsidy", "CNY per car")
    _check(decision.parent_draw, 0.0, MAX_FINANCE_CNY, f"{firm_id}.parent_draw", "CNY")
    _check(decision.equity_raise, 0.0, MAX_FINANCE_CNY, f"{firm_id}.equity_raise", "CNY")
    _check(decision.borrow, -MAX_FINANCE_CNY, MAX_FINANCE_CNY, f"{firm_id}.borrow", "CNY")
    if decision.parent_draw > 0 and firm.parent_support_cny <= 0:
        raise DecisionError(f"{firm_id}.parent_draw: {firm_id} has no parent support in this scenario")
    if decision.equity_raise > 0 and firm.equity_per_quarter_cny <= 0:
        raise DecisionError(f"{firm_id}.equity_raise: {firm_id} cannot raise equity in this scenario")
    for model_id in decision.launches:
        if model_id not in own:
            raise DecisionError(f"{firm_id}.launches: {firm_id} has no model {model_id!r}")
        if not own[model_id].optional:
            raise DecisionError(f"{firm_id}.launches: {model_id} is not a model {firm_id} can choose to launch")
    return decision


@dataclass(frozen=True, eq=False)
class DecisionArrays:
    """All firms' decisions for one quarter as arrays with a leading batch axis B.

    Attributes:
        price, incentive, production, launch: (B, J); launch is 0/1.
        capacity_order, shifts, bundle: (B, F).
        budget: (B, F, 6) in the order of ``BUDGETS``.
        finance: (B, F, 3) in the order of ``FINANCE``.
        inject: (B, N) 1 where a facilitator injects an event this quarter.
        inject_target: (B, N) firm index for injected events (-1 = the event's own target).
        custom: optional (B, C, ``events.CUSTOM_WIDTH``) custom events running this quarter
            (see :mod:`engine.injections`); None when there are none.
    """

    price: np.ndarray
    incentive: np.ndarray
    production: np.ndarray
    launch: np.ndarray
    capacity_order: np.ndarray
    shifts: np.ndarray
    bundle: np.ndarray
    budget: np.ndarray
    finance: np.ndarray
    inject: np.ndarray
    inject_target: np.ndarray
    custom: np.ndarray | None = None

    @property
    def futures(self) -> int:
        """Batch size B."""
        return self.price.shape[0]

    def repeat(self, futures: int) -> "DecisionArrays":
        """Broadcast single-future decisions to ``futures`` futures."""
        return replace(self, **{f.name: np.repeat(getattr(self, f.name), futures, axis=0)
                                for f in fields(self) if getattr(self, f.name) is not None})

    def with_firm(self, firm: int, other: "DecisionArrays", owner: np.ndarray) -> "DecisionArrays":
        """Return a copy with firm ``firm``'s decisions taken from ``other`` (same batch size)."""
        jm = owner == firm
        out = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            if f.name in ("inject", "inject_target", "custom"):
                out[f.name] = mine
                continue
            arr = np.array(mine, copy=True)
            if f.name in ("price", "incentive", "production", "launch"):
                arr[:, jm] = theirs[:, jm]
            else:
                arr[:, firm] = theirs[:, firm]
            out[f.name] = arr
        return DecisionArrays(**out)


def to_arrays(scenario, decisions: dict, state=None, injected: tuple = ()) -> DecisionArrays:
    """Convert validated ``{firm_id: FirmDecision}`` for every firm into single-future arrays.

    Args:
        scenario: the scenario.
        decisions: a decision for every firm id.
        state: unused model prices fall back to ``state.price`` when given, else launch prices.
        injected: ``(event_id, target_firm_id_or_None)`` pairs injected by a facilitator.

    Raises:
        DecisionError: a firm has no decision or an injected event is unknown.
    """
    a = scenario.arrays
    missing = [f for f in scenario.firm_ids if f not in decisions]
    if missing:
        raise DecisionError(f"{missing[0]}: no decision for this quarter")
    price = np.array(state.price[0], dtype=float) if state is not None else np.array(a.price0, dtype=float)
    incentive, production, launch = (np.zeros(a.n_models) for _ in range(3))
    model_index = {m: j for j, m in enumerate(scenario.model_ids)}
    cap, shifts, bundle = (np.zeros(a.n_firms) for _ in range(3))
    budget = np.zeros((a.n_firms, len(BUDGETS)))
    finance = np.zeros((a.n_firms, len(FINANCE)))
    for f, firm_id in enumerate(scenario.firm_ids):
        d = decisions[firm_id]
        for m, v in d.prices.items():
            price[model_index[m]] = v
        for m, v in d.incentives.items():
            incentive[model_index[m]] = v
        for m, v in d.production.items():
            production[model_index[m]] = v
        for m in d.launches:
            launch[model_index[m]] = 1.0
        cap[f], shifts[f], bundle[f] = d.capacity_order, d.shifts, d.bundle_subsidy
        budget[f] = [getattr(d, n) for n in BUDGETS]
        finance[f] = [getattr(d, n) for n in FINANCE]
    inject = np.zeros(a.n_events)
    inject_target = np.full(a.n_events, -1.0)
    event_ids = [e.id for e in scenario.events]
    for event_id, target in injected:
        if event_id not in event_ids:
            raise DecisionError(f"event {event_id!r}: not in the scenario's events deck")
        n = event_ids.index(event_id)
        inject[n] = 1.0
        if target is not None:
            inject_target[n] = scenario.firm_index(target)
    one = lambda x: x[None, ...]  # noqa: E731 - add the batch axis
    return DecisionArrays(one(price), one(incentive), one(production), one(launch), one(cap), one(shifts),
                          one(bundle), one(budget), one(finance), one(inject), one(inject_target))


def within_limits(arrays: DecisionArrays) -> DecisionArrays:
    """Computed decisions (an AI's, a script's) held to the limits :func:`validate` sets a player.

    Production per model and capacity orders are capped at ``MAX_UNITS`` units/quarter: an AI
    facing a very low price (e.g. a fork holding a rival's price at the minimum) may plan more,
    and its decision must still be one a save can record and a replay can validate. A NaN stays
    NaN (see :func:`check_finite`).
    """
    return replace(arrays, production=np.minimum(arrays.production, MAX_UNITS),
                   capacity_order=np.minimum(arrays.capacity_order, MAX_UNITS))


def check_finite(scenario, arrays: DecisionArrays, firm_id: str, who: str, i: int = 0) -> None:
    """Raise DecisionError naming the first non-finite field of future ``i``'s decision of ``firm_id``.

    Guards the edge where computed decisions (an AI's, a script's) enter a game: a NaN or an
    infinity there would otherwise surface later as an unrelated TypeError. ``who`` names the
    decider in the message, e.g. ``"the normal AI"``. Reads only; changes nothing.
    """
    f = scenario.firm_index(firm_id)
    own = [(j, m.id) for j, m in enumerate(scenario.models) if m.firm == firm_id]
    named = [(f"prices.{m}", arrays.price[i, j]) for j, m in own]
    named += [(f"incentives.{m}", arrays.incentive[i, j]) for j, m in own]
    named += [(f"production.{m}", arrays.production[i, j]) for j, m in own]
    named += [(f"launches.{m}", arrays.launch[i, j]) for j, m in own]
    named += [("capacity_order", arrays.capacity_order[i, f]), ("shifts", arrays.shifts[i, f]),
              ("bundle_subsidy", arrays.bundle[i, f])]
    named += [(n, arrays.budget[i, f, k]) for k, n in enumerate(BUDGETS)]
    named += [(n, arrays.finance[i, f, k]) for k, n in enumerate(FINANCE)]
    for name, value in named:
        if not math.isfinite(float(value)):
            raise DecisionError(f"{firm_id}.{name}: {who} decided {float(value)}, not a finite number "
                                f"(the scenario's parameters are outside what the model can play)")


def from_arrays(scenario, arrays: DecisionArrays, firm_id: str, i: int = 0) -> FirmDecision:
    """Return future ``i``'s decision of ``firm_id`` from batched arrays (AI output -> decision log)."""
    f = scenario.firm_index(firm_id)
    own = [(j, m.id) for j, m in enumerate(scenario.models) if m.firm == firm_id]
    return FirmDecision(
        prices={m: float(arrays.price[i, j]) for j, m in own},
        incentives={m: float(arrays.incentive[i, j]) for j, m in own if arrays.incentive[i, j] > 0},
        production={m: float(arrays.production[i, j]) for j, m in own},
        capacity_order=float(arrays.capacity_order[i, f]),
        shifts=int(arrays.shifts[i, f]),
        bundle_subsidy=float(arrays.bundle[i, f]),
        launches=tuple(m for j, m in own if arrays.launch[i, j] > 0),
        **{n: float(arrays.budget[i, f, k]) for k, n in enumerate(BUDGETS)},
        **{n: float(arrays.finance[i, f, k]) for k, n in enumerate(FINANCE)},
    )
