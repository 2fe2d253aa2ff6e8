"""Ecosystem: integration level, connected services, cross-sell and the closed-loop ratio.

Integration and services quality move towards 1 with spend and decay without it:
``x' = x (1 - decay) + (1 - x)(1 - exp(-budget / scale))``. Services revenue is the installed base
times an attach rate (rising with integration and autonomy) times ARPU (rising with services
quality). New owners buy devices of the firm's ecosystem (cross-sell), more with a bundle subsidy.
"""

import numpy as np


def toward_full(level, budget, scale, decay):
    """One quarter of an integration-like level in [0, 1] given spend ``budget`` (CNY)."""
    return level * (1.0 - decay) + (1.0 - level) * (1.0 - np.exp(-budget / scale))


def services(mp, installed_base, integration, quality, sold_level, arpu):
    """Connected-services revenue (CNY/quarter) and attach rate, each (B, F).

    Args:
        installed_base: vehicles on the road; integration, quality: levels in [0, 1].
        sold_level: autonomy level sold; arpu: (F,) base revenue per attached car per quarter (CNY).
    """
    attach = np.clip(mp.attach_base + mp.attach_integration * integration + mp.attach_autonomy * sold_level,
                     0.0, mp.attach_max)
    revenue = installed_base * attach * arpu * (1.0 + mp.services_arpu_headroom * quality)
    return revenue, attach


def cross_sell(mp, deliveries, integration, bundle, per_owner):
    """Revenue (CNY/quarter) from ecosystem devices bought by new owners, (B, F).

    Args:
        deliveries: (B, F) new owners; integration: (B, F); bundle: (B, F) subsidy per car (CNY);
        per_owner: (F,) device spend per new owner (CNY), 0 for firms without devices.
    """
    return deliveries * per_owner * (0.5 + integration) * (1.0 + mp.bundle_attach_gain * bundle / 1e4)


def closed_loop_ratio(car_gross_profit, ecosystem_gross_profit):
    """Share of gross profit from ecosystem and services, in [0, 1], (B, F).

    Losses on either side count as zero: a firm losing money on cars with positive services
    profit has a ratio of 1.
    """
    eco = np.maximum(ecosystem_gross_profit, 0.0)
    total = np.maximum(car_gross_profit, 0.0) + eco
    return np.where(total > 0, eco / np.maximum(total, 1e-9), 0.0)
