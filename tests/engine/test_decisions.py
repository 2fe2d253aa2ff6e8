"""Decisions are validated at the boundary; a bad one changes nothing."""

import math

import pytest

from engine.decisions import FirmDecision, validate
from engine.errors import DecisionError
from engine.game import Game

BAD = [
    (dict(prices={"su7": math.nan}), r"xiaomi\.prices\.su7: must be a finite number"),
    (dict(prices={"su7": -5.0}), r"xiaomi\.prices\.su7: must be between"),
    (dict(prices={"su7": 1e12}), r"xiaomi\.prices\.su7: must be between"),
    (dict(prices={"model-3": 200000.0}), r"xiaomi\.prices\.model-3: xiaomi has no model"),
    (dict(incentives={"su7": 200000.0}, prices={"su7": 200000.0}), r"xiaomi\.incentives\.su7"),
    (dict(production={"su7": math.inf}), r"xiaomi\.production\.su7: must be a finite"),
    (dict(shifts=4), r"xiaomi\.shifts: must be 1, 2 or 3"),
    (dict(marketing_budget=-1.0), r"xiaomi\.marketing_budget: must be between"),
    (dict(autonomy_budget=1e15), r"xiaomi\.autonomy_budget: must be between"),
    (dict(equity_raise=1e9), r"xiaomi\.equity_raise: xiaomi cannot raise equity"),
    (dict(launches=("su7",)), r"xiaomi\.launches: su7 is not a model"),
    (dict(capacity_order=math.nan), r"xiaomi\.capacity_order: must be a finite"),
]


@pytest.mark.parametrize("fields,pattern", BAD)
def test_bad_decision_is_rejected_with_the_field_named(scenario, fields, pattern):
    with pytest.raises(DecisionError, match=pattern):
        validate(scenario, "xiaomi", FirmDecision(**fields))


def test_bad_decision_leaves_the_game_untouched(scenario):
    game = Game.new(scenario, 7, human=("xiaomi",))
    good = game.suggest("xiaomi")
    game.play_quarter({"xiaomi": good})
    before = (game.t, game.state.state_hash(), len(game.records))
    bad = FirmDecision(**{**good.to_dict(), "prices": {"su7": math.nan}, "launches": ()})
    with pytest.raises(DecisionError):
        game.play_quarter({"xiaomi": bad})
    with pytest.raises(DecisionError, match="no decision"):
        game.play_quarter({})
    assert (game.t, game.state.state_hash(), len(game.records)) == before


def test_decision_dict_round_trip(scenario):
    game = Game.new(scenario, 7)
    d = game.suggest("xiaomi")
    assert FirmDecision.from_dict(d.to_dict()) == d


def test_from_dict_rejects_unknown_keys_and_types():
    with pytest.raises(DecisionError, match="decision.pricez: unknown decision"):
        FirmDecision.from_dict({"pricez": {}})
    with pytest.raises(DecisionError, match="decision.shifts"):
        FirmDecision.from_dict({"shifts": "two"})
    with pytest.raises(DecisionError, match="decision.prices.su7: must be a number"):
        FirmDecision.from_dict({"prices": {"su7": "cheap"}})
