"""A workshop session as a plain JSON-ready dict, and back (validated; never pickle).

The dict holds the settings, every resolved quarter's decisions (teams' and AIs'), injections
and state hash, the open round's sealed submissions and queued injections, the prediction log
and the facilitator's audit trail. Loading replays the quarters through
:meth:`~engine.game.Game.replay_quarter` and refuses a dict whose replay does not reproduce
the recorded state hashes. Access tokens and join codes are not part of it (the LAN host issues
fresh ones when a saved workshop is resumed).
"""

import math

from .. import injections
from ..decisions import FirmDecision, validate
from ..errors import ClosedLoopError
from ..game import Game
from .predictions import Prediction
from .session import FINISHED, PHASES, RESOLVED, WorkshopSession
from .settings import WorkshopError, WorkshopSettings

FORMAT = "closedloop-workshop"
VERSION = 1
KEYS = ("format", "version", "scenario", "scenario_digest", "settings", "phase", "deadline", "quarters",
        "pending", "injections", "predictions", "log")


def session_to_dict(session) -> dict:
    """JSON-ready dict of ``session`` (see the module docstring)."""
    quarters = []
    for rec, defaulted in zip(session.game.records, session.defaulted):
        quarters.append({"quarter": rec.report.quarter, "state_hash": rec.state_hash,
                         "decisions": {f: d.to_dict() for f, d in rec.decisions.items()},
                         "injected": injections.to_json(rec.injected), "defaulted": list(defaulted)})
    predictions = [{"t": t, "team": team, **p.to_dict()} for (t, team), p in sorted(session.predictions.items())]
    return {
        "format": FORMAT, "version": VERSION, "scenario": session.scenario.id,
        "scenario_digest": session.scenario.digest, "settings": session.settings.to_dict(),
        "phase": session.phase, "deadline": session.deadline, "quarters": quarters,
        "pending": {t: {"decision": d.to_dict(), "at": at} for t, (d, at) in session.pending.items()},
        "injections": injections.to_json(session.injections), "predictions": predictions,
        "log": [dict(entry) for entry in session.log],
    }


def _fail(where: str, problem: str):
    raise WorkshopError(f"workshop.{where}: {problem}")


def _time(value, where: str):
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        _fail(where, "must be a time in seconds or null")
    return float(value)


def _list(data, key: str) -> list:
    value = data[key]
    if not isinstance(value, list):
        _fail(key, "must be a list")
    return value


def session_from_dict(data, scenario) -> WorkshopSession:
    """Rebuild a session from :func:`session_to_dict` output.

    Args:
        data: the dict (e.g. parsed JSON from a save file).
        scenario: the scenario it names (the caller loads it; its digest must match).

    Raises:
        WorkshopError: one line naming the first bad field, or the first quarter whose replay
            gives another state hash.
    """
    if not isinstance(data, dict):
        _fail("", "must be an object")
    for key in data:
        if key not in KEYS:
            _fail(key, "unknown key")
    for key in KEYS:
        if key not in data:
            _fail(key, "missing")
    if data["format"] != FORMAT:
        _fail("format", f"must be {FORMAT!r} (got {data['format']!r})")
    if data["version"] != VERSION:
        _fail("version", f"this build reads version {VERSION} (got {data['version']!r})")
    if data["scenario"] != scenario.id or data["scenario_digest"] != scenario.digest:
        _fail("scenario", f"was saved with another version of scenario {data['scenario']!r}")
    try:
        settings = WorkshopSettings.from_dict(data["settings"], scenario)
    except WorkshopError as exc:
        raise WorkshopError(f"workshop.{exc}") from None
    game = Game.new(scenario, settings.seed, human=settings.teams, level=settings.ai_level)
    defaulted = []
    for i, q in enumerate(_list(data, "quarters")):
        where = f"quarters[{i}]"
        if not isinstance(q, dict) or set(q) != {"quarter", "state_hash", "decisions", "injected", "defaulted"}:
            _fail(where, "must have quarter, state_hash, decisions, injected and defaulted")
        if q["quarter"] != game.quarter:
            _fail(f"{where}.quarter", f"expected {game.quarter} (got {q['quarter']!r})")
        if i >= settings.total_quarters(scenario):
            _fail(where, "is beyond the workshop's last quarter")
        if not isinstance(q["decisions"], dict) or set(q["decisions"]) != set(scenario.firm_ids):
            _fail(f"{where}.decisions", "must hold a decision for every firm")
        if not isinstance(q["defaulted"], list) or not set(q["defaulted"]) <= set(settings.teams):
            _fail(f"{where}.defaulted", "must list teams of this workshop")
        try:
            decisions = {f: validate(scenario, f, FirmDecision.from_dict(d, f"{where}.decisions.{f}"))
                         for f, d in q["decisions"].items()}
            injected = injections.from_json(q["injected"], scenario, f"{where}.injected")
            record = game.replay_quarter(decisions, injected)
        except ClosedLoopError as exc:
            raise WorkshopError(f"workshop.{where}: {exc}") from None
        if record.state_hash != q["state_hash"]:
            _fail(f"{where}.state_hash", f"replay gives {record.state_hash}, saved {q['state_hash']!r} "
                  "(saved by another engine version?)")
        defaulted.append(tuple(q["defaulted"]))
    session = WorkshopSession(scenario, settings, game=game)
    session.defaulted = defaulted
    phase = data["phase"]
    if phase not in PHASES:
        _fail("phase", f"must be one of {', '.join(PHASES)}")
    done = game.t >= settings.total_quarters(scenario)
    if done != (phase == FINISHED) or (phase == RESOLVED and game.t == 0):
        _fail("phase", f"{phase!r} does not fit {game.t} resolved quarter(s)")
    session.phase = phase
    session.deadline = _time(data["deadline"], "deadline")
    pending = data["pending"]
    if not isinstance(pending, dict):
        _fail("pending", "must map teams to submissions")
    if pending and phase in (RESOLVED, FINISHED):
        _fail("pending", "a resolved round has no pending submissions")
    for team, entry in pending.items():
        if team not in settings.teams:
            _fail(f"pending.{team}", "is not a team of this workshop")
        if not isinstance(entry, dict) or set(entry) != {"decision", "at"}:
            _fail(f"pending.{team}", "must have decision and at")
        try:
            decision = validate(scenario, team, FirmDecision.from_dict(entry["decision"], f"pending.{team}"))
        except ClosedLoopError as exc:
            raise WorkshopError(f"workshop.{exc}") from None
        session.pending[team] = (decision, _time(entry["at"], f"pending.{team}.at"))
    try:
        session.injections = list(injections.from_json(data["injections"], scenario, "injections"))
    except ClosedLoopError as exc:
        raise WorkshopError(f"workshop.{exc}") from None
    for i, raw in enumerate(_list(data, "predictions")):
        where = f"predictions[{i}]"
        if not isinstance(raw, dict):
            _fail(where, "must be an object")
        body = {k: v for k, v in raw.items() if k not in ("t", "team")}
        t, team = raw.get("t"), raw.get("team")
        if team not in settings.teams:
            _fail(f"{where}.team", "is not a team of this workshop")
        if isinstance(t, bool) or not isinstance(t, int) or not 0 <= t <= game.t:
            _fail(f"{where}.t", f"must be a quarter offset 0-{game.t}")
        session.predictions[(t, team)] = Prediction.from_dict(body, f"workshop.{where}")
    log = _list(data, "log")
    if not all(isinstance(e, dict) for e in log):
        _fail("log", "must be a list of objects")
    session.log = [dict(e) for e in log]
    return session
