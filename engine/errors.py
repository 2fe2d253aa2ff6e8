"""Error types that carry a one-line, user-facing message, and how such messages show numbers."""

import math


class ClosedLoopError(Exception):
    """Base class: ``str(err)`` is a single line naming what is wrong."""


class ScenarioError(ClosedLoopError):
    """A scenario file is missing, malformed or inconsistent."""


class DecisionError(ClosedLoopError):
    """A decision is out of range or refers to something that does not exist."""


class SaveLoadError(ClosedLoopError):
    """A save file cannot be read, is foreign, corrupt, tampered with or too new."""


class SaveDivergedError(SaveLoadError):
    """A valid save whose replay gives other results under this version (its model code differs,
    or the file was altered): its stored outcomes can still be viewed, and it can be continued
    as a re-simulated new branch (``engine.saves.load_game(path, verify=False)``).

    Attributes:
        quarter: label of the first quarter whose replay differs from what is stored.
    """

    def __init__(self, message: str, quarter: str):
        super().__init__(message)
        self.quarter = quarter


def shown(value) -> str:
    """A value as a one-line message prints it: compact whatever its size.

    Below 1e15 an int prints as typed (``100001``, a count or an option's value) and a float as
    an amount (``5,192,986``; fractions to 6 significant digits, ``0.25``); larger numbers, e.g.
    a typed ``1e300``, print as ``1e+300`` instead of 300 digits, ints too large for a float as
    ``~1e+400``. Anything else prints as its ``repr``.
    """
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, float) and not math.isfinite(value):
        return str(value)
    if abs(value) >= 1e15:
        try:
            return f"{value:.6g}"
        except OverflowError:  # an int beyond float range
            return f"~{'-' if value < 0 else ''}1e+{int(math.log10(abs(value)))}"
    if isinstance(value, int):
        return str(value)
    if value == int(value):
        return f"{int(value):,}"
    return f"{value:,.0f}" if abs(value) >= 1000 else f"{value:.6g}"
