"""The three AI levels: registered, valid, reproducible, batch-consistent, noise only from streams."""

from dataclasses import fields

import numpy as np
import pytest
from engine_helpers import run_batch

from engine import ai
from engine.ai import easy, hard, normal
from engine.ai.market import market_view, markup_step
from engine.decisions import from_arrays, validate
from engine.game import Game
from engine.pricing import nash_prices
from engine.rng import Streams
from engine.state import StateBuilder


def played(scenario, quarters=3, seed=4):
    game = Game.new(scenario, seed)
    for _ in range(quarters):
        game.play_quarter()
    return game


def assert_same(a, b, rows_a=slice(None), rows_b=slice(None)):
    for f in fields(a):
        x, y = getattr(a, f.name), getattr(b, f.name)
        if x is None and y is None:
            continue
        np.testing.assert_array_equal(x[rows_a], y[rows_b], err_msg=f.name)


def test_levels_are_registered_and_unknown_levels_rejected():
    assert set(ai.LEVELS) == set(ai.POLICIES) == {"easy", "normal", "hard"}
    with pytest.raises(ValueError, match="unknown AI level"):
        ai.policy("insane")


@pytest.mark.parametrize("level", ["easy", "normal", "hard"])
def test_every_level_makes_valid_decisions_for_every_firm(scenario, level):
    game = played(scenario)
    arrays = ai.policy(level)(game.state, Streams(1, 1, prefix=(1,)))
    for firm_id in scenario.firm_ids:
        validate(scenario, firm_id, from_arrays(scenario, arrays, firm_id))
    assert np.all(np.isfinite(arrays.price)) and np.all(arrays.budget >= 0)


@pytest.mark.parametrize("level", ["easy", "hard"])
def test_levels_are_reproducible(scenario, level):
    state = played(scenario).state
    decide = ai.policy(level)
    assert_same(decide(state, Streams(9, 1, prefix=(1,))), decide(state, Streams(9, 1, prefix=(1,))))


def test_easy_noise_comes_from_the_streams(scenario):
    state = played(scenario).state
    a, b = easy.decide(state, Streams(9, 1, prefix=(1,))), easy.decide(state, Streams(10, 1, prefix=(1,)))
    assert not np.array_equal(a.price, b.price) and not np.array_equal(a.budget, b.budget)


def test_hard_looks_ahead_on_futures_drawn_from_the_ai_streams(scenario):
    state = played(scenario).state
    plans = hard.one_at_a_time()[None, :, None, :]
    scores = [hard.evaluate(state, hard._lookahead_streams(state, Streams(seed, 1, prefix=(1,)), 6), [2], plans, 2)
              for seed in (9, 9, 10)]
    np.testing.assert_array_equal(scores[0], scores[1])
    assert not np.array_equal(scores[0], scores[2])


@pytest.mark.parametrize("level", ["easy", "normal"])
def test_future_i_of_a_batch_decides_as_the_single_future(scenario, level):
    batch = run_batch(scenario, 3, 5, 4)[-1][0]
    streams = Streams(2, 5, prefix=(1,))
    together = ai.policy(level)(batch, streams)
    for i in (0, 2, 4):
        alone = ai.policy(level)(batch.future(i), streams.subset([i]))
        assert_same(together, alone, slice(i, i + 1), slice(0, 1))


def test_hard_plans_of_a_batch_equal_single_future_plans(scenario):
    batch = run_batch(scenario, 5, 3, 3)[-1][0]
    streams = Streams(4, 3, prefix=(1,))
    together = hard.choose_plans(batch, streams, [0, 2], horizon=2, futures=4)
    for i in range(3):
        alone = hard.choose_plans(batch.future(i), streams.subset([i]), [0, 2], horizon=2, futures=4)
        np.testing.assert_array_equal(together[:, i], alone[:, 0])


