"""Property tests: random and extreme decisions over 44 quarters keep the books straight."""

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from engine.initial import initial_state
from engine.model import advance
from engine.rng import Streams
from engine_helpers import random_decisions

REGIMES = st.lists(st.sampled_from(["random", "random", "zero", "max"]), min_size=44, max_size=44)


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(seed=st.integers(0, 2**32 - 1), regimes=REGIMES, futures=st.integers(1, 3))
def test_books_hold_under_random_and_extreme_decisions(long_scenario, seed, regimes, futures):
    sc = long_scenario.scenario
    assert sc.n_quarters >= 40
    rng = np.random.default_rng(seed)
    streams = Streams(seed, futures)
    state = initial_state(sc, futures)
    for regime in regimes:
        decisions = random_decisions(sc, rng, futures, regime)
        before = state
        state, report = advance(state, decisions, streams)
        f, m = report.firm, report.model
        for table in (f, m, report.world):
            for name, values in table.items():
                assert np.all(np.isfinite(values)), f"{name} not finite in {report.quarter} ({regime})"
        assert np.all(np.isfinite(state.data))
        # deliveries are bounded by demand and by supply
        assert np.all(m["deliveries"] <= m["orders"] + before.backlog * m["launched"] + 1e-6)
        assert np.all(m["deliveries"] <= m["production"] + before.inventory + 1e-6)
        assert np.all(m["deliveries"] >= 0) and np.all(state.backlog >= -1e-9) and np.all(state.inventory >= -1e-9)
        # the cash identity, every firm, every future
        lhs = state.cash - before.cash
        rhs = (f["operating_profit_cny"] + f["depreciation_cny"] - f["inventory_value_change_cny"] - f["capex_cny"]
               - f["interest_cny"] + f["parent_cny"] + f["equity_cny"] + f["borrowed_cny"] - f["repaid_cny"]
               + f["emergency_cny"])
        scale = 1.0 + np.abs(before.cash) + np.abs(f["revenue_cny"]) + np.abs(f["production_cost_cny"]) + np.abs(f["capex_cny"])
        assert np.all(np.abs(lhs - rhs) <= 1e-8 * scale), f"cash identity broken in {report.quarter}"
        # shares
        share = f["market_share"]
        assert np.all((share >= 0) & (share <= 1)) and np.all(share.sum(axis=1) <= 1 + 1e-12)
        # bounded state
        assert np.all((state.autonomy >= 0) & (state.autonomy <= 5))
        assert np.all((state.integration >= 0) & (state.integration <= 1))
        assert np.all(state.cash >= -1e-6 * (1 + np.abs(before.cash)))
