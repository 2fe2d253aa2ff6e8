"""Reported figures (``scenarios/calibration/targets.toml``) and how the model's history is measured against them.

Each ``[[actual]]`` row names a firm, a metric, one or more quarters and the reported value with
its source and an ``sd`` (how far off one unit of error is). Rows whose quarters all lie in the
``[window]`` are in-sample (fitted by ``closedloop calibrate``); any row reaching past the window
is out-of-sample (only reported by the back-test). The file is validated by the scenario
:class:`~engine.scenario.reader.Reader`, so a bad row gets one line naming the file and field.
"""

import tomllib
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .errors import ScenarioError
from .quarters import parse_quarter
from .scenario.fields import param
from .scenario.reader import Reader

LOG_METRICS = ("deliveries", "orders", "backlog", "revenue_cny", "nev_retail")
LEVEL_METRICS = ("operating_profit_cny", "gross_margin", "car_gross_margin", "model_share")
METRICS = LOG_METRICS + LEVEL_METRICS
MARKET = "market"
TARGETS_FILE = Path(__file__).resolve().parents[1] / "scenarios" / "calibration" / "targets.toml"


@dataclass(frozen=True, kw_only=True)
class Window:
    """The in-sample window: quarters the calibration may fit."""

    first: int = param(kind="quarter", doc="first in-sample quarter")
    last: int = param(kind="quarter", doc="last in-sample quarter")


@dataclass(frozen=True, kw_only=True)
class Actual:
    """One reported figure: a firm's metric over one or more quarters."""

    firm: str = param(doc="firm id, or 'market' for nev_retail")
    metric: str = param(doc="one of engine.calibration_targets.METRICS")
    quarters: tuple[str, ...] = param(doc="quarter labels; several are summed (margins and shares as ratios of sums)")
    value: float = param(-1e13, 1e13, doc="the reported value (units, CNY or a share)")
    sd: float = param(1e-9, 1e13, doc="one unit of error: log points for units/CNY/retail, absolute otherwise")
    model: str = param(default="", source="game design", doc="model id for model_share")


@dataclass(frozen=True)
class Targets:
    """The window and every row, with quarter labels parsed to absolute indices."""

    window: Window
    actuals: tuple[Actual, ...]
    quarter_index: tuple[tuple[int, ...], ...]
    filename: str

    def in_sample(self, i: int) -> bool:
        """True when row ``i`` lies wholly within the window (calibration may fit it)."""
        return all(self.window.first <= q <= self.window.last for q in self.quarter_index[i])


def read_config(path, sections: tuple, hint: str) -> tuple:
    """Parse a calibration TOML file: ``(raw dict, Reader naming the file)``.

    Raises:
        ScenarioError: unreadable file, invalid TOML, or a section not in ``sections`` (one line).
    """
    path = Path(path)
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ScenarioError(f"{path}: cannot read ({exc.strerror or exc})") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ScenarioError(f"{path}: not valid TOML ({exc})") from None
    r = Reader(str(path))
    for key in raw:
        if key not in sections:
            r.fail(key, f"unknown section (use {hint})")
    return raw, r


def load_targets(path=TARGETS_FILE, scenario=None) -> Targets:
    """Read and validate a targets file; with ``scenario``, also check firm and model ids.

    Raises:
        ScenarioError: one line naming the file, the row and the field.
    """
    raw, r = read_config(path, ("window", "actual"), "[window] and [[actual]]")
    window = r.table(Window, raw.get("window"), "window", "window")
    rows = raw.get("actual")
    if not isinstance(rows, list) or not rows:
        r.fail("actual", "must be a non-empty array of tables ([[actual]])")
    actuals, indices = [], []
    for i, row in enumerate(rows):
        where = f"actual[{i}]"
        a = r.table(Actual, row, where, f"actual.{i}")
        if a.metric not in METRICS:
            r.fail(f"{where}.metric", f"must be one of {', '.join(METRICS)} (got {a.metric!r})")
        if (a.firm == MARKET) != (a.metric == "nev_retail"):
            r.fail(f"{where}.firm", "nev_retail rows, and only they, belong to firm 'market'")
        if (a.metric == "model_share") != bool(a.model):
            r.fail(f"{where}.model", "model_share rows, and only they, name a model")
        if not a.quarters:
            r.fail(f"{where}.quarters", "lists no quarter")
        try:
            indices.append(tuple(parse_quarter(q) for q in a.quarters))
        except ValueError as exc:
            r.fail(f"{where}.quarters", str(exc))
        if scenario is not None:
            _check_ids(r, where, a, scenario)
        actuals.append(a)
    return Targets(window, tuple(actuals), tuple(indices), str(path))


