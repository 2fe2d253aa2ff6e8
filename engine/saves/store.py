"""Read a save: its metadata row (cheap) or all of it, imported into a database we create.

:func:`read_metadata` runs the file-level checks of :mod:`engine.saves.hostile` and reads only
the metadata row. :func:`read_save` also reads and checks every quarter, then imports the rows
into a fresh in-memory database created by this program at the file's schema version, upgrades
that copy to the latest version (each migration in one transaction), and returns it with the
parsed data. The received file is only ever read.
"""

import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SaveLoadError
from ..scenario.schema import Text
from . import codec
from .hostile import boundary, fail, open_readonly, select
from .schema import COLUMNS, LATEST, MIGRATIONS, SAVE_SUFFIX, create, table_names, upgrade
from .validate import QuarterData, check_meta, check_quarters


@dataclass(frozen=True)
class FirmInfo:
    """A firm of a saved game: id, names and who controls it now ("human" or an AI level)."""

    id: str
    name: Text
    controller: str


@dataclass(frozen=True)
class SaveMetadata:
    """What the load dialog shows, read from the metadata row without loading the game.

    Attributes:
        path: the file.
        app_version, numpy_version, python_version: the program that last wrote it.
        schema_version: the file's save format (``upgradable`` when older than this program's).
        save_id: identity of the game (kept by Save As and autosave; new for a fork).
        created_at, saved_at: ISO 8601 UTC.
        scenario_id, scenario_name: the scenario (names in English and Chinese).
        scenario_digest: SHA-256 of the stored scenario snapshot.
        seed: the world seed.
        start_quarter, end_quarter, quarters_total: the scenario's span.
        quarters_played, next_quarter, finished: progress (``next_quarter`` is the one to play).
        player: the player's firm id; firms: every firm with names and controller.
        summary: the player's last-quarter figures (CNY, units, shares) and objective statuses.
        parent_id, parent_file, fork_at, fork_changes: set when the game is a fork.
        head_hash: content hash of the last quarter stored.
    """

    path: str
    app_version: str
    schema_version: int
    numpy_version: str
    python_version: str
    save_id: str
    created_at: str
    saved_at: str
    scenario_id: str
    scenario_name: Text
    scenario_digest: str
    seed: int
    start_quarter: str
    end_quarter: str
    quarters_total: int
    quarters_played: int
    next_quarter: str
    finished: bool
    player: str
    firms: tuple
    summary: dict = field(repr=False)
    parent_id: str | None = None
    parent_file: str | None = None
    fork_at: str | None = None
    fork_changes: tuple = ()
    head_hash: str = ""

    @property
    def upgradable(self) -> bool:
        """True when the file uses an older save format (it is upgraded on a copy when loaded)."""
        return self.schema_version < LATEST

    @property
    def controllers(self) -> dict:
        """Firm id -> controller."""
        return {f.id: f.controller for f in self.firms}

    @property
    def humans(self) -> tuple:
        """Firms played by people."""
        return tuple(f.id for f in self.firms if f.controller == "human")

    @property
    def player_name(self) -> Text:
        """Names of the player's firm."""
        return next(f.name for f in self.firms if f.id == self.player)


def metadata_from(meta: dict, path) -> SaveMetadata:
    """Build :class:`SaveMetadata` from a checked metadata dict."""
    cat = meta["catalog_json"]
    ctl = meta["controllers_json"]
    firms = tuple(FirmInfo(f["id"], Text(**f["name"]), ctl[f["id"]]) for f in cat["firms"])
    return SaveMetadata(
        path=str(path), app_version=meta["app_version"], schema_version=meta["schema_version"],
        numpy_version=meta["numpy_version"], python_version=meta["python_version"], save_id=meta["save_id"],
        created_at=meta["created_at"], saved_at=meta["saved_at"], scenario_id=meta["scenario_id"],
        scenario_name=Text(meta["scenario_name_en"], meta["scenario_name_zh"]),
        scenario_digest=meta["scenario_digest"], seed=meta["seed"], start_quarter=meta["start_quarter"],
        end_quarter=meta["end_quarter"], quarters_total=meta["quarters_total"],
        quarters_played=meta["quarters_played"], next_quarter=meta["next_quarter"],
        finished=meta["quarters_played"] >= meta["quarters_total"], player=meta["player"], firms=firms,
        summary=meta["summary_json"], parent_id=meta["parent_id"], parent_file=meta["parent_file"],
        fork_at=meta["fork_at"], fork_changes=tuple(meta["fork_changes_json"] or ()), head_hash=meta["head_hash"])


