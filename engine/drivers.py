"""Why did orders and operating profit change? A driver decomposition of one quarter.

The quarterly report explains the change of a firm's orders and operating profit from last
quarter to this quarter by cause. Each quarter's inputs (prices, brand, autonomy, ecosystem,
events, capacity, market size and luck, launches, unit costs, spending) are read from the state
at its start, its report and its decisions. The demand model and the profit accounts of
:mod:`engine.model` are then re-evaluated with every combination of drivers switched from last
quarter's values to this quarter's, as one batch, and each driver gets its Shapley value: the
average change it makes when switched on, over every order of switching. The contributions add
up exactly to the model's change; ``other`` is what the re-evaluation does not cover (nothing,
unless the accounts gain a term this module does not know yet).

Pure numpy, no Qt: the app runs it in its end-of-quarter worker.
"""

from dataclasses import dataclass
from math import factorial

import numpy as np

from . import demand, ecosystem
from .decisions import to_arrays
from .scenario.arrays import firm_sum

DRIVERS = ("own_price", "rival_prices", "brand", "autonomy", "ecosystem", "events", "capacity",
           "market", "launches", "costs", "spending")
METRICS = ("orders", "operating_profit_cny")
_LEVERS = ("demand", "subsidy_cny", "price_sensitivity", "autonomy_cap", "regulation", "export_tariff")

# input name -> driver that switches it (prices are split by owner separately)
_GROUP = {
    "brand": "brand", "ceiling": "brand",
    "autonomy": "autonomy",
    "integration": "ecosystem", "services_quality": "ecosystem", "charging": "ecosystem",
    "installed_base": "ecosystem", "eco_users": "ecosystem", "bundle": "ecosystem",
    **{f"lever_{k}": "events" for k in _LEVERS}, "recall": "events",
    "backlog": "capacity", "deliveries_last": "capacity", "production": "capacity", "inventory": "capacity",
    "labour": "capacity", "depreciation": "capacity",
    "buyers": "market", "noise": "market",
    "launched": "launches", "hype": "launches", "part": "launches",
    "unit_cost": "costs", "inventory_value": "costs",
    "rnd": "spending", "base_sga": "spending",
}


@dataclass(frozen=True)
class Breakdown:
    """The change of one metric of one firm from last quarter to this quarter, by driver.

    Attributes:
        metric: "orders" (units/quarter) or "operating_profit_cny" (CNY/quarter).
        quarter: label of the quarter explained.
        before, after: the metric last quarter and this quarter (as reported).
        contributions: driver -> contribution (same unit as the metric); see :data:`DRIVERS`.
        other: ``after - before - sum(contributions)``.
    """

    metric: str
    quarter: str
    before: float
    after: float
    contributions: dict
    other: float

    @property
    def change(self) -> float:
        """``after - before``."""
        return self.after - self.before

    def ranked(self) -> list:
        """``(driver, contribution)`` pairs, largest absolute contribution first, zeros left out."""
        scale = max(abs(self.before), abs(self.after), 1.0)
        items = [(k, v) for k, v in self.contributions.items() if abs(v) > 1e-9 * scale]
        return sorted(items, key=lambda kv: -abs(kv[1]))


def quarter_drivers(game, firm_id: str, index: int = -1) -> dict | None:
    """Decompose the change of ``firm_id``'s orders and operating profit in a played quarter.

    Args:
        game: a :class:`~engine.game.Game` with at least two quarters played.
        firm_id: the firm to explain.
        index: which played quarter (``-1`` = the last one).

    Returns:
        ``{"orders": Breakdown, "operating_profit_cny": Breakdown}``, or None for the first
        quarter of the scenario (there is no last quarter to compare with).
    """
    t = range(len(game.records))[index]
    if t == 0:
        return None
    sc = game.scenario
    before = record_inputs(sc, game.states[t - 1], game.records[t - 1])
    after = record_inputs(sc, game.states[t], game.records[t])
    return explain_change(sc, firm_id, before, after, game.records[t].report.quarter)


