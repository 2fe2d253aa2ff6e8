"""Open a received save file safely: it is hostile until every check has passed.

The order of checks, cheapest and safest first:

1. ``stat`` and the first 100 bytes read as plain bytes: a regular file within
   :data:`~engine.saves.schema.MAX_FILE_BYTES`, the SQLite magic, our ``application_id``,
   a known ``user_version`` (a newer one is refused with a clear message), rollback-journal mode.
2. SQLite opens it read-only (``file:...?mode=ro`` URI; ``immutable=1`` for a private copy), with
   size limits on every value, ``trusted_schema=OFF``, ``query_only=ON``, no attached databases
   and an authorizer that allows only reads of our own tables and a few pragmas. Nothing is ever
   written, so no trigger can fire. If a hot journal lies next to the file (a crash during a
   write), the file and journal are copied to a private folder and SQLite rolls back the copy.
3. The schema must equal the expected schema of its version exactly: no extra table, index,
   view or trigger. ``PRAGMA quick_check``. Row counts within limits.

Any failure raises :class:`~engine.errors.SaveLoadError` with one line; the file is untouched.
"""

import os
import shutil
import sqlite3
import stat
import tempfile
from contextlib import contextmanager
from functools import wraps
from pathlib import Path

from ..errors import SaveLoadError
from .schema import (APPLICATION_ID, COLUMNS, LATEST, MAX_EVENTS, MAX_FILE_BYTES, MAX_FIRMS, MAX_MODELS,
                     MAX_OBJECTIVES, MAX_QUARTERS, MAX_VALUE_BYTES, expected_schema, schema_rows, table_names)

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_S = 1.0                  # wait this long for another program's write to finish
PRAGMAS_ALLOWED = {"application_id", "user_version", "quick_check", "integrity_check", "page_size", "page_count"}
FUNCTIONS_ALLOWED = {"count"}
ROW_LIMITS = {
    "meta": 1, "quarters": MAX_QUARTERS, "decisions": MAX_QUARTERS * MAX_FIRMS,
    "firm_outcomes": MAX_QUARTERS * MAX_FIRMS, "model_outcomes": MAX_QUARTERS * MAX_MODELS,
    "world_outcomes": MAX_QUARTERS, "events": MAX_QUARTERS * MAX_EVENTS, "objectives": MAX_QUARTERS * MAX_OBJECTIVES,
    "workshop": 1, "rounds": MAX_QUARTERS, "predictions": (MAX_QUARTERS + 1) * MAX_FIRMS,
}


def fail(path, message: str) -> SaveLoadError:
    """A one-line SaveLoadError naming the file."""
    return SaveLoadError(f"{Path(path).name}: {' '.join(str(message).split())}")


INTERNAL = "internal check failed"


def boundary(fn):
    """Decorate a reader ``fn(path, ...)``: any exception other than SaveLoadError becomes one.

    Received files are hostile; whatever goes wrong while reading one must reach the user as a
    one-line SaveLoadError. The message says ``internal check failed`` so tests can tell such a
    (buggy) path from a deliberate refusal.
    """
    @wraps(fn)
    def wrapper(path, *args, **kwargs):
        try:
            return fn(path, *args, **kwargs)
        except SaveLoadError:
            raise
        except Exception as exc:  # noqa: BLE001 - the hostile-file boundary
            raise fail(path, f"is not a valid save ({INTERNAL}: {type(exc).__name__}: {str(exc)[:200]})") from None

    return wrapper


def looks_like_save(path) -> bool:
    """True when ``path`` is a regular file that starts like a Closed Loop save of any format.

    Only the first 100 bytes are read (the SQLite magic and our application id); it never
    raises. Used before replacing a file, not to trust one (see :func:`check_header`).
    """
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return False
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError:
        return False
    return len(head) == 100 and head.startswith(SQLITE_MAGIC) and int.from_bytes(head[68:72], "big") == APPLICATION_ID


