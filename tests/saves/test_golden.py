"""Current model goldens: one committed save per schema version, loaded, upgraded and replay-verified.

Their replay must match exactly, so an unintended change of the model code fails here. After an
intended one, rebaseline them with tests/saves/golden/regenerate.py, which first archives the
shipped file in tests/saves/golden/archive/ (frozen; checked by test_archive.py).
"""

import re
import shutil
import sqlite3

import pytest

from engine.saves import SCHEMA_VERSION, export_copy, load_game, read_metadata, verify_replay
from engine.saves import codec
from engine.saves.schema import COLUMNS, Migration, check_migrations, expected_schema, schema_rows, upgrade
from engine.saves.store import read_save
from engine.saves.write import upgrade_file
from save_helpers import GOLDEN, ROOT, digest, sql

GOLDENS = sorted(GOLDEN.glob("v*.closedloop"))


def version_of(path) -> int:
    return int(re.match(r"v(\d+)\.closedloop$", path.name).group(1))


def test_one_golden_per_schema_version():
    assert [version_of(p) for p in GOLDENS] == list(range(1, SCHEMA_VERSION + 1))


@pytest.mark.parametrize("path", GOLDENS, ids=lambda p: p.name)
def test_golden_loads_upgrades_and_replays(path, tmp_path):
    copy = tmp_path / path.name
    shutil.copyfile(path, copy)
    before = digest(copy)
    meta = read_metadata(copy)
    assert meta.schema_version == version_of(path) and meta.quarters_played >= 3
    with read_save(copy) as data:
        assert data.file_version == version_of(path)
        assert data.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert schema_rows(data.db) == list(expected_schema(SCHEMA_VERSION))
    check = verify_replay(copy)
    assert check.ok, f"{path.name} diverges at {check.first_divergence}: if the MODEL CODE changed on purpose, " \
                     f"run `python tests/saves/golden/regenerate.py rebaseline` (see its docstring)"
    game = load_game(copy)
    assert [r.state_hash for r in game.records] == list(check.stored)
    exported = tmp_path / "exported.closedloop"
    export_copy(copy, exported)
    assert read_metadata(exported).schema_version == SCHEMA_VERSION
    assert digest(copy) == before


def test_replays_use_the_stored_scenario_not_the_files_on_disk(golden, tmp_path, monkeypatch):
    """Recalibrating a scenario file must not touch old saves: they carry their own snapshot."""
    from engine.scenario import load_scenario

    text = (ROOT / "scenarios" / "xiaomi-2024.toml").read_text(encoding="utf-8")
    recalibrated = re.sub(r"(?m)^potential_buyers = [0-9_.e+]+$", "potential_buyers = 5_900_000", text, count=1)
    assert recalibrated != text and load_game(golden).scenario.market.potential_buyers != 5_900_000
    folder = tmp_path / "scenarios"
    folder.mkdir()
    (folder / "xiaomi-2024.toml").write_text(recalibrated, encoding="utf-8")
    monkeypatch.setenv("CLOSEDLOOP_SCENARIOS", str(folder))
    assert load_scenario("xiaomi-2024").market.potential_buyers == 5_900_000     # the override is live
    assert verify_replay(golden).ok
    assert load_game(golden).scenario.market.potential_buyers != 5_900_000


# --- the migration machinery, exercised with test migrations (v2, v3) ------------------------

TEST_MIGRATIONS = (
    Migration(2, "teams", ("CREATE TABLE teams (firm TEXT PRIMARY KEY, name TEXT NOT NULL)",
                           "INSERT INTO teams (firm, name) SELECT firm, 'team ' || firm FROM decisions WHERE t = 0")),
    Migration(3, "predictions", ("CREATE TABLE predictions (t INTEGER, firm TEXT, value REAL)",)),
)


def test_import_upgrades_the_private_copy_step_by_step(golden):
    before = digest(golden)
    with read_save(golden, migrations=TEST_MIGRATIONS) as data:
        db = data.db
        assert db.execute("PRAGMA user_version").fetchone()[0] == 3
        assert schema_rows(db) == list(expected_schema(3, TEST_MIGRATIONS))
        assert db.execute("SELECT count(*) FROM teams").fetchone()[0] == 7
        row = dict(zip(COLUMNS["meta"], db.execute(f"SELECT {', '.join(COLUMNS['meta'])} FROM meta").fetchone()))
        assert row["schema_version"] == 3 and row["meta_hash"] == codec.meta_hash(row)
        assert db.execute("SELECT count(*) FROM quarters").fetchone()[0] == len(data.quarters)
    assert digest(golden) == before


def test_a_failing_migration_rolls_back_only_its_own_step():
    broken = TEST_MIGRATIONS[:1] + (Migration(3, "broken", ("CREATE TABLE half (x)", "INSERT INTO nowhere VALUES (1)")),)
    from engine.saves.schema import create

    conn = sqlite3.connect(":memory:", isolation_level=None)
    try:
        create(conn, 1, broken)
        with pytest.raises(sqlite3.OperationalError):
            upgrade(conn, None, broken)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert "teams" in tables and "half" not in tables
    finally:
        conn.close()


def test_migrations_must_be_numbered_in_order():
    check_migrations(TEST_MIGRATIONS)
    with pytest.raises(ValueError):
        check_migrations(TEST_MIGRATIONS[1:])
    with pytest.raises(ValueError):
        check_migrations((TEST_MIGRATIONS[1], TEST_MIGRATIONS[0]))


def test_upgrading_a_file_works_on_a_copy_that_replaces_it(golden):
    quarters = sql(golden, "SELECT t, content_hash FROM quarters ORDER BY t")
    assert upgrade_file(golden, TEST_MIGRATIONS) == [2, 3]
    assert sql(golden, "PRAGMA user_version") == [(3,)]
    assert sql(golden, "SELECT t, content_hash FROM quarters ORDER BY t") == quarters
    assert sql(golden, "PRAGMA integrity_check") == [("ok",)]
    assert [p.name for p in golden.parent.iterdir()] == [golden.name]
