"""Who may connect to a workshop host: join codes, access tokens, rate limits and failed joins.

A join code is short (six characters from an alphabet without look-alikes, e.g. ``K7PQ2M``) and
single use: joining exchanges it for a long random token (``secrets.token_urlsafe``) that the
team's app keeps to reconnect. Each team has at most one live token; reissuing a team's access
revokes its token and unused code and issues a new code. The facilitator has a code and token
of their own. Failed joins are counted per remote address as well as per connection, so
reconnecting does not reset a guesser's count. Nothing here is saved with the session.
"""

import secrets
from collections import deque
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


class JoinThrottle:
    """Failed joins per remote address in a sliding window (not thread-safe: the host calls it
    under its lock). An address with ``limit`` failures in the last ``window`` seconds may not try
    again until the oldest of them is ``window`` seconds old, whatever connection it uses."""

    PRUNE_AT = 256        # addresses remembered before expired ones are swept

    def __init__(self, limit: int, window: float):
        self.limit, self.window = limit, float(window)
        self._failures: dict[str, deque] = {}

    def _recent(self, address: str, now: float) -> deque | None:
        times = self._failures.get(address)
        if times is None:
            return None
        while times and now - times[0] >= self.window:
            times.popleft()
        if not times:
            del self._failures[address]
            return None
        return times

    def wait(self, address: str, now: float) -> float:
        """Seconds before ``address`` may try to join again (0 = it may now)."""
        times = self._recent(address, now)
        if times is None or len(times) < self.limit:
            return 0.0
        return max(times[-self.limit] + self.window - now, 0.0)

    def failed(self, address: str, now: float) -> None:
        """Count a failed join (or resume) from ``address`` at ``now`` (monotonic seconds)."""
        if len(self._failures) >= self.PRUNE_AT:
            for known in list(self._failures):
                self._recent(known, now)
        self._recent(address, now)
        self._failures.setdefault(address, deque()).append(now)
