"""Engine mechanisms the calibration added: VAT-net revenue and costs, the first-quarter share of a
late launch, and the expected (shock-free) history path."""

from dataclasses import replace

import numpy as np

from engine import costs
from engine.ai import normal
from engine.calibration_history import expected_scenario, play_expected
from engine.initial import initial_state
from engine.model import advance
from engine.rng import Streams
from engine.scenario.arrays import compile_arrays


def _with(scenario, **changes):
    """The scenario with top-level fields replaced and its arrays recompiled."""
    out = replace(scenario, arrays=None, **changes)
    object.__setattr__(out, "arrays", compile_arrays(out))
    return out


def _one_quarter(scenario, seed=5):
    state = initial_state(scenario)
    return advance(state, normal.decide(state), Streams(seed, 1))[1]


def test_revenue_and_production_costs_are_booked_net_of_vat(scenario):
    vat = scenario.model.vat_rate
    assert vat > 0
    report = _one_quarter(scenario)
    m, f = report.model, report.firm
    gross = np.add.reduceat(m["deliveries"][0] * (m["price_cny"][0] - m["incentive_cny"][0]), scenario.arrays.firm_starts)
    np.testing.assert_allclose(f["car_revenue_cny"][0], gross / (1.0 + vat), rtol=1e-9)
    built = np.add.reduceat(m["production"][0] * m["unit_cost_cny"][0], scenario.arrays.firm_starts)
    np.testing.assert_allclose(f["production_cost_cny"][0], built / (1.0 + vat), rtol=1e-9)
    # the unit cost the AI prices against is in list-price terms: the physical cost times (1 + VAT)
    state = initial_state(scenario)
    no_vat = _with(scenario, model=replace(scenario.model, vat_rate=0.0))
    index = costs.battery_index(scenario.battery, state.battery_cum, state.lithium)
    args = (index, state.cum_output, np.zeros_like(state.cash), state.chip_done)
    np.testing.assert_allclose(costs.unit_costs(scenario.arrays, scenario.model, *args),
                               (1.0 + vat) * costs.unit_costs(no_vat.arrays, no_vat.model, *args), rtol=1e-12)


def test_a_late_launch_sells_its_share_of_the_first_quarter(scenario):
    j = scenario.model_ids.index("su7")                     # goes on sale in the scenario's second quarter
    full = _with(scenario, models=tuple(replace(m, first_quarter_share=1.0, hype_orders=0.0) if m.id == "su7" else m
                                        for m in scenario.models))
    half = _with(full, models=tuple(replace(m, first_quarter_share=0.5) if m.id == "su7" else m for m in full.models))
    orders = []
    for sc in (full, half):
        state, streams = initial_state(sc), Streams(5, 1)
        got = []
        for _ in range(3):
            state, report = advance(state, normal.decide(state), streams)
            got.append(report.model["domestic_orders"][0, j])
        orders.append(got)
    assert orders[0][0] == orders[1][0] == 0.0
    assert orders[0][1] > 0 and abs(orders[1][1] - 0.5 * orders[0][1]) <= 1e-9 * orders[0][1]
    assert orders[1][2] > 0.9 * orders[0][2]                  # later quarters are whole again


def test_the_expected_path_switches_every_shock_off_and_is_a_pure_function(scenario):
    quiet = expected_scenario(scenario)
    assert quiet.market.demand_noise_sd == quiet.market.model_noise_sd == quiet.battery.lithium_sd == 0.0
    assert quiet.model.autonomy_noise_sd == quiet.model.breakthrough_prob == quiet.model.setback_prob == 0.0
    assert scenario.market.demand_noise_sd > 0                 # the scenario itself is unchanged
    a, b = play_expected(scenario, 3), play_expected(scenario, 3)
    for ra, rb in zip(a, b):
        np.testing.assert_array_equal(ra.firm["deliveries"], rb.firm["deliveries"])
        np.testing.assert_array_equal(ra.world["market_shock"], 1.0)
