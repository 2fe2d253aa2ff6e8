"""Teams' PINs on the shared laptop (hotseat).

A team may set a PIN of 4-6 digits when it submits (and change it whenever it submits again).
From then on its screen -- its books, its sealed decision and forecast -- opens only with that
PIN; after :data:`MAX_TRIES` wrong PINs in a row it stays shut until the facilitator resets the
PIN from the console. Teams choose their own PINs, so the facilitator has nothing to hand out on
a shared screen. PINs are kept in memory only, as salted hashes, and never saved with the
workshop: after the app restarts, teams set them again when they next submit.
"""

import hashlib
import hmac
import secrets

from ..i18n import translate

MIN_DIGITS, MAX_DIGITS = 4, 6
MAX_TRIES = 5


def pin_problem(text: str) -> str:
    """Why ``text`` is not a valid PIN, in one line ("" when it is one)."""
    if not (MIN_DIGITS <= len(text) <= MAX_DIGITS and text.isascii() and text.isdigit()):
        return translate("Hotseat", "A PIN is 4 to 6 digits.")
    return ""


class TeamPins:
    """The PINs of one workshop's teams and their wrong tries (not thread-safe: GUI thread only)."""

    def __init__(self):
        self._salt = secrets.token_bytes(16)
        self._hashes: dict[str, bytes] = {}
        self._misses: dict[str, int] = {}

    def _hash(self, team: str, pin: str) -> bytes:
        return hashlib.sha256(self._salt + team.encode() + b"\0" + pin.encode()).digest()

    def has(self, team: str) -> bool:
        """True when ``team`` has set a PIN."""
        return team in self._hashes

    def locked(self, team: str) -> bool:
        """True after :data:`MAX_TRIES` wrong PINs in a row (until :meth:`reset`)."""
        return self._misses.get(team, 0) >= MAX_TRIES

    def tries_left(self, team: str) -> int:
        """Wrong PINs ``team``'s screen still accepts before it locks."""
        return max(MAX_TRIES - self._misses.get(team, 0), 0)

    def set(self, team: str, pin: str) -> str:
        """Set ``team``'s PIN; returns the problem ("" when set; nothing changes otherwise)."""
        problem = pin_problem(pin)
        if not problem:
            self._hashes[team] = self._hash(team, pin)
            self._misses.pop(team, None)
        return problem

    def check(self, team: str, pin: str) -> bool:
        """True when ``pin`` is ``team``'s PIN (never while locked); a wrong one counts a try."""
        if team not in self._hashes or self.locked(team):
            return False
        if hmac.compare_digest(self._hashes[team], self._hash(team, pin)):
            self._misses.pop(team, None)
            return True
        self._misses[team] = self._misses.get(team, 0) + 1
        return False

    def reset(self, team: str) -> None:
        """Forget ``team``'s PIN and wrong tries (the facilitator's reset)."""
        self._hashes.pop(team, None)
        self._misses.pop(team, None)
