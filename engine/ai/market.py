"""What an AI sees of the market at the start of a quarter, and the demand model applied to it.

Public information only: every model's current list price, last quarter's orders and
deliveries (hence delivery waits), brands and their price ceilings, sold autonomy levels,
integration, charging networks, the news (events running), the battery index and the scenario's
published specs (from which each model's unit cost is estimated). Nothing here reads a pending
decision: the only inputs are the state at the start of the quarter and the scenario.

Demand arrays are batch-last, (K, J, B), as :class:`engine.pricing.MarkupKernel` wants them.
"""

from dataclasses import dataclass

import numpy as np

from .. import costs, demand, events
from ..pricing import MarkupKernel, batch_sum, block_index, group_by_firm

KINK_TOLERANCE_CNY = 100.0


@dataclass(frozen=True, eq=False)
class MarketView:
    """The market as an AI sees it (B futures, K types, J models, F firms).

    Attributes:
        state: the state at the start of the quarter.
        levers: active event effects per firm, name -> (B, F).
        on_sale: (B, J) 1 where the model can be sold this quarter; launching: (B, J) 1 in its
            first quarter on sale.
        unit_cost: (B, J) estimated variable cost per car (CNY).
        delta: (K, J, B) utility excluding price, ``-inf`` where not on sale.
        alpha: (K, J, B) price coefficients including event price sensitivity (utility/CNY).
        weights: (K, B) consumer type weights.
        buyers: potential buyers this quarter (trend and season, no shock).
        volume: (B, J) orders per unit of market share (buyers x event demand x exports).
        subsidy, ceiling: (B, J) consumer subsidy and the owner's brand ceiling (CNY).
    """

    state: object
    levers: dict
    on_sale: np.ndarray
    launching: np.ndarray
    unit_cost: np.ndarray
    delta: np.ndarray
    alpha: np.ndarray
    weights: np.ndarray
    buyers: float
    volume: np.ndarray
    subsidy: np.ndarray
    ceiling: np.ndarray


def on_sale(state) -> np.ndarray:
    """(B, J) 1 where a model can be sold in quarter ``state.t`` (launched, firm alive)."""
    a = state.scenario.arrays
    t = state.t
    alive = 1.0 - state.exited
    return (((state.launch_at >= 0) & (state.launch_at <= t)) | (state.launched > 0)) * alive[:, a.owner]


def estimated_costs(state, levers: dict | None = None) -> np.ndarray:
    """Unit cost (B, J) of every model, CNY, from published specs, learning and the battery index."""
    sc = state.scenario
    a = sc.arrays
    if levers is None:
        levers = events.current_levers(a, state.event_left, state.event_target, a.n_firms)
    index = costs.battery_index(sc.battery, state.battery_cum, state.lithium)
    return costs.unit_costs(a, sc.model, index, state.cum_output, levers["hw_cost"], state.chip_done)


def market_view(state, bundle: np.ndarray) -> MarketView:
    """Build the :class:`MarketView` of ``state`` with bundle subsidies ``bundle`` (B, F) in CNY/car."""
    sc = state.scenario
    a, mk = sc.arrays, sc.market
    own = a.owner
    levers = events.current_levers(a, state.event_left, state.event_target, a.n_firms)
    sale = on_sale(state)
    unit_cost = estimated_costs(state, levers)
    delta, sensitivity, _ = demand.utility_inputs(state, levers, bundle)
    delta_t = np.ascontiguousarray(delta.transpose(1, 2, 0))
    np.copyto(delta_t, -np.inf, where=(sale.T <= 0)[None])
    alpha_t = a.type_alpha[:, None, None] * sensitivity.T[None]
    weights = np.ascontiguousarray(demand.type_weights(a, state.eco_users).T)
    buyers = demand.market_size(mk, a, state.t, sc.info.start)
    volume = (buyers * np.maximum(1.0 + levers["demand"], 0.0)[:, own]
              * (1.0 + a.firm["export_ratio"][own] * np.clip(1.0 - levers["export_tariff"][:, own], 0.0, 1.0)))
    return MarketView(state, levers, sale, sale * (1.0 - state.launched), unit_cost, delta_t, alpha_t, weights,
                      buyers, volume, levers["subsidy_cny"][:, own], state.ceiling[:, own])


