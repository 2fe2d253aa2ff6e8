"""Scenario files: the default loads with a source for every parameter; bad files get one line."""

import re

import numpy as np
import pytest

from engine.errors import ScenarioError
from engine.scenario import list_scenarios, load_scenario, parse_scenario, with_player
from engine.scenario.arrays import compile_arrays

from pathlib import Path

DEFAULT_SCENARIO = Path(__file__).resolve().parents[2] / "scenarios" / "xiaomi-2024.toml"

TEXT = DEFAULT_SCENARIO.read_text(encoding="utf-8")


def test_default_scenario_shape(scenario):
    assert scenario.id == "xiaomi-2024"
    assert scenario.firm_ids == ("xiaomi", "tesla", "byd", "nio", "xpeng", "li-auto", "aito")
    assert scenario.n_quarters == 16
    assert scenario.info.player == "xiaomi"
    kinds = {o.kind for o in scenario.objectives}
    assert {"operating_profit_by", "never_distressed"} <= kinds
    assert all(f.name.zh and f.name.en for f in scenario.firms)
    assert all(e.headline.zh and e.headline.en for e in scenario.events)


def test_every_parameter_has_a_source(scenario):
    assert len(scenario.sources) > 400
    empty = [k for k, v in scenario.sources.items() if not v.strip()]
    assert not empty, empty[:5]


def test_listed_by_id():
    assert "xiaomi-2024" in [s.id for s in list_scenarios()]


def test_with_player_retargets_objectives(scenario):
    byd = with_player(scenario, "byd")
    assert byd.arrays.player == scenario.firm_index("byd")
    assert set(byd.arrays.obj_firm) == {scenario.firm_index("byd")}
    with pytest.raises(ScenarioError):
        with_player(scenario, "ford")


MUTATIONS = [
    ("not toml", lambda t: t + "\n[[[", r"not valid TOML"),
    ("wrong type", lambda t: t.replace("brand = 0.95", 'brand = "high"', 1), r"firms\[0\]\.brand: must be a number"),
    ("out of range", lambda t: t.replace("brand = 0.95", "brand = 9", 1), r"firms\[0\]\.brand: must be <= 5"),
    ("nan", lambda t: t.replace("brand = 0.95", "brand = nan", 1), r"firms\[0\]\.brand: must be finite"),
    ("unknown key", lambda t: t.replace("brand = 0.95", "brand = 0.95\nbrandd = 1", 1), r"firms\[0\]\.brandd: unknown key"),
    ("missing field", lambda t: t.replace("brand = 0.95\n", "", 1), r"firms\[0\]\.brand: missing"),
    ("bad firm ref", lambda t: t.replace('firm = "xiaomi"', 'firm = "xiaomii"', 1), r'models\[0\]\.firm: no firm'),
    ("bad quarter", lambda t: t.replace('start = "2024Q1"', 'start = "2024Q5"', 1), r"scenario\.start: .*not a quarter"),
    ("duplicate id", lambda t: t.replace('id = "tesla"', 'id = "xiaomi"', 1), r"firms: duplicate id 'xiaomi'"),
    ("missing section", lambda t: t.replace("[scoring]", "[scorin]", 1), r"scorin: unknown section"),
    ("bad text", lambda t: t.replace('name = { en = "Xiaomi Auto", zh = "小米汽车" }', 'name = { en = "Xiaomi Auto" }', 1), r"firms\[0\]\.name\.zh: missing text"),
    ("no source", lambda t: re.sub(r'(?m)^source = "calibrated: Xiaomi EV segment.*$', "", t, count=1), r"firms\[0\]\.\w+: has no source"),
    ("bad player", lambda t: t.replace('player = "xiaomi"', 'player = "ford"', 1), r"scenario\.player: no firm 'ford'"),
    ("bad objective", lambda t: t.replace('kind = "never_distressed"', 'kind = "win"', 1), r"objectives\[1\]\.kind: must be one of"),
    ("no buyers", lambda t: re.sub(r"(?m)^weight = [0-9.]+$", "weight = 0.0", t), r"consumer_types: weights sum to 0"),
    ("alpha too high", lambda t: re.sub(r"(?m)^alpha = [0-9.e-]+$", "alpha = 0.01", t, count=1),
     r"consumer_types\[0\]\.alpha: must be <= 0\.001 \(got 0\.01\)"),
    ("premium too high", lambda t: re.sub(r"(?m)^premium = [0-9.e-]+$", "premium = 0.01", t, count=1),
     r"consumer_types\[0\]\.premium: must be <= 0\.001 \(got 0\.01\)"),
    ("taste no model has", lambda t: t.replace("tastes = { phev = 0.45,", "tastes = { phevv = 0.45, phev = 0.45,", 1),
     r"consumer_types\[0\]\.tastes\.phevv: no model carries tag 'phevv' \(the models' tags: bev, erev, "),
    ("event window reversed", lambda t: t.replace('first = "2025Q2"\nlast = "2026Q2"', 'first = "2026Q3"\nlast = "2026Q2"', 1),
     r"events\[\d+\]\.first: 2026Q3 is after events\[\d+\]\.last \(2026Q2\)$"),
    ("scheduled after the end", lambda t: t.replace('scheduled = "2026Q1"', 'scheduled = "2029Q1"', 1),
     r"events\[\d+\]\.scheduled: 2029Q1 is outside the scenario \(2024Q1-2027Q4\)$"),
    ("scheduled before the start", lambda t: t.replace('scheduled = "2024Q1"', 'scheduled = "2023Q4"', 1),
     r"events\[0\]\.scheduled: 2023Q4 is outside the scenario \(2024Q1-2027Q4\)$"),
    ("launch before the start", lambda t: t.replace('launch = "2024Q2"', 'launch = "2023Q4"', 1),
     r"models\[\d+\]\.launch: 2023Q4 is before scenario\.start \(omit it for models on sale at the start\)"),
    ("optional launch before the start", lambda t: t.replace('launch = "2025Q2"\noptional = true', 'launch = "2023Q4"\noptional = true', 1),
     r"models\[\d+\]\.launch: 2023Q4 is before scenario\.start \(omit it to let the firm launch"),
]


