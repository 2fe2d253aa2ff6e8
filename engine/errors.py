"""Error types that carry a one-line, user-facing message."""


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
