"""Rows of a save file: what a quarter and the metadata look like on disk, and their hashes.

Everything stored is plain SQLite values and JSON text (never pickle). A quarter's rows are
covered by its *content hash*: SHA-256 of a canonical JSON of every row of that quarter plus
the previous quarter's content hash (a chain whose root is the game's identity: scenario
digest, seed and player). Changing, adding, removing or reordering any stored value of a
quarter breaks its hash. The metadata row carries ``meta_hash`` over all its other columns and
``head_hash``, the content hash of the last quarter stored.
"""

import hashlib
import json
import math
import platform
from datetime import datetime, timezone

import numpy as np

from .. import injections
from ..errors import SaveLoadError
from .schema import COLUMNS, FORMAT, MAX_JSON_DEPTH

HASH_TAG = "closedloop-quarter-v1"


def dumps(value) -> str:
    """Compact, deterministic JSON (UTF-8 text, no NaN)."""
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)


def now_utc() -> str:
    """The current time as ISO 8601 UTC with seconds, e.g. ``2026-05-09T07:35:25Z``."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")


def app_version() -> str:
    """This program's version."""
    from .. import __version__

    return __version__


def python_version() -> str:
    """The running Python's version."""
    return platform.python_version()


def chain_root(scenario_digest: str, seed: int, player: str) -> str:
    """The content hash that precedes quarter 0 (the game's identity)."""
    return hashlib.sha256(f"closedloop-save-v1|{scenario_digest}|{int(seed)}|{player}".encode()).hexdigest()


def content_hash(prev: str, rows: dict) -> str:
    """SHA-256 (hex, 64 chars) of one quarter's rows, chained on ``prev``.

    Args:
        prev: content hash of the previous quarter (or :func:`chain_root`).
        rows: table name -> list of row tuples in :data:`~engine.saves.schema.COLUMNS` order; the
            ``quarters`` row's own ``content_hash`` column is left out.
    """
    parts = [HASH_TAG, prev]
    for table in ("quarters", "decisions", "firm_outcomes", "model_outcomes", "world_outcomes", "events",
                  "objectives"):
        table_rows = rows.get(table, [])
        if table == "quarters":
            table_rows = [tuple(r[:4]) for r in table_rows]
        parts.append([table, sorted([list(r) for r in table_rows], key=lambda r: [str(x) for x in r])])
    return hashlib.sha256(dumps(parts).encode("utf-8")).hexdigest()


def meta_hash(meta: dict) -> str:
    """SHA-256 (hex) over every metadata column except ``meta_hash`` itself."""
    values = [[c, meta[c]] for c in COLUMNS["meta"] if c != "meta_hash"]
    return hashlib.sha256(dumps(values).encode("utf-8")).hexdigest()


def _clean(values: np.ndarray) -> list:
    out = values.tolist()
    if not np.isfinite(values).all():
        out = [[v if math.isfinite(v) else None for v in row] for row in out]
    return out


def metric_rows(arrays: dict) -> tuple[list[str], list[list]]:
    """Metric names (sorted) and one list of values per entity from ``name -> (1, n)`` arrays."""
    names = sorted(arrays)
    if not names:
        return [], []
    stacked = np.stack([np.asarray(arrays[k], dtype=float)[0] for k in names], axis=-1)   # (n, metrics)
    return names, _clean(np.atleast_2d(stacked))


def metrics_json(names: list, values: list) -> str:
    """One outcome cell: ``{"metric": number or null, ...}``."""
    return dumps(dict(zip(names, values)))


def quarter_rows(scenario, t: int, record, controllers: dict) -> dict:
    """All rows of quarter ``t`` of a game (without the content hash), table -> row tuples.

    Args:
        scenario: the game's scenario.
        t: quarter offset.
        record: its :class:`~engine.game.QuarterRecord` (single-future report).
        controllers: firm id -> controller to store when the record carries none.
    """
    r = record.report
    who = record.controllers or controllers
    injected = dumps(injections.to_json(record.injected))
    rows = {"quarters": [(t, r.quarter, injected, record.state_hash)]}
    rows["decisions"] = [(t, f, who.get(f, controllers.get(f, "")), dumps(record.decisions[f].to_dict()))
                         for f in scenario.firm_ids]
    names, values = metric_rows(r.firm)
    rows["firm_outcomes"] = [(t, f, metrics_json(names, values[i])) for i, f in enumerate(scenario.firm_ids)]
    names, values = metric_rows(r.model)
    rows["model_outcomes"] = [(t, m.id, m.firm, metrics_json(names, values[j])) for j, m in enumerate(scenario.models)]
    names, values = metric_rows({k: np.asarray(v).reshape(1, 1) for k, v in r.world.items()})
    rows["world_outcomes"] = [(t, metrics_json(names, values[0]))]
    fired, active = r.events_fired[0], r.events_active[0]
    rows["events"] = [(t, e.id, int(fired[n] > 0), int(active[n] > 0)) for n, e in enumerate(scenario.events)
                      if fired[n] > 0 or active[n] > 0]
    rows["objectives"] = [(t, o.id, int(np.sign(r.objectives[0, k]))) for k, o in enumerate(scenario.objectives)]
    return rows


