"""The "easy" rival: rules of thumb with noise and lag, the way a cautious manager might play.

- Prices: a doctrine-sized markup on estimated unit cost (``price_aggressiveness`` cuts it),
  nudged up when buyers wait and down when cars pile up -- but each quarter the price moves only
  ``LAG`` of the way to that target, with noise. It never solves the demand model.
- Production: last quarter's orders (not a forecast), plus half the backlog, less the stock;
  with no history (the first quarter, a launch) what the plant makes, or the launch hype.
- Capacity: ordered only once plants already run near full, not a lead time ahead.
- Budgets: doctrine intensities of *last* quarter's revenue, with noise.
- Financing: only when cash is about to run out (a thin buffer).
- Launches: a quarter late.

Noise comes only from the ``streams`` argument (the AI streams the game derives from its seed),
so a game stays reproducible. Public information only, as every level.
"""

import numpy as np

from ..decisions import DecisionArrays
from ..rng import normals
from . import normal
from .market import estimated_costs, firm_total, on_sale

LAG = 0.35
BASE_MARGIN = 0.30
PRICE_NOISE = 0.02
VOLUME_NOISE = 0.06
BUDGET_NOISE = 0.15
SIGNAL = 0.04          # price nudge when waits or stock are long


def decide(state, streams=None, firms=None) -> DecisionArrays:
    """Decisions of every firm for quarter ``state.t`` under the easy rules, batched.

    Args:
        state: the state at the start of the quarter (B futures).
        streams: AI streams with ``streams.futures == B`` (noise); ``None`` plays noiselessly.
        firms: unused (all firms are decided at once).

    Returns:
        :class:`DecisionArrays` for all firms.
    """
    sc = state.scenario
    a = sc.arrays
    B, F, J, own = state.futures, a.n_firms, a.n_models, a.owner
    doc, firm = a.doctrine, a.firm
    z = _noise(state, streams, 2 * J + 2 * F)
    z_price, z_volume, z_budget = z[:, :J], z[:, J:2 * J], z[:, 2 * J:2 * J + F]
    alive = 1.0 - state.exited
    bundle = np.where(a.firm_eco >= 0, doc["ecosystem_focus"] * 1e5, 0.0) * np.ones((B, F))
    sale = on_sale(state)
    launching = sale * (1.0 - state.launched)
    unit_cost = estimated_costs(state)

    # prices: cost plus a doctrine markup, nudged by waits and stock, reached with a lag
    wait = state.backlog / np.maximum(state.deliveries_last, 1.0)
    glut = state.inventory / np.maximum(state.deliveries_last, 1.0)
    nudge = SIGNAL * (np.clip(wait - 0.5, 0.0, 2.0) - np.clip(glut - 0.3, 0.0, 2.0))
    target = unit_cost * (1.0 + BASE_MARGIN * (1.0 - 0.6 * doc["price_aggressiveness"][own])) * (1.0 + nudge)
    anchor = np.where(launching > 0, a.price0, state.price)
    price = (anchor + LAG * (target - anchor)) * np.exp(PRICE_NOISE * z_price)
    price = np.clip(price, anchor * (1.0 - 2 * normal.PRICE_STEP), anchor * (1.0 + 2 * normal.PRICE_STEP))
    price = np.where(sale > 0, np.round(price / normal.PRICE_ROUNDING) * normal.PRICE_ROUNDING, state.price)

    # production from last quarter's orders; with no history yet (first quarter, a launch) what
    # the plant makes at current shifts, split over the firm's models, or the launch hype
    nameplate = normal.nameplate_now(state)
    plant = nameplate * a.shift_output[np.clip(state.shifts, 1, 3).astype(int) - 1]
    per_model = (plant / np.maximum(firm_total(a, sale), 1.0))[:, own]
    seen = np.where(state.orders_last > 0, state.orders_last, np.maximum(per_model, a.hype * launching))
    production = np.maximum(seen * np.exp(VOLUME_NOISE * z_volume) + 0.5 * state.backlog - state.inventory, 0.0) * sale
    need = firm_total(a, production) / np.maximum(nameplate, 1.0)
    shifts = np.where(need <= a.shift_output[0], 1.0, np.where(need <= a.shift_output[1], 2.0, 3.0))

    # capacity only once the plants are nearly full
    room = normal.parent_room(state)
    full = need > 0.9 * a.shift_output[np.maximum(state.shifts, 2.0).astype(int) - 1]
    have = state.capacity + state.ramping.sum(axis=-1) + state.pipeline.sum(axis=-1)
    affordable = np.maximum(state.cash + room, 0.0) * (0.1 + 0.2 * doc["risk_tolerance"]) / np.maximum(firm["capex_per_unit_cny"], 1.0)
    order = np.where(full & (state.pipeline.sum(axis=-1) <= 0), np.minimum(0.3 * (1.0 + doc["capacity_appetite"]) * have, affordable), 0.0)

    # budgets from last quarter's revenue, noisy; financing on a thin buffer
    start = normal.start_budgets(state)
    revenue = state.revenue_last
    eco_share = start[..., 2:5] / np.maximum(start[..., 2:5].sum(axis=-1, keepdims=True), 1.0)
    wobble = np.exp(BUDGET_NOISE * z_budget)
    budget = np.concatenate([
        np.maximum(doc["rd_intensity"] * revenue, 0.8 * start[..., 0])[..., None],
        np.where(state.chip_done > 0, 0.0, start[..., 1])[..., None],
        np.maximum((doc["ecosystem_focus"] * revenue)[..., None] * eco_share, 0.8 * start[..., 2:5]),
        np.maximum(doc["marketing_intensity"] * revenue, 0.8 * start[..., 5])[..., None]], axis=-1) * wobble[..., None]
    costs_last = np.maximum(state.revenue_last - state.op_last, firm["base_rnd_cny"] + firm["base_sga_cny"])
    budget = budget * (normal.cash_health(state, costs_last, room) * alive)[..., None]
    need_cash = np.maximum(0.4 * costs_last - (state.cash + state.op_last), 0.0)
    parent = np.minimum(need_cash, room)
    equity = np.minimum(need_cash - parent, firm["equity_per_quarter_cny"])
    debt_room = np.maximum(sc.model.max_leverage * 4.0 * state.revenue_ema - state.debt, 0.0)
    borrow = np.minimum(np.maximum(need_cash - parent - equity, 0.0), debt_room)
    finance = np.stack([parent, equity, borrow], axis=-1) * alive[..., None]

    # launches a quarter late
    due = (a.launch >= 0) & (state.t + a.dev_quarters >= a.launch + 1)
    owner_cash = (state.cash + room)[:, own]
    launch = ((a.optional > 0) & (state.launch_at < 0) & (due | (a.launch < 0)) & (owner_cash > 2.0 * a.dev_cost)) * alive[:, own]

    zeros_n = np.zeros((B, a.n_events))
    return DecisionArrays(
        price=price, incentive=np.zeros((B, J)), production=production, launch=launch.astype(float),
        capacity_order=order * alive, shifts=shifts, bundle=bundle * alive, budget=budget,
        finance=finance, inject=zeros_n, inject_target=zeros_n - 1.0)


def _noise(state, streams, width: int) -> np.ndarray:
    """Standard normals (B, width) for this quarter from the AI streams (zeros without streams)."""
    if streams is None:
        return np.zeros((state.futures, width))
    if streams.futures != state.futures:
        raise ValueError(f"AI streams have {streams.futures} futures, state has {state.futures}")
    u = streams.block(state.t, 2 * width)
    return normals(u[:, :width], u[:, width:])
