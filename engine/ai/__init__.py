"""Rival AIs. ``POLICIES`` maps a difficulty level to ``decide(state, streams) -> DecisionArrays``.

Every policy reads only the state at the start of the quarter (public information plus the
deciding firm's own books) and the scenario; none receives any firm's pending decision.
"""

from . import normal


def _normal(state, streams=None):
    return normal.decide(state)


POLICIES = {"normal": _normal}
LEVELS = ("easy", "normal", "hard")


def policy(level: str):
    """Return the decide function for ``level`` (ValueError for an unknown or unavailable level)."""
    try:
        return POLICIES[level]
    except KeyError:
        raise ValueError(f"unknown AI level {level!r} (available: {', '.join(sorted(POLICIES))})") from None
