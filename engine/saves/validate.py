"""Check every value read from a received save and turn the rows into plain Python data.

Nothing here needs the scenario model: the catalog in the metadata row names the firms, models,
events and objectives, so old saves can still be viewed after the model code changes. Checks:
types and lengths of every column, strict JSON with bounded depth, every decision through
:meth:`FirmDecision.from_dict`, ids against the catalog, quarters contiguous with the right
labels, and the content-hash chain and metadata hash (so any changed stored value is reported).
"""

import hashlib
import re
from dataclasses import dataclass

from ..decisions import FirmDecision
from ..errors import DecisionError, SaveLoadError
from ..injections import CustomEvent
from ..quarters import parse_quarter, quarter_label
from . import codec, forms
from .schema import (FORMAT, MAX_EVENTS, MAX_FIRMS, MAX_JSON_CHARS, MAX_METRICS, MAX_MODELS, MAX_OBJECTIVES,
                     MAX_QUARTERS, MAX_SCENARIO_CHARS, MAX_SHORT_CHARS, QUARTER_TABLES)

HEX32 = re.compile(r"^[0-9a-f]{32}$")
HEX64 = re.compile(r"^[0-9a-f]{64}$")
IDENT = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,63}$")


@dataclass(frozen=True)
class QuarterData:
    """One stored quarter, parsed.

    Attributes:
        t, quarter: offset and label.
        injected: ``((event id or CustomEvent, target firm id or None), ...)``.
        state_hash, content_hash: as stored.
        decisions: firm id -> FirmDecision.
        controllers: firm id -> who decided it ("human", "normal", ...).
        firm, model: entity id -> {metric: float or None}; world: {metric: float or None}
            (all None when read with ``outcomes=False``: then only ``raw`` holds them).
        events: event id -> (fired, active) as 0/1.
        objectives: objective id -> status (1 met, 0 pending, -1 failed).
        raw: the outcome cells as stored: {"firm": {id: JSON}, "model": {id: JSON}, "world": JSON}.
    """

    t: int
    quarter: str
    injected: tuple
    state_hash: str
    content_hash: str
    decisions: dict
    controllers: dict
    firm: dict
    model: dict
    world: dict
    events: dict
    objectives: dict
    raw: dict


def _str(value, where: str, limit: int = MAX_SHORT_CHARS, pattern=None) -> str:
    if not isinstance(value, str):
        raise SaveLoadError(f"{where}: expected text, found {type(value).__name__}")
    if len(value) > limit:
        raise SaveLoadError(f"{where}: longer than {limit:,} characters")
    if pattern is not None and not pattern.match(value):
        raise SaveLoadError(f"{where}: malformed value {value[:40]!r}")
    return value


def _int(value, where: str, lo: int, hi: int) -> int:
    if not isinstance(value, int) or isinstance(value, bool):
        raise SaveLoadError(f"{where}: expected a whole number, found {type(value).__name__}")
    if not lo <= value <= hi:
        raise SaveLoadError(f"{where}: {value} is out of range")
    return value


def _text(raw, where: str) -> dict:
    if not isinstance(raw, dict) or set(raw) != {"en", "zh"}:
        raise SaveLoadError(f"{where}: expected {{en, zh}} names")
    return {k: _str(raw[k], f"{where}.{k}", 2000) for k in ("en", "zh")}


def _ids(items, where: str, limit: int) -> list:
    if not isinstance(items, list) or len(items) > limit:
        raise SaveLoadError(f"{where}: expected a list of at most {limit} entries")
    ids = []
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            raise SaveLoadError(f"{where}[{i}]: expected an object")
        ids.append(_str(item.get("id"), f"{where}[{i}].id", 64, IDENT))
    if len(set(ids)) != len(ids):
        raise SaveLoadError(f"{where}: duplicate ids")
    return ids


def check_catalog(raw) -> dict:
    """Validate the catalog JSON (firms, models, events, objectives with names)."""
    if not isinstance(raw, dict) or set(raw) != {"firms", "models", "events", "objectives"}:
        raise SaveLoadError("metadata catalog: expected firms, models, events and objectives")
    firms = _ids(raw["firms"], "catalog.firms", MAX_FIRMS)
    if not firms:
        raise SaveLoadError("catalog.firms: no firms")
    _ids(raw["models"], "catalog.models", MAX_MODELS)
    _ids(raw["events"], "catalog.events", MAX_EVENTS)
    _ids(raw["objectives"], "catalog.objectives", MAX_OBJECTIVES)
    for f in raw["firms"]:
        _text(f.get("name"), f"catalog.firms.{f['id']}.name")
    for m in raw["models"]:
        if m.get("firm") not in firms:
            raise SaveLoadError(f"catalog.models.{m['id']}: unknown firm")
        _text(m.get("name"), f"catalog.models.{m['id']}.name")
    for e in raw["events"]:
        _text(e.get("headline"), f"catalog.events.{e['id']}.headline")
    for o in raw["objectives"]:
        _text(o.get("text"), f"catalog.objectives.{o['id']}.text")
        _str(o.get("kind"), f"catalog.objectives.{o['id']}.kind", 64)
    return raw


