"""Tournaments: hard beats easy, results do not depend on workers, the CLI contract, no stunts."""

import json
from dataclasses import replace

import numpy as np
import pytest
from test_forecast_cli import assert_bad_input, cli

from engine.ai import normal
from engine.game import Game
from engine.scoring import scorecard
from engine.tournament import mean_interval, play_game, run_tournament

SEEDS = (101, 102, 103, 104)


def test_hard_beats_easy_on_a_fixed_seed_set(scenario):
    easy, hard = run_tournament(scenario, "xiaomi", ["easy", "hard"], SEEDS, 6, workers=2)
    assert easy.level == "easy" and hard.level == "hard"
    assert hard.mean > easy.mean
    assert np.all(hard.scores > easy.scores)                  # seed by seed, in the same worlds


def test_results_do_not_depend_on_workers(scenario):
    one = run_tournament(scenario, "tesla", ["easy", "normal"], (1, 2), 2, workers=1)
    two = run_tournament(scenario, "tesla", ["easy", "normal"], (1, 2), 2, workers=2)
    for a, b in zip(one, two):
        np.testing.assert_array_equal(a.scores, b.scores)


def test_play_game_scores_the_firm_as_the_player(scenario):
    from engine.scenario import with_player

    sc = with_player(scenario, "byd")
    result = play_game(sc, "byd", "normal", 3, 2)
    game = Game.new(sc, 3)
    for _ in range(2):
        game.play_quarter()
    assert result.score == pytest.approx(scorecard(sc, game.state)["score"][0, sc.firm_index("byd")])


def test_mean_interval_brackets_the_mean():
    mean, low, high = mean_interval([1.0, 2.0, 3.0, 10.0])
    assert low < mean < high and mean == 4.0
    assert mean_interval([5.0]) == (5.0, 5.0, 5.0)
    assert mean_interval(np.arange(40.0)) == mean_interval(np.arange(40.0))        # deterministic


def test_borrowing_before_the_whistle_does_not_pad_the_score(scenario):
    """An exploit the tournament found: with half the debt counted, a last-quarter loan was worth ~6 points."""
    game = Game.new(scenario, 4, human=("xiaomi",))
    for _ in range(3):
        game.play_quarter({"xiaomi": game.suggest("xiaomi")})
    d = game.suggest("xiaomi")
    scores = []
    for decision in (d, replace(d, borrow=1e12)):
        fork = Game(scenario, 4, dict(game.controllers), list(game.states), list(game.records))
        fork.play_quarter({"xiaomi": decision})
        scores.append(scorecard(scenario, fork.state)["score"][0, 0])
        assert decision.borrow == 0 or fork.state.debt[0, 0] > game.state.debt[0, 0] + 1e9
    assert scores[1] <= scores[0] + 1e-6


def test_tournament_cli_json_and_table(tmp_path):
    target = tmp_path / "t.json"
    out = cli("tournament", "--scenario", "xiaomi-2024", "--firm", "nio", "--levels", "easy,normal",
              "--seeds", "2", "--quarters", "2", "--json", str(target))
    assert out.returncode == 0, out.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["firm"] == "nio" and data["quarters"] == 2 and data["seeds"] == [0, 1] and data["interval"] == 0.9
    assert [row["level"] for row in data["levels"]] == ["easy", "normal"]
    for row in data["levels"]:
        assert row["low"] <= row["mean"] <= row["high"] and len(row["scores"]) == 2
        assert {"share", "cash", "valuation", "objectives_met"} <= set(row["metrics"])
    table = cli("tournament", "--scenario", "xiaomi-2024", "--firm", "nio", "--levels", "normal",
                "--seeds", "1", "--quarters", "1", "--workers", "1")
    assert table.returncode == 0 and "90% interval" in table.stdout and "normal" in table.stdout


@pytest.mark.parametrize("args,fragment", [
    (("--firm", "ford"), "unknown firm 'ford'"),
    (("--firm", "nio", "--levels", "easy,godlike"), "--levels"),
    (("--firm", "nio", "--quarters", "17"), "has 16 quarters"),
    (("--firm", "nio", "--seeds", "0"), "--seeds"),
    (("--levels", "easy"), "--firm"),
])
def test_tournament_bad_input_exits_2_with_one_line(args, fragment):
    assert_bad_input(cli("tournament", "--scenario", "xiaomi-2024", *args), fragment)


def test_normal_policy_is_what_rivals_play_in_a_tournament(scenario):
    """The tournament's rivals are the normal level: the same decisions as the policy itself."""
    game = Game(scenario, 2, {f: ("easy" if f == "xiaomi" else "normal") for f in scenario.firm_ids})
    record = game.play_quarter()
    expected = normal.decide(game.states[0])
    t = scenario.firm_index("tesla")
    assert record.decisions["tesla"].capacity_order == float(expected.capacity_order[0, t])
