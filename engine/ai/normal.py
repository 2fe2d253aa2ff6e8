"""The "normal" rival: a myopic best response shaded by doctrine, batched over futures and firms.

It sees what :mod:`engine.ai.market` exposes (public information) plus its own books: cash,
backlog, inventory, pipeline. It never sees another firm's pending decision: its only inputs
are the state at the start of the quarter and the scenario.

Pricing is a *partial adjustment* towards the Bertrand–Nash equilibrium: each quarter every
firm sets the price its first-order condition asks for at the market shares and elasticities it
observes at last quarter's prices -- one step of the zeta-markup map ``p <- c + zeta(p)``
(:func:`engine.ai.market.markup_step`) -- with the markup shaded by ``price_aggressiveness``,
moved at most ``PRICE_STEP`` per quarter and rounded to 100 CNY. Iterated quarter after quarter
this converges to the (shaded) equilibrium -- one step closes ~80-85% of the gap in the
scenario (measured with the ceilings lifted, tests/engine/test_ai_levels.py); real
carmakers re-price in steps too, and a single step per quarter keeps a 10,000-future forecast
within its budget. Where expected orders exceed what the firm can deliver, the price rises by one
Newton step on capacity's shadow cost (:func:`scarcity_pricing`). Production follows expected
orders plus backlog; shifts cover the plan;
capacity is ordered for forecast peak demand one lead time ahead with ``capacity_appetite``
headroom, as cash allows. Budgets follow doctrine intensities of revenue, never below the
scenario's starting budgets, scaled down when cash runs short. Financing keeps a doctrine-sized
cash buffer against the cost of the planned output and repays debt from surplus cash.

``knobs`` (each (B, F), 1 = the doctrine as written) let the hard AI try strategic plans:
``markup`` scales the shaded markup, ``capacity`` the capacity wanted, ``rnd`` the autonomy
and chip budgets, ``ecosystem`` the ecosystem budgets and bundle, ``marketing`` the brand budget.
"""

import numpy as np

from .. import demand
from ..decisions import BUDGETS, DecisionArrays
from ..pricing import nash_prices
from . import market
from .market import firm_total, market_view, markup_and_slope, markup_step

PRICE_STEP = 0.06
NASH_TOL = 1e-9
NASH_MAX_ITER = 200
SCARCITY_BACKLOG = 0.5       # share of the backlog a firm plans to serve on top of new orders
REPAY_ABOVE = 2.0            # repay debt from cash beyond this many cash buffers
PRICE_ROUNDING = 100.0
KNOBS = ("markup", "capacity", "rnd", "ecosystem", "marketing")
START_BUDGET = {"autonomy_budget": "autonomy_budget_cny", "chip_budget": "chip_budget_cny",
                "integration_budget": "integration_budget_cny", "services_budget": "services_budget_cny",
                "charging_budget": "charging_budget_cny", "marketing_budget": "marketing_budget_cny"}


def neutral_knobs(futures: int, firms: int) -> dict:
    """Knobs that leave every doctrine as written: name -> ones (B, F)."""
    return {k: np.ones((futures, firms)) for k in KNOBS}


def decide(state, streams=None, *, firms=None, knobs: dict | None = None) -> DecisionArrays:
    """Decisions of every firm for quarter ``state.t`` under the normal policy, batched.

    Args:
        state: the state at the start of the quarter (B futures).
        streams: unused (the normal level is deterministic); accepted for the policy signature.
        firms: unused (every firm is decided at once, cheaply); accepted for the signature.
        knobs: optional plan knobs, name -> (B, F) multipliers (see the module docstring).

    Returns:
        :class:`DecisionArrays` for all firms (callers keep only the AI-controlled ones).
    """
    sc = state.scenario
    a = sc.arrays
    B, F = state.futures, a.n_firms
    k = neutral_knobs(B, F) if knobs is None else knobs
    doc = a.doctrine
    alive = 1.0 - state.exited
    bundle = np.where(a.firm_eco >= 0, doc["ecosystem_focus"] * 1e5, 0.0) * k["ecosystem"]
    view = market_view(state, bundle)
    target, slope = markup_and_slope(view, state.price)
    price = set_prices(view, (1.0 - 0.5 * doc["price_aggressiveness"]) * k["markup"], target)
    orders = market.expected_orders(view, price) + a.hype * view.launching
    price, orders = scarcity_pricing(view, price, orders, slope)
    production, shifts = plan_production(state, view, orders)
    order = capacity_orders(state, orders, doc["capacity_appetite"], k["capacity"])
    costs_last, parent_room = _cost_base(state, view, production)
    budget = budgets(state, k, costs_last, parent_room)
    finance = financing(state, order, costs_last, parent_room)
    launch = launches(state, parent_room)
    zeros_n = np.zeros((B, a.n_events))
    return DecisionArrays(
        price=price, incentive=np.zeros((B, a.n_models)), production=production, launch=launch,
        capacity_order=order * alive, shifts=shifts, bundle=bundle * alive, budget=budget,
        finance=finance, inject=zeros_n, inject_target=zeros_n - 1.0)