def expected_orders(view: MarketView, prices: np.ndarray) -> np.ndarray:
    """Orders (B, J) the demand model expects at list ``prices`` (B, J), without shocks or hype."""
    a = view.state.scenario.arrays
    paid = np.maximum(prices - view.subsidy, 0.0).T
    excess = np.maximum(prices - view.ceiling, 0.0).T
    u = view.alpha * paid[None]
    u += a.type_premium[:, None, None] * excess[None]
    np.subtract(view.delta, u, out=u)
    top = np.maximum(u.max(axis=1), 0.0)
    u -= top[:, None, :]
    np.exp(u, out=u)
    denom = batch_sum(u, 1) + np.exp(-top)
    u *= (view.weights / denom)[:, None, :]
    return batch_sum(u, 0).T * view.volume


def firm_total(a, x: np.ndarray) -> np.ndarray:
    """Sum a per-model array (B, J) over each firm's models: (B, F), adding models in order."""
    padded = np.concatenate([x, np.zeros((x.shape[0], 1))], axis=1)
    return padded[:, block_index(a.firm_starts, a.n_models)].sum(axis=-1)


def markup_step(view: MarketView, prices: np.ndarray) -> np.ndarray:
    """One step of the zeta-markup map from observed ``prices`` (B, J): ``c + zeta(p)`` (CNY).

    See :func:`markup_and_slope`, which also returns the demand slope.
    """
    return markup_and_slope(view, prices)[0]


def markup_and_slope(view: MarketView, prices: np.ndarray):
    """One zeta-markup step from observed ``prices`` (B, J), and the demand slope there.

    The step is the price each firm's first-order condition asks for given the market shares
    and price elasticities it observes at current prices; iterated, it converges to the
    Bertrand–Nash equilibrium (:func:`engine.pricing.nash_prices`). Subsidies enter as a utility
    shift, so the firm's margin stays ``p - c``. Above the brand ceiling buyers are more price
    sensitive (a kink in demand): a model at or above its ceiling is priced with the steeper
    slope, one below it with the flatter one, and a step that would cross the ceiling stops at
    it -- when the flat side asks for more and the steep side for less, the kink is the best
    price. (Within one rounding step of the ceiling counts as at it.)

    Returns:
        ``(target, slope)``: first-order prices (B, J) in CNY, and each model's orders' relative
        fall per CNY of its price at current prices (B, J).
    """
    a = view.state.scenario.arrays
    above = (prices >= view.ceiling - KINK_TOLERANCE_CNY).T.astype(float)       # (J, B)
    # in prices net of the subsidy the utility is delta - alpha p' (and margins p' - c' = p - c)
    net = view.subsidy.T
    alpha, delta = view.alpha, view.delta
    if above.any():
        kappa = a.type_premium[:, None, None] * above[None]
        delta = delta + kappa * (view.ceiling.T - net)[None]
        alpha = alpha + kappa
    _, starts, firm_of = group_by_firm(a.owner)
    kernel = MarkupKernel(delta, alpha, np.ascontiguousarray(view.unit_cost.T - net), view.weights,
                          np.ascontiguousarray(view.on_sale.T > 0), starts, firm_of)
    z, share, _, lam = kernel.evaluate(np.ascontiguousarray(prices.T - net))
    target = view.unit_cost + z.T
    crossing = np.where(above.T > 0, target < view.ceiling, target > view.ceiling)
    target = np.where(crossing & (view.on_sale > 0), view.ceiling, target)
    return target, (lam / np.maximum(share, 1e-300)).T
