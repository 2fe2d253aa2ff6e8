"""Driver decomposition of a quarter's change in orders and operating profit (engine.drivers)."""

import numpy as np
import pytest

from engine.drivers import DRIVERS, METRICS, explain_change, metrics_of, quarter_drivers, record_inputs
from engine.game import Game


@pytest.fixture(scope="module")
def game(scenario):
    """A game of six quarters: the player follows the advisor, rivals play normal AI."""
    g = Game.new(scenario, 11, human=(scenario.info.player,))
    for _ in range(6):
        g.play_quarter({scenario.info.player: g.suggest(scenario.info.player)})
    return g


def test_first_quarter_has_nothing_to_compare_with(game):
    assert quarter_drivers(game, game.scenario.info.player, 0) is None


@pytest.mark.parametrize("index", [1, 3, 5])
def test_contributions_add_up_to_the_reported_change(game, index):
    for firm_id in game.scenario.firm_ids:
        result = quarter_drivers(game, firm_id, index)
        assert set(result) == set(METRICS)
        for metric, b in result.items():
            reports = [game.records[index - 1].report, game.records[index].report]
            f = game.scenario.firm_index(firm_id)
            assert b.before == pytest.approx(reports[0].firm[metric][0, f])
            assert b.after == pytest.approx(reports[1].firm[metric][0, f])
            assert set(b.contributions) == set(DRIVERS)
            assert sum(b.contributions.values()) + b.other == pytest.approx(b.change, abs=1e-6 * max(abs(b.before), 1))
            # the re-evaluation reproduces the engine's accounts: nothing is left unexplained
            assert abs(b.other) <= 1e-6 * max(abs(b.before), abs(b.after), 1.0), (firm_id, metric, b.other)


def test_orders_do_not_depend_on_costs_or_spending(game):
    b = quarter_drivers(game, game.scenario.info.player, 4)["orders"]
    assert b.contributions["costs"] == 0.0
    assert b.contributions["spending"] == 0.0


def _inputs_pair(game, t):
    x = record_inputs(game.scenario, game.states[t], game.records[t])
    return x, {k: (dict(v) if k == "actual" else np.array(v, copy=True)) for k, v in x.items()}


def _set_actual(scenario, x):
    x["actual"] = metrics_of(scenario, x)


@pytest.mark.parametrize("driver, field, factor, sign", [
    ("own_price", "price", 1.10, -1),
    ("rival_prices", "price", 1.10, +1),
    ("brand", "brand", 1.30, +1),
    ("market", "buyers", 1.05, +1),
])
def test_a_single_changed_driver_explains_the_whole_change(game, driver, field, factor, sign):
    sc = game.scenario
    player = sc.info.player
    before, after = _inputs_pair(game, 3)
    own = sc.arrays.owner == sc.firm_index(player)
    if field == "price":
        mask = own if driver == "own_price" else ~own
        after["price"] = np.where(mask, before["price"] * factor, before["price"])
    elif field == "brand":
        mine = np.arange(sc.arrays.n_firms) == sc.firm_index(player)
        after["brand"] = np.where(mine, before["brand"] * factor, before["brand"])  # only the player's brand
    else:
        after[field] = before[field] * factor
    _set_actual(sc, before)
    _set_actual(sc, after)
    b = explain_change(sc, player, before, after, "test")["orders"]
    assert np.sign(b.change) == sign
    assert b.contributions[driver] == pytest.approx(b.change, rel=1e-9)
    for other in DRIVERS:
        if other != driver:
            assert b.contributions[other] == pytest.approx(0.0, abs=1e-9 * abs(b.change))


def test_reversing_the_quarters_reverses_every_contribution(game):
    sc = game.scenario
    x3 = record_inputs(sc, game.states[3], game.records[3])
    x4 = record_inputs(sc, game.states[4], game.records[4])
    forward = explain_change(sc, sc.info.player, x3, x4, "f")
    backward = explain_change(sc, sc.info.player, x4, x3, "b")
    for metric in METRICS:
        for name in DRIVERS:
            assert forward[metric].contributions[name] == pytest.approx(-backward[metric].contributions[name],
                                                                        rel=1e-9, abs=1e-6)


def test_ranked_lists_largest_first_without_zeros(game):
    b = quarter_drivers(game, game.scenario.info.player, 2)["operating_profit_cny"]
    ranked = b.ranked()
    sizes = [abs(v) for _, v in ranked]
    assert sizes == sorted(sizes, reverse=True)
    assert all(v != 0 for _, v in ranked)