def set_prices(view, markup_share: np.ndarray, target: np.ndarray | None = None) -> np.ndarray:
    """List prices (B, J): ``c + markup_share * (target - c)`` within ``PRICE_STEP`` of the anchor.

    Args:
        view: the :class:`MarketView`.
        markup_share: (B, F) share of the first-order markup each firm charges.
        target: (B, J) first-order prices; default one zeta step from current prices.
    """
    state = view.state
    a = state.scenario.arrays
    own = a.owner
    c = view.unit_cost
    target = markup_step(view, state.price) if target is None else target
    shaded = c + np.maximum(target - c, 0.0) * markup_share[:, own]
    anchor = np.where(view.launching > 0, a.price0, state.price)
    price = np.clip(shaded, anchor * (1.0 - PRICE_STEP), anchor * (1.0 + PRICE_STEP))
    return np.where(view.on_sale > 0, np.round(price / PRICE_ROUNDING) * PRICE_ROUNDING, state.price)


def scarcity_pricing(view, price, orders, slope):
    """Raise prices where expected orders exceed what the firm can deliver (capacity's shadow cost).

    With capacity binding, the best response charges more than the unconstrained one
    (:func:`engine.pricing.nash_prices_capacity`): here one Newton step per quarter on the
    firm's log orders -- a uniform increase of ``log(demand / supply) / slope`` on its models,
    within ``PRICE_STEP`` of last quarter's price -- and the orders it expects after it. The step
    is scaled by ``(1 - price_aggressiveness)^2``: value-first firms (Xiaomi, BYD) keep waiting
    lists rather than charge what the queue would bear, as they did in 2024. A firm that cannot
    meet its orders never cuts its prices.

    Args:
        view: the :class:`MarketView`; price, orders: (B, J) planned prices and expected orders
            (with launch hype); slope: (B, J) orders' relative fall per CNY of price.

    Returns:
        ``(price, orders)`` after the scarcity premium, (B, J) each.
    """
    state = view.state
    a = state.scenario.arrays
    own = a.owner
    supply = nameplate_now(state) * a.shift_output[-1] * np.maximum(1.0 + view.levers["capacity"], 0.0) \
        + firm_total(a, state.inventory)
    demand = firm_total(a, orders + SCARCITY_BACKLOG * state.backlog)
    weight = firm_total(a, orders * slope) / np.maximum(firm_total(a, orders), 1e-9)          # (B, F)
    premium = np.where(demand > supply, np.log(np.maximum(demand, 1.0) / np.maximum(supply, 1.0)), 0.0)
    # value-first doctrines keep a waiting list rather than charge what it would bear
    keep = (1.0 - a.doctrine["price_aggressiveness"]) ** 2
    rise = (keep * premium)[:, own] / np.maximum(weight[:, own], 1e-12)
    anchor = np.where(view.launching > 0, a.price0, state.price)
    raised = np.minimum(price + rise, np.maximum(anchor * (1.0 + PRICE_STEP), price))
    raised = np.where((premium > 0)[:, own], np.maximum(raised, anchor), raised)  # sold out: no cuts
    raised = np.where(view.on_sale > 0, np.round(raised / PRICE_ROUNDING) * PRICE_ROUNDING, price)
    return raised, orders * np.exp(-slope * (raised - price))


def plan_production(state, view, orders):
    """Production (B, J) for expected orders plus backlog less stock, and shifts (B, F) to build it."""
    a = state.scenario.arrays
    production = np.maximum(orders + state.backlog - state.inventory, 0.0) * view.on_sale
    nameplate = nameplate_now(state)
    need = firm_total(a, production) / np.maximum(nameplate, 1.0)
    shifts = np.where(need <= a.shift_output[0], 1.0, np.where(need <= a.shift_output[1], 2.0, 3.0))
    return production, np.minimum(shifts, state.shifts + 1.0)  # the engine adds one shift a quarter at most


