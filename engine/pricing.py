"""Multiproduct Bertrand–Nash prices for (mixed) logit demand with an outside good.

Shares for consumer type k: ``s_kj = exp(delta_kj - alpha_kj p_j) / (1 + sum_l exp(delta_kl - alpha_kl p_l))``
and market shares ``s_j = sum_k w_k s_kj``. With ownership matrix ``H`` the first-order conditions
``s + (H * dS/dp') (p - c) = 0`` are solved with the zeta-markup fixed point of Morrow and
Skerlos (2011):

    Lambda_j = sum_k w_k alpha_kj s_kj,    Gamma_jl = sum_k w_k alpha_kl s_kj s_kl,
    p  <-  c + zeta(p),   zeta(p) = Lambda^-1 ( (H * Gamma') (p - c) + s ).

Every leading axis is an independent market; the loop runs until every market has converged.
For plain logit each firm's products share one absolute markup ``1 / (alpha (1 - S_f))``.
"""

import numpy as np

DEFAULT_TOL = 1e-13
DEFAULT_MAX_ITER = 5000


def _shares(delta, alpha, prices, available):
    u = delta - alpha * prices[..., None, :]
    top = np.maximum(u.max(axis=-1, keepdims=True), 0.0)
    e = np.exp(u - top) * available[..., None, :]
    return e / (np.exp(-top) + e.sum(axis=-1, keepdims=True))


def zeta(prices, delta, alpha, cost, owner, starts, weights, available):
    """Return ``(zeta(p), shares)`` for markets of shape (..., J) whose products are grouped by firm.

    ``(H * Gamma')(p - c)_j = sum_k w_k alpha_kj s_kj * sum_{l in firm(j)} s_kl (p_l - c_l)``: the
    inner sum is a per-firm block sum, so the cost is O(K J), not O(K J^2).

    Args:
        prices, cost, available: (..., J); delta, alpha: (..., K, J); weights: (..., K).
        owner: (J,) firm index, non-decreasing; starts: (F,) first product of each firm.

    Returns:
        zeta (..., J) in price units and market shares (..., J).
    """
    s_kj = _shares(delta, alpha, prices, available)
    was = weights[..., :, None] * alpha * s_kj                     # w_k alpha_kj s_kj
    share = (weights[..., :, None] * s_kj).sum(axis=-2)
    lam = was.sum(axis=-2)
    firm_total = np.add.reduceat(s_kj * (prices - cost)[..., None, :], starts, axis=-1)   # (..., K, F)
    inner = (was * firm_total[..., owner]).sum(axis=-2) + share
    safe = np.where(available > 0, lam, 1.0)
    return np.where(available > 0, inner / safe, 0.0), share


def foc_residual(prices, delta, alpha, cost, owner, weights=None):
    """First-order-condition residuals in share units, (..., J): zero at a Nash equilibrium.

    ``r_j = s_j + sum_l H_jl (dS_l/dp_j) (p_l - c_l)``.
    """
    delta, alpha, cost, ownership, weights, available = _prepare(delta, alpha, cost, owner, weights)
    prices = np.asarray(prices, dtype=float)
    s_kj = _shares(delta, alpha, prices, available)
    w = weights[..., :, None]
    share = (w * s_kj).sum(axis=-2)
    lam = (w * alpha * s_kj).sum(axis=-2)
    gamma_t = ((w * alpha * s_kj)[..., :, :, None] * s_kj[..., :, None, :]).sum(axis=-3)
    markup = prices - cost
    return share - lam * markup + ((ownership * gamma_t) * markup[..., None, :]).sum(axis=-1)