def _checked_meta(conn, path, version) -> dict:
    try:
        return check_meta(select(conn, "meta")[0], COLUMNS["meta"], version)
    except SaveLoadError as exc:
        raise fail(path, exc) from None


@boundary
def read_metadata(path) -> SaveMetadata:
    """Return the metadata of the save at ``path`` after the file-level safety checks.

    Cheap: reads the header, the schema, ``quick_check`` and the one metadata row; does not
    parse the scenario or any quarter.

    Raises:
        SaveLoadError: one line (foreign, corrupt, too new, altered metadata, ...).
    """
    with open_readonly(path) as (conn, version):
        return metadata_from(_checked_meta(conn, path, version), path)


def scan_saves(folder, pattern: str = "*" + SAVE_SUFFIX) -> list:
    """Every save in ``folder`` for an Open dialog: ``[(path, SaveMetadata or SaveLoadError)]``.

    Newest ``saved_at`` first; files that cannot be read come last with their one-line error.
    """
    found = []
    for path in sorted(Path(folder).glob(pattern)) if Path(folder).is_dir() else []:
        try:
            found.append((path, read_metadata(path)))
        except SaveLoadError as exc:
            found.append((path, exc))
    good = sorted((f for f in found if isinstance(f[1], SaveMetadata)), key=lambda f: f[1].saved_at, reverse=True)
    return good + [f for f in found if not isinstance(f[1], SaveMetadata)]


@dataclass(eq=False)
class SaveData:
    """A checked save imported into a private in-memory database (close it, or use ``with``).

    Attributes:
        path: the file read.
        file_version: its save format; ``db`` has been upgraded to :data:`LATEST`.
        meta: the checked metadata (JSON columns parsed into ``*_json`` keys).
        quarters: ``[QuarterData, ...]``.
        db: the imported database (our schema, created by this program).
    """

    path: str
    file_version: int
    meta: dict
    quarters: list
    db: sqlite3.Connection

    @property
    def metadata(self) -> SaveMetadata:
        """The :class:`SaveMetadata`."""
        return metadata_from(self.meta, self.path)

    def close(self) -> None:
        """Close the imported database."""
        self.db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def _on_step(conn: sqlite3.Connection, version: int) -> None:
    """Migration hook: record the new version in the metadata row and re-hash it."""
    row = conn.execute(f"SELECT {', '.join(COLUMNS['meta'])} FROM meta").fetchone()
    meta = dict(zip(COLUMNS["meta"], row))
    meta["schema_version"] = version
    meta["meta_hash"] = codec.meta_hash(meta)
    conn.execute("UPDATE meta SET schema_version = ?, meta_hash = ?", (version, meta["meta_hash"]))


@boundary
def read_save(path, migrations=MIGRATIONS, outcomes: bool = True) -> SaveData:
    """Read, check and import the whole save at ``path`` (see the module docstring).

    With ``outcomes=False`` the outcome cells are size-checked but left unparsed (see
    :func:`~engine.saves.validate.check_quarters`).

    Raises:
        SaveLoadError: one line; the file is never modified.
    """
    with open_readonly(path) as (conn, version):
        meta = _checked_meta(conn, path, version)
        rows = {t: select(conn, t, "t" if t != "meta" else "") for t in table_names(version)
                if t in COLUMNS}
    try:
        quarters = check_quarters(meta, rows, outcomes)
    except SaveLoadError as exc:
        raise fail(path, exc) from None
    db = sqlite3.connect(":memory:", isolation_level=None)
    try:
        create(db, version, migrations)
        db.execute("BEGIN")
        for table, table_rows in rows.items():
            cols = COLUMNS[table]
            db.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                           table_rows)
        db.execute("COMMIT")
        upgrade(db, _on_step, migrations)
    except sqlite3.Error as exc:
        db.close()
        raise fail(path, f"cannot be imported ({exc})") from None
    except BaseException:
        db.close()
        raise
    return SaveData(str(path), version, meta, quarters, db)


__all__ = ["FirmInfo", "QuarterData", "SaveData", "SaveMetadata", "read_metadata", "read_save", "scan_saves"]
