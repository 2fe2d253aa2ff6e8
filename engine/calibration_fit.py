"""``closedloop calibrate``: weighted least squares of the history scenario on the in-sample targets.

The parameters to fit, their starting values, bounds and priors are in
``scenarios/calibration/fit.toml``; the reported figures in ``targets.toml``. A run:

1. applies every parameter's ``init`` to the history scenario (never the values in the files, so a
   rerun starts from the same point and reproduces them);
2. minimises the sum of squared residuals -- the in-sample rows of the targets
   (:func:`engine.calibration_targets.residuals` on the expected path of
   :func:`engine.calibration_history.play_expected`) plus the priors -- by Levenberg-Marquardt with
   forward-difference Jacobians in a logistic transform of each parameter's ``[lo, hi]``;
3. gives every later launch whose quality is not fitted the quality of its firm's fitted model
   nearest in launch price, inside the fit (nothing after the window is fitted);
4. writes the values, rounded, into every listed scenario file (:func:`write_values`).

Everything is deterministic: a fixed start, fixed steps and no random numbers.
"""

from dataclasses import dataclass, fields, replace
from pathlib import Path

import numpy as np

from . import costs, events
from .ai import normal
from .calibration import parse_path, rewrite_values
from .calibration_history import play_expected
from .calibration_lm import least_squares
from .calibration_targets import TARGETS_FILE, load_targets, read_config, residuals
from .errors import ScenarioError
from .initial import initial_state
from .scenario import load_scenario, parse_scenario
from .scenario.arrays import compile_arrays
from .scenario.fields import param

FIT_FILE = TARGETS_FILE.with_name("fit.toml")
ORDERED = ("model.ramp",)   # lists whose fitted items may not fall: new capacity only ramps up
ORDER_SD = 0.001
SNAP = 1e-6


@dataclass(frozen=True, kw_only=True)
class FitSettings:
    """The ``[fit]`` table."""

    scenarios: tuple[str, ...] = param(doc="scenario ids: the first is fitted, all receive the values")
    max_iterations: int = param(1, 1000)
    tolerance: float = param(1e-15, 1.0, doc="stop when the cost falls by less than this share")
    fd_step: float = param(1e-8, 1e-1, doc="forward-difference step in the transformed parameters")
    significant_digits: int = param(3, 12, doc="digits the written values are rounded to")
    nash_sd: float = param(0.0, 10.0, default=0.0, source="game design",
                           doc="log sd of each model's static Bertrand-Nash price around its list price at the start (0 = off)")


@dataclass(frozen=True, kw_only=True)
class FitParam:
    """One ``[[param]]``: a scenario parameter, or a multiplier shared by several (``scale``)."""

    path: str = param(default="", source="game design", doc="e.g. models.su7.quality or market.seasonality[1]")
    scale: tuple[str, ...] = param(default=(), source="game design", doc="paths sharing one multiplier")
    base: tuple[float, ...] = param(-1e13, 1e13, default=(), doc="values the multiplier applies to")
    init: float = param(-1e13, 1e13, doc="starting value (the multiplier for scale)")
    lo: float = param(-1e13, 1e13)
    hi: float = param(-1e13, 1e13)
    prior_sd: float = param(0.0, 1e13, default=0.0, source="game design", doc="0 = no prior")

    def targets(self) -> dict:
        """Scenario path -> factor times the fitted value (1 for a plain parameter)."""
        return {self.path: 1.0} if self.path else dict(zip(self.scale, self.base))


@dataclass(frozen=True)
class FitConfig:
    """A validated fit.toml."""

    settings: FitSettings
    params: tuple[FitParam, ...]
    filename: str

    @property
    def lo(self) -> np.ndarray:
        """Lower bounds of the fitted values."""
        return np.array([p.lo for p in self.params])

    @property
    def hi(self) -> np.ndarray:
        """Upper bounds of the fitted values."""
        return np.array([p.hi for p in self.params])

    @property
    def init(self) -> np.ndarray:
        """Starting values."""
        return np.array([p.init for p in self.params])


def load_fit_config(path=FIT_FILE) -> FitConfig:
    """Read and validate ``fit.toml`` (ScenarioError: one line naming the file and field)."""
    raw, r = read_config(path, ("fit", "param"), "[fit] and [[param]]")
    settings = r.table(FitSettings, raw.get("fit"), "fit", "fit")
    if not settings.scenarios:
        r.fail("fit.scenarios", "lists no scenario")
    items = raw.get("param")
    if not isinstance(items, list) or not items:
        r.fail("param", "must be a non-empty array of tables ([[param]])")
    params, seen = [], set()
    for i, item in enumerate(items):
        where = f"param[{i}]"
        p = r.table(FitParam, item, where, f"param.{i}")
        if bool(p.path) == bool(p.scale) or len(p.scale) != len(p.base):
            r.fail(where, "set either path, or scale with one base value per path")
        if not p.lo < p.init < p.hi:
            r.fail(f"{where}.init", f"must lie strictly between lo and hi (got {p.lo:g} < {p.init:g} < {p.hi:g})")
        for target in p.targets():
            try:
                parse_path(target)
            except ScenarioError as exc:
                r.fail(where, str(exc))
            if target in seen:
                r.fail(where, f"{target} is fitted twice")
            seen.add(target)
        params.append(p)
    return FitConfig(settings, tuple(params), str(path))


