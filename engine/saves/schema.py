"""The save-file schema: application id, versions, DDL, ordered migrations and limits.

A save file is an SQLite database whose header carries :data:`APPLICATION_ID` and whose
``user_version`` is the schema version. Version 1 is created by :data:`BASE_DDL`; every later
version is reached by one entry of :data:`MIGRATIONS`, applied in order, each in one
transaction. Versions only go up; shipped DDL and migrations are never edited (add a new
migration instead), because the expected schema of version *n* is rebuilt at run time by
creating version 1 and applying migrations 2..n, and every received file must match it exactly.

Adding version 2 (e.g. workshop teams, predictions and round state, issue 7):

1. append ``Migration(2, "workshop tables", ("CREATE TABLE teams (...)", ...))`` to MIGRATIONS;
2. if the migration changes rows covered by content hashes (``quarters``, ``decisions``,
   outcome tables), recompute them in the migration; new tables are not covered;
3. commit a golden save of version 2 under ``tests/saves/golden/`` (see its README).
"""

import re
import sqlite3
from dataclasses import dataclass
from functools import lru_cache

APPLICATION_ID = 0x434C4F50          # "CLOP": Closed LOoP, at byte 68 of the SQLite header
FORMAT = "closedloop-save"
SAVE_SUFFIX = ".closedloop"
PAGE_SIZE = 8192                      # bytes

# Limits for received files (hostile until checked).
MAX_FILE_BYTES = 64 * 1024 * 1024     # bytes
MAX_VALUE_BYTES = 4_000_000           # longest string or blob SQLite may hand us (bytes)
MAX_SCENARIO_CHARS = 2_000_000        # the scenario snapshot (same as scenario files)
MAX_JSON_CHARS = 256 * 1024           # one decision or outcome cell
MAX_SHORT_CHARS = 200                 # ids, labels, versions, hashes, timestamps
MAX_QUARTERS = 400
MAX_FIRMS = 64
MAX_MODELS = 512
MAX_EVENTS = 1024
MAX_OBJECTIVES = 64
MAX_METRICS = 512                     # metrics per outcome row
MAX_JSON_DEPTH = 6

BASE_DDL = (
    """CREATE TABLE meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    format TEXT NOT NULL,
    schema_version INTEGER NOT NULL,
    app_version TEXT NOT NULL,
    numpy_version TEXT NOT NULL,
    python_version TEXT NOT NULL,
    save_id TEXT NOT NULL,
    created_at TEXT NOT NULL,
    saved_at TEXT NOT NULL,
    scenario_id TEXT NOT NULL,
    scenario_name_en TEXT NOT NULL,
    scenario_name_zh TEXT NOT NULL,
    scenario_digest TEXT NOT NULL,
    scenario_text TEXT NOT NULL,
    seed INTEGER NOT NULL,
    start_quarter TEXT NOT NULL,
    end_quarter TEXT NOT NULL,
    quarters_total INTEGER NOT NULL,
    quarters_played INTEGER NOT NULL,
    next_quarter TEXT NOT NULL,
    player TEXT NOT NULL,
    controllers TEXT NOT NULL,
    catalog TEXT NOT NULL,
    summary TEXT NOT NULL,
    parent_id TEXT,
    parent_file TEXT,
    fork_at TEXT,
    fork_changes TEXT,
    head_hash TEXT NOT NULL,
    meta_hash TEXT NOT NULL
)""",
    """CREATE TABLE quarters (
    t INTEGER PRIMARY KEY,
    quarter TEXT NOT NULL,
    injected TEXT NOT NULL,
    state_hash TEXT NOT NULL,
    content_hash TEXT NOT NULL
)""",
    """CREATE TABLE decisions (
    t INTEGER NOT NULL,
    firm TEXT NOT NULL,
    controller TEXT NOT NULL,
    decision TEXT NOT NULL,
    PRIMARY KEY (t, firm)
)""",
    """CREATE TABLE firm_outcomes (
    t INTEGER NOT NULL,
    firm TEXT NOT NULL,
    metrics TEXT NOT NULL,
    PRIMARY KEY (t, firm)
)""",
    """CREATE TABLE model_outcomes (
    t INTEGER NOT NULL,
    model TEXT NOT NULL,
    firm TEXT NOT NULL,
    metrics TEXT NOT NULL,
    PRIMARY KEY (t, model)
)""",
    """CREATE TABLE world_outcomes (
    t INTEGER PRIMARY KEY,
    metrics TEXT NOT NULL
)""",
    """CREATE TABLE events (
    t INTEGER NOT NULL,
    event TEXT NOT NULL,
    fired INTEGER NOT NULL,
    active INTEGER NOT NULL,
    PRIMARY KEY (t, event)
)""",
    """CREATE TABLE objectives (
    t INTEGER NOT NULL,
    objective TEXT NOT NULL,
    status INTEGER NOT NULL,
    PRIMARY KEY (t, objective)
)""",
)

