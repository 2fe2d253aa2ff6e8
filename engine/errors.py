"""Error types that carry a one-line, user-facing message."""


class ClosedLoopError(Exception):
    """Base class: ``str(err)`` is a single line naming what is wrong."""


class ScenarioError(ClosedLoopError):
    """A scenario file is missing, malformed or inconsistent."""


class DecisionError(ClosedLoopError):
    """A decision is out of range or refers to something that does not exist."""


class SaveLoadError(ClosedLoopError):
    """A save file cannot be read, is foreign, corrupt, tampered with or too new."""
