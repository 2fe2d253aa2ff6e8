"""Who may connect to a workshop host: join codes, access tokens and per-connection rate limits.

A join code is short (six characters from an alphabet without look-alikes, e.g. ``K7PQ2M``) and
single use: joining exchanges it for a long random token (``secrets.token_urlsafe``) that the
team's app keeps to reconnect. Each team has at most one live token; reissuing a team's access
revokes its token and unused code and issues a new code. The facilitator has a code and token
of their own. Nothing here is saved with the session.
"""

import secrets
from dataclasses import dataclass

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6
TOKEN_BYTES = 24
FACILITATOR = "facilitator"
TEAM = "team"


def new_code() -> str:
    """A fresh join code."""
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def normalise_code(text: str) -> str:
    """Upper-case a typed code and drop spaces and dashes (``"k7p-q2m"`` -> ``"K7PQ2M"``)."""
    return "".join(ch for ch in text.upper() if ch not in " -")


@dataclass(frozen=True)
class Grant:
    """What a code or token gives: a role and, for teams, the team's firm id."""

    role: str
    team: str | None = None


class AccessTable:
    """Join codes and tokens of one host (not thread-safe: the host calls it under its lock)."""

    def __init__(self, teams, facilitator: bool = True):
        self._codes: dict[str, Grant] = {}
        self._tokens: dict[str, Grant] = {}
        self.codes: dict[str, str] = {}          # team -> current unused code (for the facilitator)
        self.facilitator_code: str | None = None
        for team in teams:
            self._issue(Grant(TEAM, team))
        if facilitator:
            self._issue(Grant(FACILITATOR))

    def _issue(self, grant: Grant) -> str:
        code = new_code()
        while code in self._codes:
            code = new_code()
        self._codes[code] = grant
        if grant.role == TEAM:
            self.codes[grant.team] = code
        else:
            self.facilitator_code = code
        return code

    def join(self, code: str) -> tuple[Grant, str] | None:
        """Exchange an unused code for ``(grant, token)``; None for an unknown or used code.

        The new token replaces any earlier token of the same grant (one live token each)."""
        grant = self._codes.pop(normalise_code(code), None)
        if grant is None:
            return None
        if grant.role == TEAM:
            self.codes.pop(grant.team, None)
        else:
            self.facilitator_code = None
        token = secrets.token_urlsafe(TOKEN_BYTES)
        self._revoke(grant)
        self._tokens[token] = grant
        return grant, token

    def resume(self, token: str) -> Grant | None:
        """The grant of a live token, or None."""
        return self._tokens.get(token)

    def _revoke(self, grant: Grant) -> None:
        for token in [t for t, g in self._tokens.items() if g == grant]:
            del self._tokens[token]

    def reissue(self, team: str) -> str:
        """Revoke ``team``'s token and unused code; return its new join code."""
        grant = Grant(TEAM, team)
        self._revoke(grant)
        old = self.codes.pop(team, None)
        if old is not None:
            self._codes.pop(old, None)
        return self._issue(grant)


class RateLimit:
    """Token bucket: ``burst`` messages at once, refilled at ``rate`` per second."""

    def __init__(self, rate: float, burst: float, now: float):
        self.rate, self.burst = float(rate), float(burst)
        self.tokens, self.stamp = float(burst), now

    def allow(self, now: float) -> bool:
        """Take one token if there is one (``now`` from a monotonic clock)."""
        self.tokens = min(self.burst, self.tokens + max(now - self.stamp, 0.0) * self.rate)
        self.stamp = now
        if self.tokens >= 1.0:
            self.tokens -= 1.0
            return True
        return False
