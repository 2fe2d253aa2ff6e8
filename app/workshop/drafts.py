"""Where a team's draft starts each round, from what the team may see (its view) alone.

Shared by teams on one laptop and teams over the LAN, so both start the same way:

1. the team's own sealed submission for this round, when it has one (it is resubmitting);
2. else its decision of last quarter carried over (standing policies kept, one-off actions
   reset, see :func:`app.draft.next_draft`), with ``basis`` (an AI draft) filling in models
   the team had no plan for;
3. in the first round, ``basis`` itself (the status-quo plan every team starts from).

Without a basis (a LAN workshop with suggestions switched off) the first draft keeps today's
list prices and plans this quarter's production at last quarter's orders.
"""

from dataclasses import replace

from engine.decisions import FirmDecision

from ..draft import EditCommand, next_draft, problem_with, value_of, with_value
from ..i18n import translate

RESET = {"incentives": {}, "launches": (), "capacity_order": 0.0, "parent_draw": 0.0, "equity_raise": 0.0,
         "borrow": 0.0}


def _decision(raw, team: str) -> FirmDecision:
    return raw if isinstance(raw, FirmDecision) else FirmDecision.from_dict(raw, team)


def starting_draft(view: dict, basis=None) -> FirmDecision:
    """The draft a team starts the open round with (see the module docstring).

    Args:
        view: the team's view (``WorkshopSession.team_view`` or the LAN host's ``view``).
        basis: an AI draft (FirmDecision or its dict) or None.
    """
    team = view["team"]
    if view.get("draft"):
        return _decision(view["draft"], team)
    decisions = view["own"]["decisions"]
    last = _decision(decisions[-1]["decision"], team) if decisions else None
    if basis is not None:
        return next_draft(last, _decision(basis, team))
    prices = {m: p for m, p in view["list_prices"].get(team, {}).items() if p is not None}
    if last is not None:
        return replace(last, prices={**prices, **last.prices}, **RESET)
    models = view["own"]["books"]["models"]
    production = {m: float(models[m]["orders_last"] or 0.0) for m in prices if m in models}
    return FirmDecision(prices=prices, production=production)


class DraftEditing:
    """Undoable, checked edits of a team's draft, for the adapters the decision fields bind to.

    The class using it provides ``scenario`` (or None: no local check), ``player``, ``draft``,
    ``undo_stack``, ``closed()`` (True when no edit may be made now) and ``apply_draft``.
    """

    def check(self, path: str, value) -> str:
        """The one-line problem with setting ``path`` to ``value``, or "" when it is valid."""
        if self.scenario is None:
            return ""
        return problem_with(self.scenario, self.player, self.draft, path, value)

    def propose(self, path: str, value, label: str = "") -> str:
        """Set ``path`` of the draft to ``value`` as an undoable edit ("" when applied, else why not)."""
        if self.closed():
            return translate("Session", "No quarter is open for decisions.")
        problem = self.check(path, value)
        if problem:
            return problem
        if value_of(self.draft, path) != value:
            self.replace_draft(with_value(self.draft, path, value),
                               translate("Session", "Change %1").replace("%1", label or path))
        return ""

    def replace_draft(self, decision, label: str) -> None:
        """Make ``decision`` the draft as one undoable step named ``label``."""
        self.undo_stack.push(EditCommand(self, self.draft, decision, label))