def check_meta(row: tuple, columns: tuple, version: int) -> dict:
    """Validate the metadata row; return it as a dict with JSON columns parsed (``*_json``)."""
    meta = dict(zip(columns, row))
    for key in ("format", "app_version", "numpy_version", "python_version", "save_id", "created_at", "saved_at",
                "scenario_id", "start_quarter", "end_quarter", "next_quarter", "player"):
        _str(meta[key], f"metadata {key}")
    for key in ("scenario_name_en", "scenario_name_zh"):
        _str(meta[key], f"metadata {key}", 2000)
    _str(meta["scenario_digest"], "metadata scenario_digest", 64, HEX64)
    _str(meta["head_hash"], "metadata head_hash", 64, HEX64)
    _str(meta["meta_hash"], "metadata meta_hash", 64, HEX64)
    _str(meta["scenario_text"], "metadata scenario_text", MAX_SCENARIO_CHARS)
    for key in ("controllers", "catalog", "summary"):
        _str(meta[key], f"metadata {key}", MAX_JSON_CHARS)
    for key in ("parent_id", "parent_file", "fork_at"):
        if meta[key] is not None:
            _str(meta[key], f"metadata {key}", 1000)
    if meta["fork_changes"] is not None:
        _str(meta["fork_changes"], "metadata fork_changes", MAX_JSON_CHARS)
    if meta["format"] != FORMAT:
        raise SaveLoadError(f"metadata format: {meta['format'][:40]!r} is not {FORMAT!r}")
    _int(meta["id"], "metadata id", 1, 1)
    if _int(meta["schema_version"], "metadata schema_version", 1, 2**31) != version:
        raise SaveLoadError(f"metadata schema_version {meta['schema_version']} does not match the file's {version}")
    if codec.meta_hash(meta) != meta["meta_hash"]:
        raise SaveLoadError("metadata was altered after saving (metadata hash mismatch)")
    if hashlib.sha256(meta["scenario_text"].encode("utf-8")).hexdigest() != meta["scenario_digest"]:
        raise SaveLoadError("the scenario snapshot was altered (digest mismatch)")
    _int(meta["seed"], "metadata seed", 0, 2**63 - 1)
    try:
        start, end = parse_quarter(meta["start_quarter"]), parse_quarter(meta["end_quarter"])
    except ValueError as exc:
        raise SaveLoadError(f"metadata: {exc}") from None
    total = _int(meta["quarters_total"], "metadata quarters_total", 1, MAX_QUARTERS)
    if end - start + 1 != total:
        raise SaveLoadError("metadata quarters_total does not match start and end")
    played = _int(meta["quarters_played"], "metadata quarters_played", 0, total)
    if meta["next_quarter"] != quarter_label(start + played):
        raise SaveLoadError("metadata next_quarter does not match quarters_played")
    catalog = check_catalog(codec.parse_json(meta["catalog"], "metadata catalog"))
    firms = [f["id"] for f in catalog["firms"]]
    if meta["player"] not in firms:
        raise SaveLoadError(f"metadata player {meta['player'][:40]!r} is not a firm of the save")
    controllers = codec.parse_json(meta["controllers"], "metadata controllers")
    if not isinstance(controllers, dict) or list(controllers) != firms:
        raise SaveLoadError("metadata controllers: expected one controller per firm")
    for firm_id, level in controllers.items():
        _str(level, f"metadata controllers.{firm_id}", 64, IDENT)
    summary = codec.parse_json(meta["summary"], "metadata summary")
    if not isinstance(summary, dict):
        raise SaveLoadError("metadata summary: expected an object")
    changes = None
    if meta["fork_changes"] is not None:
        changes = codec.parse_json(meta["fork_changes"], "metadata fork_changes")
        if not isinstance(changes, list) or not all(isinstance(c, str) and len(c) <= 1000 for c in changes):
            raise SaveLoadError("metadata fork_changes: expected a list of changes")
    meta.update(catalog_json=catalog, controllers_json=controllers, summary_json=summary,
                fork_changes_json=changes, start=start)
    return meta