# Columns read and written, in table order (the DDL above is the authority).
COLUMNS = {
    "meta": ("id", "format", "schema_version", "app_version", "numpy_version", "python_version", "save_id",
             "created_at", "saved_at", "scenario_id", "scenario_name_en", "scenario_name_zh", "scenario_digest",
             "scenario_text", "seed", "start_quarter", "end_quarter", "quarters_total", "quarters_played",
             "next_quarter", "player", "controllers", "catalog", "summary", "parent_id", "parent_file", "fork_at",
             "fork_changes", "head_hash", "meta_hash"),
    "quarters": ("t", "quarter", "injected", "state_hash", "content_hash"),
    "decisions": ("t", "firm", "controller", "decision"),
    "firm_outcomes": ("t", "firm", "metrics"),
    "model_outcomes": ("t", "model", "firm", "metrics"),
    "world_outcomes": ("t", "metrics"),
    "events": ("t", "event", "fired", "active"),
    "objectives": ("t", "objective", "status"),
}
QUARTER_TABLES = ("quarters", "decisions", "firm_outcomes", "model_outcomes", "world_outcomes", "events",
                  "objectives")


@dataclass(frozen=True)
class Migration:
    """One schema step: ``statements`` run in one transaction take a file to ``version``.

    Attributes:
        version: the version reached (previous + 1).
        description: what changes, for humans.
        statements: SQL run in order (DDL and data fixes; never references to user data files).
    """

    version: int
    description: str
    statements: tuple = ()


MIGRATIONS: tuple = ()               # version 2 onwards, in order; append only
LATEST = 1 + len(MIGRATIONS)


def check_migrations(migrations=MIGRATIONS) -> None:
    """Raise ValueError unless ``migrations`` number 2, 3, ... in order without gaps."""
    for i, m in enumerate(migrations):
        if m.version != i + 2:
            raise ValueError(f"migration {i} is for version {m.version}, expected {i + 2}")


def latest(migrations=MIGRATIONS) -> int:
    """The newest schema version with ``migrations``."""
    return 1 + len(migrations)


def create(conn: sqlite3.Connection, version: int | None = None, migrations=MIGRATIONS) -> None:
    """Create the empty schema of ``version`` (default: the latest) in a new database.

    Sets ``application_id`` and ``user_version``. Runs in one transaction; ``conn`` must be in
    autocommit mode (``isolation_level=None``).
    """
    version = latest(migrations) if version is None else version
    if not 1 <= version <= latest(migrations):
        raise ValueError(f"no schema version {version}")
    conn.execute(f"PRAGMA page_size = {PAGE_SIZE}")    # outcome rows are ~2.5 kB: 3 per page
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        for sql in BASE_DDL:
            conn.execute(sql)
        for m in migrations[:version - 1]:
            for sql in m.statements:
                conn.execute(sql)
        conn.execute(f"PRAGMA user_version = {int(version)}")
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise


def upgrade(conn: sqlite3.Connection, on_step=None, migrations=MIGRATIONS) -> list[int]:
    """Apply every pending migration to ``conn`` (a private copy), each in one transaction.

    Args:
        conn: an autocommit connection to a database of an older version.
        on_step: optional ``callback(conn, version)`` run inside each migration's transaction
            after its statements (the save layer updates and re-hashes the metadata row).
        migrations: the migration list (tests pass their own).

    Returns:
        The versions applied, in order.

    Raises:
        sqlite3.Error: a migration failed; that step is rolled back, earlier steps stay.
    """
    check_migrations(migrations)
    current = conn.execute("PRAGMA user_version").fetchone()[0]
    done = []
    for m in migrations:
        if m.version <= current:
            continue
        conn.execute("BEGIN IMMEDIATE")
        try:
            for sql in m.statements:
                conn.execute(sql)
            conn.execute(f"PRAGMA user_version = {int(m.version)}")
            if on_step is not None:
                on_step(conn, m.version)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        done.append(m.version)
    return done


def _normal(sql: str | None) -> str | None:
    return None if sql is None else re.sub(r"\s+", " ", sql).strip()


def schema_rows(conn: sqlite3.Connection) -> list[tuple]:
    """``(type, name, tbl_name, sql)`` of every schema object, whitespace-normalised, sorted."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master").fetchall()
    return sorted((t, n, tb, _normal(s)) for t, n, tb, s in rows)


@lru_cache(maxsize=None)
def _expected(version: int, migrations: tuple) -> tuple:
    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        create(conn, version, migrations)
        return tuple(schema_rows(conn))
    finally:
        conn.close()


def expected_schema(version: int, migrations=MIGRATIONS) -> tuple:
    """The schema objects a file of ``version`` must have, exactly (see :func:`schema_rows`)."""
    return _expected(int(version), tuple(migrations))


def table_names(version: int, migrations=MIGRATIONS) -> tuple:
    """Tables of schema ``version``."""
    return tuple(n for t, n, _, _ in expected_schema(version, migrations) if t == "table")
