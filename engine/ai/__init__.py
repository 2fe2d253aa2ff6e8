"""Rival AIs. ``POLICIES`` maps a difficulty level to ``decide(state, streams, firms=None) -> DecisionArrays``.

Every policy reads only the state at the start of the quarter (public information plus the
deciding firm's own books), the scenario and -- for its own randomness -- ``streams`` (AI
streams the caller derives from the game seed, never the world's streams); none receives any
firm's pending decision. ``firms`` (firm indices) names the firms whose decisions the caller
will keep; a policy may decide the others more cheaply. Levels:

- ``easy``: heuristics with noise and lag (:mod:`engine.ai.easy`);
- ``normal``: a myopic best response shaded by doctrine (:mod:`engine.ai.normal`);
- ``hard``: Monte Carlo look-ahead over strategic plans (:mod:`engine.ai.hard`).
"""

from ..decisions import within_limits
from . import easy, hard, normal


def _normal(state, streams=None, firms=None):
    return normal.decide(state)


POLICIES = {"easy": easy.decide, "normal": _normal, "hard": hard.decide}
LEVELS = ("easy", "normal", "hard")


def policy(level: str):
    """Return the decide function for ``level`` (ValueError for an unknown or unavailable level).

    Its decisions are held to a player's limits (:func:`engine.decisions.within_limits`), so a
    game, a fork, a forecast and a tournament all play the same, recordable decisions.
    """
    try:
        decide = POLICIES[level]
    except KeyError:
        raise ValueError(f"unknown AI level {level!r} (available: {', '.join(sorted(POLICIES))})") from None

    def limited(state, streams=None, firms=None):
        return within_limits(decide(state, streams, firms=firms))
    return limited
