"""Same scenario + seed + decisions => identical results; batches equal single runs."""

import re

import numpy as np
import pytest

from engine.game import Game
from engine_helpers import run_batch


def hashes(game_or_records):
    return [r.state_hash for r in game_or_records.records]


def play(scenario, seed, quarters=6):
    game = Game.new(scenario, seed)
    for _ in range(quarters):
        game.play_quarter()
    return game


def test_same_seed_gives_identical_hashes(scenario):
    assert hashes(play(scenario, 7)) == hashes(play(scenario, 7))


def test_different_seeds_give_different_hashes(scenario):
    a, b = hashes(play(scenario, 7)), hashes(play(scenario, 8))
    assert all(x != y for x, y in zip(a, b))


def test_state_hash_changes_every_quarter(scenario):
    h = hashes(play(scenario, 3))
    assert len(set(h)) == len(h)


def test_future_i_of_a_batch_equals_the_single_run_with_stream_i(scenario):
    batch = run_batch(scenario, 11, 5, 6)
    for i in (0, 3, 4):
        single = run_batch(scenario, 11, [i], 6)
        for (bstate, breport), (sstate, sreport) in zip(batch, single):
            assert bstate.state_hash(i) == sstate.state_hash(0)
            np.testing.assert_array_equal(breport.firm["cash_cny"][i], sreport.firm["cash_cny"][0])


def test_futures_of_a_batch_differ(scenario):
    batch = run_batch(scenario, 11, 4, 3)
    last = batch[-1][0]
    assert len({last.state_hash(i) for i in range(4)}) == 4


def test_game_replay_from_log_reproduces_hashes(scenario):
    game = play(scenario, 5, 5)
    again = Game.new(scenario, 5)
    for rec in game.records:
        again.replay_quarter(rec.decisions, rec.injected)
    assert hashes(again) == hashes(game)


def test_state_is_read_only(scenario):
    game = play(scenario, 1, 1)
    cash = game.state.cash
    try:
        cash[0, 0] = 1.0
    except ValueError:
        return
    raise AssertionError("state arrays must be read-only")


@pytest.mark.parametrize("seed,shown", [(-1, "-1"), (2**63, "9.22337e+18"), (10**300, "1e+300"), (1.5, "1.5"),
                                        (True, "True")])
def test_a_game_refuses_a_seed_outside_0_to_2_63_minus_1(scenario, seed, shown):
    from engine.errors import ClosedLoopError

    with pytest.raises(ClosedLoopError, match=rf"^seed {re.escape(shown)}: must be a whole number from 0 to "
                                              r"9223372036854775807 \(2\*\*63-1\)$"):
        Game(scenario, seed, {})
