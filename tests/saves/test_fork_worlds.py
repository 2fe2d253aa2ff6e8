"""Forks (change decisions from a quarter, AIs re-run), branch comparison, luck versus skill."""

import functools

import pytest
from hypothesis import given, settings, strategies as st

from engine.errors import ClosedLoopError, DecisionError
from engine.saves import (compare_branches, fork_game, load_game, load_outcomes, outcomes_of_game, parse_change,
                          play_worlds, read_metadata, save_game)
from save_helpers import hashes, play


def test_parse_change_grammar(scenario):
    c = parse_change("xiaomi.price.su7=199_000", scenario)
    assert (c.firm, c.field, c.model, c.value) == ("xiaomi", "prices", "su7", 199000.0)
    assert parse_change("byd.shifts=3", scenario).value == 3
    assert parse_change("nio.marketing=1.5e9", scenario).field == "marketing_budget"
    assert parse_change("xiaomi.launches=yu7", scenario).value == ("yu7",)
    assert parse_change("xiaomi.launches=", scenario).value == ()
    assert parse_change("tesla.capacity=50000", scenario).field == "capacity_order"


@pytest.mark.parametrize("text,fragment", [
    ("xiaomi.price.su7", "expected FIRM.FIELD[.MODEL]=VALUE"),
    ("xiaomi=1", "expected FIRM.FIELD[.MODEL]=VALUE"),
    ("ghost.price.su7=1", "no firm 'ghost'"),
    ("xiaomi.colour=red", "no decision 'colour'"),
    ("xiaomi.price=199000", "price needs a model"),
    ("xiaomi.price.model-3=199000", "xiaomi has no model 'model-3'"),
    ("xiaomi.marketing.su7=1", "not set per model"),
    ("xiaomi.price.su7=cheap", "'cheap' is not a number"),
    ("xiaomi.price.su7=nan", "not a finite number"),
    ("xiaomi.shifts=2.5", "shifts must be 1, 2 or 3"),
    ("xiaomi.launches=su8", "xiaomi has no model 'su8'"),
])
def test_parse_change_errors_are_one_line(scenario, text, fragment):
    with pytest.raises(DecisionError) as info:
        parse_change(text, scenario)
    assert fragment in str(info.value) and str(info.value).startswith(f"--set {text}")


@functools.lru_cache(maxsize=1)
def default_scenario():
    from engine.scenario import load_scenario

    return load_scenario("xiaomi-2024")


@settings(max_examples=60, deadline=None, derandomize=True)
@given(st.text(max_size=40) | st.builds(lambda a, b, c: f"{a}.{b}={c}", st.sampled_from(["xiaomi", "byd", "x"]),
                                        st.sampled_from(["price.su7", "shifts", "launches", "price", "capacity"]),
                                        st.text(max_size=12)))
def test_parse_change_never_fails_otherwise(text):
    try:
        parse_change(text, default_scenario())
    except DecisionError as exc:
        assert "\n" not in str(exc)


def test_fork_repeats_the_past_changes_the_quarter_and_reruns_the_rivals(game5, scenario):
    change = parse_change("xiaomi.price.su7=189000", scenario)
    fork = fork_game(game5, "2024Q3", [change], parent_file="game5.closedloop")
    assert hashes(fork)[:2] == hashes(game5)[:2]
    assert hashes(fork)[2] != hashes(game5)[2] and fork.t == game5.t
    assert fork.records[2].decisions["xiaomi"].prices["su7"] == 189000
    assert fork.records[3].decisions["xiaomi"] == game5.records[3].decisions["xiaomi"]   # people keep theirs
    for firm in ("tesla", "byd"):                               # rivals decide again from the new states
        assert fork.records[2].decisions[firm] == game5.records[2].decisions[firm]
        assert fork.records[4].decisions[firm] != game5.records[4].decisions[firm]
    assert [r.injected for r in fork.records] == [r.injected for r in game5.records]
    expected = {"parent_id": game5.lineage.get("save_id"), "parent_file": "game5.closedloop",
                "fork_at": "2024Q3", "fork_changes": ["xiaomi.price.su7=189000"]}
    assert fork.lineage == {k: v for k, v in expected.items() if v is not None}
    again = fork_game(game5, "2024Q3", [change])
    assert hashes(again) == hashes(fork)                        # deterministic


