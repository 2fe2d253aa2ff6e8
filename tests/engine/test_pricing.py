"""engine.pricing.nash_prices: first-order conditions, plain-logit closed form, capacity variant."""

import numpy as np
import pytest

from engine.pricing import foc_residual, nash_prices, nash_prices_capacity


def market(seed, B=200, K=3, J=15):
    rng = np.random.default_rng(seed)
    owner = np.repeat(np.arange(7), [3, 2, 2, 2, 2, 2, 2])[:J]
    delta = rng.normal(1.5, 1.0, (B, K, J))
    alpha = rng.uniform(0.4, 2.0, (B, K))
    cost = rng.uniform(0.5, 3.0, (B, J))
    weights = rng.dirichlet([2.0] * K, B)
    return delta, alpha, cost, owner, weights


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_first_order_residuals_below_1e9(seed):
    delta, alpha, cost, owner, weights = market(seed)
    p = nash_prices(delta, alpha, cost, owner, weights)
    assert p.shape == cost.shape
    assert np.abs(foc_residual(p, delta, alpha, cost, owner, weights)).max() < 1e-9
    assert np.all(p > cost)


def test_plain_logit_closed_form_markup():
    rng = np.random.default_rng(5)
    owner = np.array([0, 0, 0, 1, 1, 2, 3, 3])
    delta = rng.normal(0.5, 1.0, (50, 1, 8))
    alpha = rng.uniform(0.5, 2.0, (50, 1))
    cost = rng.uniform(1.0, 2.0, (50, 8))
    p = nash_prices(delta, alpha, cost, owner)
    s = np.exp(delta[:, 0] - alpha * p)
    s = s / (1.0 + s.sum(axis=1, keepdims=True))
    firm_share = np.stack([s[:, owner == f].sum(axis=1) for f in range(4)], axis=1)[:, owner]
    expected = 1.0 / (alpha * (1.0 - firm_share))
    np.testing.assert_allclose(p - cost, expected, rtol=1e-10)


def test_single_product_firms_equal_markups_differ_by_share():
    delta = np.array([[[2.0, 0.0]]])
    p = nash_prices(delta, np.array([[1.0]]), np.array([[1.0, 1.0]]), np.array([0, 1]))
    assert p[0, 0] > p[0, 1]


def test_markets_are_independent_along_leading_axes():
    delta, alpha, cost, owner, weights = market(3, B=20)
    together = nash_prices(delta, alpha, cost, owner, weights)
    alone = np.stack([nash_prices(delta[i], alpha[i], cost[i], owner, weights[i]) for i in range(5)])
    np.testing.assert_allclose(together[:5], alone, rtol=1e-12)


def test_unavailable_products_are_priced_at_cost_and_ignored():
    delta, alpha, cost, owner, weights = market(4, B=10)
    avail = np.ones_like(cost)
    avail[:, 4] = 0
    p = nash_prices(delta, alpha, cost, owner, weights, available=avail)
    np.testing.assert_array_equal(p[:, 4], cost[:, 4])
    keep = np.delete(np.arange(15), 4)
    p2 = nash_prices(delta[..., keep], alpha, cost[:, keep], owner[keep], weights)
    np.testing.assert_allclose(p[:, keep], p2, rtol=1e-10)


def test_rejects_non_positive_alpha():
    delta, alpha, cost, owner, weights = market(0, B=2)
    with pytest.raises(ValueError):
        nash_prices(delta, -alpha, cost, owner, weights)


def test_capacity_constraint_binds_with_positive_shadow_cost():
    delta, alpha, cost, owner, weights = market(6, B=8)
    free = nash_prices(delta, alpha, cost, owner, weights)
    s = np.exp(delta - alpha[..., None] * free[:, None, :])
    shares = (weights[..., None] * s / (1 + s.sum(-1, keepdims=True))).sum(1)
    firm_output = np.stack([shares[:, owner == f].sum(1) for f in range(7)], axis=1)
    cap = firm_output.copy()
    cap[:, 0] *= 0.5                                   # firm 0 is squeezed to half its output
    prices, shadow = nash_prices_capacity(delta, alpha, cost, owner, cap, 1.0, weights)
    s = np.exp(delta - alpha[..., None] * prices[:, None, :])
    shares = (weights[..., None] * s / (1 + s.sum(-1, keepdims=True))).sum(1)
    out0 = shares[:, owner == 0].sum(1)
    np.testing.assert_allclose(out0, cap[:, 0], rtol=1e-6)
    assert np.all(shadow[:, owner == 0] > 0)
    assert np.all(prices[:, owner == 0] > free[:, owner == 0])


def test_capacity_variant_equals_plain_nash_when_slack():
    delta, alpha, cost, owner, weights = market(7, B=4)
    free = nash_prices(delta, alpha, cost, owner, weights)
    prices, shadow = nash_prices_capacity(delta, alpha, cost, owner, np.full((4, 7), 10.0), 1.0, weights)
    assert np.all(shadow == 0)
    np.testing.assert_allclose(prices, free, rtol=1e-10)


def test_no_buyers_at_all_gives_markup_zero_not_nan():
    """Every type weight 0: no product has demand, so every price is its cost (was 0/0 = NaN)."""
    delta, alpha, cost, owner, weights = market(8, B=5)
    prices = nash_prices(delta, alpha, cost, owner, np.zeros_like(weights), p0=2.0 * cost)
    assert np.array_equal(prices, cost)


def test_product_whose_demand_underflows_is_priced_at_cost_and_leaves_the_rest_alone():
    """A product nobody can buy (exp(utility) underflows to 0) behaves like one not on sale."""
    delta, alpha, cost, owner, weights = market(9, B=6)
    delta[:, :, 4] = -800.0                                     # exp(-800 - alpha p) == 0.0
    prices = nash_prices(delta, alpha, cost, owner, weights)
    off = np.ones_like(cost)
    off[:, 4] = 0.0
    without = nash_prices(delta, alpha, cost, owner, weights, available=off)
    assert np.all(np.isfinite(prices))
    assert np.array_equal(prices[:, 4], cost[:, 4])
    np.testing.assert_allclose(prices, without, rtol=1e-12)
