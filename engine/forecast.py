"""Monte Carlo forecasts: many futures of the next quarters from a game's current state.

Used by ``closedloop forecast`` and the app's preview. Futures draw from their own streams
(``prefix = (FORECAST, t, salt)``), so a forecast never consumes or disturbs the game's world
streams, and the same (state, seed, salt, plan) always gives the same bands.
"""

from dataclasses import dataclass, replace

import numpy as np

from . import ai, injections
from .decisions import FirmDecision, to_arrays
from .errors import ClosedLoopError
from .model import advance
from .perf import tune_allocator
from .quarters import quarter_label
from .rng import Streams
from .scoring import objectives_on_track

FORECAST_STREAM = 2
METRICS = ("deliveries", "operating_profit_cny", "cash_cny", "market_share", "revenue_cny", "gross_margin")
PERCENTILES = (5, 50, 95)


class ForecastCancelled(ClosedLoopError):
    """The caller's progress callback asked to stop."""


@dataclass(frozen=True)
class Forecast:
    """Results of a forecast.

    Attributes:
        firm_ids: firm order of the last axis.
        quarters: labels of the forecast quarters.
        values: metric name -> (quarters, futures, firms) array.
        objective_met: (futures,) True where every objective is met (or, for "never" kinds, not
            failed) by the end of the horizon.
    """

    firm_ids: tuple
    quarters: tuple
    values: dict
    objective_met: np.ndarray

    @property
    def futures(self) -> int:
        """Number of futures."""
        return self.objective_met.shape[0]

    @property
    def objective_probability(self) -> float:
        """Share of futures meeting every objective by the end of the horizon."""
        return float(self.objective_met.mean())

    def bands(self, metric: str, percentiles=PERCENTILES) -> np.ndarray:
        """Percentiles over futures: (len(percentiles), quarters, firms)."""
        return np.percentile(self.values[metric], percentiles, axis=1)

    def to_json(self, metrics=("deliveries", "operating_profit_cny", "cash_cny", "market_share")) -> dict:
        """The ``closedloop forecast`` JSON: each metric a band ``{"p5", "p50", "p95"}``."""
        bands = {m: self.bands(m) for m in metrics}
        quarters = []
        for q, label in enumerate(self.quarters):
            firms = []
            for f, firm_id in enumerate(self.firm_ids):
                row = {"id": firm_id}
                for m in metrics:
                    row[m] = {f"p{p}": float(bands[m][k, q, f]) for k, p in enumerate(PERCENTILES)}
                firms.append(row)
            quarters.append({"quarter": label, "firms": firms})
        return {"futures": self.futures, "quarters": quarters,
                "objective_probability": self.objective_probability}


def run_forecast(state, seed: int, futures: int, quarters: int, *, plan: dict | None = None,
                 hold_plan: bool = False, level: str = "normal", salt: int = 0, progress=None,
                 injected: tuple = (), custom_log: tuple = ()) -> Forecast:
    """Simulate ``futures`` futures of the next ``quarters`` quarters from ``state``.

    Args:
        state: a single-future state (the game's current state).
        seed: the game seed (forecast streams are derived from it, the quarter and ``salt``).
        futures, quarters: batch size and horizon (quarters beyond the scenario end are allowed).
        plan: firm id -> FirmDecision for the first quarter (e.g. the player's draft); every
            other decision comes from AI at ``level``.
        hold_plan: keep the plan's decisions in every forecast quarter instead of only the first.
        level: AI level for every firm without a plan.
        salt: separates independent forecasts of the same quarter.
        progress: optional ``callback(done, total) -> bool``; returning False cancels.
        injected: facilitator injections ``(event id or CustomEvent, target)`` released in the
            first forecast quarter (an event's impact preview: forecast with and without).
        custom_log: ``(t, CustomEvent, target)`` of custom events injected earlier in the game
            (``Game.custom_log()``), which keep acting while they run.

    Returns:
        A :class:`Forecast`.

    Raises:
        ForecastCancelled: the callback returned False.
        ClosedLoopError: bad sizes.
    """
    if futures < 1 or quarters < 1:
        raise ClosedLoopError("a forecast needs at least one future and one quarter")
    if state.futures != 1:
        raise ClosedLoopError("forecasts start from a single-future state")
    tune_allocator()
    sc = state.scenario
    decide = ai.policy(level)
    streams = Streams(seed, futures, prefix=(FORECAST_STREAM, state.t, salt))
    ai_streams = Streams(seed, futures, prefix=(FORECAST_STREAM, state.t, salt, 1))
    batch = state.repeat(futures)
    plan_firms = [sc.firm_index(f) for f in (plan or {})]
    plan_arrays = None
    values = {m: np.empty((quarters, futures, sc.arrays.n_firms)) for m in METRICS}
    labels = []
    injections.check(sc, tuple(injected))
    log = list(custom_log) + [(state.t, e, target) for e, target in injected if injections.is_custom((e, target))]
    for q in range(quarters):
        decisions = decide(batch, ai_streams)
        if q == 0 and injected:
            inject, target = injections.deck_arrays(sc, injected, futures)
            decisions = replace(decisions, inject=inject, inject_target=target)
        decisions = injections.with_custom(sc, decisions, log, state.t + q)
        if plan and (q == 0 or hold_plan):
            if plan_arrays is None:
                full = {f: plan.get(f) or FirmDecision() for f in sc.firm_ids}  # only plan firms are used
                plan_arrays = to_arrays(sc, full, state).repeat(futures)
            for f in plan_firms:
                decisions = decisions.with_firm(f, plan_arrays, sc.arrays.owner)
        batch, report = advance(batch, decisions, streams)
        for m in METRICS:
            values[m][q] = report.firm[m]
        labels.append(quarter_label(sc.info.start + state.t + q))
        if progress is not None and progress(q + 1, quarters) is False:
            raise ForecastCancelled("forecast cancelled")
    met = objectives_on_track(sc.arrays, batch.objective)
    return Forecast(sc.firm_ids, tuple(labels), values, met)