def explain_change(scenario, firm_id: str, before: dict, after: dict, quarter: str) -> dict:
    """Shapley decomposition between two quarters' inputs (from :func:`quarter_inputs`)."""
    f = scenario.firm_index(firm_id)
    n = len(DRIVERS)
    combos = np.arange(2 ** n)
    on = ((combos[:, None] >> np.arange(n)) & 1).astype(bool)            # (C, n)
    values = _evaluate(scenario, f, before, after, on)
    weights = np.array([factorial(s) * factorial(n - s - 1) / factorial(n) for s in range(n)])
    size = on.sum(axis=1)
    out = {}
    for metric in METRICS:
        v = values[metric][:, f]
        contributions = {}
        for i, name in enumerate(DRIVERS):
            without = combos[~on[:, i]]
            contributions[name] = float(np.sum(weights[size[without]] * (v[without | (1 << i)] - v[without])))
        first, last = float(before["actual"][metric][f]), float(after["actual"][metric][f])
        out[metric] = Breakdown(metric, quarter, first, last, contributions,
                                last - first - sum(contributions.values()))
    return out


def metrics_of(scenario, inputs: dict) -> dict:
    """Orders and operating profit per firm, (F,) each, that the accounts give for one quarter's inputs."""
    values = _accounts(scenario, {k: np.asarray(v)[None] for k, v in inputs.items() if k != "actual"})
    return {m: values[m][0] for m in METRICS}


def record_inputs(scenario, state, record) -> dict:
    """:func:`quarter_inputs` of a played quarter: its starting state and its :class:`QuarterRecord`."""
    return quarter_inputs(scenario, state, record.report, to_arrays(scenario, record.decisions, state, record.injected))


def quarter_inputs(scenario, state, report, decisions) -> dict:
    """Everything a quarter's orders and operating profit depend on, for one future.

    Args:
        scenario: the scenario.
        state: single-future state at the start of the quarter.
        report: the quarter's single-future report.
        decisions: the quarter's :class:`~engine.decisions.DecisionArrays`.

    Returns:
        dict of 1-D arrays (per firm, model or ecosystem), plus ``"actual"``: the reported metrics.
    """
    a = scenario.arrays
    fr, mr = report.firm, report.model
    x = {name: np.asarray(getattr(state, name)[0], dtype=float) for name in
         ("brand", "ceiling", "autonomy", "integration", "services_quality", "charging", "installed_base",
          "eco_users", "backlog", "deliveries_last", "inventory", "inventory_value")}
    x.update({f"lever_{k}": fr[f"event_{k}"][0] for k in _LEVERS})
    launched_now = mr["launched"][0] * (1.0 - state.launched[0])
    x.update(price=mr["price_cny"][0], incentive=mr["incentive_cny"][0], bundle=decisions.bundle[0],
             production=mr["production"][0], launched=mr["launched"][0], hype=mr["hype_orders"][0],
             part=1.0 - launched_now * (1.0 - a.first_share),
             unit_cost=mr["unit_cost_cny"][0], buyers=report.world["potential_buyers"][:1],
             labour=fr["labour_cny"][0], depreciation=fr["depreciation_cny"][0], recall=fr["recall_cny"][0],
             rnd=fr["rnd_cny"][0], base_sga=fr["sga_cny"][0] - fr["selling_cost_cny"][0] - fr["bundle_cost_cny"][0],
             noise=np.ones(a.n_models))
    # model-level luck: what the reported domestic orders need beyond the deterministic demand
    expected = _demand(scenario, {k: v[None] for k, v in x.items()})["domestic"][0]
    x["noise"] = np.where(expected > 1e-9, mr["domestic_orders"][0] / np.maximum(expected, 1e-9), 1.0)
    x["actual"] = {m: fr[m][0] for m in METRICS}
    return x


