"""run_forecast's plan_level: who plays the plan's firm after the first quarter when the plan is not held."""

import numpy as np
import pytest

from engine.ai import easy, normal
from engine.decisions import FirmDecision, to_arrays
from engine.forecast import FORECAST_STREAM, METRICS, run_forecast
from engine.game import Game
from engine.model import advance
from engine.rng import Streams


@pytest.fixture(scope="module")
def game(scenario):
    g = Game.new(scenario, 5, human=(scenario.info.player,), level="easy")
    g.play_quarter({scenario.info.player: g.suggest(scenario.info.player)})
    return g


def test_the_plans_firm_follows_plan_level_after_the_first_quarter(game):
    """Against easy rivals, the player's firm plays the normal AI (the advisor) from the second quarter."""
    sc, state, n = game.scenario, game.state, 8
    player = sc.info.player
    draft = game.suggest(player)
    fc = run_forecast(state, 5, n, 3, plan={player: draft}, level="easy", plan_level="normal", chunk=n)
    streams = Streams(5, n, prefix=(FORECAST_STREAM, state.t, 0))
    ai_streams = Streams(5, n, prefix=(FORECAST_STREAM, state.t, 0, 1))
    held = to_arrays(sc, {f: draft if f == player else FirmDecision() for f in sc.firm_ids}, state).repeat(n)
    p, owner = sc.firm_index(player), sc.arrays.owner
    batch = state.repeat(n)
    for q in range(3):
        decisions = easy.decide(batch, ai_streams)
        decisions = decisions.with_firm(p, held if q == 0 else normal.decide(batch), owner)
        batch, report = advance(batch, decisions, streams)
        for m in METRICS:
            np.testing.assert_array_equal(fc.values[m][q], report.firm[m], err_msg=f"{m} in quarter {q}")


def test_plan_level_changes_nothing_when_it_is_the_level_or_the_plan_is_held(game):
    sc, state = game.scenario, game.state
    plan = {sc.info.player: game.suggest(sc.info.player)}
    same = run_forecast(state, 5, 6, 2, plan=plan, level="easy")
    held = run_forecast(state, 5, 6, 2, plan=plan, level="easy", hold_plan=True)
    for base, other in ((same, run_forecast(state, 5, 6, 2, plan=plan, level="easy", plan_level="easy")),
                        (held, run_forecast(state, 5, 6, 2, plan=plan, level="easy", plan_level="normal", hold_plan=True))):
        for m in METRICS:
            np.testing.assert_array_equal(base.values[m], other.values[m], err_msg=m)
    advised = run_forecast(state, 5, 6, 2, plan=plan, level="easy", plan_level="normal")
    assert not np.array_equal(same.values["revenue_cny"][1], advised.values["revenue_cny"][1])
