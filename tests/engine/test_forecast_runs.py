"""run_forecast: the same bands for any chunking or worker count, equal to a plain batched run."""

from dataclasses import fields

import numpy as np
import pytest

from engine.ai import normal
from engine.forecast import FORECAST_STREAM, METRICS, ForecastCancelled, run_forecast
from engine.game import Game
from engine.model import advance
from engine.rng import Streams


@pytest.fixture(scope="module")
def game(scenario):
    g = Game.new(scenario, 5)
    g.play_quarter()
    return g


def assert_same_forecast(a, b):
    assert a.quarters == b.quarters
    for m in METRICS:
        np.testing.assert_array_equal(a.values[m], b.values[m], err_msg=m)
    np.testing.assert_array_equal(a.objective_met, b.objective_met)


def test_chunks_and_threads_do_not_change_the_result(game):
    one = run_forecast(game.state, 5, 40, 3, chunk=1000, workers=1)
    many = run_forecast(game.state, 5, 40, 3, chunk=7, workers=2)
    assert_same_forecast(one, many)


def test_a_forecast_is_the_plain_batched_simulation(game):
    """Sharing the first quarter's decision and chunking are optimisations, not approximations."""
    n, quarters = 12, 3
    fc = run_forecast(game.state, 5, n, quarters, chunk=5)
    streams = Streams(5, n, prefix=(FORECAST_STREAM, game.state.t, 0))
    batch = game.state.repeat(n)
    for q in range(quarters):
        batch, report = advance(batch, normal.decide(batch), streams)
        for m in METRICS:
            np.testing.assert_array_equal(fc.values[m][q], report.firm[m], err_msg=f"{m} in quarter {q}")


def test_the_first_quarters_shared_decision_equals_each_futures_own(game):
    alone = normal.decide(game.state).repeat(4)
    each = normal.decide(game.state.repeat(4))
    for f in fields(alone):
        np.testing.assert_array_equal(getattr(alone, f.name), getattr(each, f.name), err_msg=f.name)


def test_easy_rivals_add_their_own_noise_per_future(game):
    a = run_forecast(game.state, 5, 16, 2, level="easy")
    b = run_forecast(game.state, 5, 16, 2, level="easy", chunk=3)
    assert_same_forecast(a, b)
    prices_differ = np.unique(a.values["revenue_cny"][0, :, 1]).size > 1
    assert prices_differ


def test_hard_rivals_forecast_runs_and_orders_bands(game):
    fc = run_forecast(game.state, 5, 8, 2, level="hard")
    bands = fc.bands("cash_cny")
    assert np.all(bands[0] <= bands[1]) and np.all(bands[1] <= bands[2])


def test_progress_reports_chunk_quarters_and_can_cancel(game):
    seen = []
    run_forecast(game.state, 5, 10, 2, chunk=4, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (6, 6) and {t for _, t in seen} == {6}          # 3 chunks x 2 quarters
    assert [d for d, _ in seen] == sorted(set(d for d, _ in seen))      # increasing, no repeats
    with pytest.raises(ForecastCancelled):
        run_forecast(game.state, 5, 10, 1, chunk=4, progress=lambda done, total: False)


def test_bad_sizes_and_levels_are_refused(game):
    from engine.errors import ClosedLoopError

    for kwargs in ({"futures": 0, "quarters": 1}, {"futures": 1, "quarters": 0}):
        with pytest.raises(ClosedLoopError):
            run_forecast(game.state, 5, **kwargs)
    with pytest.raises(ClosedLoopError, match="unknown AI level"):
        run_forecast(game.state, 5, 2, 1, level="insane")