def apply_values(scenario, values: dict):
    """Return ``scenario`` with parameters replaced (path -> number), arrays recompiled.

    Raises:
        ScenarioError: a path names no parameter of the scenario.
    """
    by_table: dict = {}
    for path, value in values.items():
        table, ident, name, index = parse_path(path)
        by_table.setdefault(table, []).append((ident, name, index, float(value), path))
    changes = {}
    for table, items in by_table.items():
        current = getattr(scenario, "info" if table == "scenario" else table, None)
        if current is None:
            raise ScenarioError(f"{items[0][4]}: scenario {scenario.id} has no table {table!r}")
        if isinstance(current, tuple):
            entries = {e.id: e for e in current}
            for ident, name, index, value, path in items:
                if ident not in entries:
                    raise ScenarioError(f"{path}: scenario {scenario.id} has no {table} entry {ident!r}")
                entries[ident] = _set(entries[ident], name, index, value, path)
            changes[table] = tuple(entries[e.id] for e in current)
        else:
            for _, name, index, value, path in items:
                current = _set(current, name, index, value, path)
            changes["info" if table == "scenario" else table] = current
    changed = replace(scenario, arrays=None, **changes)
    object.__setattr__(changed, "arrays", compile_arrays(changed))
    return changed


def _set(obj, name: str, index, value: float, path: str):
    if name not in {f.name for f in fields(obj)}:
        raise ScenarioError(f"{path}: no parameter {name!r}")
    old = getattr(obj, name)
    if index is None:
        return replace(obj, **{name: type(old)(value) if isinstance(old, (int, float)) else value})
    if not isinstance(old, tuple) or index >= len(old):
        raise ScenarioError(f"{path}: {name} has no item {index}")
    return replace(obj, **{name: old[:index] + (value,) + old[index + 1:]})


def expand(config: FitConfig, x: np.ndarray) -> dict:
    """Scenario path -> value for fitted values ``x`` (multipliers applied to their bases)."""
    return {path: factor * float(v) for p, v in zip(config.params, x) for path, factor in p.targets().items()}


def nash_gaps(scenario) -> np.ndarray:
    """log(static Bertrand-Nash price / list price) of every model on sale at the scenario start.

    The supply side of the demand model (as in BLP): with the fitted costs and price sensitivities,
    list prices should be close to the firms' best responses to each other. Uses the normal AI's
    best-response pricing (full markups, no doctrine shading) at the starting state and news.
    """
    state = initial_state(scenario)
    a = scenario.arrays
    levers = events.current_levers(a, state.event_left, state.event_target, a.n_firms)
    index = costs.battery_index(scenario.battery, state.battery_cum, state.lithium)
    unit_cost = costs.unit_costs(a, scenario.model, index, state.cum_output, levers["hw_cost"], state.chip_done)
    on_sale = state.launched
    nash = normal.best_response_prices(state, levers, np.zeros((1, a.n_firms)), unit_cost, on_sale)
    keep = on_sale[0] > 0
    return np.log(nash[0, keep] / state.price[0, keep])


def _ordered_pairs(config: FitConfig) -> list:
    """Index pairs (i, k) of fitted items ``LIST[n]``, ``LIST[n+1]`` of the lists in ``ORDERED``."""
    where = {p.path: i for i, p in enumerate(config.params) if p.path}
    return [(where[f"{name}[{n}]"], where[f"{name}[{n + 1}]"]) for name in ORDERED for n in range(20)
            if f"{name}[{n}]" in where and f"{name}[{n + 1}]" in where]


def sibling_qualities(scenario, fitted: set) -> dict:
    """Which fitted quality each later launch copies: ``models.<id>.quality`` -> the path of its
    firm's fitted model nearest in launch price (ties: the lower id).

    Applies to models not on sale at the start whose quality is not fitted, of firms with a fitted
    quality; every other model keeps the quality in its file.
    """
    out = {}
    for m in scenario.models:
        later = m.optional or m.launch > scenario.info.start
        peers = [p for p in scenario.models if p.firm == m.firm and f"models.{p.id}.quality" in fitted]
        if f"models.{m.id}.quality" in fitted or not later or not peers:
            continue
        nearest = min(peers, key=lambda p: (abs(p.price_cny - m.price_cny), p.id))
        out[f"models.{m.id}.quality"] = f"models.{nearest.id}.quality"
    return out


