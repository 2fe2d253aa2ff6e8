"""The "normal" rival: a myopic best response shaded by doctrine, batched over futures and firms.

What it sees (public information only): every model's current list price, last quarter's orders
and deliveries, delivery waits, announced capacity, brand and sold autonomy levels, the news
(events running), the battery index and the scenario's published specs. Of its own firm it also
knows cash, backlog, inventory and pipeline. It never sees another firm's pending decision: its
only inputs are the state at the start of the quarter and the scenario.

Pricing: Bertrand–Nash prices of the demand model (:func:`engine.pricing.nash_prices`, warm
started from current prices), markups shaded by ``price_aggressiveness`` and moved at most
``PRICE_STEP`` per quarter, rounded to 100 CNY. Production follows expected orders plus backlog;
shifts cover the plan; capacity is ordered for forecast peak demand one lead time ahead with
``capacity_appetite`` headroom, as cash allows. Budgets follow doctrine intensities of revenue,
never below the scenario's starting budgets, scaled down when cash runs short. Financing keeps a
doctrine-sized cash buffer.
"""

import numpy as np

from .. import costs, demand, events
from ..decisions import BUDGETS, DecisionArrays
from ..pricing import nash_prices
from ..scenario.arrays import firm_sum

PRICE_STEP = 0.06
PRICE_ROUNDING = 100.0
NASH_TOL = 1e-9
NASH_MAX_ITER = 200
_START_BUDGET = {"autonomy_budget": "autonomy_budget_cny", "chip_budget": "chip_budget_cny",
                 "integration_budget": "integration_budget_cny", "services_budget": "services_budget_cny",
                 "charging_budget": "charging_budget_cny", "marketing_budget": "marketing_budget_cny"}


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
    """Nash prices (B, J) of the current market given the demand model and unit costs (CNY).

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


def decide(state) -> DecisionArrays:
    """Decisions of every firm for quarter ``state.t`` under the normal policy, batched.

    Args:
        state: the state at the start of the quarter (B futures).

    Returns:
        :class:`DecisionArrays` for all firms (callers keep only the AI-controlled ones).
    """
    sc = state.scenario
    a, mp, mk = sc.arrays, sc.model, sc.market
    t, B, own = state.t, state.futures, a.owner
    F, J = a.n_firms, a.n_models
    doc, firm = a.doctrine, a.firm
    alive = 1.0 - state.exited
    levers = events.current_levers(a, state.event_left, state.event_target, F)
    on_sale = (((state.launch_at >= 0) & (state.launch_at <= t)) | (state.launched > 0)) * alive[:, own]
    launching = on_sale * (1.0 - state.launched)
    bundle = np.where(a.firm_eco >= 0, doc["ecosystem_focus"] * 1e5, 0.0) * np.ones((B, F))

    # pricing
    index = costs.battery_index(sc.battery, state.battery_cum, state.lithium)
    unit_cost = costs.unit_costs(a, mp, index, state.cum_output, levers["hw_cost"], state.chip_done)
    nash = best_response_prices(state, levers, bundle, unit_cost, on_sale)
    shaded = unit_cost + np.maximum(nash - unit_cost, 0.0) * (1.0 - 0.5 * doc["price_aggressiveness"][own])
    anchor = np.where(launching > 0, a.price0, state.price)
    price = np.clip(shaded, anchor * (1.0 - PRICE_STEP), anchor * (1.0 + PRICE_STEP))
    price = np.where(on_sale > 0, np.round(price / PRICE_ROUNDING) * PRICE_ROUNDING, state.price)

    # production and shifts
    fsum = lambda x: firm_sum(a, x)  # noqa: E731
    orders = expected_orders(state, levers, price, bundle, on_sale) + a.hype * launching
    production = np.maximum(orders + state.backlog - state.inventory, 0.0) * on_sale
    matured = state.ramping[..., -1]
    nameplate = (state.capacity + matured + state.pipeline[..., 0] * a.ramp[0]
                 + (state.ramping[..., :-1] * a.ramp[1:]).sum(axis=-1))
    need = fsum(production) / np.maximum(nameplate, 1.0)
    shifts = np.where(need <= a.shift_output[0], 1.0, np.where(need <= a.shift_output[1], 2.0, 3.0))

    # capacity for peak demand one lead time ahead
    lead = firm["expansion_lead_quarters"]
    season = a.seasonality[(sc.info.start + t) % 4]
    growth = (1.0 + mk.growth_per_quarter) ** lead
    plan_shifts = np.maximum(state.shifts, 2.0).astype(int)
    wanted = fsum(orders) / season * a.seasonality.max() * growth * (1.0 + doc["capacity_appetite"])
    have = state.capacity + state.ramping.sum(axis=-1) + state.pipeline.sum(axis=-1)
    gap = np.maximum(wanted / a.shift_output[plan_shifts - 1] - have, 0.0)
    parent_room = np.minimum(firm["parent_support_per_quarter_cny"], np.maximum(firm["parent_support_cny"] - state.parent_used, 0.0))
    spendable = np.maximum(state.cash + parent_room, 0.0) * (0.15 + 0.35 * doc["risk_tolerance"])
    order = np.where(gap > 0.05 * np.maximum(have, 1.0), np.minimum(gap, spendable / np.maximum(firm["capex_per_unit_cny"], 1.0)), 0.0)

    # budgets by doctrine, floored at the starting budgets, scaled by cash health
    revenue = np.maximum(state.revenue_ema, state.revenue_last)
    start = np.stack([firm[_START_BUDGET[n]] for n in BUDGETS], axis=-1) * np.ones((B, F, 1))
    eco_share = start[..., 2:5] / np.maximum(start[..., 2:5].sum(axis=-1, keepdims=True), 1.0)
    by_doctrine = np.concatenate([
        (doc["rd_intensity"] * revenue)[..., None],
        np.where(state.chip_done > 0, 0.0, start[..., 1])[..., None],
        (doc["ecosystem_focus"] * revenue)[..., None] * eco_share,
        (doc["marketing_intensity"] * revenue)[..., None]], axis=-1)
    budget = np.maximum(by_doctrine, start * np.array([1, 0, 1, 1, 1, 1]))
    budget[..., 1] = np.where(state.chip_done > 0, 0.0, start[..., 1])
    # quarterly costs: last quarter's, or at the start what the expected sales would cost
    expected_revenue = fsum(orders * price)
    costs_last = np.maximum(np.maximum(state.revenue_last - state.op_last, 0.9 * expected_revenue),
                            firm["base_rnd_cny"] + firm["base_sga_cny"])
    reserve = state.cash + parent_room + firm["equity_per_quarter_cny"] * doc["risk_tolerance"]
    health = np.clip(reserve / np.maximum((4.0 - 2.0 * doc["risk_tolerance"]) * costs_last, 1.0), 0.3, 1.0)
    budget = budget * health[..., None] * alive[..., None]

    # financing: keep a cash buffer of (2 - risk tolerance) quarters of costs
    buffer = (1.2 - 0.6 * doc["risk_tolerance"]) * costs_last
    projected = state.cash + state.op_last - order * firm["capex_per_unit_cny"] / np.maximum(lead, 1.0)
    need_cash = np.maximum(buffer - projected, 0.0)
    parent = np.minimum(need_cash, parent_room)
    equity = np.minimum(need_cash - parent, firm["equity_per_quarter_cny"])
    debt_room = np.maximum(mp.max_leverage * 4.0 * state.revenue_ema - state.debt, 0.0)
    borrow = np.minimum(np.maximum(need_cash - parent - equity, 0.0), debt_room)
    surplus = state.cash - 4.0 * buffer
    borrow = np.where((need_cash <= 0) & (surplus > 0) & (state.debt > 0), -np.minimum(state.debt, surplus), borrow)
    finance = np.stack([parent, equity, borrow], axis=-1) * alive[..., None]

    # launches: optional models start development so they go on sale at their planned quarter
    owner_cash = (state.cash + parent_room)[:, own]
    due = (a.launch >= 0) & (t + a.dev_quarters >= a.launch)
    launch = ((a.optional > 0) & (state.launch_at < 0) & (due | (a.launch < 0))
              & (owner_cash > 2.0 * a.dev_cost)) * alive[:, own]

    zeros_n = np.zeros((B, a.n_events))
    return DecisionArrays(
        price=price, incentive=np.zeros((B, J)), production=production, launch=launch.astype(float),
        capacity_order=order * alive, shifts=shifts, bundle=bundle * alive, budget=budget,
        finance=finance, inject=zeros_n, inject_target=zeros_n - 1.0)
