"""Facilitator injections: events from the scenario's deck and custom events defined in the room.

An injection is a pair ``(event, target)``: ``event`` is a deck event id (``"recall"``) or a
:class:`CustomEvent`; ``target`` is a firm id or None (the event's own target; "all" for a
custom event). A game records the injections of every quarter (``QuarterRecord.injected``).

Deck events fire through the engine's event state. A custom event has no slot in the state (its
definition arrives mid-game, and the state layout and random draws depend on the deck size), so
its effects travel with the decisions: while it runs, the quarter's ``DecisionArrays.custom``
carries its effect values, derived here from the decision log. ``advance`` stays pure and a
replay of the log reproduces every state hash.
"""

import math
import re
from dataclasses import dataclass, fields, replace

import numpy as np

from .errors import DecisionError, ScenarioError, shown
from .events import CUSTOM_ACTIVE, CUSTOM_FIRED, CUSTOM_ONCE, CUSTOM_TARGET, CUSTOM_WIDTH
from .scenario.arrays import ACTIVE_LEVERS, ONCE_LEVERS
from .scenario.reader import Reader
from .scenario.schema import Effects, Text

ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
MAX_DURATION = 12
MAX_HEADLINE = 200


@dataclass(frozen=True)
class CustomEvent:
    """An event defined by a facilitator: a bilingual headline, validated effects and a duration.

    Attributes:
        id: lower-case id, distinct from the deck's ids (e.g. ``"custom-port-strike"``).
        headline: English and Chinese headline shown in every team's news.
        effects: :class:`~engine.scenario.schema.Effects` (ranges as in scenario files).
        duration: quarters the active effects last (1..12); one-off effects hit in the first.
    """

    id: str
    headline: Text
    effects: Effects
    duration: int = 1

    def to_dict(self) -> dict:
        """A JSON-ready dict; only effects that differ from "no effect" are listed."""
        neutral = Effects()
        effects = {f.name: getattr(self.effects, f.name) for f in fields(Effects)
                   if getattr(self.effects, f.name) != getattr(neutral, f.name)}
        return {"id": self.id, "headline": {"en": self.headline.en, "zh": self.headline.zh},
                "effects": effects, "duration": self.duration}

    @staticmethod
    def from_dict(raw, where: str = "custom event") -> "CustomEvent":
        """Validate a JSON-like dict into a CustomEvent (DecisionError naming the field otherwise)."""
        if not isinstance(raw, dict):
            raise DecisionError(f"{where}: must be an object")
        for key in raw:
            if key not in ("id", "headline", "effects", "duration"):
                raise DecisionError(f"{where}.{key}: unknown key (use id, headline, effects, duration)")
        ident = raw.get("id")
        if not isinstance(ident, str) or not ID_PATTERN.match(ident):
            raise DecisionError(f"{where}.id: must be a lower-case id like \"custom-strike\" (got {ident!r})")
        headline = raw.get("headline")
        if not isinstance(headline, dict) or set(headline) != {"en", "zh"}:
            raise DecisionError(f"{where}.headline: must be an object with en and zh texts")
        for lang in ("en", "zh"):
            text = headline[lang]
            if not isinstance(text, str) or not text.strip() or len(text) > MAX_HEADLINE:
                raise DecisionError(f"{where}.headline.{lang}: must be a text of 1-{MAX_HEADLINE} characters")
        duration = raw.get("duration", 1)
        if isinstance(duration, bool) or not isinstance(duration, int) or not 1 <= duration <= MAX_DURATION:
            raise DecisionError(f"{where}.duration: must be a whole number of quarters, 1-{MAX_DURATION} (got {shown(duration)})")
        effects = raw.get("effects", {})
        if not isinstance(effects, dict) or not effects:
            raise DecisionError(f"{where}.effects: must be an object with at least one effect")
        for key, value in effects.items():
            if key in ("source", "sources"):
                raise DecisionError(f"{where}.effects.{key}: unknown effect")
            if isinstance(value, (int, float)) and not isinstance(value, bool) and not math.isfinite(value):
                raise DecisionError(f"{where}.effects.{key}: must be a finite number")
        try:
            parsed = Reader(where).table(Effects, effects, "effects", "custom", inherited_source="facilitator")
        except ScenarioError as exc:
            raise DecisionError(str(exc)) from None
        if parsed == Effects():
            raise DecisionError(f"{where}.effects: every effect is neutral; the event would do nothing")
        return CustomEvent(ident, Text(headline["en"].strip(), headline["zh"].strip()), parsed, duration)


def is_custom(entry) -> bool:
    """True when an injection ``(event, target)`` carries a custom event."""
    return isinstance(entry[0], CustomEvent)


