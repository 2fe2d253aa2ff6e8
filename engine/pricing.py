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
LAM_FLOOR = np.finfo(float).tiny   # smallest normal float64: the least Lambda (1/CNY) zeta divides by


def _shares(delta, alpha, prices, available):
    u = delta - alpha * prices[..., None, :]
    top = np.maximum(u.max(axis=-1, keepdims=True), 0.0)
    e = np.exp(u - top) * available[..., None, :]
    return e / (np.exp(-top) + e.sum(axis=-1, keepdims=True))


def group_by_firm(owner):
    """Block structure of products grouped by firm.

    Args:
        owner: (J,) firm index of each product.

    Returns:
        ``(order, starts, firm_of)``: the stable permutation grouping products by firm (``None``
        when they already are), the first position of each firm's block (F,) and the block
        index of each grouped product (J,).
    """
    owner = np.asarray(owner)
    if owner.ndim != 1:
        raise ValueError("owner must be one firm index per product, shape (J,)")
    order = None if np.all(owner[1:] >= owner[:-1]) else np.argsort(owner, kind="stable")
    grouped = owner if order is None else owner[order]
    change = np.r_[True, grouped[1:] != grouped[:-1]]
    return order, np.flatnonzero(change), np.cumsum(change) - 1


class MarkupKernel:
    """Repeated evaluations of the zeta map for a batch of M markets.

    Arrays are batch-last, (K, J, M), with products grouped by firm, so every sum over types,
    products or a firm's block adds contiguous slabs of M values: fast, and each market's result
    is the same whatever batch it sits in. Unavailable products carry utility ``-inf`` (share
    exactly zero).

    Args:
        delta: (K, J, M) utility excluding price, ``-inf`` for unavailable products.
        alpha: (K, J, M) positive price coefficients.
        cost: (J, M) marginal costs; weights: (K, M) type weights; on: (J, M) bool, on sale.
        starts: (F,) first product of each firm block; firm_of: (J,) block of each product.
    """

    def __init__(self, delta, alpha, cost, weights, on, starts, firm_of):
        self.delta, self.alpha, self.cost, self.weights, self.on = delta, alpha, cost, weights, on
        self.firm_of = firm_of
        self.blocks = block_index(starts, cost.shape[0])

    @staticmethod
    def from_markets(delta, alpha, cost, weights, available, starts, firm_of) -> "MarkupKernel":
        """A kernel from arrays in market-first layout: (M, K, J), (M, J), (M, K), (M, J)."""
        on = np.asarray(available) > 0
        masked = np.where(on[:, None, :], delta, -np.inf)
        return MarkupKernel(_batch_last(masked), _batch_last(alpha), np.ascontiguousarray(cost.T),
                            np.ascontiguousarray(weights.T), np.ascontiguousarray(on.T), starts, firm_of)

    def subset(self, rows) -> "MarkupKernel":
        """The kernel restricted to markets ``rows`` (a copy)."""
        k = object.__new__(MarkupKernel)
        k.firm_of, k.blocks = self.firm_of, self.blocks
        for name in ("delta", "alpha", "cost", "weights", "on"):
            setattr(k, name, np.ascontiguousarray(getattr(self, name)[..., rows]))
        return k

    def evaluate(self, prices):
        """The zeta map at ``prices`` (J, M), batch-last.

        Returns:
            ``(zeta, shares, weighted, slope)``: zeta (J, M) in price units (0 for unavailable
            products and for products nobody buys), market shares ``sum_k w_k s_kj`` (J, M), ``w_k s_kj`` (K, J, M) and
            ``Lambda = sum_k w_k alpha_kj s_kj`` (J, M), the shares' fall per unit of own price
            (ignoring the own-share term).
        """
        K, J, M = self.alpha.shape
        padded = np.empty((K, J + 1, M))       # product J stays 0: the padding of firm blocks
        padded[:, J] = 0.0
        e = np.multiply(self.alpha, prices[None], out=padded[:, :J])
        np.subtract(self.delta, e, out=e)
        top = np.maximum(e.max(axis=1), 0.0)                                          # (K, M)
        e -= top[:, None, :]
        np.exp(e, out=e)                                                             # exp(u_kj - top_k)
        denom = batch_sum(e, 1)
        denom += np.exp(-top)                                                        # (K, M)
        ws = e * (self.weights / denom)[:, None, :]                                  # w_k s_kj
        share = batch_sum(ws, 0)
        was = ws * self.alpha                                                        # w_k alpha_kj s_kj
        lam = batch_sum(was, 0)
        e *= (prices - self.cost)[None]
        firm_total = batch_sum(np.take(padded, self.blocks, axis=1), 2)              # (K, F, M), times denom
        firm_total /= denom[:, None, :]
        np.multiply(was, np.take(firm_total, self.firm_of, axis=1), out=was)
        inner = batch_sum(was, 0)
        inner += share
        # A product nobody buys (every w_k s_kj zero or underflowed) has inner = 0 and lam = 0:
        # dividing by at least the smallest normal float gives it markup 0 instead of 0/0 = NaN.
        # Any lam of a product with demand is far above LAM_FLOOR, so those results are unchanged.
        z = np.divide(inner, np.maximum(lam, LAM_FLOOR), out=np.zeros_like(inner), where=self.on)
        return z, share, ws, lam


