"""Workshop saves: a facilitated session (:class:`~engine.workshop.WorkshopSession`) in a normal save.

The game (every quarter's decisions, injections, outcomes and hashes) is stored like any game;
the session's settings, open round, sealed submissions, queued injections, audit log, missing-
decision teams and prediction log go to the workshop tables (:mod:`engine.saves.workshop_rows`),
written in the same transaction as the quarters. So a workshop save can be resumed
(:func:`load_workshop`), replayed and viewed (:func:`~engine.saves.load_outcomes`,
:func:`~engine.saves.verify_replay`) and forked (:func:`~engine.saves.fork_game` makes a plain
game of it) like any other save. Join codes and access tokens are never saved.

The caller must not let the session change while it is saved (the LAN host's
``with_session`` runs the save under its lock).
"""

from ..errors import ClosedLoopError, SaveLoadError
from ..game import HUMAN
from ..injections import to_json
from ..workshop import WorkshopError, WorkshopSession
from ..workshop.serial import FORMAT, VERSION
from .hostile import boundary, fail
from .load import _rebuild
from .store import read_save
from .workshop_rows import workshop_rows
from .write import autosave, save_game


def save_workshop(session, path) -> None:
    """Write a complete save of ``session`` to ``path`` atomically (overwrites an existing file).

    Raises:
        SaveWriteError: cannot write (one line); an existing file at ``path`` is untouched.
    """
    save_game(session.game, path, extra=lambda head: workshop_rows(session, head))


def autosave_workshop(session, path) -> None:
    """Bring the workshop save at ``path`` up to date with ``session`` (created if missing).

    New quarters, the metadata row and the workshop tables are written in one transaction; a
    reopened quarter that was played again replaces the stored one.

    Raises:
        SaveLoadError: the file is not ours, is newer, or holds a different game.
        SaveWriteError: cannot write.
    """
    autosave(session.game, path, extra=lambda head: workshop_rows(session, head))


def _session_dict(game, ws: dict) -> dict:
    sc = game.scenario
    quarters = [{"quarter": r.report.quarter, "state_hash": r.state_hash,
                 "decisions": {f: d.to_dict() for f, d in r.decisions.items()},
                 "injected": to_json(r.injected), "defaulted": ws["defaulted"][t]}
                for t, r in enumerate(game.records)]
    return {"format": FORMAT, "version": VERSION, "scenario": sc.id, "scenario_digest": sc.digest,
            "settings": ws["settings"], "phase": ws["phase"], "deadline": ws["deadline"], "quarters": quarters,
            "pending": ws["pending"], "injections": ws["injections"], "predictions": ws["predictions"],
            "log": ws["log"]}


@boundary
def load_workshop(path) -> WorkshopSession:
    """Load the workshop saved at ``path``, ready to resume.

    The file is checked like any received save, every quarter is replayed and checked against
    its stored state hash and outcomes, then the session is rebuilt and validated by
    :meth:`WorkshopSession.from_dict` (settings, phase, sealed submissions, injections,
    predictions). The game keeps the file's identity, so autosaving continues the same file.

    Raises:
        SaveLoadError: one line (not a workshop, foreign, corrupt, altered, divergent, ...).
    """
    with read_save(path, outcomes=False) as data:
        ws = data.workshop
        if ws is None:
            raise fail(path, "is not a workshop save (open it as a game or a replay)")
        game, _, _ = _rebuild(data, strict=True)
    try:
        session = WorkshopSession.from_dict(_session_dict(game, ws), game.scenario)
    except (WorkshopError, ClosedLoopError) as exc:
        raise fail(path, f"its workshop cannot be resumed ({exc})") from None
    expected = {f: (HUMAN if f in session.teams else session.settings.ai_level) for f in game.scenario.firm_ids}
    if dict(game.controllers) != expected:
        raise fail(path, "its firms' controllers do not match its workshop settings (file altered?)")
    session.game.lineage = dict(game.lineage)
    return session


def is_workshop(path) -> bool:
    """True when the save at ``path`` holds a workshop (False for any other save; SaveLoadError for
    a file that is not a valid save)."""
    from .store import read_metadata

    return read_metadata(path).workshop


__all__ = ["SaveLoadError", "autosave_workshop", "is_workshop", "load_workshop", "save_workshop"]