def check(scenario, injected) -> None:
    """Validate injections against the scenario (DecisionError naming the first bad one).

    Deck ids must exist, targets must be firm ids or None, custom ids must not shadow deck ids,
    and no event may be injected twice in one quarter.
    """
    deck = {e.id for e in scenario.events}
    seen = set()
    for i, entry in enumerate(injected):
        if not isinstance(entry, tuple) or len(entry) != 2:
            raise DecisionError(f"injected[{i}]: must be (event, target)")
        event, target = entry
        ident = event.id if isinstance(event, CustomEvent) else event
        if not isinstance(ident, str):
            raise DecisionError(f"injected[{i}]: must name a deck event or carry a custom event")
        if isinstance(event, CustomEvent) and ident in deck:
            raise DecisionError(f"injected[{i}]: custom event id {ident!r} is already a deck event")
        if not isinstance(event, CustomEvent) and ident not in deck:
            raise DecisionError(f"event {ident!r}: not in the scenario's events deck")
        if ident in seen:
            raise DecisionError(f"event {ident!r}: injected twice in one quarter")
        seen.add(ident)
        if target is not None and target not in scenario.firm_ids:
            raise DecisionError(f"event {ident!r}: target {target!r} is not a firm of scenario {scenario.id}")


def custom_log(records, injected=()) -> list:
    """``(t, CustomEvent, target)`` for every custom event in ``records`` (quarter offset = position),
    followed by the custom events of ``injected`` for the next quarter ``len(records)``."""
    log = [(t, e, target) for t, rec in enumerate(records) for e, target in rec.injected if isinstance(e, CustomEvent)]
    return log + [(len(records), e, target) for e, target in injected if isinstance(e, CustomEvent)]


def custom_rows(scenario, log, t: int) -> np.ndarray:
    """Rows (C, CUSTOM_WIDTH) of the custom events in ``log`` running in quarter offset ``t``."""
    rows = []
    for start, event, target in log:
        if start <= t < start + event.duration:
            row = np.zeros(CUSTOM_WIDTH)
            row[CUSTOM_TARGET] = -1.0 if target is None else scenario.firm_index(target)
            row[CUSTOM_FIRED] = 1.0 if start == t else 0.0
            row[CUSTOM_ACTIVE:CUSTOM_ONCE] = [getattr(event.effects, k) for k in ACTIVE_LEVERS]
            row[CUSTOM_ONCE:] = [getattr(event.effects, k) for k in ONCE_LEVERS]
            rows.append(row)
    return np.array(rows).reshape(len(rows), CUSTOM_WIDTH)


def with_custom(scenario, arrays, log, t: int):
    """Return ``arrays`` carrying the custom events of ``log`` running in quarter offset ``t``."""
    rows = custom_rows(scenario, log, t)
    if not len(rows):
        return arrays
    return replace(arrays, custom=np.repeat(rows[None], arrays.futures, axis=0))


def deck_arrays(scenario, injected, futures: int = 1) -> tuple[np.ndarray, np.ndarray]:
    """``(inject, inject_target)`` (futures, N) for the deck events among ``injected``."""
    ids = [e.id for e in scenario.events]
    inject = np.zeros(len(ids))
    target = np.full(len(ids), -1.0)
    for event, firm in injected:
        if not isinstance(event, CustomEvent):
            n = ids.index(event)
            inject[n] = 1.0
            if firm is not None:
                target[n] = scenario.firm_index(firm)
    return np.repeat(inject[None], futures, axis=0), np.repeat(target[None], futures, axis=0)


def to_json(injected) -> list:
    """Injections as JSON-ready dicts: ``{"event": id, "target"}`` or ``{"custom": {...}, "target"}``."""
    return [({"custom": e.to_dict()} if isinstance(e, CustomEvent) else {"event": e}) | {"target": target}
            for e, target in injected]


def from_json(raw, scenario, where: str = "injected") -> tuple:
    """Parse :func:`to_json` output back into injections, validated (DecisionError naming the field)."""
    if not isinstance(raw, list):
        raise DecisionError(f"{where}: must be a list")
    out = []
    for i, item in enumerate(raw):
        here = f"{where}[{i}]"
        if not isinstance(item, dict) or set(item) not in ({"event", "target"}, {"custom", "target"}):
            raise DecisionError(f"{here}: must be {{\"event\", \"target\"}} or {{\"custom\", \"target\"}}")
        target = item["target"]
        if target is not None and not isinstance(target, str):
            raise DecisionError(f"{here}.target: must be a firm id or null")
        if "custom" in item:
            out.append((CustomEvent.from_dict(item["custom"], f"{here}.custom"), target))
        elif isinstance(item["event"], str):
            out.append((item["event"], target))
        else:
            raise DecisionError(f"{here}.event: must be a deck event id")
    out = tuple(out)
    check(scenario, out)
    return out
