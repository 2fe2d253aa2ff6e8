"""The workshop tables of a save (schema v2): rows from a session, their hash, and the checks of
received rows.

A workshop save is a normal save (its quarters, decisions and outcomes in the quarter tables,
covered by the content-hash chain) plus three tables (:data:`~engine.saves.schema.WORKSHOP_DDL`):

* ``workshop``: one row with the settings, the open round (phase, deadline, sealed submissions,
  queued injections), the facilitator's audit log, the number of quarters resolved and the
  content hash of the last stored quarter (``head_hash``), and ``workshop_hash``: SHA-256 over
  every other column of the row and every row of ``rounds`` and ``predictions``. A workshop row
  that does not match the stored quarters, or any changed value, is refused.
* ``rounds``: per resolved quarter, the teams given the missing-decision policy (JSON list).
* ``predictions``: the prediction log, one row per (quarter offset, team).

Everything is JSON text or plain SQLite numbers (never pickle). The checks here need no scenario:
:func:`check_workshop` runs for every reader (a tampered workshop table makes the whole file
unreadable); :func:`engine.saves.workshop.load_workshop` then validates the session itself.
"""

import hashlib
import math

from ..errors import SaveLoadError
from ..workshop.predictions import MAX_RATIONALE
from ..workshop.serial import FORMAT, VERSION
from ..workshop.session import PHASES
from . import codec
from .schema import COLUMNS, MAX_FIRMS, MAX_JSON_CHARS
from .validate import HEX64, IDENT

HASH_TAG = "closedloop-workshop-v1"


def _time(value):
    return None if value is None else float(value)


def workshop_hash(row: dict, rounds: list, predictions: list) -> str:
    """SHA-256 (hex) over the workshop row (but its own hash) and the rounds and prediction rows."""
    parts = [HASH_TAG, [[c, row[c]] for c in COLUMNS["workshop"] if c != "workshop_hash"],
             sorted(list(r) for r in rounds), sorted((list(r) for r in predictions), key=lambda r: (r[0], r[1]))]
    return hashlib.sha256(codec.dumps(parts).encode("utf-8")).hexdigest()


def workshop_rows(session, head: str) -> dict:
    """The workshop tables' rows for ``session`` whose last stored quarter has content hash ``head``.

    Returns:
        ``{"workshop": [row], "rounds": [...], "predictions": [...]}`` (tuples in column order).
    """
    d = session.to_dict()
    row = {"id": 1, "format": d["format"], "version": d["version"], "settings": codec.dumps(d["settings"]),
           "phase": d["phase"], "deadline": _time(d["deadline"]), "pending": codec.dumps(d["pending"]),
           "injections": codec.dumps(d["injections"]), "log": codec.dumps(d["log"]),
           "quarters_resolved": len(d["quarters"]), "head_hash": head}
    rounds = [(t, codec.dumps(q["defaulted"])) for t, q in enumerate(d["quarters"])]
    predictions = [(p["t"], p["team"], float(p["deliveries"]), float(p["operating_profit_cny"]), p["rationale"],
                    _time(p["at"])) for p in d["predictions"]]
    row["workshop_hash"] = workshop_hash(row, rounds, predictions)
    return {"workshop": [tuple(row[c] for c in COLUMNS["workshop"])], "rounds": rounds, "predictions": predictions}


def _fail(where: str, problem: str):
    raise SaveLoadError(f"workshop {where}: {problem}")


def _text(value, where: str, limit: int = MAX_JSON_CHARS) -> str:
    if type(value) is not str:
        _fail(where, f"expected text, found {type(value).__name__}")
    if len(value) > limit:
        _fail(where, f"longer than {limit:,} characters")
    return value


def _whole(value, where: str, lo: int, hi: int) -> int:
    if type(value) is not int or not lo <= value <= hi:
        _fail(where, f"expected a whole number {lo}-{hi}, found {str(value)[:20]!r}")
    return value


def _real(value, where: str, optional: bool = False):
    if value is None and optional:
        return None
    if type(value) not in (int, float) or not math.isfinite(value):
        _fail(where, f"expected a finite number, found {str(value)[:20]!r}")
    return float(value)


def _hex(value, where: str) -> str:
    if not HEX64.match(_text(value, where, 64)):
        _fail(where, "malformed hash")
    return value