def nameplate_now(state) -> np.ndarray:
    """One-shift nameplate (B, F) this quarter: capacity plus what arrives or ramps now."""
    a = state.scenario.arrays
    return (state.capacity + state.ramping[..., -1] + state.pipeline[..., 0] * a.ramp[0]
            + (state.ramping[..., :-1] * a.ramp[1:]).sum(axis=-1))


def parent_room(state) -> np.ndarray:
    """Parent support still available this quarter (B, F), CNY."""
    firm = state.scenario.arrays.firm
    return np.minimum(firm["parent_support_per_quarter_cny"], np.maximum(firm["parent_support_cny"] - state.parent_used, 0.0))


def capacity_orders(state, orders, appetite, scale) -> np.ndarray:
    """Capacity (B, F) to order for peak demand one lead time ahead with ``appetite`` headroom.

    Args:
        orders: (B, J) expected orders this quarter; appetite: (F,) or (B, F) headroom over
            forecast demand; scale: (B, F) multiplier of the capacity wanted (plan knob).
    """
    sc = state.scenario
    a, mk, firm = sc.arrays, sc.market, sc.arrays.firm
    lead = firm["expansion_lead_quarters"]
    season = a.seasonality[(sc.info.start + state.t) % 4]
    growth = (1.0 + mk.growth_per_quarter) ** lead
    plan_shifts = np.maximum(state.shifts, 2.0).astype(int)
    wanted = firm_total(a, orders) / season * a.seasonality.max() * growth * (1.0 + appetite) * scale
    have = state.capacity + state.ramping.sum(axis=-1) + state.pipeline.sum(axis=-1)
    gap = np.maximum(wanted / a.shift_output[plan_shifts - 1] - have, 0.0)
    risk = a.doctrine["risk_tolerance"]
    spendable = np.maximum(state.cash + parent_room(state), 0.0) * (0.15 + 0.35 * risk)
    affordable = spendable / np.maximum(firm["capex_per_unit_cny"], 1.0)
    return np.where(gap > 0.05 * np.maximum(have, 1.0), np.minimum(gap, affordable), 0.0)


def _cost_base(state, view, production):
    """Quarterly cash costs to plan against (B, F): last quarter's, or what the planned output costs."""
    a = state.scenario.arrays
    firm = a.firm
    output_cap = nameplate_now(state) * a.shift_output[-1]
    planned = firm_total(a, production)
    built_cost = firm_total(a, production * view.unit_cost) * np.minimum(output_cap / np.maximum(planned, 1.0), 1.0)
    costs_last = np.maximum(np.maximum(state.revenue_last - state.op_last, built_cost),
                            firm["base_rnd_cny"] + firm["base_sga_cny"])
    return costs_last, parent_room(state)


def start_budgets(state) -> np.ndarray:
    """The scenario's starting budgets (B, F, 6) in the order of ``BUDGETS`` (CNY/quarter)."""
    firm = state.scenario.arrays.firm
    return np.stack([firm[START_BUDGET[n]] for n in BUDGETS], axis=-1) * np.ones((state.futures, 1, 1))


def cash_health(state, costs_last, room) -> np.ndarray:
    """(B, F) in [0.3, 1]: how far budgets are kept when cash runs short, by risk tolerance."""
    a = state.scenario.arrays
    risk = a.doctrine["risk_tolerance"]
    reserve = state.cash + room + a.firm["equity_per_quarter_cny"] * risk
    return np.clip(reserve / np.maximum((4.0 - 2.0 * risk) * costs_last, 1.0), 0.3, 1.0)


def budgets(state, k, costs_last, room) -> np.ndarray:
    """Budgets (B, F, 6) by doctrine intensities of revenue, floored at the starting budgets.

    The autonomy and chip budgets scale with the ``rnd`` knob, the ecosystem budgets with
    ``ecosystem`` and marketing with ``marketing``; all shrink when cash runs short.
    """
    a = state.scenario.arrays
    doc = a.doctrine
    revenue = np.maximum(state.revenue_ema, state.revenue_last)
    start = start_budgets(state)
    eco_share = start[..., 2:5] / np.maximum(start[..., 2:5].sum(axis=-1, keepdims=True), 1.0)
    chip = np.where(state.chip_done > 0, 0.0, start[..., 1])
    budget = np.concatenate([
        (np.maximum(doc["rd_intensity"] * revenue, start[..., 0]) * k["rnd"])[..., None],
        (chip * k["rnd"])[..., None],
        np.maximum((doc["ecosystem_focus"] * revenue)[..., None] * eco_share, start[..., 2:5]) * k["ecosystem"][..., None],
        (np.maximum(doc["marketing_intensity"] * revenue, start[..., 5]) * k["marketing"])[..., None]], axis=-1)
    alive = 1.0 - state.exited
    return budget * (cash_health(state, costs_last, room) * alive)[..., None]


