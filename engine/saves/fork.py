"""Forks: from a quarter of a game, change some decisions and re-run every AI firm.

A change is written ``FIRM.FIELD[.MODEL]=VALUE``:

* ``FIRM`` a firm id of the scenario (``xiaomi``);
* ``FIELD`` a decision field (see :class:`~engine.decisions.FirmDecision`) or an alias:
  ``price`` = prices, ``incentive`` = incentives, ``production``, ``capacity`` = capacity_order,
  ``marketing`` = marketing_budget, ``autonomy`` = autonomy_budget, ``chip`` = chip_budget,
  ``integration`` = integration_budget, ``services`` = services_budget, ``charging`` =
  charging_budget, ``bundle`` = bundle_subsidy;
* ``MODEL`` required for the per-model fields (prices, incentives, production), else absent;
* ``VALUE`` a number (``199000``, ``199_000``, ``1.5e9``; CNY, units/quarter), a whole number for
  ``shifts``, or comma-separated model ids for ``launches`` (empty = none).

Example: ``xiaomi.price.su7=199000``. Every problem is one DecisionError line naming the change.
"""

import math
from dataclasses import dataclass, replace

from ..decisions import BUDGETS, FINANCE, FirmDecision, validate
from ..errors import ClosedLoopError, DecisionError
from ..game import HUMAN, Game
from ..quarters import parse_quarter, quarter_label

PER_MODEL = ("prices", "incentives", "production")
SCALARS = ("capacity_order", "shifts", *BUDGETS, "bundle_subsidy", *FINANCE)
ALIASES = {"price": "prices", "incentive": "incentives", "capacity": "capacity_order",
           "marketing": "marketing_budget", "autonomy": "autonomy_budget", "chip": "chip_budget",
           "integration": "integration_budget", "services": "services_budget", "charging": "charging_budget",
           "bundle": "bundle_subsidy"}
FIELDS = PER_MODEL + SCALARS + ("launches",)


@dataclass(frozen=True)
class Change:
    """One parsed change: ``firm``'s decision ``field`` (for ``model``) set to ``value``."""

    firm: str
    field: str
    model: str | None
    value: object
    text: str


def _number(text: str, where: str) -> float:
    try:
        value = float(text.replace("_", "")) if text.strip() else math.nan
    except ValueError:
        raise DecisionError(f"{where}: {text!r} is not a number") from None
    if not math.isfinite(value):
        raise DecisionError(f"{where}: {text!r} is not a finite number")
    return value


def parse_change(text: str, scenario) -> Change:
    """Parse ``FIRM.FIELD[.MODEL]=VALUE`` against ``scenario`` (grammar in the module docstring).

    Raises:
        DecisionError: one line starting with the change text.
    """
    where = f"--set {text if text.isprintable() else repr(text)}"
    if "=" not in text:
        raise DecisionError(f"{where}: expected FIRM.FIELD[.MODEL]=VALUE, e.g. xiaomi.price.su7=199000")
    key, value = (s.strip() for s in text.split("=", 1))
    parts = key.split(".", 2)
    if len(parts) < 2 or not all(parts):
        raise DecisionError(f"{where}: expected FIRM.FIELD[.MODEL]=VALUE, e.g. xiaomi.price.su7=199000")
    firm, field = parts[0], ALIASES.get(parts[1], parts[1])
    model = parts[2] if len(parts) == 3 else None
    if firm not in scenario.firm_ids:
        raise DecisionError(f"{where}: no firm {firm!r} (firms: {', '.join(scenario.firm_ids)})")
    if field not in FIELDS:
        raise DecisionError(f"{where}: no decision {parts[1]!r} (fields: price, incentive, production, "
                            f"{', '.join(SCALARS)}, launches)")
    own = [m.id for m in scenario.models if m.firm == firm]
    if field in PER_MODEL:
        if model is None:
            raise DecisionError(f"{where}: {parts[1]} needs a model, e.g. {firm}.{parts[1]}.{own[0]}=...")
        if model not in own:
            raise DecisionError(f"{where}: {firm} has no model {model!r} (models: {', '.join(own)})")
        return Change(firm, field, model, _number(value, where), text)
    if model is not None:
        raise DecisionError(f"{where}: {parts[1]} is not set per model (write {firm}.{parts[1]}=VALUE)")
    if field == "launches":
        ids = tuple(v.strip() for v in value.split(",") if v.strip())
        bad = [m for m in ids if m not in own]
        if bad:
            raise DecisionError(f"{where}: {firm} has no model {bad[0]!r} (models: {', '.join(own)})")
        return Change(firm, field, None, ids, text)
    number = _number(value, where)
    if field == "shifts":
        if number != int(number):
            raise DecisionError(f"{where}: shifts must be 1, 2 or 3")
        number = int(number)
    return Change(firm, field, None, number, text)