def test_hard_only_changes_the_firms_it_plans_for(scenario):
    state = played(scenario).state
    base = normal.decide(state)
    d = hard.decide(state, Streams(3, 1, prefix=(1,)), firms=[scenario.firm_index("byd")])
    others = [f for f in range(scenario.arrays.n_firms) if f != scenario.firm_index("byd")]
    np.testing.assert_array_equal(d.budget[:, others], base.budget[:, others])
    np.testing.assert_array_equal(d.capacity_order[:, others], base.capacity_order[:, others])


def test_a_hard_firm_plays_the_normal_policy_under_its_chosen_plan(scenario):
    state = played(scenario).state
    streams = Streams(3, 1, prefix=(1,))
    firms = [scenario.firm_index("byd"), scenario.firm_index("nio")]
    d = hard.decide(state, streams, firms=firms)
    plans = hard.choose_plans(state, streams, firms)
    for i, f in enumerate(firms):
        knobs = normal.neutral_knobs(1, scenario.arrays.n_firms)
        for k, name in enumerate(normal.KNOBS):
            knobs[name][0, f] = plans[i, 0, k]
        alone = normal.decide(state, knobs=knobs)
        mine = scenario.arrays.owner == f
        np.testing.assert_array_equal(d.price[:, mine], alone.price[:, mine])
        np.testing.assert_array_equal(d.budget[:, f], alone.budget[:, f])
        np.testing.assert_array_equal(d.finance[:, f], alone.finance[:, f])


def iterate(view, prices, steps):
    for _ in range(steps):
        prices = markup_step(view, prices)
    return prices


def test_one_markup_step_per_quarter_converges_to_nash_prices(scenario):
    """The normal level's partial adjustment is the Nash fixed-point iteration, one step a quarter."""
    state = played(scenario, 4).state
    b = StateBuilder(scenario, state.layout, 1, base=state.data)
    b["ceiling"] = np.full_like(state.ceiling, 5e6)            # no brand-ceiling kinks
    state = b.finish(state.t)
    a = scenario.arrays
    view = market_view(state, np.zeros((1, a.n_firms)))
    prices = iterate(view, state.price, 60)
    on = view.on_sale[0] > 0
    delta = np.where(np.isfinite(view.delta), view.delta, 0.0).transpose(2, 0, 1)
    alpha = view.alpha.transpose(2, 0, 1)
    nash = nash_prices(delta + alpha * view.subsidy[:, None, :], alpha, view.unit_cost, a.owner,
                       view.weights.T, available=view.on_sale)
    np.testing.assert_allclose(prices[0, on], nash[0, on], rtol=1e-9)
    # a single step already closes most of the gap from last quarter's prices
    first = markup_step(view, state.price)
    assert np.abs(first - nash)[0, on].sum() < 0.3 * np.abs(state.price - nash)[0, on].sum()


def test_markup_steps_settle_at_the_brand_ceiling_kink_without_cycling(scenario):
    state = played(scenario, 4).state
    view = market_view(state, np.zeros((1, scenario.arrays.n_firms)))
    prices = iterate(view, state.price, 60)
    np.testing.assert_allclose(markup_step(view, prices), prices, rtol=1e-9)
    at_kink = np.isclose(prices, view.ceiling, rtol=1e-12) & (view.on_sale > 0)
    assert at_kink.any()      # some model is best priced right at its brand's credible price


def test_easy_plans_production_from_last_quarters_orders_and_normal_from_its_forecast(scenario):
    """Easy looks back (last quarter's orders); normal looks ahead (the demand model at its prices)."""
    state = played(scenario, 4).state
    b = StateBuilder(scenario, state.layout, 1, base=state.data)
    b["orders_last"] = state.orders_last * 1.5
    boosted = b.finish(state.t)
    on = (state.launched[0] > 0) & (state.orders_last[0] > 1000)
    assert np.all(easy.decide(boosted).production[0, on] > easy.decide(state).production[0, on])
    np.testing.assert_array_equal(normal.decide(boosted).production, normal.decide(state).production)