def _evaluate(scenario, f: int, before: dict, after: dict, on: np.ndarray) -> dict:
    """Orders and operating profit per firm (C, F) for every combination of drivers ``on`` (C, n);
    the own-price driver switches firm ``f``'s prices, the rival-price driver everyone else's."""
    own_model = scenario.arrays.owner == f
    column = {name: i for i, name in enumerate(DRIVERS)}
    x = {}
    for name, group in _GROUP.items():
        x[name] = np.where(on[:, column[group], None], after[name][None], before[name][None])
    for name in ("price", "incentive"):
        mine = np.where(on[:, column["own_price"], None], after[name][None], before[name][None])
        theirs = np.where(on[:, column["rival_prices"], None], after[name][None], before[name][None])
        x[name] = np.where(own_model[None], mine, theirs)
    return _accounts(scenario, x)


def _demand(scenario, x: dict) -> dict:
    """Orders (B, J) of the demand model of :func:`engine.model.advance` for batched inputs ``x``."""
    a, mp = scenario.arrays, scenario.model
    own = a.owner
    sold = demand.sold_autonomy(x["autonomy"], x["lever_autonomy_cap"], x["lever_regulation"], mp.regulatory_cap)
    wait = demand.expected_wait(x["backlog"], x["deliveries_last"])
    delta = demand.base_utility(a, mp, scenario.market, x["brand"], sold, x["integration"], x["charging"],
                                x["bundle"], wait)
    sensitivity = 1.0 + x["lever_price_sensitivity"][:, own]
    paid = np.maximum(x["price"] - x["incentive"] - x["lever_subsidy_cny"][:, own], 0.0)
    excess = np.maximum(x["price"] - x["ceiling"][:, own], 0.0)
    s, _ = demand.choice_shares(delta, a.type_alpha, paid * sensitivity, excess, a.type_premium, x["launched"])
    bought = np.einsum("bk,bkj->bj", demand.type_weights(a, x["eco_users"]), s)
    domestic = (x["buyers"].reshape(-1, 1) * bought * np.maximum(1.0 + x["lever_demand"], 0.0)[:, own] * x["part"]
                * x["noise"])
    exports = domestic * a.firm["export_ratio"][own] * np.clip(1.0 - x["lever_export_tariff"][:, own], 0.0, 1.0)
    return {"domestic": domestic, "orders": domestic + exports + x["hype"], "sold": sold}


def _accounts(scenario, x: dict) -> dict:
    """Firm orders and operating profit (B, F), following the P&L of :func:`engine.model.advance`."""
    a, mp, mk = scenario.arrays, scenario.model, scenario.market
    fsum = lambda v: firm_sum(a, v)  # noqa: E731 - (B, J) -> (B, F)
    d = _demand(scenario, x)
    orders = d["orders"]
    deliveries = np.minimum(x["backlog"] * x["launched"] + orders, x["inventory"] + x["production"])
    units = fsum(deliveries)
    net = 1.0 / (1.0 + mp.vat_rate)                                   # revenue and costs are booked net of VAT
    car_revenue = fsum(deliveries * (x["price"] - x["incentive"])) * net
    pool_units = x["inventory"] + x["production"]
    pool_value = x["inventory_value"] + x["production"] * x["unit_cost"] * net
    cogs_cars = deliveries * pool_value / np.maximum(pool_units, 1e-9)
    holding = fsum(mk.holding_cost_rate * np.maximum(pool_value - cogs_cars, 0.0))
    services, _ = ecosystem.services(mp, x["installed_base"], x["integration"], x["services_quality"], d["sold"],
                                     a.firm["services_arpu_cny"])
    cross = ecosystem.cross_sell(mp, units, x["integration"], x["bundle"], a.firm["cross_sell_cny"])
    revenue = car_revenue + services + cross
    cogs = (fsum(cogs_cars) + x["labour"] + x["depreciation"] + holding + services * (1.0 - mp.services_margin)
            + cross * (1.0 - a.firm["cross_sell_margin"]) + x["recall"])
    sga = x["base_sga"] + (x["bundle"] + a.firm["selling_cost_per_car_cny"]) * units
    return {"orders": fsum(orders), "operating_profit_cny": revenue - cogs - x["rnd"] - sga}
