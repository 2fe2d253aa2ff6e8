"""Calibration helpers: invert model quality (xi) so expected orders match volume targets.

The inversion is the BLP contraction ``xi <- xi + ln(target) - ln(predicted)`` evaluated at the
scenario's starting state and prices, with every model treated as on sale, so launches later in
the game keep a quality consistent with the rest of the line-up.
"""

import re
import tomllib
from pathlib import Path

import numpy as np

from . import events
from .ai.normal import expected_orders
from .errors import ScenarioError
from .initial import initial_state
from .scenario.arrays import compile_arrays


def load_targets(path: str | Path) -> dict:
    """Read ``[orders]`` (model id -> orders/quarter) from a calibration targets TOML file."""
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ScenarioError(f"{path}: cannot read calibration targets ({exc})") from None
    orders = raw.get("orders")
    if not isinstance(orders, dict) or not all(isinstance(v, (int, float)) and v > 0 for v in orders.values()):
        raise ScenarioError(f"{path}: [orders] must map model ids to positive numbers")
    return {k: float(v) for k, v in orders.items()}


def invert_quality(scenario, targets: dict, tol: float = 1e-10, max_iter: int = 500) -> dict:
    """Return model id -> quality (xi) that reproduces ``targets`` (orders/quarter) at the start.

    Args:
        scenario: a loaded scenario (its current qualities are the starting point).
        targets: model id -> expected orders per quarter at the starting state and prices.

    Raises:
        ScenarioError: a target names an unknown model, or a model has no target.
    """
    ids = scenario.model_ids
    for model_id in targets:
        if model_id not in ids:
            raise ScenarioError(f"calibration target {model_id!r}: no such model in {scenario.id}")
    missing = [m for m in ids if m not in targets]
    if missing:
        raise ScenarioError(f"calibration targets: no target for model {missing[0]!r}")
    goal = np.array([targets[m] for m in ids])
    quality = np.array(scenario.arrays.quality, dtype=float)
    for _ in range(max_iter):
        predicted = _orders_with_quality(scenario, quality)
        step = np.log(goal) - np.log(np.maximum(predicted, 1e-12))
        quality = quality + step
        if np.abs(step).max() < tol:
            break
    return {m: float(q) for m, q in zip(ids, quality)}


def _orders_with_quality(scenario, quality: np.ndarray) -> np.ndarray:
    from dataclasses import replace

    arrays = compile_arrays(scenario)
    q = np.array(quality, dtype=float)
    q.setflags(write=False)
    variant = replace(scenario, arrays=replace(arrays, quality=q))
    state = initial_state(variant)
    a = variant.arrays
    levers = events.current_levers(a, state.event_left, state.event_target, a.n_firms)
    return expected_orders(state, levers, state.price, np.zeros((1, a.n_firms)), np.ones((1, a.n_models)))[0]


ARRAY_TABLES = ("consumer_types", "ecosystems", "firms", "models", "events", "objectives")
PLAIN_TABLES = ("scenario", "market", "battery", "model", "scoring")
_PATH = re.compile(r"^(?P<table>[a-z_]+)(?:\.(?P<id>[a-z0-9][a-z0-9_-]*))?\.(?P<field>[a-z_]+)(?:\[(?P<index>\d+)\])?$")


def parse_path(path: str) -> tuple:
    """Split a parameter path into ``(table, id or None, field, index or None)``.

    Paths: ``market.potential_buyers``, ``market.seasonality[1]``, ``models.su7.quality``,
    ``firms.xiaomi.pipeline[0]``. Raises ScenarioError for anything else.
    """
    m = _PATH.match(path)
    if not m or (m.group("table") in ARRAY_TABLES) != (m.group("id") is not None) or \
            m.group("table") not in ARRAY_TABLES + PLAIN_TABLES:
        raise ScenarioError(f"{path!r} is not a parameter path like market.growth_per_quarter or models.su7.quality")
    index = m.group("index")
    return m.group("table"), m.group("id"), m.group("field"), None if index is None else int(index)


def format_number(value: float, digits: int = 5) -> str:
    """TOML text of ``value`` rounded to ``digits`` significant digits (whole numbers with ``_``)."""
    rounded = float(f"{value:.{digits}g}")
    if rounded == int(rounded) and abs(rounded) < 1e15:
        return f"{int(rounded):_}"
    return repr(rounded)


def rewrite_values(text: str, values: dict, digits: int = 5) -> str:
    """Return scenario TOML ``text`` with the parameters ``values`` (path -> number) replaced.

    Only the numbers change: comments, layout, sources and every other key stay as written.

    Raises:
        ScenarioError: a path names no table, entry or key of the text.
    """
    for path, value in values.items():
        table, ident, name, index = parse_path(path)
        start, end = _own_keys(text, table, ident, path)
        block = text[start:end]
        line = re.search(rf"(?m)^({re.escape(name)}\s*=\s*)([^#\n]*?)(\s*(?:#[^\n]*)?)$", block)
        if not line:
            raise ScenarioError(f"{path}: no key {name!r} to rewrite")
        new = format_number(value, digits)
        if index is not None:
            items = line.group(2).strip()
            if not (items.startswith("[") and items.endswith("]")):
                raise ScenarioError(f"{path}: {name} is not a one-line list")
            parts = [p.strip() for p in items[1:-1].split(",") if p.strip()]
            if index >= len(parts):
                raise ScenarioError(f"{path}: {name} has only {len(parts)} items")
            parts[index] = new
            new = "[" + ", ".join(parts) + "]"
        block = block[:line.start(2)] + new + block[line.end(2):]
        text = text[:start] + block + text[end:]
    return text


def _own_keys(text: str, table: str, ident, path: str) -> tuple:
    """Span of the keys that belong to ``[table]`` or to the ``[[table]]`` entry ``ident`` itself
    (up to its first sub-table or the next header)."""
    if ident is None:
        header = re.search(rf"(?m)^\[{re.escape(table)}\]\s*$", text)
        if not header:
            raise ScenarioError(f"{path}: no [{table}] table to rewrite")
        start = header.end()
    else:
        for header in re.finditer(rf"(?m)^\[\[{re.escape(table)}\]\]\s*$", text):
            stop = re.compile(r"(?m)^\[").search(text, header.end())
            own = text[header.end():stop.start() if stop else len(text)]
            if re.search(rf'(?m)^id\s*=\s*"{re.escape(ident)}"', own):
                start = header.end()
                break
        else:
            raise ScenarioError(f"{path}: no [[{table}]] entry {ident!r} to rewrite")
    stop = re.compile(r"(?m)^\[").search(text, start)
    return start, stop.start() if stop else len(text)


def rewrite_array_table_values(text: str, table: str, values: dict, fmt: str = "{:.4f}") -> str:
    """Return scenario TOML ``text`` with ``[[table]]`` entries' fields replaced, comments kept.

    Args:
        text: the TOML text.
        table: array-of-tables name, e.g. ``"models"``.
        values: entry id -> {field: new number}.
        fmt: number format.

    Raises:
        ScenarioError: an entry or field to replace is not in the text.
    """
    for ident, fields_ in values.items():
        for name, value in fields_.items():
            path = f"{table}.{ident}.{name}"
            start, end = _own_keys(text, table, ident, path)
            block = text[start:end]
            line = re.search(rf"(?m)^({re.escape(name)}\s*=\s*)[^\n#]*", block)
            if not line:
                raise ScenarioError(f"{table} {ident!r} has no field {name!r} to rewrite")
            text = text[:start] + block[:line.end(1)] + fmt.format(value) + block[line.end():] + text[end:]
    return text
