"""Scripted decisions: [[script]] validation, the compiled plan, and the "script" controller."""

import re
from pathlib import Path

import numpy as np
import pytest

from engine import script
from engine.ai import normal
from engine.decisions import BUDGETS, MAX_PRICE_CNY
from engine.errors import ScenarioError
from engine.game import Game
from engine.initial import initial_state
from engine.model import advance
from engine.rng import Streams
from engine.scenario import load_scenario, parse_scenario

ROOT = Path(__file__).resolve().parents[2]
HISTORY = ROOT / "scenarios" / "history-2024.toml"
TEXT = HISTORY.read_text(encoding="utf-8")
FIRST_XIAOMI = TEXT.index('[[script]]\nfirm = "xiaomi"\nquarter = "2024Q1"')


@pytest.fixture(scope="module")
def history():
    return load_scenario(str(HISTORY))


def _first_entry(mutate):
    """Apply ``mutate`` to the text of the first script entry only."""
    end = TEXT.index("\n[[script]]", FIRST_XIAOMI + 1)
    return TEXT[:FIRST_XIAOMI] + mutate(TEXT[FIRST_XIAOMI:end]) + TEXT[end:]


BAD = [
    ("unknown firm", lambda e: e.replace('firm = "xiaomi"', 'firm = "apple"'), r"script\[0\]\.firm: no firm 'apple'"),
    ("rival's model", lambda e: e.replace("su7 = 266_200", "model-3 = 266_200"), r"script\[0\]\.prices\.model-3: xiaomi has no model"),
    ("price range", lambda e: e.replace("su7 = 266_200", "su7 = 5"), r"script\[0\]\.prices\.su7: must be >= 10000"),
    ("shifts range", lambda e: e.replace("shifts = 1", "shifts = 4"), r"script\[0\]\.shifts: must be <= 3"),
    ("quarter outside", lambda e: e.replace('quarter = "2024Q1"', 'quarter = "2031Q1"'), r"script\[0\]\.quarter: is outside"),
    ("bad quarter", lambda e: e.replace('quarter = "2024Q1"', 'quarter = "2024Q9"'), r"script\[0\]\.quarter: .*not a quarter"),
    ("unknown key", lambda e: e.replace("shifts = 1", "shifts = 1\nshift = 2"), r"script\[0\]\.shift: unknown key"),
    ("no source", lambda e: re.sub(r'(?m)^source = .*$', "", e, count=1), r"script\[0\]\.source: missing"),
    ("launch not optional", lambda e: e.replace("shifts = 1", 'shifts = 1\nlaunches = ["su7"]'), r"script\[0\]\.launches: su7 is not an optional model"),
    ("launched twice", lambda e: e.replace("shifts = 1", 'shifts = 1\nlaunches = ["yu7"]'), r"script\[1\]\.launches: yu7 is already launched by script\[0\]"),
    ("discontinue rival", lambda e: e.replace("shifts = 1", 'shifts = 1\ndiscontinue = ["byd-qin"]'), r"script\[0\]\.discontinue: xiaomi has no model"),
    ("budget type", lambda e: e.replace("marketing_budget = 0.45e9", 'marketing_budget = "lots"'), r"script\[0\]\.marketing_budget: must be a number"),
]


@pytest.mark.parametrize("name,mutate,pattern", BAD, ids=[b[0] for b in BAD])
def test_bad_script_entry_gets_one_line_naming_file_and_field(name, mutate, pattern):
    with pytest.raises(ScenarioError) as err:
        parse_scenario(_first_entry(mutate), "hist.toml")
    message = str(err.value)
    assert "\n" not in message and message.startswith("hist.toml: ")
    assert re.search(pattern, message), message


def test_a_second_entry_for_the_same_firm_and_quarter_is_refused():
    duplicate = TEXT + '\n[[script]]\nfirm = "xiaomi"\nquarter = "2024Q1"\nshifts = 2\nsource = "test"\n'
    with pytest.raises(ScenarioError, match=r"script\[\d+\]: a second entry for xiaomi"):
        parse_scenario(duplicate, "hist.toml")


def test_every_scripted_decision_cites_a_source(history):
    assert history.script and all(history.sources.get(f"script.{i}.__table__", "").strip()
                                  for i in range(len(history.script)))


