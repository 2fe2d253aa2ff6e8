"""Write saves: a complete file atomically, or append the quarters not yet stored (autosave).

:func:`save_game` builds the whole file under a temporary name in the target folder, commits
it (SQLite syncs it to disk), then renames it over the target: a crash leaves the old file or
the new one, never half of one. :func:`autosave` appends every quarter the file lacks, each
quarter's rows and the updated metadata row in ONE transaction (``db.atomic()``; SQLite's
rollback journal undoes a transaction cut short by a crash), so the file always holds quarter N
or N+1; a quarter the facilitator reopened and played again replaces the stored one in the same
transaction. A file of an older save format is first upgraded on a copy that replaces it.
"""

import os
import sqlite3
import tempfile
import uuid
from pathlib import Path

from sqlite_utils import Database

from ..errors import SaveLoadError
from . import codec
from .hostile import check_header, looks_like_save
from .schema import (COLUMNS, LATEST, MIGRATIONS, QUARTER_TABLES, WORKSHOP_TABLES, create, expected_schema, schema_rows,
                     upgrade)


JOURNAL_MODE = "DELETE"     # rollback journal, removed after each commit: a save is one file
SYNCHRONOUS = "FULL"        # every committed quarter is on disk before autosave returns


class SaveWriteError(SaveLoadError):
    """A save file cannot be written (one line); nothing already on disk was damaged."""


def _lineage(game) -> dict:
    lineage = game.lineage
    lineage.setdefault("save_id", uuid.uuid4().hex)
    lineage.setdefault("created_at", codec.now_utc())
    return lineage


def _database(conn: sqlite3.Connection) -> Database:
    return Database(conn, execute_plugins=False, recursive_triggers=False)


def _quarter(game, t: int, prev: str) -> tuple[dict, str]:
    rows = codec.quarter_rows(game.scenario, t, game.records[t], game.controllers)
    digest = codec.content_hash(prev, rows)
    rows["quarters"] = [rows["quarters"][0] + (digest,)]
    return rows, digest


def _insert(db: Database, rows: dict) -> None:
    for table, table_rows in rows.items():
        if table_rows:
            cols = COLUMNS[table]
            db[table].insert_all([dict(zip(cols, r)) for r in table_rows])


def _put_meta(db: Database, meta: dict) -> None:
    db["meta"].insert(meta, replace=True)


def fsync_path(path, directory: bool = False) -> None:
    """Flush ``path`` (a file, or a folder's entries) to disk; best effort on platforms without it."""
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _writable_target(path: Path) -> None:
    if path.is_dir():
        raise SaveWriteError(f"{path}: is a folder, not a file")
    if not path.parent.is_dir():
        raise SaveWriteError(f"{path}: folder {path.parent} does not exist")


def check_save_target(path, force: bool = False, option: str = "--save") -> None:
    """Refuse a ``--save`` target that would replace something it should not (reads only).

    A new path is fine. An existing file that is not a Closed Loop save (notes, a spreadsheet)
    is never replaced; an existing Closed Loop save only with ``force``.

    Raises:
        SaveWriteError: one line starting with ``option`` and the path; nothing is touched.
    """
    path = Path(path)
    where = f"{option} {path}" if option else str(path)
    if path.is_dir():
        raise SaveWriteError(f"{where}: is a folder, not a file")
    if not path.exists():
        return
    if not looks_like_save(path):
        raise SaveWriteError(f"{where}: exists and is not a Closed Loop save; not overwritten (choose another file)")
    if not force:
        raise SaveWriteError(f"{where}: a Closed Loop save already exists there; not overwritten "
                             f"(add --force to replace it)")


def write_new(path, fill, raw: bool = False) -> None:
    """Create a database at a temporary name next to ``path``, ``fill(conn)``, then rename it.

    With ``raw``, ``fill(temp_path)`` gets the (deleted) temporary path instead of a connection.

    Raises:
        SaveWriteError: the file cannot be written (the old file, if any, is untouched).
    """
    path = Path(path)
    _writable_target(path)
    tmp = None
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".saving", dir=path.parent)
        os.close(fd)
        if raw:
            os.unlink(tmp)
            fill(tmp)
        else:
            conn = sqlite3.connect(tmp, isolation_level=None)
            try:
                conn.execute("PRAGMA journal_mode = DELETE")
                conn.execute("PRAGMA synchronous = FULL")
                fill(conn)
            finally:
                conn.close()
        fsync_path(tmp)
        os.replace(tmp, path)
        tmp = None
        fsync_path(path.parent, directory=True)
    except sqlite3.Error as exc:
        raise SaveWriteError(f"{path}: cannot write ({exc})") from None
    except OSError as exc:
        raise SaveWriteError(f"{path}: cannot write ({exc.strerror or exc})") from None
    finally:
        if tmp is not None:
            for leftover in (tmp, tmp + "-journal"):
                try:
                    os.unlink(leftover)
                except OSError:
                    pass


