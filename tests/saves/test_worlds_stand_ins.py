"""Luck versus skill after a hard campaign: hard rivals stand in as normal, the player is never planned for."""

import pytest

from engine import ai
from engine.errors import ClosedLoopError
from engine.game import Game
from engine.saves import play_worlds


@pytest.fixture(scope="module")
def hard_game(scenario):
    """Two quarters of the player (on the advisor's plan) against hard rivals."""
    game = Game.new(scenario, 5, human=(scenario.info.player,), level="hard")
    for _ in range(2):
        game.play_quarter({scenario.info.player: game.suggest(scenario.info.player)})
    return game


@pytest.fixture
def hard_calls(monkeypatch):
    """Every call of the hard policy: (firms it plans for, futures)."""
    calls = []
    real = ai.POLICIES["hard"]

    def spy(state, streams=None, firms=None):
        calls.append((None if firms is None else list(firms), state.futures))
        return real(state, streams, firms)

    monkeypatch.setitem(ai.POLICIES, "hard", spy)
    return calls


def test_hard_rivals_are_played_by_the_normal_ai_in_the_other_worlds(hard_game, hard_calls):
    result = play_worlds(hard_game, worlds=6)
    assert hard_calls == [], "no look-ahead in the replayed worlds"
    assert result.stood_in == {"hard": "normal"} and result.fixed_firms == (hard_game.scenario.info.player,)
    assert len(set(result.final_hashes)) == 6


def test_without_stand_ins_the_hard_ai_never_plans_for_the_replayed_player(hard_game, hard_calls):
    sc = hard_game.scenario
    actual = play_worlds(hard_game, worlds=1, first=0, stand_ins={})
    assert actual.final_hashes == (hard_game.records[-1].state_hash,)   # world 0 is the game, hard rivals and all
    assert actual.stood_in == {}
    player = sc.firm_index(sc.info.player)
    assert len(hard_calls) == 2
    assert all(firms is not None and player not in firms and len(firms) == len(sc.firm_ids) - 1
               for firms, _ in hard_calls)


def test_a_normal_game_has_no_stand_ins(scenario):
    game = Game.new(scenario, 3, human=(scenario.info.player,))
    game.play_quarter({scenario.info.player: game.suggest(scenario.info.player)})
    assert play_worlds(game, worlds=2).stood_in == {}


def test_a_false_progress_stops_between_quarters(hard_game):
    seen = []

    def progress(done, total):
        seen.append((done, total))
        return False

    with pytest.raises(ClosedLoopError):
        play_worlds(hard_game, worlds=3, progress=progress)
    assert seen == [(1, 2)], "stopped after the first quarter"
