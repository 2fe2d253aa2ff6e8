"""AI tournaments: one firm played by each AI level against fixed rivals over many seeds.

Each (level, seed) is one headless game of the scenario with the firm as the player's (its
objectives count), the firm controlled by the level and every rival by ``rivals``. The score is
the firm's scenario score at the end (:func:`engine.scoring.scorecard`, objectives included).
Every level plays the same seeds, so the levels meet the same worlds; games run on a process
pool (one worker per core) and the result does not depend on the number of workers.

Besides the score, each game records the firm's scorecard metrics and what it did in its last
quarters against its own average (budgets, financing, prices), so a tournament also shows *how*
a level wins -- the way to spot exploits such as end-game budget cuts or financing stunts.
"""

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass

import numpy as np

from .decisions import BUDGETS
from .errors import ClosedLoopError, shown
from .game import Game
from .perf import tune_allocator
from .scoring import SCORE_METRICS, scorecard

INTERVAL = 0.90
BOOTSTRAP = 10_000
BOOTSTRAP_SEED = 20240328
MAX_WORKERS = 2
END_QUARTERS = 2          # "end game" window for the behaviour checks
_WORKER_SCENARIO = {}


@dataclass(frozen=True)
class GameResult:
    """One game of a tournament: the firm's final score, metrics and end-game behaviour."""

    level: str
    seed: int
    score: float
    metrics: dict            # scorecard metric -> value in [0, 1], plus "objectives_met"
    end_game: dict           # end-game spend and financing relative to the firm's earlier average


@dataclass(frozen=True)
class LevelSummary:
    """Mean score of one level with a bootstrap confidence interval of the mean over seeds."""

    level: str
    scores: np.ndarray
    mean: float
    low: float
    high: float
    metrics: dict
    end_game: dict


def mean_interval(values, level: float = INTERVAL, resamples: int = BOOTSTRAP, seed: int = BOOTSTRAP_SEED):
    """``(mean, low, high)``: the mean and a percentile-bootstrap ``level`` interval of the mean."""
    x = np.asarray(values, dtype=float)
    if x.size == 1:
        return float(x[0]), float(x[0]), float(x[0])
    rng = np.random.default_rng(seed)
    means = x[rng.integers(0, x.size, (resamples, x.size))].mean(axis=1)
    tail = 100.0 * (1.0 - level) / 2.0
    low, high = np.percentile(means, [tail, 100.0 - tail])
    return float(x.mean()), float(low), float(high)


def play_game(scenario, firm_id: str, level: str, seed: int, quarters: int, rivals: str = "normal") -> GameResult:
    """Play one tournament game and return the firm's result.

    Args:
        scenario: a scenario whose player is ``firm_id`` (see :func:`engine.scenario.with_player`).
        firm_id: the firm under test; level: its AI level; rivals: every other firm's level.
        seed: world seed; quarters: quarters to play from the start.
    """
    controllers = {f: (level if f == firm_id else rivals) for f in scenario.firm_ids}
    game = Game(scenario, int(seed), controllers)
    f = scenario.firm_index(firm_id)
    spend, finance = [], []
    for _ in range(quarters):
        record = game.play_quarter()
        d = record.decisions[firm_id]
        spend.append(sum(getattr(d, n) for n in BUDGETS))
        finance.append(d.parent_draw + d.equity_raise + max(d.borrow, 0.0))
    card = scorecard(scenario, game.state)
    metrics = {m: float(card[m][0, f]) for m in SCORE_METRICS}
    a = scenario.arrays
    metrics["objectives_met"] = float(((game.state.objective[0] > 0) & (a.obj_firm == f)).sum())
    early = max(quarters - END_QUARTERS, 1)
    revenue = max(float(np.mean([r.report.firm["revenue_cny"][0, f] for r in game.records])), 1.0)
    end_game = {
        "spend_ratio": float(np.mean(spend[early:] or spend) / max(np.mean(spend[:early]), 1.0)),
        "finance_share_of_revenue": float(np.sum(finance[early:] or [0.0]) / revenue),
    }
    return GameResult(level, int(seed), float(card["score"][0, f]), metrics, end_game)


def _init_worker(text: str, filename: str, firm_id: str) -> None:
    from .scenario import parse_scenario, with_player

    tune_allocator()
    _WORKER_SCENARIO["scenario"] = with_player(parse_scenario(text, filename), firm_id)


def _play_in_worker(args) -> GameResult:
    firm_id, level, seed, quarters, rivals = args
    return play_game(_WORKER_SCENARIO["scenario"], firm_id, level, seed, quarters, rivals)


def run_tournament(scenario, firm_id: str, levels, seeds, quarters: int, *, rivals: str = "normal",
                   workers: int | None = None, progress=None) -> list[LevelSummary]:
    """Play ``firm_id`` at every level in ``levels`` on every seed in ``seeds``.

    Args:
        scenario: the scenario (any player; the firm becomes the player's for the tournament).
        firm_id: the firm under test.
        levels: AI levels to compare, e.g. ("easy", "normal", "hard").
        seeds: world seeds (every level plays all of them).
        quarters: quarters per game (at most the scenario's length).
        rivals: AI level of every other firm.
        workers: processes (default: one per core, at most ``MAX_WORKERS``; 1 plays in-process).
        progress: optional ``callback(done, total)`` after each game.

    Returns:
        One :class:`LevelSummary` per level, in the order given.

    Raises:
        ClosedLoopError: unknown firm or level, or a bad number of quarters or seeds.
    """
    from . import ai
    from .scenario import with_player

    levels, seeds = list(levels), [int(s) for s in seeds]
    if not levels or not seeds:
        raise ClosedLoopError("a tournament needs at least one level and one seed")
    for level in [*levels, rivals]:
        try:
            ai.policy(level)
        except ValueError as exc:
            raise ClosedLoopError(str(exc)) from None
    if not 1 <= quarters <= scenario.n_quarters:
        raise ClosedLoopError(f"quarters must be between 1 and {scenario.n_quarters} (got {shown(quarters)})")
    scenario = with_player(scenario, firm_id)
    jobs = [(firm_id, level, seed, quarters, rivals) for level in levels for seed in seeds]
    n_workers = workers or min(MAX_WORKERS, os.cpu_count() or 1)
    results = []
    if n_workers <= 1:
        for job in jobs:
            results.append(play_game(scenario, *job))
            if progress is not None:
                progress(len(results), len(jobs))
    else:
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(n_workers, mp_context=context, initializer=_init_worker,
                                 initargs=(scenario.text, scenario.filename or "<scenario>", firm_id)) as pool:
            for result in pool.map(_play_in_worker, jobs, chunksize=1):
                results.append(result)
                if progress is not None:
                    progress(len(results), len(jobs))
    return [summarise(level, [r for r in results if r.level == level]) for level in levels]


def summarise(level: str, games: list) -> LevelSummary:
    """Mean score, its interval, and mean metrics and end-game behaviour of one level's games."""
    scores = np.array([g.score for g in games])
    mean, low, high = mean_interval(scores)
    metrics = {k: float(np.mean([g.metrics[k] for g in games])) for k in games[0].metrics}
    end_game = {k: float(np.mean([g.end_game[k] for g in games])) for k in games[0].end_game}
    return LevelSummary(level, scores, mean, low, high, metrics, end_game)