def _prepare(delta, alpha, cost, owner, weights, available=None):
    delta = np.asarray(delta, dtype=float)
    cost = np.asarray(cost, dtype=float)
    owner = np.asarray(owner)
    K, J = delta.shape[-2:]
    alpha = np.asarray(alpha, dtype=float)
    alpha_kj = alpha if alpha.shape[-2:] == (K, J) and alpha.ndim == delta.ndim else alpha[..., :, None] * np.ones(J)
    if np.any(alpha_kj <= 0) or not np.all(np.isfinite(alpha_kj)):
        raise ValueError("alpha must be positive and finite")
    if owner.shape[-1] != J or cost.shape[-1] != J:
        raise ValueError("delta, cost and owner must agree on the number of products J")
    weights = np.full(delta.shape[:-1], 1.0 / K) if weights is None else np.asarray(weights, dtype=float)
    ownership = (owner[..., :, None] == owner[..., None, :]).astype(float)
    avail = np.ones(cost.shape) if available is None else np.asarray(available, dtype=float)
    shape = np.broadcast_shapes(delta.shape[:-2], alpha_kj.shape[:-2], cost.shape[:-1], weights.shape[:-1])
    return (np.broadcast_to(delta, shape + (K, J)), np.broadcast_to(alpha_kj, shape + (K, J)),
            np.broadcast_to(cost, shape + (J,)), ownership, np.broadcast_to(weights, shape + (K,)),
            np.broadcast_to(avail, shape + (J,)))


def nash_prices(delta, alpha, cost, owner, weights=None, *, p0=None, available=None,
                tol=DEFAULT_TOL, max_iter=DEFAULT_MAX_ITER, return_iterations=False):
    """Bertrand–Nash prices of a (mixed) logit market with an outside good of utility 0.

    Args:
        delta: (..., K, J) utility excluding price of product j for consumer type k.
        alpha: (..., K) positive price coefficients (utility per price unit); (..., K, J) for
            product-specific coefficients is accepted as an extension.
        cost: (..., J) marginal costs.
        owner: (J,) firm index of each product (or (..., J)).
        weights: (..., K) type weights (default equal).
        p0: optional starting prices (..., J) (warm start); default ``cost + 1/mean alpha``.
        available: optional (..., J) 0/1 mask of products on sale; others get ``price = cost``.
        tol: stop when every market's largest relative price change is below ``tol``.
        max_iter: iteration cap; with ``return_iterations`` the count used is returned.

    Returns:
        Prices (..., J) in the units of ``cost``; leading axes are independent markets.
        With ``return_iterations=True``: ``(prices, iterations)``.
    """
    delta, alpha, cost, _, weights, avail = _prepare(delta, alpha, cost, owner, weights, available)
    owner = np.asarray(owner)
    if owner.ndim != 1:
        raise ValueError("owner must be one firm index per product, shape (J,)")
    # group products by firm so firm sums are contiguous blocks; undo the order at the end
    order = np.argsort(owner, kind="stable")
    back = np.argsort(order)
    grouped = owner[order]
    starts = np.flatnonzero(np.r_[True, grouped[1:] != grouped[:-1]])
    firm_of = np.cumsum(np.r_[False, grouped[1:] != grouped[:-1]])
    delta, alpha, cost, avail = delta[..., order], alpha[..., order], cost[..., order], avail[..., order]
    if p0 is None:
        mean_alpha = (weights[..., :, None] * alpha).sum(axis=-2) / weights.sum(axis=-1, keepdims=True)
        prices = cost + 1.0 / mean_alpha
    else:
        prices = np.array(np.broadcast_to(p0, cost.shape), dtype=float)[..., order]
    # iterate only the markets that have not converged yet (flattened leading axes)
    lead = cost.shape[:-1]
    K, J = delta.shape[-2:]
    flat = lambda x, tail: np.ascontiguousarray(x).reshape((-1,) + tail)  # noqa: E731
    d_f, a_f, c_f = flat(delta, (K, J)), flat(alpha, (K, J)), flat(cost, (J,))
    w_f, av_f, p_f = flat(weights, (K,)), flat(avail, (J,)), flat(prices, (J,)).copy()
    active = np.arange(p_f.shape[0])
    it = 0
    for it in range(1, max_iter + 1):
        z, _ = zeta(p_f[active], d_f[active], a_f[active], c_f[active], firm_of, starts, w_f[active], av_f[active])
        new = c_f[active] + z
        change = (np.abs(new - p_f[active]) / np.maximum(np.abs(new), 1e-300)).max(axis=-1)
        p_f[active] = new
        active = active[change > tol]
        if active.size == 0:
            break
    prices = p_f.reshape(lead + (J,))[..., back]
    cost, avail = cost[..., back], avail[..., back]
    prices = np.where(avail > 0, prices, cost)
    return (prices, it) if return_iterations else prices


