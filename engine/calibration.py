"""Calibration helpers: invert model quality (xi) so expected orders match volume targets.

The inversion is the BLP contraction ``xi <- xi + ln(target) - ln(predicted)`` evaluated at the
scenario's starting state and prices, with every model treated as on sale, so launches later in
the game keep a quality consistent with the rest of the line-up.
"""

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
    import re

    blocks = re.split(rf"(?m)^(?=\[\[{re.escape(table)}\]\]\s*$)", text)
    done = set()
    for i, block in enumerate(blocks):
        match = re.search(r'(?m)^id\s*=\s*"([^"]+)"', block)
        if not block.startswith(f"[[{table}]]") or not match or match.group(1) not in values:
            continue
        ident = match.group(1)
        for name, value in values[ident].items():
            pattern = rf"(?m)^({re.escape(name)}\s*=\s*)[^\n#]*"
            if not re.search(pattern, block):
                raise ScenarioError(f"{table} {ident!r} has no field {name!r} to rewrite")
            block = re.sub(pattern, lambda m: m.group(1) + fmt.format(value), block, count=1)
        blocks[i] = block
        done.add(ident)
    missing = set(values) - done
    if missing:
        raise ScenarioError(f"no [[{table}]] entry {sorted(missing)[0]!r} to rewrite")
    return "".join(blocks)