def financing(state, order, costs_last, room) -> np.ndarray:
    """Financing requests (B, F, 3): keep a buffer of (1.2 - 0.6 risk tolerance) quarters of costs.

    Draws on the parent first, then equity, then debt; repays debt from cash beyond
    ``REPAY_ABOVE`` buffers.
    """
    sc = state.scenario
    a, mp, firm = sc.arrays, sc.model, sc.arrays.firm
    risk = a.doctrine["risk_tolerance"]
    lead = firm["expansion_lead_quarters"]
    buffer = (1.2 - 0.6 * risk) * costs_last
    projected = state.cash + state.op_last - order * firm["capex_per_unit_cny"] / np.maximum(lead, 1.0)
    need_cash = np.maximum(buffer - projected, 0.0)
    parent = np.minimum(need_cash, room)
    equity = np.minimum(need_cash - parent, firm["equity_per_quarter_cny"])
    debt_room = np.maximum(mp.max_leverage * 4.0 * state.revenue_ema - state.debt, 0.0)
    borrow = np.minimum(np.maximum(need_cash - parent - equity, 0.0), debt_room)
    surplus = state.cash - REPAY_ABOVE * buffer
    borrow = np.where((need_cash <= 0) & (surplus > 0) & (state.debt > 0), -np.minimum(state.debt, surplus), borrow)
    return np.stack([parent, equity, borrow], axis=-1) * (1.0 - state.exited)[..., None]


def launches(state, room) -> np.ndarray:
    """(B, J) 1 to start developing an optional model so it goes on sale at its planned quarter."""
    a = state.scenario.arrays
    own = a.owner
    owner_cash = (state.cash + room)[:, own]
    due = (a.launch >= 0) & (state.t + a.dev_quarters >= a.launch)
    go = ((a.optional > 0) & (state.launch_at < 0) & (due | (a.launch < 0)) & (owner_cash > 2.0 * a.dev_cost))
    return (go * (1.0 - state.exited)[:, own]).astype(float)


# Demand-model helpers in market-first layout, for other modules (the scripted controller plans
# production with expected_orders, calibration compares list prices with best_response_prices).

def expected_orders(state, levers, prices, bundle, on_sale):
    """Orders (B, J) the demand model expects at ``prices`` this quarter, without shocks or hype."""
    sc = state.scenario
    a = sc.arrays
    delta, sensitivity, _ = demand.utility_inputs(state, levers, bundle)
    own = a.owner
    paid = np.maximum(prices - levers["subsidy_cny"][:, own], 0.0)
    excess = np.maximum(prices - state.ceiling[:, own], 0.0)
    s, _ = demand.choice_shares(delta, a.type_alpha, paid * sensitivity, excess, a.type_premium, on_sale)
    weights = demand.type_weights(a, state.eco_users)
    buyers = demand.market_size(sc.market, a, state.t, sc.info.start)
    domestic = buyers * (weights[:, :, None] * s).sum(axis=1) * np.maximum(1.0 + levers["demand"], 0.0)[:, own]
    exports = domestic * a.firm["export_ratio"][own] * np.clip(1.0 - levers["export_tariff"][:, own], 0.0, 1.0)
    return domestic + exports


def best_response_prices(state, levers, bundle, unit_cost, on_sale):
    """Converged Nash prices (B, J) of the current market given the demand model and unit costs (CNY).

    The brand-ceiling penalty is linearised at current prices (extra price sensitivity above the
    ceiling) and subsidies enter as a utility shift, so the firm's margin stays ``p - c``.
    """
    sc = state.scenario
    a = sc.arrays
    own = a.owner
    delta, sensitivity, _ = demand.utility_inputs(state, levers, bundle)
    alpha = demand.price_coefficients(a, sensitivity)
    above = (state.price > state.ceiling[:, own]).astype(float)
    kappa = a.type_premium[None, :, None] * above[:, None, :]
    delta = delta + kappa * state.ceiling[:, None, own] + alpha * levers["subsidy_cny"][:, None, own]
    weights = demand.type_weights(a, state.eco_users)
    return nash_prices(delta, alpha + kappa, unit_cost, own, weights, p0=state.price,
                       available=on_sale, tol=NASH_TOL, max_iter=NASH_MAX_ITER)
