"""Autonomy capability (0-5), the fleet-data flywheel, and the in-house chip programme.

Levels: 1 driver assistance, 2 highway NOA, 3 city NOA, 4 nationwide end-to-end, 5 L3.
Progress per quarter (levels):

    rate * sqrt(team / reference team) * (1 + flywheel * ln(1 + fleet km / reference km))
         * (1 - level / 5) * lognormal noise  (+ breakthrough, - setback)

The team moves towards what the budget funds (budget / engineer cost) at ``hiring_speed``.
The chip programme succeeds with a hazard that rises with cumulative spend beyond a minimum.
"""

import numpy as np


def team_step(mp, team, budget):
    """Next autonomy team size (engineers), (B, F), given this quarter's budget (CNY)."""
    funded = budget / mp.engineer_cost_cny
    return np.maximum(team + mp.hiring_speed * (funded - team), 0.0)


def progress(mp, level, team, installed_base, z, u):
    """Capability gained this quarter (levels), (B, F).

    Args:
        mp: :class:`ModelParams`.
        level, team, installed_base: (B, F).
        z: (B, F) standard normals (progress noise); u: (B, F) uniforms (breakthrough/setback).
    """
    data = installed_base * mp.km_per_car
    flywheel = 1.0 + mp.flywheel * np.log1p(data / mp.flywheel_reference_km)
    noise = np.exp(mp.autonomy_noise_sd * z - 0.5 * mp.autonomy_noise_sd ** 2)
    gain = mp.autonomy_rate * np.sqrt(team / mp.autonomy_team_reference) * flywheel * (1.0 - level / 5.0) * noise
    jump = np.where(u < mp.breakthrough_prob, mp.breakthrough_size, 0.0)
    jump = jump - np.where(u > 1.0 - mp.setback_prob, mp.setback_size, 0.0)
    return gain + jump * (team > 0)


def chip_step(mp, spend, done, budget, u):
    """Advance the chip programme.

    Args:
        spend: (B, F) cumulative chip spend before this quarter (CNY).
        done: (B, F) 1 once the chip succeeded.
        budget: (B, F) this quarter's chip budget (CNY).
        u: (B, F) uniforms.

    Returns:
        ``(spend, done, success)``: next cumulative spend, done flag, and 1 where it succeeded now.
    """
    new_spend = spend + budget * (1.0 - done)
    hazard = 1.0 - np.exp(-np.maximum(new_spend - mp.chip_min_spend_cny, 0.0) / mp.chip_scale_cny)
    success = (done < 1) & (budget > 0) & (u < hazard)
    return new_spend, np.maximum(done, success), success.astype(float)
