"""Load a save: rebuild the live :class:`~engine.game.Game`, or verify a replay.

The game is rebuilt by replaying every stored decision on the stored scenario snapshot and
seed (never the scenario files on disk: recalibrated parameters do not touch old saves). Each
quarter's state hash must equal the stored one, and the stored outcomes must equal the replay's,
so neither the inputs nor the displayed results can have been altered. A save made with
different *model code* diverges; its stored outcomes can still be viewed (:mod:`outcomes`).
"""

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..errors import ClosedLoopError, DecisionError, SaveDivergedError, ScenarioError
from ..game import Game
from ..quarters import quarter_label
from ..scenario import parse_scenario, with_player
from . import codec
from .hostile import boundary, fail
from .store import SaveData, read_save
from .validate import parse_outcomes

LINEAGE_KEYS = ("save_id", "created_at", "parent_id", "parent_file", "fork_at")


def scenario_of(data: SaveData):
    """The scenario of a checked save, parsed from its snapshot (player as saved).

    Raises:
        SaveLoadError: the snapshot cannot be read by this version or does not match the save.
    """
    meta = data.meta
    try:
        sc = parse_scenario(meta["scenario_text"], f"{Path(data.path).name} (scenario snapshot)")
        if meta["player"] != sc.info.player:
            sc = with_player(sc, meta["player"])
    except ScenarioError as exc:
        raise fail(data.path, f"its scenario snapshot cannot be used by this version ({exc})") from None
    if (sc.id, codec.catalog(sc)) != (meta["scenario_id"], meta["catalog_json"]):
        raise fail(data.path, "its metadata does not match its scenario snapshot")
    if (quarter_label(sc.info.start), sc.n_quarters) != (meta["start_quarter"], meta["quarters_total"]):
        raise fail(data.path, "its quarters do not match its scenario snapshot")
    return sc


@dataclass(frozen=True)
class ReplayCheck:
    """Stored versus replayed state hashes, quarter by quarter.

    Attributes:
        quarters: labels; stored, replayed: state hashes (32 hex chars).
        app_version, numpy_version: of the program that wrote the save.
    """

    quarters: tuple
    stored: tuple
    replayed: tuple
    app_version: str
    numpy_version: str
    outcomes_differ_at: str | None = None

    @property
    def first_divergence(self) -> str | None:
        """Label of the first quarter whose hashes differ, or None when all match."""
        return next((q for q, a, b in zip(self.quarters, self.stored, self.replayed) if a != b), None)

    @property
    def ok(self) -> bool:
        """True when every state hash matches and every stored outcome equals the replay's."""
        return self.first_divergence is None and self.outcomes_differ_at is None


def _rebuild(data: SaveData, strict: bool, check_outcomes: bool = True, progress=None):
    """Replay the save: ``(game, replayed hashes, first quarter whose stored outcomes differ)``.

    With ``strict``, a divergent hash or outcome raises SaveDivergedError instead; otherwise a
    game that differs anywhere from what is stored becomes a new branch whose parent is the file. ``progress(done,
    total)`` is called after each quarter; when it returns False the replay stops with a
    SaveLoadError ending in "cancelled".
    """
    sc = scenario_of(data)
    meta = data.meta
    try:
        game = Game(sc, meta["seed"], dict(meta["controllers_json"]))
    except (ValueError, ClosedLoopError) as exc:
        raise fail(data.path, f"cannot be continued by this version ({exc})") from None
    replayed, outcomes_differ = [], None
    for n, q in enumerate(data.quarters, start=1):
        try:
            record = game.replay_quarter(q.decisions, q.injected)
        except DecisionError as exc:
            raise fail(data.path, f"quarter {q.quarter}: invalid decision ({exc})") from None
        record.controllers = dict(q.controllers)
        replayed.append(record.state_hash)
        if record.state_hash != q.state_hash:
            if strict:
                raise _diverged(data.path, q.quarter, f"replay diverges at {q.quarter}: {_why(meta)}")
        elif check_outcomes and outcomes_differ is None and not _same_outcomes(sc, q, record):
            if strict:
                raise _diverged(data.path, q.quarter,
                                f"quarter {q.quarter}: stored outcomes differ from the replay (the file was altered, "
                                f"or the report code changed since it was saved)")
            outcomes_differ = q.quarter
        if progress is not None and progress(n, len(data.quarters)) is False:
            raise fail(data.path, "cancelled")
    game.lineage = {k: meta[k] for k in LINEAGE_KEYS if meta[k] is not None}
    if meta["fork_changes_json"] is not None:
        game.lineage["fork_changes"] = list(meta["fork_changes_json"])
    differs = next((q.quarter for q, h in zip(data.quarters, replayed)
                    if q.state_hash != h or q.quarter == outcomes_differ), None)
    if differs is not None:
        # a re-simulation by other model code is another game: it must not autosave over the original
        game.lineage = {"parent_id": meta["save_id"], "parent_file": Path(data.path).name, "fork_at": differs,
                        "fork_changes": [_resimulated(meta)]}
    return game, replayed, outcomes_differ