def batch_sum(x, axis: int):
    """Sum batch-last ``x`` (..., M) over ``axis`` adding whole slabs in order, whatever M is.

    With M >= 2 numpy adds the slabs one after another; with M == 1 the summed axis would become
    the innermost loop and numpy would switch to pairwise summation, rounding differently. A
    single market is therefore summed as two copies, so a market gives the same bits alone and
    in a batch.
    """
    if x.shape[-1] == 1:
        return np.repeat(x, 2, axis=-1).sum(axis=axis)[..., :1]
    return x.sum(axis=axis)


def block_index(starts, n):
    """(F, largest block) indices of each firm's products, padded with ``n`` (a zero product)."""
    ends = np.r_[starts[1:], n]
    width = int((ends - starts).max())
    offset = np.arange(width)
    return np.where(offset < (ends - starts)[:, None], starts[:, None] + offset, n)


def _batch_last(x):
    """(M, ...) -> contiguous (..., M)."""
    return np.ascontiguousarray(np.moveaxis(x, 0, -1))


def _flat(x, tail):
    return np.ascontiguousarray(x).reshape((-1,) + tail)


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
        owner: (J,) firm index of each product.
        weights: (..., K) type weights (default equal).
        p0: optional starting prices (..., J) (warm start); default ``cost + 1/mean alpha``.
        available: optional (..., J) 0/1 mask of products on sale; others get ``price = cost``.
        tol: stop when every market's largest relative price change is below ``tol``.
        max_iter: iteration cap; with ``return_iterations`` the count used is returned. A small
            cap gives a partial adjustment towards the equilibrium from ``p0``.
        return_iterations: also return the number of iterations of the slowest market.

    Returns:
        Prices (..., J) in the units of ``cost``; leading axes are independent markets (each
        market's result does not depend on the others in the batch).
        With ``return_iterations=True``: ``(prices, iterations)``.
    """
    delta, alpha, cost, _, weights, avail = _prepare(delta, alpha, cost, owner, weights, available)
    order, starts, firm_of = group_by_firm(owner)
    if order is not None:
        delta, alpha, cost, avail = delta[..., order], alpha[..., order], cost[..., order], avail[..., order]
    if p0 is None:
        mean_alpha = (weights[..., :, None] * alpha).sum(axis=-2) / weights.sum(axis=-1, keepdims=True)
        prices = cost + 1.0 / mean_alpha
    else:
        prices = np.broadcast_to(np.asarray(p0, dtype=float), cost.shape)
        prices = prices if order is None else prices[..., order]
    lead = cost.shape[:-1]
    K, J = delta.shape[-2:]
    c_f, av_f = _flat(cost, (J,)), _flat(avail, (J,))
    p_f = np.array(_flat(prices, (J,)), dtype=float)
    kernel = MarkupKernel.from_markets(_flat(delta, (K, J)), _flat(alpha, (K, J)), c_f, _flat(weights, (K,)), av_f,
                                       starts, firm_of)
    # iterate until each market converges; converged markets are frozen (never updated again)
    # and dropped from the work set once they are half of it
    rows = np.arange(p_f.shape[0])          # markets in the work set
    live = np.ones(rows.size, dtype=bool)   # which of them still iterate
    work, p_w = kernel, np.ascontiguousarray(p_f.T)
    it = 0
    for it in range(1, max_iter + 1):
        z = work.evaluate(p_w)[0]
        new = work.cost + z
        change = (np.abs(new - p_w) / np.maximum(np.abs(new), 1e-300)).max(axis=0)
        p_w = np.where(live, new, p_w)
        live &= change > tol
        if not live.any():
            break
        if live.sum() * 2 <= live.size:
            p_f[rows] = p_w.T
            keep = np.flatnonzero(live)
            rows, work, p_w, live = rows[keep], work.subset(keep), np.ascontiguousarray(p_w[:, keep]), live[keep]
    p_f[rows] = p_w.T
    prices = p_f.reshape(lead + (J,))
    if order is not None:
        back = np.argsort(order)
        prices, cost, avail = prices[..., back], cost[..., back], avail[..., back]
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