def save_game(game, path, extra=None) -> None:
    """Write a complete save of ``game`` to ``path`` atomically (overwrites an existing file).

    Gives the game a ``save_id`` if it has none (kept in ``game.lineage``).

    Args:
        extra: optional ``extra(head_hash) -> {table: rows}`` for the workshop tables, written in
            the same transaction (see :mod:`engine.saves.workshop`).

    Raises:
        SaveWriteError: cannot write (one line); an existing file at ``path`` is untouched.
    """
    lineage = _lineage(game)

    def fill(conn):
        create(conn)
        db = _database(conn)
        prev = codec.chain_root(game.scenario.digest, game.seed, game.scenario.info.player)
        with db.atomic():
            for t in range(game.t):
                rows, prev = _quarter(game, t, prev)
                _insert(db, rows)
            _put_meta(db, codec.meta_row(game, lineage, game.t, prev, LATEST))
            if extra is not None:
                _insert(db, extra(prev))

    write_new(path, fill)


def upgrade_file(path, migrations=MIGRATIONS) -> list[int]:
    """Upgrade one of our own files to the latest format: migrate a copy, then rename it over.

    Returns:
        The versions applied.
    """
    from .store import _on_step

    path = Path(path)
    version = check_header(path)
    applied = []

    def fill(conn):
        src = sqlite3.connect(path, isolation_level=None)
        try:
            src.execute("PRAGMA trusted_schema = OFF")
            src.backup(conn)
        finally:
            src.close()
        if schema_rows(conn) != list(expected_schema(version, migrations)):
            raise SaveLoadError(f"{path.name}: does not have the schema of save format {version}; not upgraded")
        applied.extend(upgrade(conn, _on_step, migrations))

    write_new(path, fill)
    return applied


def _meta(conn) -> dict:
    row = conn.execute(f"SELECT {', '.join(COLUMNS['meta'])} FROM meta").fetchone()
    if row is None:
        raise SaveLoadError("has no metadata row")
    return dict(zip(COLUMNS["meta"], row))


def autosave(game, path, extra=None) -> None:
    """Bring the save at ``path`` up to date with ``game``: create it, or append new quarters.

    Each quarter not yet stored is appended in one transaction together with the updated
    metadata row. A file of an older format is upgraded first (on a copy).

    Args:
        extra: optional ``extra(head_hash) -> {table: rows}`` replacing the workshop tables; then
            every new quarter, the metadata row and those rows are written in ONE transaction, so
            the file always holds a workshop state that matches its quarters. Without it, a file
            holding a workshop is refused (its round state would no longer match).

    Raises:
        SaveLoadError: the file is not ours, is newer, or holds a different game (it is left as
            it is; use :func:`save_game` to overwrite it deliberately).
        SaveWriteError: cannot write.
    """
    path = Path(path)
    if not path.exists():
        save_game(game, path, extra)
        return
    if check_header(path) < LATEST:
        _check_before_upgrade(path, game, extra is not None)
        upgrade_file(path)
    try:
        conn = sqlite3.connect(path, isolation_level=None)
    except sqlite3.Error as exc:
        raise SaveWriteError(f"{path}: cannot open ({exc})") from None
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        conn.execute(f"PRAGMA journal_mode = {JOURNAL_MODE}")
        conn.execute(f"PRAGMA synchronous = {SYNCHRONOUS}")
        if schema_rows(conn) != list(expected_schema(LATEST)):
            raise SaveLoadError(f"{path.name}: does not have the schema of a Closed Loop save; not overwritten")
        if extra is None:
            _append(conn, game, path)
        else:
            with _database(conn).atomic():
                prev = _append(conn, game, path, workshop=True)
                db = _database(conn)
                for table in WORKSHOP_TABLES:
                    db.execute(f"DELETE FROM {table}")
                _put_meta(db, codec.meta_row(game, _lineage(game), game.t, prev, LATEST))
                _insert(db, extra(prev))
    except sqlite3.Error as exc:
        raise SaveWriteError(f"{path}: cannot autosave ({exc})") from None
    finally:
        conn.close()


