"""Unit checks of single mechanisms: capacity pipeline, events, objectives, chips, streams."""

from dataclasses import replace

import numpy as np

from engine import autonomy, supply
from engine.ai import normal
from engine.decisions import to_arrays
from engine.game import Game
from engine.initial import initial_state
from engine.model import advance, random_width
from engine.rng import Streams
from engine.scoring import update_objectives


def test_capacity_arrives_after_its_lead_time_then_ramps():
    cap, pipe, ramp = np.zeros((1, 1)), np.zeros((1, 1, 12)), np.zeros((1, 1, 3))
    eff = np.array([0.4, 0.7, 0.9])
    order = np.array([[1000.0]])
    seen = []
    for q in range(8):
        cap, pipe, ramp, nameplate = supply.capacity_step(cap, pipe, ramp, order if q == 0 else order * 0, np.array([3]), eff)
        seen.append(nameplate[0, 0])
    # ordered in quarter 0 with a 3-quarter lead: counts from quarter 3, ramping 0.4, 0.7, 0.9, then in full
    np.testing.assert_allclose(seen, [0, 0, 0, 400, 700, 900, 1000, 1000])


def test_scheduled_events_fire_in_their_quarter(scenario):
    game = Game.new(scenario, 1)
    fired = {}
    for _ in range(4):
        rec = game.play_quarter()
        fired[rec.report.quarter] = {e.id for e, on in zip(scenario.events, rec.report.events_fired[0]) if on}
    assert "price-war-2024" in fired["2024Q1"]
    assert "trade-in-2024" in fired["2024Q2"]
    assert "trade-in-doubled" in fired["2024Q3"] and "eu-tariffs" in fired["2024Q3"]


def test_injected_event_fires_and_targets_the_chosen_firm(scenario):
    state = initial_state(scenario)
    d = normal.decide(state)
    n = [e.id for e in scenario.events].index("recall")
    inject = d.inject.copy()
    target = d.inject_target.copy()
    inject[0, n], target[0, n] = 1, scenario.firm_index("tesla")
    s1, r1 = advance(state, replace(d, inject=inject, inject_target=target), Streams(2, 1))
    s0, r0 = advance(state, d, Streams(2, 1))
    assert r1.events_fired[0, n] == 1
    t = scenario.firm_index("tesla")
    assert r1.firm["recall_cny"][0, t] > 0
    others = [f for f in range(scenario.arrays.n_firms) if f != t]
    np.testing.assert_array_equal(r1.firm["recall_cny"][0, others], r0.firm["recall_cny"][0, others])


def test_game_records_injected_events(scenario):
    game = Game.new(scenario, 1)
    rec = game.play_quarter(injected=(("lithium-spike", None),))
    n = [e.id for e in scenario.events].index("lithium-spike")
    assert rec.report.events_fired[0, n] == 1 and rec.injected == (("lithium-spike", None),)


def test_objective_status_met_failed_pending(scenario):
    a = scenario.arrays
    O = len(scenario.objectives)
    kinds = [o.kind for o in scenario.objectives]
    profit = kinds.index("operating_profit_by")
    never = kinds.index("never_distressed")
    x = a.player
    F = a.n_firms
    status = np.zeros((1, O))
    op = np.full((1, F), -1e9)
    zero = np.zeros((1, F))
    s = update_objectives(a, 2, status, op, zero, zero, zero, zero)
    assert s[0, profit] == 0 and s[0, never] == 0
    op[0, x] = 1e8
    s = update_objectives(a, 3, s, op, zero, zero, zero, zero)
    assert s[0, profit] == 1
    distressed = zero.copy()
    distressed[0, x] = 1
    s = update_objectives(a, 4, s, op, distressed, zero, zero, zero)
    assert s[0, never] == -1 and s[0, profit] == 1
    late = update_objectives(a, int(a.obj_deadline[profit]) + 1, np.zeros((1, O)), -op, zero, zero, zero, zero)
    assert late[0, profit] == -1


def test_chip_programme_needs_spend_before_success():
    class P:  # minimal parameters
        chip_min_spend_cny, chip_scale_cny = 3e9, 2e9
    spend = np.zeros((1, 1))
    done = np.zeros((1, 1))
    spend, done, success = autonomy.chip_step(P, spend, done, np.array([[1e9]]), np.array([[0.0]]))
    assert success[0, 0] == 0 and spend[0, 0] == 1e9
    spend, done, success = autonomy.chip_step(P, np.array([[9e9]]), done, np.array([[1e9]]), np.array([[0.5]]))
    assert success[0, 0] == 1 and done[0, 0] == 1


def test_streams_blocks_are_pure_functions_of_quarter(scenario):
    w = random_width(scenario.arrays)
    s = Streams(9, 3)
    late = s.block(10, w).copy()
    early = s.block(1, w).copy()
    fresh = Streams(9, 3)
    np.testing.assert_array_equal(fresh.block(1, w), early)
    np.testing.assert_array_equal(fresh.block(10, w), late)
    np.testing.assert_array_equal(Streams(9, [2]).block(10, w)[0], late[2])


def test_streams_blocks_equal_the_documented_definition_in_any_order():
    """Block t of stream i = draws t*w .. (t+1)*w of PCG64(SeedSequence(seed, spawn_key=prefix+(i,))),
    whether reached in order (no jump), by jumping back, after a width change or after prepare()."""
    def reference(i, t, w, prefix=(4,)):
        gen = np.random.Generator(np.random.PCG64(np.random.SeedSequence(9, spawn_key=prefix + (i,))))
        return gen.random((t + 1) * w)[t * w:]

    s = Streams(9, [0, 5, 2], prefix=(4,))
    s.prepare()
    s.prepare()                                    # idempotent: seeds once
    for t, w in [(0, 7), (7, 7), (8, 7), (16, 7), (3, 7), (3, 5), (30, 5), (9, 7)]:
        block = s.block(t, w)
        for row, i in enumerate([0, 5, 2]):
            np.testing.assert_array_equal(block[row], reference(i, t, w), err_msg=f"t={t} w={w} i={i}")