def _diverged(path, quarter: str, message: str) -> SaveDivergedError:
    """A one-line SaveDivergedError naming the file and the first quarter that differs."""
    return SaveDivergedError(str(fail(path, message)), quarter)


def _why(meta: dict) -> str:
    """Why a replay can diverge, naming the versions only where they differ."""
    import numpy

    saved, this = meta["app_version"], codec.app_version()
    if saved != this:
        versions = f"saved by Closed Loop {saved} with numpy {meta['numpy_version']}, this is {this} with numpy " \
                   f"{numpy.__version__}; the model code differs"
    elif meta["numpy_version"] != numpy.__version__:
        versions = f"saved by this version of Closed Loop ({this}) with numpy {meta['numpy_version']}, this runs " \
                   f"numpy {numpy.__version__}; the numerics or the model code differ"
    else:
        versions = f"saved by Closed Loop {this} with numpy {numpy.__version__} like this one, but the model code " \
                   f"differs from the one that saved it (e.g. a development build)"
    return f"{versions}, or the file was altered (open it in the replay viewer to see what was played)"


def _resimulated(meta: dict) -> str:
    """The ``fork_changes`` line of a save continued from states re-simulated by this version."""
    saved, this = meta["app_version"], codec.app_version()
    if saved != this:
        return f"re-simulated by Closed Loop {this} (saved by {saved})"
    return f"re-simulated by a build of Closed Loop {this} whose model code differs from the one that saved it"


def _same_outcomes(sc, q, record) -> bool:
    """Stored outcomes equal the replay's: compared as text, parsed only where they differ."""
    r = record.report
    names, values = codec.metric_rows(r.firm)
    fresh_firm = {f: codec.metrics_json(names, values[i]) for i, f in enumerate(sc.firm_ids)}
    names, values = codec.metric_rows(r.model)
    fresh_model = {m: codec.metrics_json(names, values[j]) for j, m in enumerate(sc.model_ids)}
    names, values = codec.metric_rows({k: np.asarray(v).reshape(1, 1) for k, v in r.world.items()})
    fresh = {"firm": fresh_firm, "model": fresh_model, "world": codec.metrics_json(names, values[0])}
    same = q.raw == fresh
    if not same:                       # e.g. metrics added to the engine since: compare values
        where = f"quarter {q.quarter}"
        stored, new = parse_outcomes(q.raw, where), parse_outcomes(fresh, where)
        same = all(_same(s.get(k, {}), n.get(k, {})) for s, n in zip(stored[:2], new[:2]) for k in s) and \
            _same(stored[2], new[2])
    fired, active = r.events_fired[0], r.events_active[0]
    events = {e.id: (int(fired[n] > 0), int(active[n] > 0)) for n, e in enumerate(sc.events)
              if fired[n] > 0 or active[n] > 0}
    objectives = {o.id: int(np.sign(r.objectives[0, k])) for k, o in enumerate(sc.objectives)}
    return same and q.events == events and q.objectives == objectives


def _same(stored: dict, fresh: dict) -> bool:
    """Stored metrics equal the replay's (metrics added to the engine since are ignored)."""
    return all(k in fresh and v == fresh[k] for k, v in stored.items())


@boundary
def load_game(path, verify: bool = True, progress=None):
    """Load the save at ``path`` as a live game, ready to continue.

    Args:
        path: a save file (treated as hostile; never modified).
        verify: check every quarter's state hash and outcomes against the replay (default).
            With False, a save made by different model code still loads: the game then
            continues from the replayed states, which differ from what was played, and, when any
            state hash or stored outcome differs, gets a new identity whose parent is the file
            (``lineage``: ``parent_id``, ``parent_file``, ``fork_at`` the first quarter that
            differs; no ``save_id``), so autosave will not overwrite the original.
        progress: optional ``callback(done_quarters, total_quarters) -> bool``; False stops
            (SaveLoadError ending in "cancelled").

    Returns:
        The :class:`~engine.game.Game`, with ``lineage`` from the file.

    Raises:
        SaveDivergedError: (with ``verify``) the replay differs from what is stored at
            ``.quarter``: other model code, or an altered file.
        SaveLoadError: one line, for any other problem (foreign, corrupt, too new, altered).
    """
    with read_save(path, outcomes=False) as data:
        game, _, _ = _rebuild(data, strict=verify, progress=progress)
    return game


@boundary
def verify_replay(path, progress=None) -> ReplayCheck:
    """Re-simulate the save at ``path`` from its scenario snapshot, seed and decisions.

    ``progress(done, total)`` as for :func:`load_game`.

    Returns:
        A :class:`ReplayCheck` (divergence is a result here, not an error).

    Raises:
        SaveLoadError: the file is not a valid save.
    """
    with read_save(path, outcomes=False) as data:
        _, replayed, outcomes_differ = _rebuild(data, strict=False, progress=progress)
        return ReplayCheck(tuple(q.quarter for q in data.quarters), tuple(q.state_hash for q in data.quarters),
                           tuple(replayed), data.meta["app_version"], data.meta["numpy_version"], outcomes_differ)
