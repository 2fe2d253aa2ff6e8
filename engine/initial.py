"""The state at the start of a scenario (quarter offset 0), before any quarter is played."""

import numpy as np

from .ecosystem import toward_full
from .scoring import starting_valuation
from .state import Layout, State, StateBuilder


def layout_for(scenario) -> Layout:
    """Return the state layout for the scenario's axis sizes."""
    a = scenario.arrays
    return Layout.for_dims(a.n_firms, a.n_models, a.n_eco, a.n_events, len(scenario.objectives), len(a.ramp))


def initial_state(scenario, futures: int = 1) -> State:
    """Return the starting state of ``scenario`` repeated over ``futures`` futures.

    Every firm starts with the scenario's cash, debt, plant, capacity (ramping and under
    construction), brand, autonomy, integration and installed base. Services quality and the
    charging stock start at the steady state of the starting budgets, so quarter one has no jump.
    """
    a, mp = scenario.arrays, scenario.model
    f = a.firm
    b = StateBuilder(scenario, layout_for(scenario), 1)
    for name, key in (("cash", "cash_cny"), ("debt", "debt_cny"), ("ppe", "ppe_cny"), ("brand", "brand"),
                      ("ceiling", "brand_ceiling_cny"), ("autonomy", "autonomy"), ("team", "autonomy_team"),
                      ("chip_spend", "chip_spend_cny"), ("chip_done", "chip_done"), ("integration", "integration"),
                      ("installed_base", "installed_base"), ("capacity", "capacity"), ("shifts", "shifts"),
                      ("cum_output", "cum_output")):
        b[name] = f[key]
    quality = np.zeros(a.n_firms)
    for _ in range(200):  # fixed point of toward_full at the starting services budget
        quality = toward_full(quality, f["services_budget_cny"], mp.services_budget_scale_cny, mp.integration_decay)
    b["services_quality"] = quality
    b["charging"] = f["charging_budget_cny"] / max(scenario.market.charging_decay, 1e-3)
    b["pipeline"] = a.firm_pipeline
    b["ramping"] = a.firm_ramping
    b["price"] = a.price0
    on_sale = (a.launch < 0) & (a.optional == 0)
    b["launched"] = on_sale.astype(float)
    b["launch_at"] = np.where(a.optional > 0, -1.0, np.maximum(a.launch, 0.0))
    b["lithium"] = 0.0
    b["battery_cum"] = scenario.battery.global_cum_gwh
    b["battery_flow"] = scenario.battery.global_gwh_per_quarter
    b["eco_users"] = a.eco_users0
    b["event_target"] = -1.0
    b["valuation0"] = starting_valuation(scenario)
    state = b.finish(0)
    return state.repeat(futures) if futures > 1 else state