@pytest.mark.parametrize("name,mutate,pattern", MUTATIONS, ids=[m[0] for m in MUTATIONS])
def test_bad_scenario_gets_one_line_naming_file_and_field(name, mutate, pattern):
    with pytest.raises(ScenarioError) as err:
        parse_scenario(mutate(TEXT), "bad.toml")
    message = str(err.value)
    assert "\n" not in message
    assert message.startswith("bad.toml: ")
    assert re.search(pattern, message), message


def test_unknown_id_and_missing_file(tmp_path):
    with pytest.raises(ScenarioError, match="unknown scenario 'nope'"):
        load_scenario("nope")
    with pytest.raises(ScenarioError, match="cannot read"):
        load_scenario(str(tmp_path / "missing.toml"))
    binary = tmp_path / "binary.toml"
    binary.write_bytes(b"\xff\xfe\x00garbage")
    with pytest.raises(ScenarioError, match="not UTF-8"):
        load_scenario(str(binary))


def test_compiled_arrays_are_read_only(scenario):
    arrays = compile_arrays(scenario)
    with pytest.raises(ValueError):
        arrays.price0[0] = 1.0


def test_shipped_scenarios_sit_well_inside_the_price_sensitivity_bounds():
    """The tightened alpha/premium bounds (1e-3/CNY) leave the calibrated values 8x headroom."""
    for sc in list_scenarios():
        assert max(t.alpha for t in sc.consumer_types) * 8 < 1e-3, sc.id
        assert max(t.premium for t in sc.consumer_types) * 8 < 1e-3, sc.id


def test_price_sensitivities_at_their_bounds_keep_every_decision_and_state_finite():
    """alpha = premium = 1e-3 (the largest a file may say): the normal AI and the state stay finite."""
    import math

    from engine.game import Game

    text = re.sub(r"(?m)^alpha = [0-9.e-]+$", "alpha = 0.001", TEXT)
    text = re.sub(r"(?m)^premium = [0-9.e-]+$", "premium = 0.001", text)
    game = Game.new(parse_scenario(text, "steep.toml"), 3)
    for _ in range(2):
        record = game.play_quarter()
        for firm_id, decision in record.decisions.items():
            numbers = [v for table in (decision.prices, decision.production) for v in table.values()]
            assert all(math.isfinite(v) for v in numbers), firm_id
        assert np.all(np.isfinite(game.state.data)), record.report.quarter


@pytest.mark.parametrize("nested", ["[" * 5000 + "]" * 5000, "{a = " * 5000 + "1" + "}" * 5000])
def test_deeply_nested_toml_is_one_line_naming_the_file(tmp_path, nested):
    """5,000 levels of nesting overflow tomllib's recursion: a ScenarioError, not a RecursionError."""
    deep = tmp_path / "deep.toml"
    deep.write_text(TEXT + "\nnested = " + nested + "\n", encoding="utf-8")
    with pytest.raises(ScenarioError, match=r"deep\.toml: not valid TOML \(arrays or tables nested too deeply\)$"):
        load_scenario(str(deep))


def test_utf8_file_with_a_byte_order_mark_loads_like_one_without(tmp_path):
    """Notepad saves UTF-8 with a BOM; it used to fail as "Invalid statement (line 1, col 1)"."""
    plain, bom = tmp_path / "plain.toml", tmp_path / "bom.toml"
    plain.write_bytes(TEXT.encode("utf-8"))
    bom.write_bytes(b"\xef\xbb\xbf" + TEXT.encode("utf-8"))
    with_bom = load_scenario(str(bom))
    assert with_bom.text == TEXT and not with_bom.text.startswith("\ufeff")
    assert with_bom.digest == load_scenario(str(plain)).digest
    assert with_bom.info.name.zh == "闭环：小米的赌局（2024-2027）"
