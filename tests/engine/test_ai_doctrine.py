"""Doctrines change behaviour in the expected direction, and the six rivals play differently."""

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from engine.ai import easy, normal
from engine.ai.score import doctrine_score, doctrine_weights
from engine.game import Game
from engine.scoring import SCORE_METRICS
from engine.state import FIELDS, State, StateBuilder


def with_doctrine(scenario, firm_id, **changes):
    """The scenario with some doctrine fields of one firm changed."""
    f = scenario.firm_index(firm_id)
    doc = {k: np.array(v, copy=True) for k, v in scenario.arrays.doctrine.items()}
    for k, v in changes.items():
        doc[k][f] = v
    return replace(scenario, arrays=replace(scenario.arrays, doctrine=doc))


def on(state, scenario):
    """The same state read under another scenario (same layout and values)."""
    return State(state.t, state.data, state.layout, scenario)


@pytest.fixture(scope="module")
def states(scenario):
    game = Game.new(scenario, 21)
    out = []
    for _ in range(8):
        game.play_quarter()
        out.append(game.state)
    return out


def decide_both(level, states, scenario, firm, low, high):
    lo, hi = with_doctrine(scenario, firm, **low), with_doctrine(scenario, firm, **high)
    decide = {"normal": normal.decide, "easy": easy.decide}[level]
    return [(decide(on(s, lo)), decide(on(s, hi))) for s in states]


@pytest.mark.parametrize("level", ["normal", "easy"])
def test_price_aggressiveness_lowers_prices(scenario, states, level):
    j = np.array([m.firm == "byd" for m in scenario.models])
    pairs = decide_both(level, states, scenario, "byd", {"price_aggressiveness": 0.0}, {"price_aggressiveness": 1.0})
    assert all(np.all(h.price[0, j] <= lo.price[0, j]) for lo, h in pairs)
    assert sum(np.sum(h.price[0, j] < lo.price[0, j]) for lo, h in pairs) > 10


@pytest.mark.parametrize("level", ["normal", "easy"])
@pytest.mark.parametrize("field,budget", [("rd_intensity", 0), ("ecosystem_focus", 2), ("marketing_intensity", 5)])
def test_intensities_raise_their_budgets(scenario, states, level, field, budget):
    f = scenario.firm_index("aito")
    pairs = decide_both(level, states, scenario, "aito", {field: 0.0}, {field: 0.2})
    assert all(h.budget[0, f, budget] > lo.budget[0, f, budget] for lo, h in pairs)


def test_ecosystem_focus_raises_the_bundle_subsidy(scenario, states):
    f = scenario.firm_index("xiaomi")
    pairs = decide_both("normal", states, scenario, "xiaomi", {"ecosystem_focus": 0.0}, {"ecosystem_focus": 0.05})
    assert all(h.bundle[0, f] > lo.bundle[0, f] == 0.0 for lo, h in pairs)


def test_capacity_appetite_orders_more_capacity(scenario, states):
    f = scenario.firm_index("byd")
    pairs = decide_both("normal", states, scenario, "byd", {"capacity_appetite": 0.0}, {"capacity_appetite": 1.5})
    assert all(h.capacity_order[0, f] >= lo.capacity_order[0, f] for lo, h in pairs)
    assert sum(h.capacity_order[0, f] for _, h in pairs) > 1.2 * sum(lo.capacity_order[0, f] for lo, _ in pairs)


def test_risk_tolerance_trades_cash_buffers_for_spending(scenario, states):
    """Short of cash, a cautious firm raises more money and cuts budgets harder than a bold one."""
    f = scenario.firm_index("nio")
    poor = []
    for s in states:
        b = StateBuilder(scenario, s.layout, 1, base=s.data)
        cash = s.cash.copy()
        cash[0, f] = 1e9
        b["cash"] = cash
        poor.append(b.finish(s.t))
    pairs = decide_both("normal", poor, scenario, "nio", {"risk_tolerance": 0.0}, {"risk_tolerance": 1.0})
    assert all(lo.finance[0, f].sum() > h.finance[0, f].sum() for lo, h in pairs)
    assert all(lo.budget[0, f].sum() <= h.budget[0, f].sum() for lo, h in pairs)
    assert sum(lo.budget[0, f].sum() < h.budget[0, f].sum() for lo, h in pairs) >= len(pairs) // 2


def test_objective_weights_steer_the_doctrine_score(scenario, states):
    state = states[-1]
    fields = {name: getattr(state, name) for name, _ in FIELDS}
    better = dict(fields, margin_ema=fields["margin_ema"] + 0.05)
    gains = []
    for weight in (0.0, 1.0):
        sc = with_doctrine(scenario, "xpeng", profit_weight=weight)
        gain = doctrine_score(sc, SimpleNamespace(**better)) - doctrine_score(sc, SimpleNamespace(**fields))
        gains.append(gain[0, sc.firm_index("xpeng")])
    assert 0 < gains[0] < gains[1]
    w = doctrine_weights(scenario)
    share, margin = SCORE_METRICS.index("share"), SCORE_METRICS.index("operating_margin")
    byd, tesla = scenario.firm_index("byd"), scenario.firm_index("tesla")
    assert w[byd, share] > w[tesla, share] and w[tesla, margin] > w[byd, margin]


def test_the_six_rivals_play_visibly_differently(scenario):
    """Over two years on normal AI the doctrine tables show: margins, R&D, ecosystem, cash."""
    game = Game.new(scenario, 3)
    for _ in range(8):
        game.play_quarter()
    idx = scenario.firm_index
    revenue = sum(r.report.firm["revenue_cny"][0] for r in game.records)
    spend = {name: np.zeros(scenario.arrays.n_firms) for name in ("autonomy_budget", "integration_budget")}
    for r in game.records:
        for f, firm_id in enumerate(scenario.firm_ids):
            for name in spend:
                spend[name][f] += getattr(r.decisions[firm_id], name)
    margin = np.mean([r.report.firm["gross_margin"][0] for r in game.records[2:]], axis=0)
    rd_share = spend["autonomy_budget"] / revenue
    eco_share = spend["integration_budget"] / revenue
    assert margin[idx("tesla")] > margin[idx("byd")]                    # margin leader vs volume player
    assert rd_share[idx("xpeng")] == max(rd_share[idx(f)] for f in scenario.firm_ids if f != "xiaomi")
    assert eco_share[idx("aito")] > eco_share[idx("li-auto")] and eco_share[idx("aito")] > eco_share[idx("tesla")]
    assert game.state.cash[0, idx("nio")] < game.state.cash[0, idx("li-auto")]  # NIO burns, Li Auto earns