def test_fork_hold_and_until(game5, scenario):
    change = parse_change("xiaomi.marketing=2e9", scenario)
    held = fork_game(game5, 1, [change], hold=True, until="2024Q4")
    assert held.t == 4 and all(r.decisions["xiaomi"].marketing_budget == 2e9 for r in held.records[1:])
    once = fork_game(game5, 1, [change])
    assert once.records[2].decisions["xiaomi"].marketing_budget != 2e9
    assert held.lineage["fork_changes"][-1] == "--hold"


@pytest.mark.parametrize("at,until,fragment", [("2023Q4", None, "not a quarter played"),
                                               ("2025Q2", None, "not a quarter played"),
                                               ("soon", None, "not a quarter like"),
                                               ("2024Q3", "2024Q2", "is before --at")])
def test_fork_bad_quarters(game5, scenario, at, until, fragment):
    with pytest.raises(ClosedLoopError, match=fragment):
        fork_game(game5, at, [parse_change("xiaomi.shifts=2", scenario)], until=until)


def test_fork_out_of_range_change_names_the_field(game5, scenario):
    with pytest.raises(DecisionError, match=r"--set xiaomi.price.su7=5: xiaomi.prices.su7: must be between"):
        fork_game(game5, 0, [parse_change("xiaomi.price.su7=5", scenario)])


def test_saved_fork_records_its_parent_and_compares(save5, scenario, tmp_path):
    original = load_game(save5)
    fork = fork_game(original, "2024Q4", [parse_change("xiaomi.price.su7=185000", scenario)],
                     parent_file=save5.name)
    path = tmp_path / "fork.closedloop"
    save_game(fork, path)
    meta = read_metadata(path)
    assert meta.parent_id == read_metadata(save5).save_id and meta.save_id != meta.parent_id
    assert (meta.parent_file, meta.fork_at, meta.fork_changes) == (save5.name, "2024Q4", ("xiaomi.price.su7=185000",))
    assert load_game(path).lineage["fork_at"] == "2024Q4"
    cmp = compare_branches(save5, path)
    assert cmp.quarters == load_outcomes(save5).quarters and cmp.diverges_at == "2024Q4"
    assert any(d.quarter == "2024Q4" and d.firm == "xiaomi" and d.field == "prices.su7" and d.b == 185000
               for d in cmp.decisions)
    assert all(r.quarter >= "2024Q4" for r in cmp.rows) and cmp.final("xiaomi")
    assert "xiaomi" in cmp.table(firms=["xiaomi"]) and cmp.to_json()["diverges_at"] == "2024Q4"
    live = compare_branches(original, fork)                     # live games compare the same way
    assert live.rows == cmp.rows
    assert compare_branches(save5, save5).diverges_at is None


def test_outcomes_of_a_live_game_equal_its_save(save5, game5):
    live, stored = outcomes_of_game(game5), load_outcomes(save5)
    assert live.quarters == stored.quarters and live.state_hashes == stored.state_hashes
    for k in stored.firm:
        assert (live.firm[k] == stored.firm[k]).all() or k.startswith("event_"), k


def test_branches_of_different_games_do_not_compare(game5, scenario):
    with pytest.raises(ClosedLoopError, match="not branches of the same game"):
        compare_branches(game5, play(scenario, seed=8, quarters=2))


