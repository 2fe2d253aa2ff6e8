"""Worker functions for forks and comparisons (no widgets): run a fork, save it, compare branches.

The source of a fork is a save file (re-simulated by ``engine.saves.load_game``, which refuses
saves the engine cannot reproduce) or a live game (a snapshot of the running game). The result is
a :class:`Branches`: both branches' stored outcomes and their ``compare_branches`` comparison.
"""

from dataclasses import dataclass, replace
from pathlib import Path

from engine.errors import ClosedLoopError
from engine.game import Game

from .. import saving
from ..i18n import translate


@dataclass(frozen=True)
class Branches:
    """Two branches of one game: ``a`` the original, ``b`` the fork (``engine.saves.Outcomes``),
    ``comparison`` (``BranchComparison``), and where the fork was saved (``b_path``)."""

    a: object
    b: object
    comparison: object
    b_path: str


def snapshot(game) -> Game:
    """A copy of a live game's quarters so far (the running game may go on while a fork runs)."""
    return Game(game.scenario, game.seed, dict(game.controllers), list(game.states), list(game.records),
                dict(game.lineage))


class Stages:
    """Progress over several steps of known length: ``report(stage, done, total)``."""

    def __init__(self, progress, sizes: list):
        self.progress, self.sizes = progress, sizes

    def callback(self, stage: int):
        """A ``progress(done, total)`` for step ``stage``."""
        before, whole = sum(self.sizes[:stage]), sum(self.sizes)

        def report(done, total):
            return True if self.progress is None else self.progress(before + done, whole)
        return report


def run_fork(source, request, dest: str, source_name: str = "", progress=None) -> Branches:
    """Fork ``source`` (a save path or a live game snapshot) as ``request`` says, save it to ``dest``
    and compare the branches.

    Raises:
        ClosedLoopError: one line (unreadable or unreproducible save, invalid change, cannot write).
    """
    saves = saving.engine_saves()
    from_file = isinstance(source, (str, Path))
    if from_file and Path(dest).resolve() == Path(source).resolve():
        raise ClosedLoopError(translate("Replay", "%1: is the original; choose a new file for the fork.")
                              .replace("%1", Path(dest).name))
    played = saves.read_metadata(source).quarters_played if from_file else source.t
    steps = Stages(progress, [played if from_file else 0, played])
    game = saves.load_game(source, progress=steps.callback(0)) if from_file else source
    changes = [saves.parse_change(text, game.scenario) for text in request.changes]
    parent = Path(source).name if from_file else (Path(source_name).name if source_name else None)
    fork = saves.fork_game(game, request.at, changes, hold=request.hold, parent_file=parent,
                           progress=steps.callback(1))
    saves.save_game(fork, dest)
    a = saves.load_outcomes(source) if from_file else saves.outcomes_of_game(game)
    b = saves.load_outcomes(dest)
    comparison = saves.compare_branches(a, b)
    name = parent or translate("Replay", "this game")
    return Branches(a, b, replace(comparison, a_name=name, b_name=Path(dest).name), str(dest))


def run_compare(a, other: str, progress=None) -> Branches:
    """Compare the viewed save's outcomes ``a`` with the save at ``other``.

    Raises:
        ClosedLoopError: not a valid save, or not a branch of the same game.
    """
    saves = saving.engine_saves()
    b = saves.load_outcomes(other)
    return Branches(a, b, saves.compare_branches(a, b), str(other))
