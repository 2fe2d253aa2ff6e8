"""Live consequences of the draft, read from the game's current state (no Qt, no state changes).

What the decision pages show next to the fields: this quarter's unit cost and margin per car,
the output the plants can build with the chosen shifts, when ordered capacity arrives and what it
costs, how much financing is available, and a quick median projection of the quarter.
"""

import numpy as np

from engine import ai, costs, events, supply
from engine.forecast import LATER_QUARTERS, run_forecast
from engine.game import HUMAN

PROJECTION_FUTURES = 64
PROJECTION_SALT = 7_000_001  # keeps the quick projection's futures apart from the preview's


def _firm(game, firm_id):
    return game.scenario.firm_index(firm_id)


def own_models(game, firm_id) -> list:
    """``(index, CarModel)`` of the firm's models, in engine order."""
    return [(j, m) for j, m in enumerate(game.scenario.models) if m.firm == firm_id]


def unit_costs(game) -> np.ndarray:
    """Estimated unit cost of every model this quarter (CNY), (J,): battery index, learning curve,
    automation, chips and the hardware-cost effects of events running now."""
    sc, state = game.scenario, game.state
    a = sc.arrays
    levers = events.current_levers(a, state.event_left, state.event_target, a.n_firms)
    index = costs.battery_index(sc.battery, state.battery_cum, state.lithium)
    return costs.unit_costs(a, sc.model, index, state.cum_output, levers["hw_cost"], state.chip_done)[0]


def capacity(game, firm_id, shifts: int) -> dict:
    """This quarter's capacity of ``firm_id`` with ``shifts`` shifts.

    Returns:
        dict: ``nameplate`` (one-shift units/quarter this quarter), ``output`` (with shifts),
        ``arrivals`` (list of ``(quarters from now, units)`` under construction), ``lead``
        (quarters for a new order), ``capex_per_unit`` (CNY per unit/quarter of capacity),
        ``labour`` (CNY this quarter at these shifts).
    """
    sc, state = game.scenario, game.state
    a, f = sc.arrays, _firm(game, firm_id)
    lead = a.firm["expansion_lead_quarters"].astype(int)
    _, _, _, nameplate = supply.capacity_step(state.capacity, state.pipeline, state.ramping,
                                              np.zeros((1, a.n_firms)), lead, a.ramp)
    levers = events.current_levers(a, state.event_left, state.event_target, a.n_firms)
    n = float(nameplate[0, f])
    pipeline = state.pipeline[0, f]
    return {
        "nameplate": n,
        "output": n * a.shift_output[int(shifts) - 1] * max(1.0 + levers["capacity"][0, f], 0.0),
        "arrivals": [(i, float(u)) for i, u in enumerate(pipeline) if u > 0],
        "lead": int(lead[f]),
        "capex_per_unit": float(a.firm["capex_per_unit_cny"][f]),
        "labour": sc.model.labour_cost_per_unit_shift_cny * n * int(shifts),
    }


def finance_room(game, firm_id) -> dict:
    """Cash, debt and the financing available to ``firm_id`` this quarter (CNY)."""
    sc, state = game.scenario, game.state
    a, mp, f = sc.arrays, sc.model, _firm(game, firm_id)
    line_left = max(a.firm["parent_support_cny"][f] - state.parent_used[0, f], 0.0)
    return {
        "cash": float(state.cash[0, f]),
        "debt": float(state.debt[0, f]),
        "parent": float(min(a.firm["parent_support_per_quarter_cny"][f], line_left)),
        "parent_left": float(line_left),
        "equity": float(a.firm["equity_per_quarter_cny"][f]),
        "equity_fee": mp.equity_fee,
        "debt_room": float(max(mp.max_leverage * 4.0 * state.revenue_ema[0, f] - state.debt[0, f], 0.0)),
        "interest_rate": float(a.firm["interest_rate"][f]),
    }


def launch_status(game, model_index: int) -> tuple:
    """``("on_sale" | "developing" | "available" | "later", quarter offset)`` of an optional model.

    ``developing`` carries the offset it goes on sale; ``available`` the earliest offset it could
    go on sale if development started now.
    """
    a, state = game.scenario.arrays, game.state
    if state.launched[0, model_index] > 0:
        return "on_sale", game.t
    at = state.launch_at[0, model_index]
    if at >= 0:
        return "developing", int(at)
    return "available", int(max(game.t + a.dev_quarters[model_index], a.launch[model_index]))


def rival_level(game) -> str:
    """The AI level the computer-played firms of ``game`` play now ("easy", "normal" or "hard").

    "normal" when they play different levels or the scenario's script (forecasts take one AI level).
    """
    levels = {level for level in game.controllers.values() if level != HUMAN}
    return levels.pop() if len(levels) == 1 and levels <= set(ai.LEVELS) else "normal"


def projection_level(level: str) -> str:
    """The AI level rivals play in the quick projection of a campaign against ``level`` rivals.

    Hard rivals play the normal AI, the model their look-ahead assumes (engine.forecast's
    ``LATER_QUARTERS``): their look-ahead takes ~0.2 s, too long for every edit in the GUI thread.
    """
    return LATER_QUARTERS.get(level, level)


def projection(game, firm_id, draft, futures: int = PROJECTION_FUTURES, level: str = "normal") -> dict:
    """Median result of the coming quarter for ``firm_id`` under ``draft`` over a few futures.

    Rivals decide as the AI at :func:`projection_level` of ``level`` would (the campaign's
    :func:`rival_level`); luck differs per future. Returns medians of ``deliveries``,
    ``revenue_cny``, ``operating_profit_cny``, ``cash_cny`` and ``market_share``.
    """
    forecast = run_forecast(game.state, game.seed, futures, 1, plan={firm_id: draft}, salt=PROJECTION_SALT,
                            level=projection_level(level))
    f = _firm(game, firm_id)
    return {m: float(np.median(forecast.values[m][0, :, f]))
            for m in ("deliveries", "revenue_cny", "operating_profit_cny", "cash_cny", "market_share")}