def _check_ids(r: Reader, where: str, a: Actual, scenario) -> None:
    if a.firm != MARKET and a.firm not in scenario.firm_ids:
        r.fail(f"{where}.firm", f"no firm {a.firm!r} in scenario {scenario.id}")
    if a.model and (a.model not in scenario.model_ids
                    or scenario.models[scenario.model_ids.index(a.model)].firm != a.firm):
        r.fail(f"{where}.model", f"{a.firm} has no model {a.model!r} in scenario {scenario.id}")


def simulated(targets: Targets, i: int, scenario, reports: list) -> float:
    """The model's value of row ``i`` from single-future reports of quarters ``0..len(reports)-1``.

    Returns NaN when a quarter of the row was not played (or precedes the scenario).
    """
    a = targets.actuals[i]
    ts = [q - scenario.info.start for q in targets.quarter_index[i]]
    if min(ts) < 0 or max(ts) >= len(reports):
        return float("nan")
    rep = [reports[t] for t in ts]
    if a.metric == "nev_retail":
        return float(sum(r.firm["domestic_deliveries"][0].sum() for r in rep))
    f = scenario.firm_index(a.firm)
    total = lambda name: float(sum(r.firm[name][0, f] for r in rep))  # noqa: E731
    if a.metric == "backlog":  # orders waiting at the end of the row's last quarter
        return float(rep[-1].firm["backlog"][0, f])
    if a.metric == "model_share":
        j = scenario.model_ids.index(a.model)
        return float(sum(r.model["deliveries"][0, j] for r in rep)) / max(total("deliveries"), 1.0)
    if a.metric == "gross_margin":
        return total("gross_profit_cny") / max(total("revenue_cny"), 1.0)
    if a.metric == "car_gross_margin":
        cost = sum(total(k) for k in ("car_cogs_cny", "labour_cny", "depreciation_cny", "holding_cny", "recall_cny"))
        return 1.0 - cost / max(total("car_revenue_cny"), 1.0)
    return total(a.metric)


def residuals(targets: Targets, scenario, reports: list) -> np.ndarray:
    """Weighted in-sample residuals (model minus reported, over ``sd``), in row order.

    Units, CNY and NEV retail compare in logs; NEV retail only by its quarter-to-quarter shape
    (the modelled firms sell about half of China's NEVs, so its level is not a target).
    """
    rows = [i for i in range(len(targets.actuals)) if targets.in_sample(i)]
    sim = np.array([simulated(targets, i, scenario, reports) for i in rows])
    act = np.array([targets.actuals[i].value for i in rows])
    sd = np.array([targets.actuals[i].sd for i in rows])
    log = np.array([targets.actuals[i].metric in LOG_METRICS for i in rows])
    with np.errstate(divide="ignore", invalid="ignore"):
        err = np.where(log, np.log(np.maximum(sim, 1e-9)) - np.log(np.maximum(act, 1e-9)), sim - act)
    retail = np.array([targets.actuals[i].metric == "nev_retail" for i in rows])
    if retail.any():
        err[retail] -= err[retail].mean()
    return err / sd


def comparisons(targets: Targets, scenario, reports: list) -> list:
    """Every row next to the model's value, as dicts (rows whose quarters were not played are left out).

    Keys: firm, metric, model, quarters (labels), reported, simulated, in_sample, error -- the
    relative error ``simulated / reported - 1`` for units and CNY except operating profit, the
    difference otherwise (percentage points for margins, CNY for operating profit).
    """
    out = []
    for i, a in enumerate(targets.actuals):
        sim = simulated(targets, i, scenario, reports)
        if not np.isfinite(sim):
            continue
        relative = a.metric in LOG_METRICS
        out.append({"firm": a.firm, "metric": a.metric, "model": a.model, "quarters": list(a.quarters),
                    "reported": a.value, "simulated": sim, "in_sample": targets.in_sample(i),
                    "error": sim / a.value - 1.0 if relative else sim - a.value})
    return out


def mape(rows: list, firms, in_sample: bool = True) -> float:
    """Mean absolute percentage error of quarterly deliveries of ``firms`` (NaN without rows)."""
    errs = [abs(r["error"]) for r in rows if r["metric"] == "deliveries" and len(r["quarters"]) == 1
            and r["firm"] in firms and r["in_sample"] == in_sample]
    return float(np.mean(errs)) if errs else float("nan")
