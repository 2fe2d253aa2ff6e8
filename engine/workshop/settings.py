"""Workshop set-up: which firms teams run, the AI level of the rest, the round timer and what
teams may see. Plain data, validated at the boundary, serialisable to JSON-ready dicts."""

import math
from dataclasses import asdict, dataclass, field, fields

from .. import ai
from ..ai import LEVELS
from ..errors import ClosedLoopError, shown

MISSING_POLICIES = ("ai", "carry")
MAX_TEAMS = 10
MAX_NAME = 40
MAX_ROUND_SECONDS = 7 * 24 * 3600


class WorkshopError(ClosedLoopError):
    """A workshop request is not allowed or not valid; ``code`` classifies it for the protocol.

    Codes: ``invalid`` (bad values), ``round`` (not allowed in this phase of the round),
    ``forbidden`` (not this caller's to do), ``not-found`` (unknown team or event).
    """

    def __init__(self, message: str, code: str = "invalid"):
        super().__init__(message)
        self.code = code


def expect_object(raw, where: str, allowed, what: str = "field") -> dict:
    """Check that ``raw`` is a dict whose keys are all in ``allowed`` (WorkshopError naming the
    first unknown key otherwise); return it."""
    if not isinstance(raw, dict):
        raise WorkshopError(f"{where}: must be an object")
    for key in raw:
        if key not in allowed:
            raise WorkshopError(f"{where}.{key}: unknown {what} (use {', '.join(sorted(allowed))})")
    return raw


@dataclass(frozen=True)
class Visibility:
    """What teams see besides their own books and rivals' public information (DESIGN section 3).

    Attributes:
        rival_financials: rivals' revenue, operating profit and cash (listed-company style).
        leaderboard: the balanced-scorecard ranking of every firm.
        suggestions: teams may ask for an AI draft of their own decision.
        history: rivals' public figures for every past quarter (else the latest quarter only).
    """

    rival_financials: bool = False
    leaderboard: bool = True
    suggestions: bool = True
    history: bool = True

    @staticmethod
    def from_dict(raw, where: str = "visibility") -> "Visibility":
        """Validate a dict of booleans (unknown keys are errors)."""
        expect_object(raw, where, {f.name for f in fields(Visibility)}, "setting")
        for key, value in raw.items():
            if not isinstance(value, bool):
                raise WorkshopError(f"{where}.{key}: must be true or false")
        return Visibility(**raw)


@dataclass(frozen=True)
class WorkshopSettings:
    """How a workshop is run.

    Attributes:
        teams: firm ids run by teams (one team per firm), in the order teams are listed.
        seed: the world seed.
        ai_level: level of every firm no team runs.
        quarters: quarters to play (None = to the scenario's end).
        round_seconds: length of a round; each opened round gets ``deadline = now + round_seconds``
            when the caller supplies ``now`` (None = no deadline).
        missing: what a team that did not submit gets at resolution: ``"ai"`` (an AI draft at
            ``ai_level``) or ``"carry"`` (its previous decision without new financing or launches).
        team_names: optional display names per firm id.
        visibility: :class:`Visibility`.
    """

    teams: tuple
    seed: int
    ai_level: str = "normal"
    quarters: int | None = None
    round_seconds: float | None = None
    missing: str = "ai"
    team_names: dict = field(default_factory=dict)
    visibility: Visibility = field(default_factory=Visibility)

    def check(self, scenario) -> "WorkshopSettings":
        """Validate against ``scenario``; return self (WorkshopError naming the field otherwise)."""
        teams = self.teams
        if not isinstance(teams, tuple) or not teams or not all(isinstance(t, str) for t in teams):
            raise WorkshopError("teams: list at least one firm id")
        if len(teams) > MAX_TEAMS:
            raise WorkshopError(f"teams: at most {MAX_TEAMS} teams")
        for team in teams:
            if team not in scenario.firm_ids:
                raise WorkshopError(f"teams: {team!r} is not a firm of {scenario.id} ({', '.join(scenario.firm_ids)})")
        if len(set(teams)) != len(teams):
            raise WorkshopError("teams: a firm is listed twice")
        if isinstance(self.seed, bool) or not isinstance(self.seed, int) or not 0 <= self.seed < 2**63:
            raise WorkshopError(f"seed: must be a whole number from 0 to 2**63-1 (got {shown(self.seed)})")
        if self.ai_level not in LEVELS:
            raise WorkshopError(f"ai_level: must be one of {', '.join(LEVELS)} (got {self.ai_level!r})")
        try:
            ai.policy(self.ai_level)
        except ValueError as exc:
            raise WorkshopError(f"ai_level: {exc}") from None
        if self.quarters is not None and (isinstance(self.quarters, bool) or not isinstance(self.quarters, int)
                                          or not 1 <= self.quarters <= scenario.n_quarters):
            raise WorkshopError(f"quarters: must be 1-{scenario.n_quarters} for {scenario.id} (got {shown(self.quarters)})")
        rs = self.round_seconds
        if rs is not None and (isinstance(rs, bool) or not isinstance(rs, (int, float)) or not math.isfinite(rs)
                               or not 0 < rs <= MAX_ROUND_SECONDS):
            raise WorkshopError(f"round_seconds: must be a positive number of seconds (got {shown(rs)})")
        if self.missing not in MISSING_POLICIES:
            raise WorkshopError(f"missing: must be one of {', '.join(MISSING_POLICIES)} (got {self.missing!r})")
        if not isinstance(self.team_names, dict):
            raise WorkshopError("team_names: must map firm ids to names")
        for firm, name in self.team_names.items():
            if firm not in teams:
                raise WorkshopError(f"team_names.{firm}: not a team of this workshop")
            if not isinstance(name, str) or not name.strip() or len(name) > MAX_NAME:
                raise WorkshopError(f"team_names.{firm}: must be a name of 1-{MAX_NAME} characters")
        if not isinstance(self.visibility, Visibility):
            raise WorkshopError("visibility: must be a Visibility")
        return self

    def total_quarters(self, scenario) -> int:
        """Quarters this workshop plays."""
        return self.quarters or scenario.n_quarters

    def name_of(self, firm_id: str, scenario) -> str:
        """Display name of a team (its own name, else the firm's English name)."""
        if firm_id in self.team_names:
            return self.team_names[firm_id]
        return scenario.firms[scenario.firm_index(firm_id)].name.en

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        out = asdict(self)
        out["teams"] = list(self.teams)
        return out

    @staticmethod
    def from_dict(raw, scenario, where: str = "settings") -> "WorkshopSettings":
        """Validate a dict (as written by :meth:`to_dict`) against ``scenario``."""
        expect_object(raw, where, {f.name for f in fields(WorkshopSettings)}, "setting")
        for key in ("teams", "seed"):
            if key not in raw:
                raise WorkshopError(f"{where}.{key}: missing")
        values = dict(raw)
        if not isinstance(values["teams"], list):
            raise WorkshopError(f"{where}.teams: must be a list of firm ids")
        values["teams"] = tuple(values["teams"])
        values["visibility"] = Visibility.from_dict(values.get("visibility", {}), f"{where}.visibility")
        try:
            return WorkshopSettings(**values).check(scenario)
        except WorkshopError as exc:
            raise WorkshopError(f"{where}.{exc}") from None
