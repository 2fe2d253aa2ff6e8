"""One team's private draft on the shared laptop, shaped like :class:`app.session.Session`.

The app's decision editors (:class:`app.widgets.decisions.DecisionsPanel` and its pages) read a
session's ``game``, ``player``, ``draft``, ``advice``, ``projection`` and ``history`` and call
``propose``/``use_advice``. This adapter gives them exactly that for one team of a workshop, with
its own undo stack. It lives for one turn at the laptop: the hotseat screen deletes it (and the
widgets bound to it) when the team passes the laptop on, so nothing of one team's inputs, undo
history or field contents survives into the next team's turn.
"""

import logging

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from engine.errors import ClosedLoopError

from .. import consequences
from ..history import History
from ..i18n import translate
from .drafts import DraftEditing

log = logging.getLogger(__name__)


class TeamDraftSession(DraftEditing, QObject):
    """The draft of ``team`` for the open round of ``game`` (the workshop's game, only read here).

    Args:
        game: the workshop's :class:`~engine.game.Game` (not changed while a team enters decisions).
        team: the team's firm id.
        draft: where the draft starts (:func:`app.workshop.drafts.starting_draft`).
        advice: the advisor's plan for the "use the advisor's plan" button, or None when the
            workshop switched suggestions off.
    """

    gameStarted = Signal()
    draftChanged = Signal()
    quarterResolved = Signal(object)
    gameFinished = Signal()
    busyChanged = Signal(bool)
    message = Signal(str)

    def __init__(self, game, team: str, draft, advice=None, parent=None):
        super().__init__(parent)
        self.game, self.player, self.advice = game, team, advice
        self.history = History(game)
        self.busy = False
        self.drivers = None
        self.undo_stack = QUndoStack(self)
        self.draft = None
        self.projection = {}
        self._set_draft(draft)

    @property
    def scenario(self):
        """The workshop's scenario."""
        return self.game.scenario

    @property
    def finished(self) -> bool:
        """True when the team's firm has left the market (it has nothing to decide)."""
        return bool(self.game.state.exited[0, self.scenario.firm_index(self.player)] > 0)

    def closed(self) -> bool:
        """True when no edit may be made (the firm has left the market)."""
        return self.busy or self.finished

    def use_advice(self) -> None:
        """Replace the draft with the advisor's plan, undoably (nothing when there is none)."""
        if self.advice is None or self.closed():
            return
        self.replace_draft(self.advice, translate("Session", "Use the advisor's plan"))

    def apply_draft(self, decision) -> None:
        """Make ``decision`` the draft (called by the undo commands)."""
        self._set_draft(decision)
        self.draftChanged.emit()

    def _set_draft(self, decision) -> None:
        self.draft = decision
        try:
            self.projection = {} if self.finished else consequences.projection(self.game, self.player, decision)
        except ClosedLoopError as exc:
            log.warning("projection failed: %s", exc)
            self.projection = {}

    def cancel_forecast(self) -> None:
        """No preview runs for a team's turn (the decision editors may ask)."""

    def discard(self) -> None:
        """Forget the draft and the undo history (the team's turn is over)."""
        self.undo_stack.clear()
        self.draft = self.advice = None
        self.projection = {}