def catalog(scenario) -> dict:
    """Ids and names of firms, models, events and objectives (what viewers label things with)."""
    text = lambda x: {"en": x.en, "zh": x.zh}  # noqa: E731
    return {
        "firms": [{"id": f.id, "name": text(f.name)} for f in scenario.firms],
        "models": [{"id": m.id, "firm": m.firm, "name": text(m.name)} for m in scenario.models],
        "events": [{"id": e.id, "headline": text(e.headline)} for e in scenario.events],
        "objectives": [{"id": o.id, "text": text(o.text), "kind": o.kind} for o in scenario.objectives],
    }


SUMMARY_METRICS = ("deliveries", "revenue_cny", "operating_profit_cny", "cash_cny", "market_share")


def summary(game, played: int) -> dict:
    """The player's figures of quarter ``played - 1`` and objective statuses (load dialog)."""
    sc = game.scenario
    out = {"player": sc.info.player, "quarter": None, "objectives": {}}
    if played:
        r = game.records[played - 1].report
        i = sc.firm_index(sc.info.player)
        out["quarter"] = r.quarter
        for k in SUMMARY_METRICS:
            v = float(r.firm[k][0, i])
            out[k] = v if math.isfinite(v) else None
        out["objectives"] = {o.id: int(np.sign(r.objectives[0, k])) for k, o in enumerate(sc.objectives)}
    return out


def meta_row(game, lineage: dict, quarters_played: int, head: str, schema_version: int) -> dict:
    """The metadata row for ``game`` with ``quarters_played`` quarters stored (``head``: last hash)."""
    from ..quarters import quarter_label

    sc = game.scenario
    meta = {
        "id": 1, "format": FORMAT, "schema_version": schema_version, "app_version": app_version(),
        "numpy_version": np.__version__, "python_version": python_version(),
        "save_id": lineage["save_id"], "created_at": lineage["created_at"], "saved_at": now_utc(),
        "scenario_id": sc.id, "scenario_name_en": sc.info.name.en, "scenario_name_zh": sc.info.name.zh,
        "scenario_digest": sc.digest, "scenario_text": sc.text, "seed": int(game.seed),
        "start_quarter": quarter_label(sc.info.start), "end_quarter": quarter_label(sc.info.end),
        "quarters_total": sc.n_quarters, "quarters_played": quarters_played,
        "next_quarter": quarter_label(sc.info.start + quarters_played),
        "player": sc.info.player, "controllers": dumps({f: game.controllers[f] for f in sc.firm_ids}),
        "catalog": dumps(catalog(sc)), "summary": dumps(summary(game, quarters_played)),
        "parent_id": lineage.get("parent_id"), "parent_file": lineage.get("parent_file"),
        "fork_at": lineage.get("fork_at"),
        "fork_changes": dumps(list(lineage["fork_changes"])) if lineage.get("fork_changes") is not None else None,
        "head_hash": head,
    }
    meta["meta_hash"] = meta_hash(meta)
    return meta


def _depth(value, limit: int, level: int = 0) -> None:
    """Raise ValueError when objects/arrays nest deeper than ``limit`` (scalars do not count)."""
    if isinstance(value, (dict, list)):
        if level + 1 > limit:
            raise ValueError(f"nested deeper than {limit} levels")
        for v in value.values() if isinstance(value, dict) else value:
            _depth(v, limit, level + 1)


def _no_constants(name):
    raise ValueError(f"{name} is not allowed")


def _unique(pairs):
    out = {}
    for k, v in pairs:
        if k in out:
            raise ValueError(f"duplicate key {k!r}")
        out[k] = v
    return out


def parse_json(text: str, where: str, depth: int = MAX_JSON_DEPTH):
    """Parse stored JSON strictly: no NaN/Infinity, no duplicate keys, bounded depth.

    Raises:
        SaveLoadError: one line naming ``where``.
    """
    try:
        value = json.loads(text, parse_constant=_no_constants, object_pairs_hook=_unique)
        _depth(value, depth)
    except (ValueError, RecursionError, TypeError) as exc:
        raise SaveLoadError(f"{where}: invalid JSON ({' '.join(str(exc).split())[:120]})") from None
    return value


def parse_flat(text: str, where: str) -> dict:
    """Parse a JSON object of scalars quickly (outcome cells); no NaN/Infinity.

    Values are returned as parsed (the caller checks their types); nested values make the
    caller's type check fail, so no depth limit is needed beyond the C parser's own.

    Raises:
        SaveLoadError: not a JSON object.
    """
    try:
        value = json.loads(text, parse_constant=_no_constants)
    except (ValueError, RecursionError, TypeError) as exc:
        raise SaveLoadError(f"{where}: invalid JSON ({' '.join(str(exc).split())[:120]})") from None
    if not isinstance(value, dict):
        raise SaveLoadError(f"{where}: expected an object")
    return value
