"""The replay document: a save's stored outcomes, the quarter shown and whose view it is.

The viewer's widgets connect to :attr:`ReplayDocument.quarterChanged` and
:attr:`ReplayDocument.viewChanged` in their constructors and only read :meth:`ReplayDocument.shown`:
the facilitator view is every stored outcome; a team view is what that team could see after the
quarter shown (``Outcomes.team_view(firm, through=quarter)``). Nothing here re-simulates.
"""

import functools
import math
from dataclasses import dataclass
from types import SimpleNamespace

from PySide6.QtCore import QObject, Signal

from engine.errors import ClosedLoopError
from engine.quarters import parse_quarter

from .. import i18n, saving
from ..widgets.dashboard import PALETTE


@dataclass(frozen=True)
class Loaded:
    """What opening a save produces (in a worker): its path, stored outcomes, firm colours and the
    models a firm may choose to launch (hints from the installed scenario of the same id: saves
    store neither; a fork is validated against the save's own scenario snapshot)."""

    path: str
    outcomes: object
    colours: dict
    optional: frozenset = frozenset()


def load(path, progress=None) -> Loaded:
    """Read the save at ``path`` for the viewer (a worker function; SaveLoadError in one line)."""
    outcomes = saving.engine_saves().load_outcomes(path)
    colours, optional = scenario_hints(outcomes)
    return Loaded(str(path), outcomes, colours, optional)


def scenario_hints(outcomes) -> tuple:
    """``(firm id -> colour, optional model ids)`` from the installed scenario with the save's id
    (the dashboard palette and no launch choices when there is none)."""
    known, optional = _installed(outcomes.metadata.scenario_id)
    colours = {f: (known.get(f) if known.get(f) not in (None, "", "#888888") else PALETTE[k % len(PALETTE)])
               for k, f in enumerate(outcomes.firm_ids)}
    return colours, optional


@functools.lru_cache(maxsize=8)
def _installed(scenario_id: str) -> tuple:
    """Firm colours and optional models of the installed scenario ``scenario_id`` (parsed once)."""
    from engine.scenario import load_scenario

    try:
        scenario = load_scenario(scenario_id)
    except ClosedLoopError:
        return {}, frozenset()
    return {f.id: f.color for f in scenario.firms}, frozenset(m.id for m in scenario.models if m.optional)


def chart_context(metadata, stored: int) -> SimpleNamespace:
    """What :class:`app.widgets.charts.Chart` reads of a session, for a saved game: the first
    quarter and the quarters stored (the axis spans what was played, fixed while scrubbing), and
    no live game (so no explanations, whose parameters would come from today's scenario files
    rather than the save)."""
    scenario = SimpleNamespace(info=SimpleNamespace(start=parse_quarter(metadata.start_quarter)),
                               n_quarters=max(stored, 2))
    return SimpleNamespace(scenario=scenario, game=None, player=metadata.player)


def text(bilingual: dict) -> str:
    """A stored ``{"en", "zh"}`` name in the current language."""
    return bilingual.get("zh" if i18n.is_chinese() else "en") or bilingual.get("en", "")