def check_header(path) -> int:
    """Check the file on disk without SQLite; return its schema version.

    Raises:
        SaveLoadError: missing, not a regular file, too large, not SQLite, not ours, WAL mode,
            or a schema version this program cannot read.
    """
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        raise fail(path, "no such file") from None
    except OSError as exc:
        raise fail(path, f"cannot read ({exc.strerror or exc})") from None
    if not stat.S_ISREG(info.st_mode):
        raise fail(path, "is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise fail(path, f"is larger than {MAX_FILE_BYTES // 2**20} MB, too large for a Closed Loop save")
    try:
        with open(path, "rb") as handle:
            head = handle.read(100)
    except OSError as exc:
        raise fail(path, f"cannot read ({exc.strerror or exc})") from None
    if len(head) < 100 or not head.startswith(SQLITE_MAGIC):
        raise fail(path, "is not a Closed Loop save (not an SQLite database)")
    app_id = int.from_bytes(head[68:72], "big")
    if app_id != APPLICATION_ID:
        raise fail(path, f"is not a Closed Loop save (SQLite application id {app_id:#010x})")
    if head[18] != 1 or head[19] != 1:
        raise fail(path, "uses a journal mode Closed Loop never writes (WAL); not a save made by Closed Loop")
    version = int.from_bytes(head[60:64], "big", signed=True)
    if version > LATEST:
        raise fail(path, f"was saved by a newer version of Closed Loop (save format {version}; this version "
                         f"reads formats 1 to {LATEST}): update Closed Loop to open it")
    if version < 1:
        raise fail(path, f"has an unknown save format ({version})")
    return version


def _authorizer(tables: set):
    allowed_read = tables | {"sqlite_master", "sqlite_schema"}

    def authorize(action, arg1, arg2, dbname, source):
        if action in (sqlite3.SQLITE_SELECT, sqlite3.SQLITE_TRANSACTION):
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_READ and arg1 in allowed_read and dbname in ("main", None):
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_PRAGMA and arg1 in PRAGMAS_ALLOWED and dbname in (None, "main"):
            return sqlite3.SQLITE_OK
        if action == sqlite3.SQLITE_FUNCTION and arg2 in FUNCTIONS_ALLOWED:
            return sqlite3.SQLITE_OK
        return sqlite3.SQLITE_DENY

    return authorize


def _protect(conn: sqlite3.Connection, version: int) -> None:
    limits = ((sqlite3.SQLITE_LIMIT_LENGTH, MAX_VALUE_BYTES), (sqlite3.SQLITE_LIMIT_SQL_LENGTH, 100_000),
              (sqlite3.SQLITE_LIMIT_COLUMN, 200), (sqlite3.SQLITE_LIMIT_EXPR_DEPTH, 100),
              (sqlite3.SQLITE_LIMIT_COMPOUND_SELECT, 10), (sqlite3.SQLITE_LIMIT_ATTACHED, 0),
              (sqlite3.SQLITE_LIMIT_TRIGGER_DEPTH, 1), (sqlite3.SQLITE_LIMIT_FUNCTION_ARG, 8))
    for category, value in limits:
        conn.setlimit(category, value)
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA cell_size_check = ON")
    conn.execute("PRAGMA mmap_size = 0")
    conn.set_authorizer(_authorizer(set(table_names(version))))


def _hot_journal(path: Path) -> bool:
    journal = Path(str(path) + "-journal")
    try:
        return journal.is_file() and journal.stat().st_size > 0
    except OSError:
        return False


@contextmanager
def open_readonly(path):
    """Yield ``(connection, version)`` for a received file after the header and schema checks.

    The connection is read-only, protected (see the module docstring) and inside one read
    transaction, so a concurrent writer cannot tear what is read. Closed on exit.

    Raises:
        SaveLoadError: any check failed (one line).
    """
    path = Path(path)
    private = None
    try:
        version = check_header(path)          # magic, id and version never change inside a write
        if _hot_journal(path):
            private = tempfile.TemporaryDirectory(prefix="closedloop-recover-")
            path = _recover_copy(path, Path(private.name))
            version = check_header(path)
        uri = path.resolve().as_uri() + ("?mode=ro&immutable=1" if private else "?mode=ro")
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False,
                                   timeout=BUSY_TIMEOUT_S)
        except sqlite3.Error as exc:
            raise fail(path, f"cannot open ({exc})") from None
        try:
            _protect(conn, version)
            conn.execute("BEGIN")
            _check_database(conn, path, version)
            yield conn, version
        except SaveLoadError:
            raise
        except (sqlite3.Error, MemoryError, OverflowError, UnicodeError) as exc:
            raise fail(path, f"is corrupt or not a valid save ({' '.join(str(exc).split())})") from None
        finally:
            conn.close()
    finally:
        if private is not None:
            private.cleanup()


def _recover_copy(path: Path, folder: Path) -> Path:
    """Copy the file and its hot journal into ``folder`` and let SQLite roll the copy back."""
    check_header_size(path)
    copy = folder / "save.db"
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(str(path) + "-journal", str(copy) + "-journal")
    except OSError as exc:
        raise fail(path, f"cannot read ({exc.strerror or exc})") from None
    try:
        conn = sqlite3.connect(copy, isolation_level=None)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            conn.execute("PRAGMA user_version").fetchone()   # first read rolls the hot journal back
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise fail(path, f"is corrupt: an interrupted write cannot be rolled back ({exc})") from None
    return copy


def check_header_size(path: Path) -> None:
    """Refuse a file (or its journal) larger than the limit before copying it."""
    for p in (path, Path(str(path) + "-journal")):
        try:
            if p.exists() and p.stat().st_size > MAX_FILE_BYTES:
                raise fail(path, f"is larger than {MAX_FILE_BYTES // 2**20} MB, too large for a Closed Loop save")
        except OSError as exc:
            raise fail(path, f"cannot read ({exc.strerror or exc})") from None


def _check_database(conn: sqlite3.Connection, path: Path, version: int) -> None:
    app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    if app_id != APPLICATION_ID or conn.execute("PRAGMA user_version").fetchone()[0] != version:
        raise fail(path, "changed while it was being opened")
    found = schema_rows(conn)
    expected = list(expected_schema(version))
    if found != expected:
        extra = [f"{t} {n}" for t, n, _, _ in found if (t, n) not in {(a, b) for a, b, _, _ in expected}]
        missing = [f"{t} {n}" for t, n, _, _ in expected if (t, n) not in {(a, b) for a, b, _, _ in found}]
        if extra:
            detail = f"unexpected {extra[0]}"
        elif missing:
            detail = f"missing {missing[0]}"
        else:
            changed = next((f"{t} {n}" for (t, n, _, s), e in zip(found, expected) if (t, n, _, s) != e),
                           "duplicate objects")
            detail = f"{changed} differs"
        raise fail(path, f"does not have the schema of save format {version} ({detail}); not a genuine save")
    problems = conn.execute("PRAGMA quick_check(1)").fetchall()
    if problems != [("ok",)]:
        raise fail(path, f"is corrupt (SQLite quick_check: {str(problems[0][0])[:100]})")
    for table in table_names(version):
        limit = ROW_LIMITS.get(table)
        if limit is None:
            continue
        count = conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        if count > limit:
            raise fail(path, f"has too many rows in {table} ({count:,} > {limit:,})")
    if conn.execute("SELECT count(*) FROM meta").fetchone()[0] != 1:
        raise fail(path, "has no metadata row")


def select(conn: sqlite3.Connection, table: str, order: str = "") -> list[tuple]:
    """All rows of one of our tables with its known columns (explicit, never ``*``)."""
    sql = f"SELECT {', '.join(COLUMNS[table])} FROM {table}" + (f" ORDER BY {order}" if order else "")
    return conn.execute(sql).fetchall()


def file_size(path) -> int:
    """Size of ``path`` in bytes (0 if it cannot be read)."""
    try:
        return os.stat(path).st_size
    except OSError:
        return 0
