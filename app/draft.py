"""The player's draft decision: field paths, next quarter's starting draft and undoable edits.

A field path names one value of a :class:`~engine.decisions.FirmDecision`: a scalar field
(``"marketing_budget"``, ``"shifts"``), a per-model value (``"prices.su7"``,
``"incentives.su7"``, ``"production.su7"``) or a launch flag (``"launches.yu7"``).
"""

from dataclasses import replace

from PySide6.QtGui import QUndoCommand

from engine.decisions import FirmDecision, validate
from engine.errors import DecisionError

from . import problems

PER_MODEL = ("prices", "incentives", "production")
FINANCE = ("parent_draw", "equity_raise", "borrow")


def value_of(decision: FirmDecision, path: str):
    """The value at ``path`` (0 for a model missing from a per-model table, bool for launches)."""
    table, _, key = path.partition(".")
    if table in PER_MODEL:
        return float(getattr(decision, table).get(key, 0.0))
    if table == "launches":
        return key in decision.launches
    return getattr(decision, path)


def with_value(decision: FirmDecision, path: str, value) -> FirmDecision:
    """A copy of ``decision`` with ``path`` set to ``value`` (not validated)."""
    table, _, key = path.partition(".")
    if table in PER_MODEL:
        values = dict(getattr(decision, table))
        if table == "incentives" and not value:
            values.pop(key, None)
        else:
            values[key] = float(value)
        return replace(decision, **{table: values})
    if table == "launches":
        launches = tuple(m for m in decision.launches if m != key) + ((key,) if value else ())
        return replace(decision, launches=launches)
    if path == "shifts":
        return replace(decision, shifts=int(value))
    if path not in FirmDecision.__dataclass_fields__:
        raise KeyError(path)
    return replace(decision, **{path: float(value)})


def problem_with(scenario, firm_id: str, draft: FirmDecision, path: str, value) -> str:
    """The one-line, translated problem with setting ``path`` of ``firm_id``'s ``draft`` to
    ``value`` in ``scenario``, or "" when the result is a valid decision."""
    try:
        validate(scenario, firm_id, with_value(draft, path, value))
    except DecisionError as exc:
        text = str(exc)
        prefix = f"{firm_id}.{path}: "
        return problems.localise(text[len(prefix):] if text.startswith(prefix) else text.split(": ", 1)[-1])
    return ""


def next_draft(last: FirmDecision | None, advice: FirmDecision) -> FirmDecision:
    """The draft a new quarter starts from.

    The first quarter starts from the advisor's plan (``advice``, the normal AI's decision). Later,
    the player's standing policies carry over from last quarter (prices, production, shifts,
    budgets, bundle); one-off actions (incentives, capacity orders, launches) start at zero;
    financing starts at what the advisor asks for to keep a cash buffer. Models the player had no
    production plan for -- such as a model just coming on sale -- take the advisor's target.
    """
    if last is None:
        return advice
    prices = {m: last.prices.get(m, p) for m, p in advice.prices.items()}
    production = {m: (last.production[m] if last.production.get(m, 0.0) > 0 else advice.production.get(m, 0.0))
                  for m in advice.production}
    return replace(last, prices=prices, production=production, incentives={}, launches=(), capacity_order=0.0,
                   **{name: getattr(advice, name) for name in FINANCE})


class EditCommand(QUndoCommand):
    """One undoable change of the draft: redo applies ``after``, undo restores ``before``."""

    def __init__(self, session, before: FirmDecision, after: FirmDecision, text: str):
        super().__init__(text)
        self.session = session
        self.before = before
        self.after = after

    def redo(self):  # noqa: D401 - Qt hook
        self.session.apply_draft(self.after)

    def undo(self):  # noqa: D401 - Qt hook
        self.session.apply_draft(self.before)
