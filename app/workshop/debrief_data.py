"""What the debrief pack says, computed from a played game (no Qt: it runs in a worker thread).

* trajectories: every firm's reported metrics per quarter (teams and AI rivals);
* turning points: for each team, the quarters with the largest swing of operating profit, with
  the drivers of the swing (:func:`engine.drivers.quarter_drivers`, a Shapley decomposition);
* decision differences: how each team used its levers over the workshop;
* forecast accuracy: the prediction log scored against what happened;
* luck versus skill: the teams' recorded decisions replayed in other random worlds
  (:func:`engine.saves.play_worlds`): the median over those worlds is what the decisions were
  worth ("skill"), the difference to the game as played is luck;
* the events of every quarter, deck and facilitator-injected.
"""

from dataclasses import dataclass, field

import numpy as np

from engine.drivers import quarter_drivers
from engine.errors import ClosedLoopError
from engine.forecast import ForecastCancelled
from engine.injections import CustomEvent
from engine.saves import play_worlds

TRAJECTORIES = ("deliveries", "operating_profit_cny", "cash_cny", "market_share", "score")
TURNING_POINTS = 2
DEFAULT_WORLDS = 50


@dataclass
class Debrief:
    """Everything the pack shows (plain data; see the module docstring).

    Attributes:
        scenario: the scenario; teams: firm ids run by teams; names: firm id -> display name
            (team names for teams).
        quarters: labels of the quarters played.
        series: metric -> (quarters, firms) array of every firm.
        leaderboard: ``[(firm id, score, rank)]`` after the last quarter.
        turning_points: team -> ``[{"quarter", "before", "after", "drivers": [(driver, CNY)]}]``.
        decisions: team -> {lever: value} (see :func:`decision_summary`); price_index: team ->
            (quarters,) average own list price relative to the first quarter.
        forecasts: team -> the session's prediction scores (empty without a prediction log).
        luck: team -> {"actual", "median", "p10", "p90", "percentile", "luck"}; worlds: how many.
        events: ``[{"quarter", "id", "headline": {"en", "zh"}, "target", "injected"}]``.
    """

    scenario: object
    teams: tuple
    names: dict
    quarters: list
    series: dict
    leaderboard: list
    turning_points: dict
    decisions: dict
    price_index: dict
    forecasts: dict = field(default_factory=dict)
    luck: dict = field(default_factory=dict)
    worlds: int = 0
    events: list = field(default_factory=list)


def decision_summary(game, team: str) -> dict:
    """How ``team`` used its levers: averages per quarter (CNY), totals and the launches."""
    records = [r.decisions[team] for r in game.records]
    mean = lambda f: float(np.mean([f(d) for d in records])) if records else 0.0
    return {"marketing": mean(lambda d: d.marketing_budget),
            "autonomy": mean(lambda d: d.autonomy_budget + d.chip_budget),
            "ecosystem": mean(lambda d: d.integration_budget + d.services_budget + d.charging_budget),
            "incentives": mean(lambda d: float(np.mean(list(d.incentives.values()))) if d.incentives else 0.0),
            "capacity": float(sum(d.capacity_order for d in records)),
            "shifts": mean(lambda d: d.shifts),
            "financing": float(sum(d.parent_draw + d.equity_raise + max(d.borrow, 0.0) for d in records)),
            "launches": sorted({m for d in records for m in d.launches})}


def price_index(game, team: str) -> np.ndarray:
    """Average list price of the team's models on sale, relative to its first quarter (1 = unchanged)."""
    sc = game.scenario
    own = [j for j, m in enumerate(sc.models) if m.firm == team]
    out = []
    for r in game.records:
        prices = [r.report.model["price_cny"][0, j] for j in own if r.report.model["launched"][0, j] > 0]
        out.append(float(np.mean(prices)) if prices else np.nan)
    out = np.array(out)
    first = out[np.isfinite(out)][0] if np.isfinite(out).any() else np.nan
    return out / first


def turning_points(game, team: str, count: int = TURNING_POINTS) -> list:
    """The ``count`` quarters with the largest change of ``team``'s operating profit, with drivers."""
    f = game.scenario.firm_index(team)
    profit = np.array([r.report.firm["operating_profit_cny"][0, f] for r in game.records])
    if len(profit) < 2:
        return []
    order = np.argsort(-np.abs(np.diff(profit)))[:count] + 1
    out = []
    for t in sorted(int(i) for i in order):
        breakdown = quarter_drivers(game, team, index=t)["operating_profit_cny"]
        out.append({"quarter": breakdown.quarter, "before": breakdown.before, "after": breakdown.after,
                    "drivers": breakdown.ranked()[:3]})
    return out