def nash_prices_capacity(delta, alpha, cost, owner, capacity, market_size, weights=None, *,
                         firm_capacity=True, tol=1e-10, max_outer=200, **kwargs):
    """Bertrand–Nash prices when output is capped: the shadow cost of capacity.

    Each firm's capacity constraint ``market_size * sum_{j in f} s_j <= capacity_f`` enters as a
    shadow cost ``lambda_f >= 0`` added to the marginal cost of its products, with complementary
    slackness. ``lambda`` is found by damped Newton steps on each constrained firm's log output.

    Args:
        delta, alpha, cost, owner, weights: as :func:`nash_prices`.
        capacity: (..., F) output caps per firm (units), or (..., J) per product with
            ``firm_capacity=False``.
        market_size: scalar or (...,) potential buyers.

    Returns:
        ``(prices, shadow)``: prices (..., J) and the shadow cost per product (..., J).
    """
    delta_b, alpha_b, cost_b, ownership, weights_b, avail = _prepare(delta, alpha, cost, owner, weights)
    owner = np.asarray(owner)
    J = cost_b.shape[-1]
    groups = owner if firm_capacity else np.arange(J)
    n_groups = int(groups.max()) + 1
    member = (groups[None, :] == np.arange(n_groups)[:, None]).astype(float)       # (G, J)
    cap = np.asarray(capacity, dtype=float)
    size = np.asarray(market_size, dtype=float)[..., None]
    shadow_g = np.zeros(cost_b.shape[:-1] + (n_groups,))
    prices = nash_prices(delta_b, alpha_b, cost_b, owner, weights_b, tol=tol)
    for _ in range(max_outer):
        shadow = (shadow_g[..., :, None] * member).sum(axis=-2)
        prices = nash_prices(delta_b, alpha_b, cost_b + shadow, owner, weights_b, p0=prices, tol=tol, **kwargs)
        s_kj = _shares(delta_b, alpha_b, prices, avail)
        share = (weights_b[..., :, None] * s_kj).sum(axis=-2)
        output = size * (share[..., None, :] * member).sum(axis=-1)                  # (..., G)
        # d log(output)/d lambda ~ -(own-price semi-elasticity) * pass-through (~1)
        lam = (weights_b[..., :, None] * alpha_b * s_kj * (1.0 - s_kj)).sum(axis=-2)  # (..., J)
        slope = (lam[..., None, :] * member).sum(axis=-1) / np.maximum((share[..., None, :] * member).sum(axis=-1), 1e-300)
        step = (np.log(np.maximum(output, 1e-300)) - np.log(np.maximum(cap, 1e-300))) / np.maximum(slope, 1e-300)
        new_shadow = np.maximum(shadow_g + 0.8 * step, 0.0)
        if np.all(np.abs(new_shadow - shadow_g) <= tol * np.maximum(np.abs(prices).max(), 1.0)):
            shadow_g = new_shadow
            break
        shadow_g = new_shadow
    shadow = (shadow_g[..., :, None] * member).sum(axis=-2)
    prices = nash_prices(delta_b, alpha_b, cost_b + shadow, owner, weights_b, p0=prices, tol=tol, **kwargs)
    return prices, shadow
