"""Replay verification in plain words: all match, the first divergent quarter, or cannot verify.

:func:`run` is the worker function (``engine.saves.verify_replay`` with progress); :func:`verdict`
turns its result into one of four states and a sentence a facilitator can read aloud.
"""

from dataclasses import dataclass

from engine.errors import SaveLoadError

from .. import i18n, saving
from ..i18n import translate

OK, DIVERGED, OUTCOMES_DIFFER, CANNOT = "ok", "diverged", "outcomes-differ", "cannot-verify"


@dataclass(frozen=True)
class Verdict:
    """``state`` is one of OK, DIVERGED, OUTCOMES_DIFFER, CANNOT; ``quarter`` the first quarter
    that differs (None when none does); ``text`` the sentence shown."""

    state: str
    quarter: str | None
    text: str


def run(path: str, progress=None):
    """Re-simulate the save (a worker function): the ReplayCheck, or the SaveLoadError raised when
    this version cannot re-simulate it at all (returned, not raised: it is a verdict)."""
    try:
        return saving.engine_saves().verify_replay(path, progress=progress)
    except SaveLoadError as exc:
        if str(exc).endswith("cancelled"):
            raise
        return exc


def verdict(result) -> Verdict:
    """The :class:`Verdict` for what :func:`run` returned."""
    from engine import __version__ as this

    if isinstance(result, SaveLoadError):
        reason = str(result).split(": ", 1)[-1]
        return Verdict(CANNOT, None, translate(
            "Replay", "Cannot verify: this version of Closed Loop cannot re-simulate the save (%1). The viewer shows "
            "the stored results, exactly as they were played.").replace("%1", reason))
    n = len(result.quarters)
    if result.ok:
        return Verdict(OK, None, translate("Replay", "Verified: re-simulating the recorded decisions gives the same "
                                                     "result in all %1 quarters.").replace("%1", str(n)))
    first = result.first_divergence or result.outcomes_differ_at
    where = i18n.quarter(first)
    if result.app_version != this:
        return Verdict(CANNOT, first, translate(
            "Replay", "Cannot verify: the save was made by Closed Loop %1 and this is %2. A different engine computes "
            "different results from the same decisions (here from %3 on), so a replay cannot confirm it. The viewer "
            "shows the stored results, exactly as they were played.").replace("%1", result.app_version)
            .replace("%2", this).replace("%3", where))
    if result.first_divergence is not None and result.numpy_version == _numpy():
        position = result.quarters.index(first) + 1
        return Verdict(DIVERGED, first, translate(
            "Replay", "The replay diverges at %1 (quarter %2 of %3): the model code of this build differs from the one "
            "that saved the file (for example a development build), or the file was altered. The viewer shows the "
            "stored results, exactly as they were played.").replace("%1", where).replace("%2", str(position))
            .replace("%3", str(n)))
    if result.first_divergence is not None:
        position = result.quarters.index(first) + 1
        return Verdict(DIVERGED, first, translate(
            "Replay", "The replay diverges at %1 (quarter %2 of %3): the same version re-simulating the recorded "
            "decisions gets another result there, so the file was altered or was made on a machine that computes "
            "differently (numpy %4 then, %5 now).").replace("%1", where).replace("%2", str(position))
            .replace("%3", str(n)).replace("%4", result.numpy_version).replace("%5", _numpy()))
    return Verdict(OUTCOMES_DIFFER, first, translate(
        "Replay", "The decisions replay exactly, but the results stored for %1 differ from the replay's: the file "
        "was altered after it was saved.").replace("%1", where))


def _numpy() -> str:
    import numpy

    return numpy.__version__
