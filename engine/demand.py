"""Mixed-logit demand with an outside good (DESIGN section 2, "Demand").

Utility of model j for consumer type k (logit units):

    u_kj = xi_j + taste_kj + beta_k * A_f + gamma_k * brand_f + eta_k * integration_f * [k lives in f's ecosystem]
           + bundle and charging terms - wait_penalty * wait_j
           - alpha_k * (1 + price_sensitivity_f) * (price_j - incentive_j - subsidy_f)
           - kappa_k * max(0, price_j - ceiling_f)

The outside good (ICE cars, unmodelled brands, not buying) has utility 0, so
``s_kj = exp(u_kj) / (1 + sum_l exp(u_kl))`` and orders are ``M_t * sum_k w_k s_kj``.
"""

import numpy as np

MAX_WAIT_QUARTERS = 4.0


def market_size(market, a, t: int, start_quarter: int) -> float:
    """Potential buyers in quarter offset ``t`` (buyers/quarter): trend times seasonality."""
    return market.potential_buyers * (1.0 + market.growth_per_quarter) ** t * a.seasonality[(start_quarter + t) % 4]


def type_weights(a, eco_users: np.ndarray) -> np.ndarray:
    """Return (B, K) type weights; ecosystem types scale with their ecosystem's users."""
    ratio = eco_users / np.maximum(a.eco_users0, 1e-9)
    eco = a.type_eco.astype(int)
    scale = np.where(eco >= 0, ratio[:, np.maximum(eco, 0)], 1.0)
    return a.type_weight * scale


def sold_autonomy(autonomy: np.ndarray, cap: np.ndarray, regulation: np.ndarray, base_cap: float) -> np.ndarray:
    """Autonomy level a firm may sell and market: its capability within the regulatory ceiling (B, F)."""
    return np.minimum(np.minimum(autonomy, cap), np.clip(base_cap + regulation, 0.0, 5.0))


def expected_wait(backlog: np.ndarray, deliveries_last: np.ndarray) -> np.ndarray:
    """Public delivery wait in quarters (B, J): backlog over last quarter's deliveries, capped."""
    return np.minimum(backlog / np.maximum(deliveries_last, 1.0), MAX_WAIT_QUARTERS)


def base_utility(a, mp, market, brand, sold_level, integration, charging, bundle, wait) -> np.ndarray:
    """Utility excluding the price terms, (B, K, J).

    Args:
        a: scenario arrays; mp: :class:`ModelParams`; market: :class:`MarketSpec`.
        brand, sold_level, integration, charging (CNY stock), bundle (CNY/car): (B, F).
        wait: (B, J) expected wait in quarters.
    """
    own = a.owner
    charge = market.charging_effect * (1.0 - np.exp(-charging / market.charging_scale_cny))
    product = a.quality + charge[:, own] - market.wait_penalty * wait
    u = a.type_autonomy[None, :, None] * sold_level[:, None, own]             # built in place: (B, K, J)
    u += a.type_brand[None, :, None] * brand[:, None, own]
    eco_types = np.flatnonzero(a.type_eco >= 0)
    if eco_types.size:  # only ecosystem households value integration and bundles
        eco = (a.type_ecosystem[eco_types, None] * integration[:, None, own]
               + mp.bundle_utility * (bundle[:, None, own] / 1e4))
        u[:, eco_types, :] += a.eco_match[eco_types][:, own] * eco
    u += a.taste[None]
    u += product[:, None, :]
    return u


def price_coefficients(a, sensitivity: np.ndarray) -> np.ndarray:
    """Return (B, K, J) price coefficients alpha_k * sensitivity_j (see :func:`utility_inputs`)."""
    return a.type_alpha[None, :, None] * sensitivity[:, None, :]


def choice_shares(delta, alpha, price_paid, excess, premium, available):
    """Logit shares with an outside good of utility 0.

    Args:
        delta: (B, K, J) utility excluding price.
        alpha: (K,) price coefficients (utility per CNY); the price sensitivity of events is
            folded into ``price_paid``.
        price_paid: (B, J) price the buyer pays after incentives and subsidies (CNY).
        excess: (B, J) list price above the brand ceiling (CNY, >= 0).
        premium: (K,) extra utility per CNY above the ceiling.
        available: (B, J) 1 where the model is on sale.

    Returns:
        ``(s, s0)``: shares (B, K, J) and outside-good shares (B, K).
    """
    e = alpha[None, :, None] * price_paid[:, None, :]                    # in place: (B, K, J)
    e += premium[None, :, None] * excess[:, None, :]
    np.subtract(delta, e, out=e)
    np.minimum(e, 200.0, out=e)
    np.exp(e, out=e)
    e *= available[:, None, :]
    denom = 1.0 + e.sum(axis=2)
    return e / denom[..., None], 1.0 / denom


def utility_inputs(state, levers: dict, bundle: np.ndarray):
    """Utility parts a quarter's demand uses, from the state at its start and the active events.

    Shared by the engine and by AI pricing, so both see the same demand model.

    Args:
        state: the state at the start of the quarter.
        levers: active event effects per firm (see :mod:`engine.events`).
        bundle: (B, F) bundle subsidy per car (CNY).

    Returns:
        ``(delta, sensitivity, sold)``: utility excluding price (B, K, J), the event multiplier of
        price sensitivity per model (B, J) (alpha_kj = alpha_k * sensitivity_j), and the autonomy
        level each firm may sell (B, F).
    """
    sc = state.scenario
    a, mp = sc.arrays, sc.model
    sold = sold_autonomy(state.autonomy, levers["autonomy_cap"], levers["regulation"], mp.regulatory_cap)
    wait = expected_wait(state.backlog, state.deliveries_last)
    delta = base_utility(a, mp, sc.market, state.brand, sold, state.integration, state.charging, bundle, wait)
    return delta, 1.0 + levers["price_sensitivity"][:, a.owner], sold
