"""Decisions are validated at the boundary; a bad one changes nothing."""

import math
from dataclasses import replace

import numpy as np
import pytest

from engine import ai
from engine.decisions import FirmDecision, validate
from engine.errors import ClosedLoopError, DecisionError
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
    # huge numbers are shown compactly, not as 300 digits
    (dict(prices={"su7": 1e308}), r"^xiaomi\.prices\.su7: must be between 10,000 and 10,000,000 CNY \(got 1e\+308\)$"),
    (dict(production={"su7": 1e300}), r"^xiaomi\.production\.su7: must be between 0 and 5,000,000 units/quarter \(got 1e\+300\)$"),
    (dict(shifts=10**300), r"^xiaomi\.shifts: must be 1, 2 or 3 \(got 1e\+300\)$"),
    (dict(bundle_subsidy=0.5 + 1e5), r"\(got 100,000\)$"),
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


def _broken_policy(real, firm_col, name, value):
    """The real policy with one entry of one decision array replaced (e.g. a NaN price)."""
    def decide(state, streams=None, firms=None):
        arrays = real(state, streams, firms)
        broken = np.array(getattr(arrays, name), copy=True)
        broken[(0,) + firm_col] = value
        return replace(arrays, **{name: broken})
    return decide


@pytest.mark.parametrize("name,col,value,firm,pattern", [
    ("price", (2,), math.nan, "tesla", r"^tesla\.prices\.model-3: the normal AI decided nan, not a finite number"),
    ("shifts", (2,), math.inf, "byd", r"^byd\.shifts: the normal AI decided inf, not a finite number"),
    ("budget", (0, 5), -math.inf, "xiaomi", r"^xiaomi\.marketing_budget: the normal AI decided -inf"),
])
def test_non_finite_ai_output_is_rejected_where_it_enters_the_game(scenario, monkeypatch, name, col, value, firm,
                                                                    pattern):
    """A NaN from an AI stops with one line naming firm and field, before anything is resolved."""
    assert scenario.model_ids[2] == "model-3" and scenario.firm_ids[2] == "byd"
    monkeypatch.setitem(ai.POLICIES, "normal", _broken_policy(ai.POLICIES["normal"], col, name, value))
    game = Game.new(scenario, 7)
    with pytest.raises(ClosedLoopError, match=pattern) as err:
        game.play_quarter()
    assert "\n" not in str(err.value)
    assert game.t == 0 and len(game.states) == 1 and not game.records
    with pytest.raises(ClosedLoopError, match=pattern):
        game.suggest(firm)


@pytest.mark.parametrize("value,text", [
    (5_192_986.0, "5,192,986"), (0.25, "0.25"), (-1e12, "-1,000,000,000,000"), (1e300, "1e+300"),
    (-1e308, "-1e+308"), (100_001, "100001"), (10**300, "1e+300"), (10**400, "~1e+400"), (math.inf, "inf"), ("abc", "'abc'"),
])
def test_messages_show_numbers_compactly(value, text):
    from engine.errors import shown

    assert shown(value) == text