def _metrics(text, where: str) -> dict:
    """A flat ``{metric: number or null}`` object (its shape is checked instead of its depth)."""
    raw = codec.parse_flat(_str(text, where, MAX_JSON_CHARS), where)
    if len(raw) > MAX_METRICS:
        raise SaveLoadError(f"{where}: more than {MAX_METRICS} metrics")
    for key, value in raw.items():
        if len(key) > 64 or not (value is None or type(value) is float or type(value) is int):
            raise SaveLoadError(f"{where}.{key[:64]}: expected a number or null")
    return raw


def _injections(raw, where: str, deck: set, firms: list) -> tuple:
    """Facilitator injections (``injections.to_json`` form, or an older form that
    :func:`engine.saves.forms.injection` converts) checked against the catalog.

    Returns ``((event id or CustomEvent, target firm id or None), ...)``.
    """
    where = f"{where} injected"
    if not isinstance(raw, list) or len(raw) > MAX_EVENTS:
        raise SaveLoadError(f"{where}: expected a list of injections")
    out, seen = [], set()
    for i, item in enumerate(raw):
        here = f"{where}[{i}]"
        item = forms.injection(item)
        if not isinstance(item, dict) or set(item) not in ({"event", "target"}, {"custom", "target"}):
            raise SaveLoadError(f"{here}: expected {{event, target}} or {{custom, target}}")
        target = item["target"]
        if target is not None and target not in firms:
            raise SaveLoadError(f"{here}.target: not a firm of the save")
        if "custom" in item:
            try:
                event = CustomEvent.from_dict(item["custom"], f"{here}.custom")
            except DecisionError as exc:
                raise SaveLoadError(str(exc)) from None
            ident = event.id
            if ident in deck:
                raise SaveLoadError(f"{here}: custom event id {ident!r} is a deck event")
        else:
            event = ident = item["event"]
            if ident not in deck:
                raise SaveLoadError(f"{here}.event: not in the scenario's events deck")
        if ident in seen:
            raise SaveLoadError(f"{here}: event {ident!r} injected twice")
        seen.add(ident)
        out.append((event, target))
    return tuple(out)


def _plain(rows: list, where: str) -> None:
    """Every value of a quarter table must be text or a whole number (before anything hashes it)."""
    for row in rows:
        for value in row:
            if type(value) not in (str, int):
                raise SaveLoadError(f"{where}: expected text or a whole number, found {type(value).__name__}")


def _group(rows: list, n: int, where: str) -> list:
    out = [[] for _ in range(n)]
    for row in rows:
        t = row[0]
        if not isinstance(t, int) or isinstance(t, bool) or not 0 <= t < n:
            raise SaveLoadError(f"{where}: row for quarter offset {t!r} outside the {n} quarters stored")
        out[t].append(row)
    return out


def check_quarters(meta: dict, rows: dict, outcomes: bool = True) -> list:
    """Validate every quarter's rows against the catalog and the hash chain.

    Args:
        meta: the checked metadata (:func:`check_meta`).
        rows: table name -> row tuples (``SELECT`` of the known columns).
        outcomes: parse the outcome cells (False: leave them as checked-size text in ``raw``, for
            callers that compare them with a replay's and parse only those that differ).

    Returns:
        ``[QuarterData, ...]`` in quarter order.
    """
    catalog = meta["catalog_json"]
    firms = [f["id"] for f in catalog["firms"]]
    models = {m["id"]: m["firm"] for m in catalog["models"]}
    events = {e["id"] for e in catalog["events"]}
    objectives = [o["id"] for o in catalog["objectives"]]
    n = meta["quarters_played"]
    if len(rows["quarters"]) != n:
        raise SaveLoadError(f"holds {len(rows['quarters'])} quarters but its metadata says {n} (file altered?)")
    for table in QUARTER_TABLES:
        _plain(rows[table], table)
    grouped = {table: _group(rows[table], n, table) for table in QUARTER_TABLES}
    prev = codec.chain_root(meta["scenario_digest"], meta["seed"], meta["player"])
    out = []
    for t in range(n):
        (q,) = grouped["quarters"][t] or [(None,) * 5]
        label = quarter_label(meta["start"] + t)
        if q[1] != label:
            raise SaveLoadError(f"quarter offset {t}: stored label {str(q[1])[:20]!r}, expected {label}")
        where = f"quarter {label}"
        injected = _injections(codec.parse_json(_str(q[2], f"{where} injected", MAX_JSON_CHARS), f"{where} injected"),
                               where, events, firms)
        _str(q[3], f"{where} state_hash", 32, HEX32)
        _str(q[4], f"{where} content_hash", 64, HEX64)
        quarter_rows = {table: grouped[table][t] for table in grouped}
        if codec.content_hash(prev, quarter_rows) != q[4]:
            raise SaveLoadError(f"{where}: stored data was altered after saving (content hash mismatch)")
        prev = q[4]
        out.append(_parse_quarter(t, label, q, injected, quarter_rows, firms, models, events, objectives, outcomes))
    if prev != meta["head_hash"]:
        raise SaveLoadError("the last quarter stored does not match the metadata (quarters removed or altered)")
    return out