def apply_changes(scenario, firm_id: str, decision: FirmDecision, changes) -> FirmDecision:
    """Return ``decision`` with the ``changes`` for ``firm_id`` applied and validated.

    Raises:
        DecisionError: the changed decision is out of range (names the field and the change).
    """
    mine = [c for c in changes if c.firm == firm_id]
    if not mine:
        return decision
    for c in mine:
        if c.field in PER_MODEL:
            decision = replace(decision, **{c.field: {**getattr(decision, c.field), c.model: c.value}})
        else:
            decision = replace(decision, **{c.field: c.value})
    try:
        return validate(scenario, firm_id, decision)
    except DecisionError as exc:
        raise DecisionError(f"--set {', '.join(c.text for c in mine)}: {exc}") from None


def quarter_offset(game, at, option: str = "--at") -> int:
    """Offset of quarter ``at`` (label like ``"2025Q1"`` or an int offset) among those played.

    ``option`` (``"--at"`` or ``"--until"``) starts the ClosedLoopError when ``at`` is no quarter
    played.
    """
    if isinstance(at, int):
        t = at
    else:
        try:
            t = parse_quarter(at) - game.scenario.info.start
        except ValueError as exc:
            raise ClosedLoopError(f"{option} {at}: {exc}") from None
    if not 0 <= t < game.t:
        played = f"{quarter_label(game.scenario.info.start)}-{quarter_label(game.scenario.info.start + game.t - 1)}" \
            if game.t else "none"
        raise ClosedLoopError(f"{option} {at}: not a quarter played in this game (played: {played})")
    return t


def fork_game(game, at, changes, *, hold: bool = False, until=None, parent_file: str | None = None,
              progress=None) -> Game:
    """A new game that repeats ``game`` before ``at`` and changes decisions from ``at``.

    Quarters before ``at`` replay the recorded decisions. From ``at`` on, firms controlled by
    people keep their recorded decisions, AI firms decide again (deterministically, from the new
    states), recorded facilitator events are injected again, and in quarter ``at`` the
    ``changes`` are applied on top (with ``hold``, in every later quarter too).

    Args:
        game: the original game (e.g. from :func:`~engine.saves.load_game`).
        at: the quarter whose decisions change (label or offset), one already played.
        changes: :class:`Change` objects (see :func:`parse_change`).
        hold: keep the changed values in every quarter after ``at`` as well.
        until: last quarter to play (label or offset; default: as far as ``game`` went).
        parent_file: the original's file name, recorded in the fork's lineage.
        progress: optional ``callback(done_quarters, total_quarters) -> bool``; False stops.

    Returns:
        The fork; its ``lineage`` names the parent, the fork quarter and the changes.

    Raises:
        ClosedLoopError: bad quarter, or cancelled; DecisionError: a change is invalid.
    """
    t0 = quarter_offset(game, at)
    end = game.t if until is None else quarter_offset(game, until, "--until") + 1
    if end <= t0:
        raise ClosedLoopError(f"--until {until}: is before --at {at}")
    changes = tuple(changes)
    sc = game.scenario
    fork = Game(sc, game.seed, dict(game.records[0].controllers or game.controllers))
    for t in range(end):
        record = game.records[t]
        controllers = dict(record.controllers or game.controllers)
        fork.controllers.update(controllers)
        if t < t0:
            fork.replay_quarter(record.decisions, record.injected).controllers = controllers
            if progress is not None and progress(t + 1, end) is False:
                raise ClosedLoopError("cancelled")
            continue
        decisions = {**fork.ai_decisions(), **{f: d for f, d in record.decisions.items()
                                                  if controllers.get(f) == HUMAN}}
        if t == t0 or hold:
            decisions = {f: apply_changes(sc, f, d, changes) for f, d in decisions.items()}
        fork.replay_quarter(decisions, record.injected).controllers = controllers
        if progress is not None and progress(t + 1, end) is False:
            raise ClosedLoopError("cancelled")
    fork.controllers.update(game.controllers)
    fork.lineage = {"parent_id": game.lineage.get("save_id"), "parent_file": parent_file,
                    "fork_at": quarter_label(sc.info.start + t0),
                    "fork_changes": [c.text for c in changes] + (["--hold"] if hold else [])}
    fork.lineage = {k: v for k, v in fork.lineage.items() if v is not None}
    return fork
