"""Capacity with lead times, shifts and ramp-up; production; deliveries, backlog and inventory.

Capacity is one-shift nameplate output per firm (units/quarter), shared by its models. An
expansion ordered now sits ``lead`` quarters in the construction pipeline, then ramps up through
the ramp efficiencies before it counts in full. Shifts multiply output (``shift_output``).
"""

import numpy as np


def capacity_step(capacity, pipeline, ramping, order, lead, ramp):
    """Advance capacity by one quarter.

    Args:
        capacity: (B, F) fully ramped one-shift capacity (units/quarter).
        pipeline: (B, F, L) capacity under construction; slot 0 arrives this quarter.
        ramping: (B, F, R) capacity in its r-th quarter of ramp-up.
        order: (B, F) capacity ordered this quarter (units/quarter).
        lead: (F,) construction lead times (quarters, 1..L).
        ramp: (R,) efficiency of ramping capacity by quarter.

    Returns:
        ``(capacity, pipeline, ramping, nameplate)``: next state and this quarter's effective
        one-shift nameplate (B, F), ramping capacity counted at its efficiency.
    """
    arrivals = pipeline[..., 0]
    slots = pipeline.shape[-1]
    new_pipeline = np.concatenate([pipeline[..., 1:], np.zeros_like(pipeline[..., :1])], axis=-1)
    lead_mask = (np.arange(slots) == (lead[:, None] - 1)).astype(float)        # (F, L)
    new_pipeline = new_pipeline + order[..., None] * lead_mask
    matured = ramping[..., -1]
    new_ramping = np.concatenate([arrivals[..., None], ramping[..., :-1]], axis=-1)
    new_capacity = capacity + matured
    nameplate = new_capacity + (new_ramping * ramp).sum(axis=-1)
    return new_capacity, new_pipeline, new_ramping, nameplate


def allocate_production(target, launched, output_capacity, firm_starts, owner):
    """Scale production targets down to each firm's output capacity.

    Args:
        target: (B, J) production targets (units/quarter).
        launched: (B, J) 1 for models in production.
        output_capacity: (B, F) units the firm can build this quarter.
        firm_starts: (F,) first model of each firm (models grouped by firm); owner: (J,) firm of each model.

    Returns:
        (B, J) production (units/quarter).
    """
    wanted = target * launched
    total = np.add.reduceat(wanted, firm_starts, axis=-1)
    scale = np.where(total > output_capacity, output_capacity / np.maximum(total, 1e-9), 1.0)
    return wanted * scale[:, owner]


def fulfil(backlog, orders, inventory, production, market):
    """Deliver from stock and production; unfilled orders wait, and some of them are cancelled.

    Args:
        backlog, orders, inventory, production: (B, J) units.
        market: :class:`MarketSpec` (attrition parameters).

    Returns:
        dict of (B, J) arrays: deliveries, backlog, inventory, lost (cancelled orders), wait (quarters).
    """
    demand = backlog + orders
    available = inventory + production
    deliveries = np.minimum(demand, available)
    unfilled = demand - deliveries
    wait = np.minimum(unfilled / np.maximum(deliveries, 1.0), 8.0)
    attrition = np.minimum(market.attrition_max, market.attrition_base + market.attrition_per_wait * wait)
    lost = unfilled * attrition
    return {"deliveries": deliveries, "backlog": unfilled - lost, "inventory": available - deliveries,
            "lost": lost, "wait": wait}