def luck_versus_skill(game, teams, worlds: int, progress=None) -> dict:
    """Per team: its score as played against the same decisions in ``worlds`` other worlds."""
    result = play_worlds(game, worlds, progress=progress)
    out = {}
    for team in teams:
        scores = result.firm_scores.get(team)
        if scores is None:
            continue
        actual = result.actual_firm_scores[team]
        median = float(np.median(scores))
        out[team] = {"actual": actual, "median": median, "p10": float(np.percentile(scores, 10)),
                     "p90": float(np.percentile(scores, 90)), "percentile": float(np.mean(scores <= actual)),
                     "luck": actual - median}
    return out


def events_of(game) -> list:
    """Every event that started, per quarter: deck events that fired and facilitator injections."""
    sc = game.scenario
    out = []
    for r in game.records:
        injected = {(e.id if isinstance(e, CustomEvent) else e): (e, target) for e, target in r.injected}
        for n, event in enumerate(sc.events):
            if r.report.events_fired[0, n] > 0:
                out.append({"quarter": r.report.quarter, "id": event.id, "headline": {"en": event.headline.en,
                            "zh": event.headline.zh}, "target": injected.get(event.id, (None, None))[1],
                            "injected": event.id in injected})
        for ident, (event, target) in injected.items():
            if isinstance(event, CustomEvent):
                out.append({"quarter": r.report.quarter, "id": ident, "headline": {"en": event.headline.en,
                            "zh": event.headline.zh}, "target": target, "injected": True})
    return out


def collect(game, teams, names: dict, forecasts: dict | None = None, worlds: int = DEFAULT_WORLDS,
            progress=None) -> Debrief:
    """Compute the debrief of ``game`` for ``teams``.

    Args:
        game: a game with at least one quarter played.
        teams: the firms run by people; names: firm id -> display name.
        forecasts: team -> prediction scores (``WorkshopSession.prediction_scores``), or None.
        worlds: other worlds for luck versus skill (0 = leave it out).
        progress: optional ``callback(done, total) -> bool``; False cancels (ForecastCancelled).

    Raises:
        ClosedLoopError: no quarter played.
    """
    if not game.records:
        raise ClosedLoopError("no quarter has been played yet: nothing to debrief")
    steps = len(teams) + (1 if worlds else 0)

    def step(done):
        if progress is not None and progress(done, steps) is False:
            raise ForecastCancelled("cancelled")

    sc = game.scenario
    series = {m: np.array([r.report.firm[m][0] for r in game.records]) for m in TRAJECTORIES}
    last = game.records[-1].report.firm["score"][0]
    order = np.argsort(-last, kind="stable")
    leaderboard = [(sc.firm_ids[i], float(last[i]), rank) for rank, i in enumerate(order, 1)]
    points, decisions, prices = {}, {}, {}
    for i, team in enumerate(teams):
        points[team] = turning_points(game, team)
        decisions[team] = decision_summary(game, team)
        prices[team] = price_index(game, team)
        step(i + 1)
    luck = {}
    if worlds:
        luck = luck_versus_skill(game, teams, worlds)
        step(steps)
    return Debrief(sc, tuple(teams), dict(names), [r.report.quarter for r in game.records], series, leaderboard,
                   points, decisions, prices, dict(forecasts or {}), luck, worlds if luck else 0, events_of(game))


def from_session(session, worlds: int = DEFAULT_WORLDS, progress=None) -> Debrief:
    """The debrief of a workshop session (teams, their names and the prediction log)."""
    sc = session.scenario
    names = {f: session.settings.team_names.get(f) or None for f in sc.firm_ids}
    forecasts = {t: session.prediction_scores(t) for t in session.teams}
    return collect(session.game, session.teams, names, forecasts, worlds, progress)


def from_game(game, worlds: int = DEFAULT_WORLDS, progress=None) -> Debrief:
    """The debrief of a plain game (the people's firms, else the scenario's player, as teams)."""
    teams = game.humans or (game.scenario.info.player,)
    return collect(game, teams, {f: None for f in game.scenario.firm_ids}, None, worlds, progress)
