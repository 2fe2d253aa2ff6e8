"""Helpers shared by engine tests."""

import numpy as np

from engine.ai import normal
from engine.initial import initial_state
from engine.model import advance
from engine.rng import Streams


def run_batch(scenario, seed: int, futures, quarters: int):
    """Play ``quarters`` with normal AI for every firm over a batch of futures.

    Args:
        futures: number of futures or explicit stream indices.

    Returns:
        list of (state, report) after each quarter.
    """
    streams = Streams(seed, futures)
    state = initial_state(scenario, streams.futures)
    out = []
    for _ in range(quarters):
        state, report = advance(state, normal.decide(state), streams)
        out.append((state, report))
    return out


def random_decisions(scenario, rng: np.random.Generator, futures: int = 1, regime: str = "random"):
    """Random, extreme or degenerate decision arrays for every firm (valid ranges only)."""
    from engine.decisions import DecisionArrays, MAX_BUDGET_CNY, MAX_UNITS

    a = scenario.arrays
    B, F, J, N = futures, a.n_firms, a.n_models, a.n_events
    if regime == "zero":
        price = np.full((B, J), 10_000.0)
        production = np.zeros((B, J))
        cap = np.zeros((B, F))
        budget = np.zeros((B, F, 6))
        finance = np.zeros((B, F, 3))
    elif regime == "max":
        price = np.full((B, J), 10_000_000.0)
        production = np.full((B, J), MAX_UNITS)
        cap = np.full((B, F), MAX_UNITS)
        budget = np.full((B, F, 6), MAX_BUDGET_CNY)
        finance = np.tile([1e12, 1e12, 1e12], (B, F, 1))
    else:
        price = np.exp(rng.uniform(np.log(10_000), np.log(10_000_000), (B, J)))
        production = rng.uniform(0, 1, (B, J)) ** 3 * MAX_UNITS
        cap = rng.uniform(0, 1, (B, F)) ** 4 * MAX_UNITS
        budget = rng.uniform(0, 1, (B, F, 6)) ** 4 * MAX_BUDGET_CNY
        finance = np.stack([rng.uniform(0, 1e11, (B, F)), rng.uniform(0, 1e11, (B, F)),
                            rng.uniform(-1e11, 1e11, (B, F))], axis=-1)
    incentive = price * rng.uniform(0, 0.5, (B, J)) * (regime == "random")
    return DecisionArrays(
        price=price, incentive=incentive, production=production,
        launch=(rng.uniform(size=(B, J)) < 0.3).astype(float), capacity_order=cap,
        shifts=rng.integers(1, 4, (B, F)).astype(float), bundle=rng.uniform(0, 1e5, (B, F)) * (regime != "zero"),
        budget=budget, finance=finance, inject=(rng.uniform(size=(B, N)) < 0.05).astype(float),
        inject_target=np.where(rng.uniform(size=(B, N)) < 0.5, rng.integers(0, F, (B, N)), -1).astype(float))