@dataclass(frozen=True)
class FitResult:
    """What a calibration run produced."""

    values: dict          # path -> value for every fitted parameter and sibling quality
    x: np.ndarray         # fitted values in fit.toml order
    cost: float           # final sum of squared residuals (targets and priors)
    cost0: float          # at the starting values
    iterations: int
    evaluations: int


def calibrate(config: FitConfig | None = None, targets_path=TARGETS_FILE, max_iterations: int | None = None,
              progress=None) -> FitResult:
    """Fit the first scenario of ``config`` to the in-sample targets.

    Args:
        config: the fit configuration (default: ``scenarios/calibration/fit.toml``).
        targets_path: the targets file.
        max_iterations: override of ``config.settings.max_iterations`` (quick runs, tests).
        progress: optional callable(iteration, cost) after each iteration.

    Returns:
        A :class:`FitResult`; nothing is written (see :func:`write_values`).
    """
    config = config or load_fit_config()
    base = load_scenario(config.settings.scenarios[0])
    targets = load_targets(targets_path, base)
    quarters = targets.window.last - base.info.start + 1
    siblings = sibling_qualities(base, set(expand(config, config.init)))

    def values_of(x) -> dict:
        values = expand(config, x)
        values.update({target: values[source] for target, source in siblings.items()})
        return values

    start = apply_values(base, values_of(config.init))
    settings = config.settings
    priors = np.array([p.prior_sd for p in config.params])
    has_prior = priors > 0
    lo, hi = config.lo, config.hi

    def to_x(z):
        return lo + (hi - lo) / (1.0 + np.exp(-z))

    ordered = _ordered_pairs(config)

    def fun(z):
        x = to_x(np.clip(z, -40.0, 40.0))
        sc = apply_values(start, values_of(x))
        fit = residuals(targets, sc, play_expected(sc, quarters))
        drops = np.array([max(x[i] - x[k], 0.0) / ORDER_SD for i, k in ordered])
        nash = nash_gaps(sc) / settings.nash_sd if settings.nash_sd > 0 else np.zeros(0)
        return np.concatenate([fit, (x - config.init)[has_prior] / priors[has_prior], drops, nash])

    frac = (config.init - lo) / (hi - lo)
    z0 = np.log(frac / (1.0 - frac))
    out = least_squares(fun, z0, max_iterations or settings.max_iterations, settings.tolerance, settings.fd_step,
                        progress)
    x = to_x(np.clip(out.z, -40.0, 40.0))
    x = np.where(x - lo < SNAP * (hi - lo), lo, np.where(hi - x < SNAP * (hi - lo), hi, x))  # at a bound: the bound
    values = values_of(x)
    return FitResult(values, x, out.cost, out.cost0, out.iterations, out.evaluations)


def write_values(values: dict, scenario_ids, digits: int) -> list:
    """Write ``values`` into each scenario's file; paths to entries a scenario lacks are skipped.

    The first scenario must hold every path. Every file is re-validated before anything is written,
    so a failure changes nothing. Returns the paths of the files whose text changed.
    """
    plans = []
    for k, scenario_id in enumerate(scenario_ids):
        sc = load_scenario(scenario_id)
        mine = {p: v for p, v in values.items() if k == 0 or _has_entry(sc, p)}
        text = rewrite_values(sc.text, mine, digits)
        parse_scenario(text, sc.filename)
        plans.append((Path(sc.filename), sc.text, text))
    changed = []
    for path, old, new in plans:
        if new != old:
            path.write_text(new, encoding="utf-8")
            changed.append(str(path))
    return changed


def _has_entry(scenario, path: str) -> bool:
    table, ident, _, _ = parse_path(path)
    return ident is None or ident in {e.id for e in getattr(scenario, table)}


def committed_differences(values: dict, scenario_ids, digits: int, rel_tol: float = 1e-3) -> list:
    """Parameters whose committed values differ from ``values`` rounded to ``digits`` digits.

    Returns ``(scenario id, path, committed, refit)`` tuples for differences beyond ``rel_tol``
    (relative, or absolute below 1e-3); empty when the files hold what the fit produced.
    """
    out = []
    for k, scenario_id in enumerate(scenario_ids):
        sc = load_scenario(scenario_id)
        for path, value in values.items():
            if k and not _has_entry(sc, path):
                continue
            committed = current_value(sc, path)
            refit = float(f"{value:.{digits}g}")
            if abs(committed - refit) > rel_tol * max(abs(refit), 1e-3):
                out.append((scenario_id, path, committed, refit))
    return out


def current_value(scenario, path: str) -> float:
    """The scenario's value of a parameter path."""
    table, ident, name, index = parse_path(path)
    obj = getattr(scenario, "info" if table == "scenario" else table)
    if ident is not None:
        obj = next(e for e in obj if e.id == ident)
    value = getattr(obj, name)
    return float(value if index is None else value[index])