def test_scripted_values_hold_until_the_next_entry(history):
    plan, j = history.arrays.script, history.model_ids.index
    t = lambda q: int(q[-1]) - 1 + 4 * (int(q[:4]) - 2024)  # noqa: E731 - quarter offset from 2024Q1
    m3 = plan.price[:, j("model-3")]
    assert m3[t("2024Q1")] == 245_900 and m3[t("2024Q2")] == m3[t("2024Q4")] == 231_900
    assert m3[t("2025Q1")] == m3[t("2025Q3")] == 235_500
    x = history.firm_index("xiaomi")
    assert list(plan.capacity_order[:, x]) == [37_500] + [0] * 6            # ordered once, then 0 holds
    assert list(plan.shifts[:, x]) == [1, 1, 2, 2, 2, 2, 2]
    assert plan.launch[:, j("yu7")].tolist() == [0, 1, 0, 0, 0, 0, 0] and plan.launch_scripted[j("yu7")]
    assert not plan.off_sale[t("2024Q4"), j("model-y")] and plan.off_sale[t("2025Q1"):, j("model-y")].all()
    byd = j("byd-seagull")
    assert np.isnan(plan.incentive[t("2025Q1"), byd]) and plan.incentive[t("2025Q2"), byd] > 0
    assert plan.incentive[t("2025Q3"), byd] == 0


def test_unscripted_fields_and_firms_follow_the_normal_ai(history):
    from dataclasses import replace

    state = initial_state(history)
    ai = normal.decide(state)
    d = script.decide(state)
    np.testing.assert_array_equal(d.finance, ai.finance)                    # never scripted
    x, tesla = history.firm_index("xiaomi"), history.firm_index("tesla")
    assert d.budget[0, x, BUDGETS.index("autonomy_budget")] == 0.6e9
    assert d.price[0, history.model_ids.index("model-3")] == 245_900
    assert d.shifts[0, x] == 1 and d.capacity_order[0, x] == 37_500
    # a firm the script never mentions plays exactly the normal AI
    others = tuple(e for e in history.script if e.firm != "tesla")
    quiet = replace(history, script=others, arrays=None)
    from engine.scenario.arrays import compile_arrays
    object.__setattr__(quiet, "arrays", compile_arrays(quiet))
    s = initial_state(quiet)
    d, ai = script.decide(s), normal.decide(s)
    own = quiet.arrays.owner == tesla
    for name in ("price", "incentive", "production", "launch"):
        np.testing.assert_array_equal(getattr(d, name)[:, own], getattr(ai, name)[:, own])
    for name in ("capacity_order", "shifts", "bundle", "budget", "finance"):
        np.testing.assert_array_equal(getattr(d, name)[:, tesla], getattr(ai, name)[:, tesla])


def test_without_a_script_the_controller_is_the_normal_ai(scenario):
    state = initial_state(scenario)
    d, ai = script.decide(state), normal.decide(state)
    for name in ("price", "production", "budget", "finance", "shifts", "capacity_order"):
        np.testing.assert_array_equal(getattr(d, name), getattr(ai, name))


def test_a_discontinued_model_is_priced_out_and_sells_nothing(history):
    state, streams = initial_state(history), Streams(3, 1)
    y = history.model_ids.index("model-y")
    for _ in range(5):
        d = script.decide(state)
        state, report = advance(state, d, streams)
    assert d.price[0, y] == MAX_PRICE_CNY and d.production[0, y] == 0
    assert report.model["orders"][0, y] < 1.0 and report.model["deliveries"][0, y] < 1.0
    assert report.model["deliveries"][0, history.model_ids.index("model-y-2025")] > 10_000


def test_game_accepts_the_script_controller_and_records_its_decisions(history):
    game = Game(history, 7, {f: "script" for f in history.firm_ids})
    rec = game.play_quarter()
    assert rec.decisions["tesla"].prices["model-3"] == 245_900
    assert rec.decisions["xiaomi"].capacity_order == 37_500
    with pytest.raises(ValueError, match="unknown AI level"):
        Game(history, 7, {"xiaomi": "scripted"})
