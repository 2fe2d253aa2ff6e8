"""Save games and replays in SQLite (issue 6).

A save file is an SQLite database (``.closedloop``) with application id ``0x434C4F50`` and the
save format in ``user_version``; its one metadata row is readable without loading the game.
It stores the scenario snapshot, the seed, every firm's decision in every quarter, injected
events, the outcomes shown to players, each quarter's state hash and a content hash per quarter.

Writing: :func:`save_game` (complete, atomic), :func:`autosave` (append each new quarter in one
transaction). Reading (every received file is hostile until checked; every failure is one
:class:`~engine.errors.SaveLoadError`; the file is never modified): :func:`read_metadata`,
:func:`load_game`, :func:`load_outcomes`, :func:`verify_replay`, :func:`scan_saves`. Exports: :func:`export_copy`,
:func:`export_csv`. What-ifs: :func:`fork_game`, :func:`compare_branches`, :func:`play_worlds`.
Workshops (schema v2): :func:`save_workshop`, :func:`autosave_workshop`, :func:`load_workshop`.
"""

from ..errors import SaveDivergedError, SaveLoadError
from .compare import BranchComparison, Difference, compare_branches
from .export import default_save_dir, export_copy, export_csv
from .fork import Change, apply_changes, fork_game, parse_change
from .load import ReplayCheck, load_game, verify_replay
from .outcomes import (PUBLIC_DECISION_FIELDS, PUBLIC_FIRM_METRICS, PUBLIC_MODEL_METRICS, Outcomes, load_outcomes,
                       outcomes_of_game)
from .schema import APPLICATION_ID, LATEST as SCHEMA_VERSION, SAVE_SUFFIX
from .store import FirmInfo, SaveMetadata, read_metadata, scan_saves
from .worlds import WorldsResult, play_worlds
from .workshop import autosave_workshop, load_workshop, save_workshop
from .write import SaveWriteError, autosave, check_save_target, save_game

__all__ = [
    "APPLICATION_ID", "SAVE_SUFFIX", "SCHEMA_VERSION", "BranchComparison", "Change", "Difference", "FirmInfo",
    "Outcomes", "PUBLIC_DECISION_FIELDS", "PUBLIC_FIRM_METRICS", "PUBLIC_MODEL_METRICS", "ReplayCheck",
    "SaveDivergedError", "SaveLoadError", "SaveMetadata", "SaveWriteError", "WorldsResult", "apply_changes", "autosave",
    "check_save_target",
    "compare_branches", "default_save_dir", "export_copy", "export_csv", "fork_game", "load_game",
    "load_outcomes", "outcomes_of_game", "parse_change", "play_worlds", "read_metadata", "save_game",
    "scan_saves", "verify_replay", "save_workshop", "autosave_workshop", "load_workshop",
]