def check_workshop(meta: dict, rows: dict) -> dict | None:
    """Check the workshop tables of a received save (``rows``: table -> row tuples).

    Args:
        meta: the checked metadata (``engine.saves.validate.check_meta``).
        rows: the rows read, with the workshop tables in column order.

    Returns:
        None when the save is not a workshop, else ``{"settings", "phase", "deadline", "pending",
        "injections", "log"`` (parsed JSON), ``"defaulted"`` (one list per quarter) and
        ``"predictions"`` (``[{"t", "team", "deliveries", "operating_profit_cny", "rationale", "at"}]``)}.

    Raises:
        SaveLoadError: one line naming the first bad value.
    """
    found, rounds, predictions = (rows.get(t, []) for t in ("workshop", "rounds", "predictions"))
    if not found:
        if rounds or predictions:
            _fail("tables", "hold rounds or predictions but no workshop (file altered?)")
        return None
    row = dict(zip(COLUMNS["workshop"], found[0]))
    _whole(row["id"], "id", 1, 1)
    if _text(row["format"], "format", 64) != FORMAT:
        _fail("format", f"{row['format'][:40]!r} is not {FORMAT!r}")
    if _whole(row["version"], "version", 0, 2**31) != VERSION:
        _fail("version", f"this version of Closed Loop reads workshop format {VERSION} (found {row['version']})")
    if _text(row["phase"], "phase", 16) not in PHASES:
        _fail("phase", f"{row['phase']!r} is not one of {', '.join(PHASES)}")
    _real(row["deadline"], "deadline", optional=True)
    n = meta["quarters_played"]
    if _whole(row["quarters_resolved"], "quarters_resolved", 0, 2**31) != n:
        _fail("quarters_resolved", f"{row['quarters_resolved']} does not match the {n} quarters stored")
    if _hex(row["head_hash"], "head_hash") != meta["head_hash"]:
        _fail("head_hash", "does not match the last quarter stored (quarters changed after the workshop was saved)")
    _hex(row["workshop_hash"], "workshop_hash")
    for key in ("settings", "pending", "injections", "log"):
        _text(row[key], key)
    firms = {f["id"] for f in meta["catalog_json"]["firms"]}
    if len(rounds) != n or [r[0] for r in rounds] != list(range(n)):
        _fail("rounds", f"expected one row per stored quarter (0-{n - 1})")
    for t, text in rounds:
        _text(text, f"rounds[{t}]", 64 * (MAX_FIRMS + 1))
    out_predictions = []
    for i, (t, team, deliveries, profit, rationale, at) in enumerate(predictions):
        where = f"predictions[{i}]"
        _whole(t, f"{where}.t", 0, n)
        if type(team) is not str or not IDENT.match(team) or team not in firms:
            _fail(f"{where}.team", "not a firm of the save")
        out_predictions.append({"t": t, "team": team, "deliveries": _real(deliveries, f"{where}.deliveries"),
                                "operating_profit_cny": _real(profit, f"{where}.operating_profit_cny"),
                                "rationale": _text(rationale, f"{where}.rationale", MAX_RATIONALE),
                                "at": _real(at, f"{where}.at", optional=True)})
    if workshop_hash(row, rounds, predictions) != row["workshop_hash"]:
        _fail("data", "was altered after saving (workshop hash mismatch)")
    parsed = {key: codec.parse_json(row[key], f"workshop {key}") for key in ("settings", "pending", "injections", "log")}
    for key, kind in (("settings", dict), ("pending", dict), ("injections", list), ("log", list)):
        if not isinstance(parsed[key], kind):
            _fail(key, f"expected a JSON {'object' if kind is dict else 'list'}")
    defaulted = []
    for t, text in rounds:
        teams = codec.parse_json(text, f"workshop rounds[{t}]")
        if not isinstance(teams, list) or not all(isinstance(x, str) and x in firms for x in teams) \
                or len(set(teams)) != len(teams):
            _fail(f"rounds[{t}]", "expected a list of distinct firm ids")
        defaulted.append(teams)
    return {**parsed, "phase": row["phase"], "deadline": _real(row["deadline"], "deadline", optional=True),
            "defaulted": defaulted, "predictions": out_predictions}