def _identity(conn, game, path: Path, workshop: bool) -> tuple:
    """Check that the file on ``conn`` holds ``game`` (reads only); return ``(meta, stored quarters
    as (t, state_hash, content_hash), offset of the first stored quarter that differs)``.

    Raises:
        SaveLoadError: another game (including the file a branch or re-simulation came from), an
            inconsistent file, or a workshop file autosaved as a game.
    """
    meta = _meta(conn)
    sc = game.scenario
    has_workshop = conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'workshop'").fetchone()[0] and \
        conn.execute("SELECT count(*) FROM workshop").fetchone()[0]
    if not workshop and has_workshop:
        raise SaveLoadError(f"{path.name}: holds a workshop; continue it from the workshop console (not "
                            f"overwritten)")
    if (meta["scenario_digest"], meta["seed"], meta["player"]) != (sc.digest, game.seed, sc.info.player):
        raise SaveLoadError(f"{path.name}: holds a different game (scenario, seed or player); not overwritten")
    own_id = game.lineage.get("save_id")
    if own_id is not None and own_id != meta["save_id"]:
        raise SaveLoadError(f"{path.name}: holds a different game (save id {meta['save_id'][:8]}); not overwritten")
    if own_id is None and game.lineage.get("parent_id") == meta["save_id"]:
        raise SaveLoadError(f"{path.name}: holds the game this one branched from (a different game now); "
                            f"not overwritten")
    stored = conn.execute("SELECT t, state_hash, content_hash FROM quarters ORDER BY t").fetchall()
    if len(stored) != meta["quarters_played"] or [r[0] for r in stored] != list(range(len(stored))):
        raise SaveLoadError(f"{path.name}: is inconsistent (metadata and quarters disagree); not overwritten")
    keep = next((t for t, h, _ in stored if t >= game.t or h != game.records[t].state_hash), len(stored))
    if own_id is None and keep < len(stored):
        raise SaveLoadError(f"{path.name}: holds a different game (its quarters differ from this game's); "
                            f"not overwritten")
    return meta, stored, keep


def _check_before_upgrade(path: Path, game, workshop: bool) -> None:
    """Refuse another game's file before upgrading it (an upgrade rewrites the file)."""
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True, isolation_level=None)
    except sqlite3.Error as exc:
        raise SaveWriteError(f"{path}: cannot open ({exc})") from None
    try:
        conn.execute("PRAGMA trusted_schema = OFF")
        if schema_rows(conn) != list(expected_schema(check_header(path))):
            raise SaveLoadError(f"{path.name}: does not have the schema of a Closed Loop save; not overwritten")
        _identity(conn, game, path, workshop)
    except sqlite3.Error as exc:
        raise SaveWriteError(f"{path}: cannot autosave ({exc})") from None
    finally:
        conn.close()


def _append(conn, game, path: Path, workshop: bool = False) -> str:
    """Append the quarters ``game`` has and the file lacks, each in one transaction; return the
    content hash of the last quarter stored.

    A quarter the game reopened (``Game.drop_last_quarter``) and played again replaces the stored
    one: the stored quarters from the first that differs are deleted in the same transaction that
    appends its replacement. Only for the same game (same ``save_id``); a game without one adopts
    the file's identity when every stored quarter matches its own.
    """
    meta, stored, keep = _identity(conn, game, path, workshop)
    sc = game.scenario
    if game.lineage.get("save_id") is None:
        game.lineage.update({k: meta[k] for k in ("save_id", "created_at", "parent_id", "parent_file", "fork_at")
                             if meta[k] is not None})
        if meta["fork_changes"] is not None:
            game.lineage["fork_changes"] = codec.parse_json(meta["fork_changes"], "fork_changes")
    lineage = _lineage(game)
    db = _database(conn)
    prev = stored[keep - 1][2] if keep else codec.chain_root(sc.digest, game.seed, sc.info.player)
    truncate = keep < len(stored)
    for t in range(keep, game.t):
        rows, prev = _quarter(game, t, prev)
        with db.atomic():
            if truncate:
                _truncate(db, keep)
                truncate = False
            _insert(db, rows)
            _put_meta(db, codec.meta_row(game, lineage, t + 1, prev, LATEST))
    controllers = codec.dumps({f: game.controllers[f] for f in sc.firm_ids})
    if truncate or (keep == game.t == len(stored) and controllers != meta["controllers"]):
        with db.atomic():
            if truncate:
                _truncate(db, keep)
            _put_meta(db, codec.meta_row(game, lineage, game.t, prev, LATEST))
    return prev


def _truncate(db: Database, keep: int) -> None:
    """Delete every stored quarter from offset ``keep`` on (inside the caller's transaction)."""
    for table in QUARTER_TABLES:
        db.execute(f"DELETE FROM {table} WHERE t >= ?", [keep])
