"""Economic sanity: prices move demand the right way; capacity never hurts deliveries."""

from dataclasses import replace

import numpy as np

from engine.ai import normal
from engine.initial import initial_state
from engine.model import advance
from engine.rng import Streams
from engine.state import StateBuilder


def quarter_with(scenario, state, decisions, seed=3):
    return advance(state, decisions, Streams(seed, state.futures))[1]


def warmed_state(scenario, quarters=3, seed=3):
    streams = Streams(seed, 1)
    state = initial_state(scenario)
    for _ in range(quarters):
        state, _ = advance(state, normal.decide(state), streams)
    return state


def test_raising_a_price_lowers_its_orders_and_raises_rivals(scenario):
    state = warmed_state(scenario)
    base = normal.decide(state)
    j = scenario.model_ids.index("su7")
    higher = base.price.copy()
    higher[0, j] *= 1.10
    r0 = quarter_with(scenario, state, base)
    r1 = quarter_with(scenario, state, replace(base, price=higher))
    o0, o1 = r0.model["orders"][0], r1.model["orders"][0]
    assert o1[j] < o0[j]
    others = [k for k, m in enumerate(scenario.models) if m.firm != "xiaomi" and r0.model["launched"][0, k] > 0]
    assert np.all(o1[others] > o0[others])


def test_raising_every_price_lowers_total_orders(scenario):
    state = warmed_state(scenario)
    base = normal.decide(state)
    r0 = quarter_with(scenario, state, base)
    r1 = quarter_with(scenario, state, replace(base, price=base.price * 1.05))
    assert r1.firm["orders"].sum() < r0.firm["orders"].sum()


def test_more_capacity_never_lowers_deliveries(scenario):
    state = warmed_state(scenario)
    decisions = normal.decide(state)
    decisions = replace(decisions, production=decisions.production * 3.0 + 1e5)
    base = quarter_with(scenario, state, decisions)
    for factor in (1.2, 2.0, 5.0):
        b = StateBuilder(scenario, state.layout, 1, base=state.data)
        b["capacity"] = state.capacity * factor + 1000.0
        bigger = b.finish(state.t)
        more = quarter_with(scenario, bigger, decisions)
        assert np.all(more.firm["deliveries"] >= base.firm["deliveries"] - 1e-6)
        assert more.firm["deliveries"].sum() > base.firm["deliveries"].sum()


def test_marketing_builds_brand(scenario):
    state = warmed_state(scenario)
    d = normal.decide(state)
    more = d.budget.copy()
    more[..., 5] *= 5
    s0, _ = advance(state, d, Streams(3, 1))
    s1, _ = advance(state, replace(d, budget=more), Streams(3, 1))
    assert np.all(s1.brand >= s0.brand) and np.any(s1.brand > s0.brand)


def test_autonomy_budget_speeds_progress(scenario):
    state = warmed_state(scenario)
    d = normal.decide(state)
    more = d.budget.copy()
    more[..., 0] *= 4
    s0, _ = advance(state, d, Streams(3, 1))
    s1, _ = advance(state, replace(d, budget=more), Streams(3, 1))
    assert np.all(s1.team > s0.team) and np.all(s1.autonomy >= s0.autonomy)


def test_integration_spend_raises_ecosystem_buyers_orders(scenario):
    state = warmed_state(scenario)
    d = normal.decide(state)
    x = scenario.firm_index("xiaomi")
    budget = d.budget.copy()
    budget[0, x, 2] = 3e9        # affordable: a budget that forced emergency funding would hit the brand
    s1, _ = advance(state, replace(d, budget=budget), Streams(3, 1))
    s0, _ = advance(state, d, Streams(3, 1))
    assert s1.integration[0, x] > s0.integration[0, x]
    r0 = advance(s0, normal.decide(s0), Streams(3, 1))[1]
    r1 = advance(s1, normal.decide(s0), Streams(3, 1))[1]
    j = scenario.model_ids.index("su7")
    assert r1.model["domestic_orders"][0, j] > r0.model["domestic_orders"][0, j]


def test_a_price_far_above_the_brand_ceiling_is_punished(scenario):
    state = warmed_state(scenario)
    d = normal.decide(state)
    j = scenario.model_ids.index("su7")
    x = scenario.firm_index("xiaomi")
    ceiling = state.ceiling[0, x]
    lo, hi = d.price.copy(), d.price.copy()
    lo[0, j], hi[0, j] = ceiling * 0.99, ceiling * 1.3
    orders_lo = quarter_with(scenario, state, replace(d, price=lo)).model["domestic_orders"][0, j]
    orders_hi = quarter_with(scenario, state, replace(d, price=hi)).model["domestic_orders"][0, j]
    a = scenario.arrays
    plain_ratio = np.exp(-a.type_alpha.min() * ceiling * 0.31)  # what price alone would cost at most
    assert orders_hi / orders_lo < plain_ratio
