"""Brand equity and the brand price ceiling.

Brand rises with marketing (diminishing returns) and deliveries, decays each quarter, and moves
with events, distress and noise. The ceiling -- the price a brand is credible at -- drifts towards
``floor + per_brand * brand`` and rises when the firm sells well above it (premium success).
"""

import numpy as np


def brand_step(mp, brand, marketing, deliveries, shock, z):
    """Next brand equity (B, F), bounded to [0, 5].

    Args:
        brand: (B, F); marketing: (B, F) CNY this quarter; deliveries: (B, F) units;
        shock: (B, F) event and distress changes; z: (B, F) standard normals.
    """
    gain = (mp.brand_marketing_gain * np.log1p(marketing / mp.brand_marketing_scale_cny)
            + mp.brand_delivery_gain * np.log1p(deliveries / 1e4))
    return np.clip(brand * (1.0 - mp.brand_decay) + gain + shock + mp.brand_noise_sd * z, 0.0, 5.0)


def ceiling_step(mp, ceiling, brand, premium_units, premium_price):
    """Next brand ceiling (CNY), (B, F).

    Args:
        ceiling, brand: (B, F).
        premium_units: (B, F) units delivered above the ceiling this quarter.
        premium_price: (B, F) highest list price among models delivered above the ceiling (CNY).
    """
    target = mp.ceiling_floor_cny + mp.ceiling_per_brand_cny * brand
    success = mp.premium_success_gain * np.minimum(premium_units / 2e4, 1.0) * np.maximum(premium_price - ceiling, 0.0)
    return np.maximum(ceiling + mp.ceiling_speed * (target - ceiling) + success, 1e4)
