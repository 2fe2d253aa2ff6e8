"""Monte Carlo forecasts: many futures of the next quarters from a game's current state.

Used by ``closedloop forecast`` and the app's preview. Futures draw from their own streams
(``prefix = (FORECAST, t, salt)``), so a forecast never consumes or disturbs the game's world
streams, and the same (state, seed, salt, plan) always gives the same bands.

Futures are simulated in chunks (two per worker, up to 5,000 futures each) on a small thread pool
-- numpy releases the GIL in its loops, so two chunks run on two cores. A
future's numbers do not depend on the chunk it sits in (every per-future computation is
independent of the batch), so the result is the same for any chunk size or worker count. In the
first quarter every future starts from the same state, so deterministic AI levels decide once
and the decision is shared.
"""

import os
import threading
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
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
MIN_CHUNK, MAX_CHUNK = 256, 5000   # futures per chunk: two chunks per worker within these bounds
MAX_WORKERS = 2
PROGRESS_SECONDS = 0.05
DETERMINISTIC = ("normal", "hard")     # levels whose decision is a function of the state alone
LATER_QUARTERS = {"hard": "normal"}    # hard rivals after the first quarter: the model their look-ahead assumes


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
                 hold_plan: bool = False, level: str = "normal", plan_level: str | None = None, salt: int = 0,
                 progress=None,
                 injected: tuple = (), custom_log: tuple = (), workers: int | None = None,
                 chunk: int | None = None) -> Forecast:
    """Simulate ``futures`` futures of the next ``quarters`` quarters from ``state``.

    Args:
        state: a single-future state (the game's current state).
        seed: the game seed (forecast streams are derived from it, the quarter and ``salt``).
        futures, quarters: batch size and horizon (quarters beyond the scenario end are allowed).
        plan: firm id -> FirmDecision for the first quarter (e.g. the player's draft); every
            other decision comes from AI at ``level``.
        hold_plan: keep the plan's decisions in every forecast quarter instead of only the first.
        level: AI level for every firm without a plan. Hard rivals decide the first quarter
            with their full look-ahead; later quarters use the normal policy their look-ahead
            assumes of everyone (a look-ahead inside each of thousands of futures would cost
            thousands of seconds).
        plan_level: AI level that plays the plan's firms after the first quarter when the plan is
            not held (default ``level``), e.g. "normal" for the app's advisor against easy rivals.
        salt: separates independent forecasts of the same quarter.
        progress: optional ``callback(done, total) -> bool`` called from the calling thread as
            the chunks of futures advance (``total`` = chunks x quarters steps, reported at most
            every ``PROGRESS_SECONDS`` and at the end); returning False cancels.
        injected: facilitator injections ``(event id or CustomEvent, target)`` released in the
            first forecast quarter (an event's impact preview: forecast with and without).
        custom_log: ``(t, CustomEvent, target)`` of custom events injected earlier in the game
            (``Game.custom_log()``), which keep acting while they run.
        workers: threads (default: up to two, one per core); results do not depend on it.
        chunk: futures per chunk (default: two chunks per worker, 256 to 5,000 futures each);
            results do not depend on it.

    Returns:
        A :class:`Forecast`.

    Raises:
        ForecastCancelled: the callback returned False.
        ClosedLoopError: bad sizes or level.
    """
    if futures < 1 or quarters < 1:
        raise ClosedLoopError("a forecast needs at least one future and one quarter")
    if state.futures != 1:
        raise ClosedLoopError("forecasts start from a single-future state")
    later_level = LATER_QUARTERS.get(level, level)
    plan_later = LATER_QUARTERS.get(plan_level, plan_level) if plan_level else later_level
    try:
        first_policy, later_policy = ai.policy(level), ai.policy(later_level)
        plan_policy = ai.policy(plan_later) if plan_later != later_level and plan and not hold_plan else None
    except ValueError as exc:
        raise ClosedLoopError(str(exc)) from None
    tune_allocator()
    sc = state.scenario
    F = sc.arrays.n_firms
    injections.check(sc, tuple(injected))
    log = list(custom_log) + [(state.t, e, target) for e, target in injected if injections.is_custom((e, target))]
    shared_first = first_policy(state, Streams(seed, 1, prefix=(FORECAST_STREAM, state.t, salt, 1))) \
        if level in DETERMINISTIC else None
    plan_arrays = None
    if plan:
        full = {f: plan.get(f) or FirmDecision() for f in sc.firm_ids}   # only the plan's firms are used
        plan_arrays = to_arrays(sc, full, state)
    plan_firms = [sc.firm_index(f) for f in (plan or {})]
    values = {m: np.empty((quarters, futures, F)) for m in METRICS}
    met = np.empty(futures, dtype=bool)
    stop = threading.Event()
    steps = [0]                                # chunk-quarters simulated, for progress
    lock = threading.Lock()

    def run_chunk(lo: int, hi: int) -> None:
        n = hi - lo
        streams = Streams(seed, range(lo, hi), prefix=(FORECAST_STREAM, state.t, salt))
        ai_streams = Streams(seed, range(lo, hi), prefix=(FORECAST_STREAM, state.t, salt, 1))
        batch = state.repeat(n)
        held = plan_arrays.repeat(n) if plan_arrays is not None else None
        for q in range(quarters):
            if stop.is_set():
                return
            if q == 0 and shared_first is not None:
                decisions = shared_first.repeat(n)
            else:
                decisions = (first_policy if q == 0 else later_policy)(batch, ai_streams)
            if q == 0 and injected:
                inject, target = injections.deck_arrays(sc, injected, n)
                decisions = replace(decisions, inject=inject, inject_target=target)
            decisions = injections.with_custom(sc, decisions, log, state.t + q)
            if held is not None and (q == 0 or hold_plan):
                for f in plan_firms:
                    decisions = decisions.with_firm(f, held, sc.arrays.owner)
            elif plan_policy is not None:
                own = plan_policy(batch, ai_streams, firms=plan_firms)
                for f in plan_firms:
                    decisions = decisions.with_firm(f, own, sc.arrays.owner)
            batch, report = advance(batch, decisions, streams)
            for m in METRICS:
                values[m][q, lo:hi] = report.firm[m]
            with lock:
                steps[0] += 1
        met[lo:hi] = objectives_on_track(sc.arrays, batch.objective)

    n_workers = max(1, workers or min(MAX_WORKERS, os.cpu_count() or 1))
    if chunk is None:
        chunk = min(max(-(-futures // (2 * n_workers)), MIN_CHUNK), MAX_CHUNK)
    bounds = [(lo, min(lo + chunk, futures)) for lo in range(0, futures, max(int(chunk), 1))]
    n_workers = min(n_workers, len(bounds))
    total = len(bounds) * quarters
    with ThreadPoolExecutor(max_workers=n_workers) as pool:
        pending = {pool.submit(run_chunk, lo, hi) for lo, hi in bounds}
        reported = 0
        try:
            while pending:
                finished, pending = wait(pending, timeout=PROGRESS_SECONDS, return_when=FIRST_COMPLETED)
                for fut in finished:
                    fut.result()
                with lock:
                    done = steps[0]
                if progress is not None and done > reported:
                    reported = done
                    if progress(done, total) is False:
                        raise ForecastCancelled("forecast cancelled")
        except BaseException:
            stop.set()
            for fut in pending:
                fut.cancel()
            raise
    labels = tuple(quarter_label(sc.info.start + state.t + q) for q in range(quarters))
    return Forecast(sc.firm_ids, labels, values, met)
