"""The scripted controller: a firm does what its scenario's ``[[script]]`` says, the AI does the rest.

Every field the script sets for a quarter (list prices, incentives, launches, capacity orders,
shifts, budgets, bundle subsidies) replaces the normal AI's decision; a discontinued model is
priced out of the market (the highest valid list price, no production); every field it never set
falls back to the normal AI (:func:`engine.ai.normal.decide`). Production follows the same rule
as the normal AI -- expected orders plus backlog less stock -- but evaluated at the scripted
prices (after incentives) and with the events scheduled to start this quarter (a published
policy calendar), for the firms whose prices or launches are scripted; their shifts then cover
that plan unless the shifts are scripted too. Batched over futures like the AIs; no loops over firms.
"""

from dataclasses import replace

import numpy as np

from . import events, supply
from .ai import normal
from .decisions import MAX_PRICE_CNY, DecisionArrays
from .scenario.arrays import firm_sum

CONTROLLER = "script"


def _overlay(scripted: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    """``scripted`` where it is set (not NaN), else ``fallback`` (broadcast over the batch axis)."""
    return np.where(np.isnan(scripted), fallback, scripted)


def decide(state, streams=None) -> DecisionArrays:
    """Decisions of every firm for quarter ``state.t``: the script where it speaks, else the normal AI.

    Args:
        state: the state at the start of the quarter (B futures).
        streams: unused (the normal AI draws no randomness); kept for the policy signature.

    Returns:
        :class:`DecisionArrays` for all firms (callers keep the script-controlled ones).
    """
    ai = normal.decide(state)
    sc = state.scenario
    a = sc.arrays
    if a.script is None:
        return ai
    plan = a.script.at(state.t)
    own = a.owner
    off = plan["off_sale"]
    price = np.where(off, MAX_PRICE_CNY, _overlay(plan["price"], ai.price))
    incentive = np.where(off, 0.0, _overlay(plan["incentive"], ai.incentive))
    launch = np.where(a.script.launch_scripted, plan["launch"], ai.launch)
    bundle = _overlay(plan["bundle"], ai.bundle)
    scripted_sales = ~np.isnan(plan["price"]) | ~np.isnan(plan["incentive"]) | a.script.launch_scripted | off
    replan = firm_sum(a, scripted_sales.astype(float)) > 0                       # (F,)
    production, shifts = _operations(state, price - incentive, bundle, off)
    production = np.where(replan[own], production, ai.production)
    shifts = _overlay(plan["shifts"], np.where(replan, shifts, ai.shifts))
    alive = 1.0 - state.exited
    return replace(  # everything else (financing, injections) stays the normal AI's
        ai, price=price, incentive=incentive, production=production, launch=launch,
        capacity_order=_overlay(plan["capacity_order"], ai.capacity_order) * alive, shifts=shifts,
        bundle=bundle * alive, budget=_overlay(plan["budget"], ai.budget) * alive[..., None])


def _scheduled_levers(state) -> dict:
    """Event effects this quarter as planners know them: running events plus those scheduled to start now."""
    a = state.scenario.arrays
    never = np.ones_like(state.event_left)  # a uniform of 1 fires no random event
    return events.resolve(a, state.t, state.event_left, state.event_count, state.event_target, state.lithium,
                          state.autonomy, state.exited, never, never, np.zeros_like(never), never * -1.0).levers


def _operations(state, price: np.ndarray, bundle: np.ndarray, off: np.ndarray):
    """Production (B, J) and shifts (B, F) of the normal AI's rule at the given effective prices (CNY),
    nothing for models taken off sale (``off``, (J,))."""
    sc = state.scenario
    a = sc.arrays
    own, t = a.owner, state.t
    alive = 1.0 - state.exited
    levers = _scheduled_levers(state)
    on_sale = (((state.launch_at >= 0) & (state.launch_at <= t)) | (state.launched > 0)) * alive[:, own] * ~off
    launching = on_sale * (1.0 - state.launched)
    part = 1.0 - launching * (1.0 - a.first_share)
    orders = normal.expected_orders(state, levers, price, bundle, on_sale) * part + a.hype * launching
    production = np.maximum(orders + state.backlog - state.inventory, 0.0) * on_sale
    lead = a.firm["expansion_lead_quarters"].astype(int)
    nameplate = supply.capacity_step(state.capacity, state.pipeline, state.ramping,
                                     np.zeros_like(state.capacity), lead, a.ramp)[3]
    need = firm_sum(a, production) / np.maximum(nameplate, 1.0)
    shifts = np.where(need <= a.shift_output[0], 1.0, np.where(need <= a.shift_output[1], 2.0, 3.0))
    return production, shifts