def _parse_quarter(t, label, q, injected, rows, firms, models, events, objectives, outcomes) -> QuarterData:
    where = f"quarter {label}"
    decisions, controllers = {}, {}
    for _, firm_id, controller, text in rows["decisions"]:
        w = f"{where} decision of {str(firm_id)[:40]}"
        if firm_id not in firms:
            raise SaveLoadError(f"{w}: unknown firm")
        controllers[firm_id] = _str(controller, f"{w} controller", 64, IDENT)
        try:
            d = FirmDecision.from_dict(codec.parse_json(_str(text, w, MAX_JSON_CHARS), w), firm_id)
        except DecisionError as exc:
            raise SaveLoadError(f"{where}: invalid decision ({exc})") from None
        for table in ("prices", "incentives", "production"):
            for model_id in getattr(d, table):
                if models.get(model_id) != firm_id:
                    raise SaveLoadError(f"{where}: {firm_id}.{table}.{model_id[:40]}: not a model of {firm_id}")
        decisions[firm_id] = d
    if len(rows["decisions"]) != len(firms) or sorted(decisions) != sorted(firms):
        raise SaveLoadError(f"{where}: expected one decision per firm")
    raw = {"firm": {f: _str(m, f"{where} outcomes of {f}", MAX_JSON_CHARS) for _, f, m in rows["firm_outcomes"]},
           "model": {}}
    if len(rows["firm_outcomes"]) != len(firms) or set(raw["firm"]) != set(firms):
        raise SaveLoadError(f"{where}: expected outcomes for every firm")
    for _, model_id, firm_id, m in rows["model_outcomes"]:
        if models.get(model_id) != firm_id:
            raise SaveLoadError(f"{where}: outcomes for unknown model {str(model_id)[:40]!r}")
        raw["model"][model_id] = _str(m, f"{where} outcomes of {model_id}", MAX_JSON_CHARS)
    if len(rows["model_outcomes"]) != len(models) or set(raw["model"]) != set(models):
        raise SaveLoadError(f"{where}: expected outcomes for every model")
    if len(rows["world_outcomes"]) != 1:
        raise SaveLoadError(f"{where}: expected one row of market outcomes")
    raw["world"] = _str(rows["world_outcomes"][0][1], f"{where} market outcomes", MAX_JSON_CHARS)
    firm = model = world = None
    if outcomes:
        firm, model, world = parse_outcomes(raw, where)
    ev = {}
    for _, event_id, fired, active in rows["events"]:
        if event_id not in events or fired not in (0, 1) or active not in (0, 1) or isinstance(fired, bool):
            raise SaveLoadError(f"{where}: malformed event row {str(event_id)[:40]!r}")
        ev[event_id] = (fired, active)
    obj = {}
    for _, objective_id, status in rows["objectives"]:
        if objective_id not in objectives or status not in (-1, 0, 1) or isinstance(status, bool):
            raise SaveLoadError(f"{where}: malformed objective row {str(objective_id)[:40]!r}")
        obj[objective_id] = status
    if len(ev) != len(rows["events"]) or len(rows["objectives"]) != len(objectives) or len(obj) != len(objectives):
        raise SaveLoadError(f"{where}: expected a status for every objective")
    return QuarterData(t, label, injected, q[3], q[4], decisions, controllers,
                       firm, model, world, ev, obj, raw)


def parse_outcomes(raw: dict, where: str) -> tuple[dict, dict, dict]:
    """Parse and check a quarter's raw outcome cells: ``(firm, model, world)`` metric dicts."""
    firm = {f: _metrics(m, f"{where} outcomes of {f}") for f, m in raw["firm"].items()}
    model = {j: _metrics(m, f"{where} outcomes of {j}") for j, m in raw["model"].items()}
    return firm, model, _metrics(raw["world"], f"{where} market outcomes")