class ReplayDocument(QObject):
    """One save being viewed: :attr:`outcomes` (every stored quarter), :attr:`index` (the quarter
    shown, an offset) and :attr:`team` (None for the facilitator view, else a firm id).

    ``scenario``, ``game`` and ``player`` are what :class:`app.widgets.charts.Chart` reads of a
    session (see :func:`chart_context`).
    """

    quarterChanged = Signal(int)
    viewChanged = Signal()

    def __init__(self, loaded: Loaded, parent=None):
        super().__init__(parent)
        self.path = loaded.path
        self.outcomes = loaded.outcomes
        self.colours = loaded.colours
        self.optional = loaded.optional
        self.metadata = self.outcomes.metadata
        context = chart_context(self.metadata, len(self.outcomes.quarters))
        self.scenario, self.game, self.player = context.scenario, context.game, context.player
        self.index = len(self.outcomes.quarters) - 1
        self.team = None
        self._cache = self._whole = None

    # ---- what is shown ----------------------------------------------------------------------
    @property
    def count(self) -> int:
        """Quarters stored."""
        return len(self.outcomes.quarters)

    @property
    def quarter(self) -> str:
        """Label of the quarter shown."""
        return self.outcomes.quarters[self.index]

    def set_quarter(self, index: int) -> None:
        """Show quarter offset ``index`` (clamped to the stored quarters)."""
        index = min(max(int(index), 0), self.count - 1)
        if index != self.index:
            self.index = index
            self.quarterChanged.emit(index)

    def set_team(self, firm_id: str | None) -> None:
        """Show the facilitator view (None) or what the team playing ``firm_id`` could see."""
        if firm_id is not None and firm_id not in self.outcomes.firm_ids:
            raise ClosedLoopError(f"{firm_id}: no such firm in this game")
        if firm_id != self.team:
            self.team = firm_id
            self.viewChanged.emit()

    def shown(self):
        """The :class:`engine.saves.Outcomes` on screen: quarters up to :attr:`index` matter."""
        if self.team is None:
            return self.outcomes
        key = (self.team, self.index)
        if self._cache is None or self._cache[0] != key:
            self._cache = (key, self.outcomes.team_view(self.team, through=self.index))
        return self._cache[1]

    def whole(self):
        """Every stored quarter in the current view (the charts' axes span it)."""
        if self.team is None:
            return self.outcomes
        if self._whole is None or self._whole[0] != self.team:
            self._whole = (self.team, self.outcomes.team_view(self.team))
        return self._whole[1]

    def hidden(self, kind: str, name: str, firm_id: str) -> bool:
        """True when ``firm_id``'s ``name`` (``kind`` "firm" metric or "decision" field) is private
        in the current view (for a workshop save, by the workshop's visibility settings)."""
        if self.team is None or firm_id == self.team:
            return False
        return name not in self.outcomes.public(kind)

    def objectives_visible(self) -> bool:
        """Objectives belong to the player's firm: hidden in other teams' views."""
        return self.team is None or self.team == self.player

    # ---- names ------------------------------------------------------------------------------
    def firm_name(self, firm_id: str) -> str:
        """A firm's stored name in the current language."""
        return next((text(f["name"]) for f in self.outcomes.catalog["firms"] if f["id"] == firm_id), firm_id)

    def model_name(self, model_id: str) -> str:
        """A model's stored name in the current language."""
        return next((text(m["name"]) for m in self.outcomes.catalog["models"] if m["id"] == model_id), model_id)

    def model_short_name(self, model_id: str) -> str:
        """A model's name without its firm's (``Xiaomi SU7`` -> ``SU7``), for cells beside the firm."""
        firm = next((m["firm"] for m in self.outcomes.catalog["models"] if m["id"] == model_id), "")
        return short_name(self.model_name(model_id), self.firm_name(firm))

    def event_headline(self, event) -> str:
        """Headline of a deck event id or a custom (facilitator-written) event."""
        if not isinstance(event, str):
            return event.headline.get("zh" if i18n.is_chinese() else "en")
        return next((text(e["headline"]) for e in self.outcomes.catalog["events"] if e["id"] == event), event)

    def objectives(self) -> list:
        """``(id, text)`` of the scenario's objectives, in order."""
        return [(o["id"], text(o["text"])) for o in self.outcomes.catalog["objectives"]]

    def markers(self) -> list:
        """Per quarter ``(deck events that fired, facilitator injections)`` as headlines.

        Injections are ``(headline, target firm name or "")``; deck events the facilitator injected
        are listed there, not among the deck events.
        """
        o = self.outcomes
        out = []
        for t in range(self.count):
            injected_ids = {e if isinstance(e, str) else e.id for e, _ in o.injected[t]}
            deck = [self.event_headline(e) for e in o.fired(t) if e not in injected_ids]
            injected = [(self.event_headline(e), self.firm_name(target) if target else "")
                        for e, target in o.injected[t]]
            out.append((deck, injected))
        return out


def short_name(model: str, firm: str) -> str:
    """``model`` without the start it shares with ``firm`` (a whole word, or two or more CJK
    characters): ``("Tesla Model 3", "Tesla China")`` -> ``"Model 3"``, ``("小米SU7", "小米汽车")`` -> ``"SU7"``."""
    n = 0
    while n < min(len(model), len(firm)) and model[n] == firm[n]:
        n += 1
    rest = model[n:].lstrip(" /")
    cjk = n >= 2 and all("\u4e00" <= c <= "\u9fff" for c in model[:n])
    word = n > 0 and (model[n - 1] == " " or n == len(firm) and model[n:n + 1] == " ")
    return rest if rest and (cjk or word) else model


def finite(value) -> bool:
    """True for a real number (stored NaN means hidden or not stored)."""
    return value is not None and math.isfinite(value)