def test_team_view_shows_only_what_a_team_could_see(save5):
    out = load_outcomes(save5)
    view = out.team_view("byd", through="2024Q3")
    assert view.quarters == ("2024Q1", "2024Q2", "2024Q3") and view.visible_to == "byd"
    b, x = out.firm_ids.index("byd"), out.firm_ids.index("xiaomi")
    assert (view.firm["cash_cny"][:, b] == out.firm["cash_cny"][:3, b]).all()
    assert view.firm["cash_cny"][:, x].tolist() != view.firm["cash_cny"][:, x].tolist()   # NaN: hidden
    assert (view.firm["deliveries"][:, x] == out.firm["deliveries"][:3, x]).all()          # public
    su7 = out.model_ids.index("su7")
    assert (view.model["price_cny"][:, su7] == out.model["price_cny"][:3, su7]).all()
    assert view.model["unit_cost_cny"][:, su7].tolist() != out.model["unit_cost_cny"][:3, su7].tolist()
    assert set(view.decisions[0]["xiaomi"]) == {"prices", "incentives", "launches"}
    assert view.decisions[0]["byd"] == out.decisions[0]["byd"]
    assert view.objectives.shape == (3, 2) and all(v != v for v in view.objectives.ravel())  # not byd's
    own = out.team_view("xiaomi")
    assert (own.objectives == out.objectives).all() and len(own.quarters) == 5
    with pytest.raises(ClosedLoopError):
        out.team_view("ghost")


def test_worlds_are_deterministic_and_world_zero_is_the_game(game5):
    result = play_worlds(game5, worlds=12)
    assert play_worlds(game5, worlds=12).met.tolist() == result.met.tolist()
    assert 0.0 <= result.rate <= 1.0 and result.fixed_firms == ("xiaomi",) and result.quarters == 5
    assert len(set(result.final_hashes)) == 12                         # different worlds
    assert "% of 12 worlds" in result.summary()
    actual = play_worlds(game5, worlds=1, first=0)
    assert actual.final_hashes == (game5.records[-1].state_hash,)       # world 0 replays the game exactly
    assert bool(actual.met[0]) == actual.actual_met and actual.scores[0] == actual.actual_score


def test_worlds_replay_deck_and_custom_events(golden):
    # World 0 re-decides the AI firms with this build's AI, so it can only equal a game played by
    # this build: replay the golden's people and injections (a deck and a custom event) afresh.
    from engine.game import Game

    recorded = load_game(golden)
    assert any(not isinstance(e, str) for r in recorded.records for e, _ in r.injected)
    game = Game.new(recorded.scenario, recorded.seed, human=recorded.humans)
    for r in recorded.records:
        game.play_quarter({f: r.decisions[f] for f in recorded.humans}, injected=r.injected)
    assert play_worlds(game, worlds=1, first=0).final_hashes == (game.records[-1].state_hash,)
    assert 0 <= play_worlds(game, worlds=5).rate <= 1


def test_worlds_hold_the_player_when_nobody_was_human(scenario):
    from engine.game import Game

    game = Game.new(scenario, 2)
    for _ in range(3):
        game.play_quarter()
    result = play_worlds(game, worlds=4)
    assert result.fixed_firms == ("xiaomi",)
    assert play_worlds(game, worlds=1, first=0).final_hashes == (game.records[-1].state_hash,)
    with pytest.raises(ClosedLoopError):
        play_worlds(Game.new(scenario, 2), worlds=3)


def test_scripted_controllers_save_replay_and_run_in_other_worlds(tmp_path):
    from engine.game import Game
    from engine.saves import verify_replay
    from engine.scenario import load_scenario

    game = Game.new(load_scenario("history-2024"), 7, level="script")
    for _ in range(3):
        game.play_quarter()
    path = tmp_path / "history.closedloop"
    save_game(game, path)
    assert verify_replay(path).ok and set(read_metadata(path).controllers.values()) == {"script"}
    assert play_worlds(game, worlds=1, first=0).final_hashes == (game.records[-1].state_hash,)
    assert hashes(load_game(path)) == hashes(game)
