"""The history path: a scripted scenario played along its expected values, for calibration and back-test.

The back-test plays the *expected* path: every shock of the model is switched off (market and
model demand noise, lithium swings, autonomy and brand noise, breakthroughs and setbacks), the
history scenario fires only its scheduled events, and every firm follows the scenario's
``[[script]]`` (the normal AI decides what the script leaves open). The lognormal shocks have mean
one, so switching them off plays their expectation; what remains random (a chip programme's
success draw) is drawn from the scenario's default seed, which makes the path a pure function of
the scenario.
"""

from dataclasses import replace

from . import script
from .initial import initial_state
from .model import advance
from .rng import Streams
from .scenario.arrays import compile_arrays

NOISE_OFF = {
    "market": {"demand_noise_sd": 0.0, "model_noise_sd": 0.0},
    "battery": {"lithium_sd": 0.0},
    "model": {"autonomy_noise_sd": 0.0, "brand_noise_sd": 0.0, "breakthrough_prob": 0.0, "setback_prob": 0.0},
}


def expected_scenario(scenario):
    """Return ``scenario`` with every shock switched off (see the module docstring)."""
    changed = replace(scenario, arrays=None,
                      **{section: replace(getattr(scenario, section), **values) for section, values in NOISE_OFF.items()})
    object.__setattr__(changed, "arrays", compile_arrays(changed))
    return changed


def play_expected(scenario, quarters: int | None = None) -> list:
    """Play ``quarters`` (default: all) of the expected path with every firm scripted.

    Args:
        scenario: a scenario with a ``[[script]]`` (without one, every firm plays the normal AI).
        quarters: how many quarters from the start.

    Returns:
        One single-future :class:`~engine.report.QuarterReport` per quarter.
    """
    sc = expected_scenario(scenario)
    quarters = sc.n_quarters if quarters is None else min(quarters, sc.n_quarters)
    streams = Streams(sc.info.default_seed, 1)
    state = initial_state(sc)
    reports = []
    for _ in range(quarters):
        state, report = advance(state, script.decide(state), streams)
        reports.append(report)
    return reports