def test_optional_launch_goes_on_sale_after_development(scenario):
    game = Game.new(scenario, 4, human=("xiaomi",))
    d = game.suggest("xiaomi")
    d = replace(d, launches=("yu7",))
    yu7 = scenario.model_ids.index("yu7")
    on_sale = []
    for _ in range(7):
        rec = game.play_quarter({"xiaomi": d})
        on_sale.append(rec.report.model["launched"][0, yu7])
        d = replace(game.suggest("xiaomi"), launches=())
    dq = scenario.models[yu7].dev_quarters
    earliest = scenario.models[yu7].launch - scenario.info.start
    first = max(dq, earliest)
    assert on_sale[:first] == [0] * first and on_sale[first] == 1
    x = scenario.firm_index("xiaomi")
    spend = [r.report.firm["dev_spend_cny"][0, x] for r in game.records]
    # development is paid over the dev_quarters just before the launch, in total dev_cost
    assert all(v == 0 for v in spend[:first - dq]) and all(v > 0 for v in spend[first - dq:first])
    assert abs(sum(spend) - scenario.models[yu7].dev_cost_cny) < 1.0


def test_exit_after_repeated_distress(scenario):
    state = initial_state(scenario)
    streams = Streams(1, 1)
    x = scenario.firm_index("nio")
    for _ in range(scenario.model.exit_after_quarters + 1):
        d = normal.decide(state)
        budget = d.budget.copy()
        budget[0, x] = 60e9        # burn far beyond any funding
        finance = d.finance.copy()
        finance[0, x] = 0
        state, report = advance(state, replace(d, budget=budget, finance=finance), streams)
    assert report.firm["exited"][0, x] == 1
    assert report.firm["deliveries"][0, x] == 0
    assert state.installed_base[0, x] > 0


def test_forecast_bands_are_ordered_and_reproducible(scenario):
    from engine.forecast import run_forecast

    game = Game.new(scenario, 5)
    game.play_quarter()
    a = run_forecast(game.state, 5, 64, 3)
    b = run_forecast(game.state, 5, 64, 3)
    for m in ("deliveries", "operating_profit_cny", "cash_cny", "market_share"):
        bands = a.bands(m)
        assert np.all(bands[0] <= bands[1]) and np.all(bands[1] <= bands[2])
        np.testing.assert_array_equal(bands, b.bands(m))
    assert a.quarters == ("2024Q2", "2024Q3", "2024Q4")
    assert 0.0 <= a.objective_probability <= 1.0
    js = a.to_json()
    assert js["futures"] == 64 and set(js["quarters"][0]["firms"][0]["deliveries"]) == {"p5", "p50", "p95"}
    # the forecast does not touch the game
    assert game.t == 1 and len(game.states) == 2


def test_forecast_plan_changes_the_planned_firm(scenario):
    from engine.forecast import run_forecast

    game = Game.new(scenario, 5)
    draft = game.suggest("xiaomi")
    x = scenario.firm_index("xiaomi")
    cheap = replace(draft, prices={m: v * 0.8 for m, v in draft.prices.items()})
    base = run_forecast(game.state, 5, 32, 2, plan={"xiaomi": draft})
    low = run_forecast(game.state, 5, 32, 2, plan={"xiaomi": cheap}, hold_plan=True)
    assert np.median(low.values["revenue_cny"][1, :, x]) != np.median(base.values["revenue_cny"][1, :, x])
    assert np.median(low.values["gross_margin"][1, :, x]) < np.median(base.values["gross_margin"][1, :, x])


def test_valuation_par_is_fixed_before_play(scenario):
    """Selling nothing in the first quarter must not lower the bar valuation growth is scored on."""
    from engine.scoring import starting_valuation

    state = initial_state(scenario)
    d = normal.decide(state)
    idle = replace(d, production=d.production * 0.0, price=d.price * 3.0)
    s_normal, _ = advance(state, d, Streams(4, 1))
    s_idle, _ = advance(state, idle, Streams(4, 1))
    np.testing.assert_array_equal(s_normal.valuation0, s_idle.valuation0)
    np.testing.assert_allclose(s_normal.valuation0[0], starting_valuation(scenario), rtol=1e-9)
    assert np.all(starting_valuation(scenario) > 0)


def test_parent_support_does_not_buy_cash_score(scenario):
    """A draw on the parent line raises cash but not the cash metric (it counts like debt)."""
    from engine.scoring import scorecard

    state = initial_state(scenario)
    d = normal.decide(state)
    x = scenario.firm_index("xiaomi")
    finance = d.finance.copy()
    finance[0, x, 0] = 0.0
    drawn = d.finance.copy()
    drawn[0, x, 0] = scenario.firms[x].parent_support_per_quarter_cny
    s0, _ = advance(state, replace(d, finance=finance), Streams(4, 1))
    s1, _ = advance(state, replace(d, finance=drawn), Streams(4, 1))
    assert s1.cash[0, x] > s0.cash[0, x]
    assert scorecard(scenario, s1)["cash"][0, x] <= scorecard(scenario, s0)["cash"][0, x] + 1e-12
