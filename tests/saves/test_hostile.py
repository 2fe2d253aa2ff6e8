"""Received files are hostile: every failure is one SaveLoadError, the file is never modified,
no planted trigger ever fires, and any change of a stored value is reported."""

import os
import shutil
import sqlite3

import numpy as np
import pytest

from engine.errors import SaveDivergedError, SaveLoadError
from engine.saves import SCHEMA_VERSION, load_game, load_outcomes, read_metadata, verify_replay
from engine.saves.hostile import INTERNAL
from save_helpers import digest, resign, sql

READERS = (read_metadata, load_outcomes, load_game)


def rejected(path, readers=READERS, match=None):
    """Every reader raises one-line SaveLoadError; the file (and any journal) is unchanged."""
    path = str(path)
    before = digest(path) if os.path.isfile(path) else None
    journal = path + "-journal"
    journal_before = digest(journal) if os.path.isfile(journal) else None
    messages = []
    for read in readers:
        with pytest.raises(SaveLoadError) as info:
            read(path)
        message = str(info.value)
        assert "\n" not in message and message and INTERNAL not in message, message
        if match:
            assert match in message, message
        messages.append(message)
    if before is not None:
        assert digest(path) == before, "the file was modified"
    assert (digest(journal) if os.path.isfile(journal) else None) == journal_before
    return messages


# --- not ours ------------------------------------------------------------------------------

@pytest.mark.parametrize("content,match", [
    (b"", "not an SQLite database"),
    (b"hello, this is a text file\n" * 10, "not an SQLite database"),
    (b"SQLite format 3\x00" + b"\x00" * 83, "not an SQLite database"),
    (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "not an SQLite database"),
    (bytes(np.random.default_rng(1).integers(0, 256, 4096, dtype=np.uint8)), "not an SQLite database"),
])
def test_non_sqlite_files(tmp_path, content, match):
    path = tmp_path / "x.closedloop"
    path.write_bytes(content)
    rejected(path, match=match)


def test_missing_file_and_folder(tmp_path):
    rejected(tmp_path / "nope.closedloop", match="no such file")
    rejected(tmp_path, match="not a regular file")


def test_another_applications_database(tmp_path):
    path = tmp_path / "other.db"
    sql(path, "CREATE TABLE meta (id INTEGER PRIMARY KEY)", "PRAGMA user_version = 1")
    rejected(path, match="not a Closed Loop save")


def test_wrong_application_id(golden):
    sql(golden, "PRAGMA application_id = 1234")
    rejected(golden, match="application id 0x000004d2")


@pytest.mark.parametrize("version", [SCHEMA_VERSION + 1, 99, 2**31 - 1])
def test_newer_save_format_is_refused_clearly(golden, version):
    sql(golden, f"PRAGMA user_version = {version}")
    (message, *_) = rejected(golden, match="newer version of Closed Loop")
    assert f"save format {version}" in message and "update Closed Loop" in message


@pytest.mark.parametrize("version", [0, -5])
def test_unknown_old_format(golden, version):
    sql(golden, f"PRAGMA user_version = {version}")
    rejected(golden, match="unknown save format")


def test_wal_mode_file(golden):
    sql(golden, "PRAGMA journal_mode = WAL")
    rejected(golden, match="WAL")


def test_oversized_file(golden):
    os.truncate(golden, 65 * 2**20)
    rejected(golden, match="larger than 64 MB")


# --- planted schema objects: refused before any row is read; nothing ever fires -------------

PLANTS = {
    "trigger": ["CREATE TABLE marker (x)",
                "CREATE TRIGGER t1 AFTER INSERT ON quarters BEGIN INSERT INTO marker VALUES ('fired'); END",
                "CREATE TRIGGER t2 AFTER UPDATE ON meta BEGIN INSERT INTO marker VALUES ('fired'); END",
                "CREATE TRIGGER t3 BEFORE DELETE ON decisions BEGIN INSERT INTO marker VALUES ('fired'); END"],
    "view": ["CREATE TABLE marker (x)", "CREATE VIEW spy AS SELECT * FROM meta"],
    "view-in-place-of-table": [
        "CREATE TABLE marker (x)", "ALTER TABLE world_outcomes RENAME TO real_world",
        "CREATE VIEW world_outcomes AS SELECT t, metrics FROM real_world",
        "CREATE TRIGGER t4 INSTEAD OF INSERT ON world_outcomes BEGIN INSERT INTO marker VALUES ('fired'); END"],
    "index": ["CREATE TABLE marker (x)", "CREATE INDEX i1 ON decisions (controller)"],
    "table": ["CREATE TABLE marker (x)"],
    "column": ["CREATE TABLE marker (x)", "ALTER TABLE meta ADD COLUMN extra TEXT DEFAULT 'x'"],
    "changed-table": ["CREATE TABLE marker (x)", "DROP TABLE events",
                      "CREATE TABLE events (t INTEGER, event TEXT, fired INTEGER, active INTEGER, evil BLOB)"],
}


@pytest.mark.parametrize("plant", sorted(PLANTS))
def test_planted_schema_objects_are_refused_and_never_fire(golden, plant):
    sql(golden, *PLANTS[plant])
    rejected(golden, match="does not have the schema")
    assert sql(golden, "SELECT count(*) FROM marker") == [(0,)]


# --- limits --------------------------------------------------------------------------------

def test_huge_blob_in_a_text_column(golden):
    sql(golden, "UPDATE meta SET scenario_text = zeroblob(6000000)")
    rejected(golden, match="too big")


def test_huge_text_in_a_decision(golden):
    sql(golden, "UPDATE decisions SET decision = '{\"shifts\": 1' || printf('%.*c', 1000000, ' ') || '}' "
                "WHERE t = 1 AND firm = 'byd'")
    resign(golden)
    rejected(golden, readers=(load_outcomes, load_game), match="longer than")


def test_deeply_nested_json(golden):
    deep = "[" * 50_000 + "]" * 50_000
    sql(golden, "UPDATE quarters SET injected = ? WHERE t = 0", params=(deep,))
    resign(golden)
    rejected(golden, readers=(load_outcomes, load_game), match="invalid JSON")


def test_row_count_limit(golden):
    sql(golden, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 410) "
                "INSERT INTO world_outcomes (t, metrics) SELECT 1000 + i, '{}' FROM n")
    rejected(golden, match="too many rows in world_outcomes")


# --- tampering: one stored value changed is reported ----------------------------------------

TAMPER = {
    "outcome value": "UPDATE firm_outcomes SET metrics = replace(metrics, '\"cash_cny\":', '\"cash_cny\":1') "
                     "WHERE t = 2 AND firm = 'xiaomi'",
    "decision price": "UPDATE decisions SET decision = replace(decision, '\"su7\":', '\"su7\":1') "
                      "WHERE t = 1 AND firm = 'xiaomi'",
    "controller": "UPDATE decisions SET controller = 'normal' WHERE t = 0 AND firm = 'xiaomi'",
    "state hash": "UPDATE quarters SET state_hash = '0123456789abcdef0123456789abcdef' WHERE t = 3",
    "injected event": "UPDATE quarters SET injected = '[]' WHERE t = 1",
    "event row": "DELETE FROM events WHERE rowid = (SELECT min(rowid) FROM events)",
    "objective": "UPDATE objectives SET status = 1 WHERE t = 3",
    "market": "UPDATE world_outcomes SET metrics = replace(metrics, '\"market_sales\":', '\"market_sales\":9') "
              "WHERE t = 0",
}


@pytest.mark.parametrize("what", sorted(TAMPER))
def test_changing_one_stored_value_is_reported(golden, what):
    sql(golden, TAMPER[what])
    assert sql(golden, "SELECT changes()") is not None
    rejected(golden, readers=(load_outcomes, load_game, verify_replay), match="altered")


META_TAMPER = {
    "seed": "UPDATE meta SET seed = seed + 1",
    "controllers": "UPDATE meta SET controllers = replace(controllers, 'human', 'normal')",
    "scenario": "UPDATE meta SET scenario_text = replace(scenario_text, 'potential_buyers', 'potential_buyers ')",
    "quarters": "UPDATE meta SET quarters_played = 3, next_quarter = '2024Q4'",
    "saved_at": "UPDATE meta SET saved_at = '2030-01-01T00:00:00Z'",
}


@pytest.mark.parametrize("what", sorted(META_TAMPER))
def test_changing_metadata_is_reported(golden, what):
    sql(golden, META_TAMPER[what])
    rejected(golden, match="altered")


def test_removing_the_last_quarter_is_reported(golden):
    sql(golden, *[f"DELETE FROM {t} WHERE t = 3" for t in ("quarters", "decisions", "firm_outcomes",
                                                           "model_outcomes", "world_outcomes", "events",
                                                           "objectives")])
    rejected(golden, readers=(load_outcomes, load_game))


# --- a forger who recomputes every hash is still caught where it matters ----------------------

def test_resigned_outcome_change_is_caught_by_the_replay(golden):
    sql(golden, TAMPER["outcome value"])
    resign(golden)
    assert read_metadata(golden).quarters_played == 4      # consistent file: the viewer shows it
    rejected(golden, readers=(load_game,), match="stored outcomes differ from the replay")
    check = verify_replay(golden)
    assert check.first_divergence is None and check.outcomes_differ_at == "2024Q3" and not check.ok


def test_saves_lacking_metrics_added_to_the_engine_since_still_load(golden):
    sql(golden, "UPDATE firm_outcomes SET metrics = json_remove(metrics, '$.score')",
        "UPDATE world_outcomes SET metrics = json_remove(metrics, '$.market_sales')")
    resign(golden)
    assert len(load_game(golden).records) == 4 and verify_replay(golden).ok
    assert "score" not in load_outcomes(golden).firm
    sql(golden, TAMPER["outcome value"])
    resign(golden)
    rejected(golden, readers=(load_game,), match="stored outcomes differ from the replay")


def test_resigned_decision_change_makes_the_replay_diverge(golden):
    sql(golden, TAMPER["decision price"])
    resign(golden)
    rejected(golden, readers=(load_game,), match="replay diverges at 2024Q2")
    assert verify_replay(golden).first_divergence == "2024Q2"


@pytest.mark.parametrize("statement,match", [
    ("UPDATE firm_outcomes SET metrics = '{\"cash_cny\": NaN}' WHERE t = 0 AND firm = 'nio'", "NaN"),
    ("UPDATE firm_outcomes SET metrics = '{\"cash_cny\": [1]}' WHERE t = 0 AND firm = 'nio'", "number or null"),
    ("UPDATE firm_outcomes SET metrics = '[1, 2]' WHERE t = 0 AND firm = 'nio'", "expected an object"),
    ("UPDATE decisions SET decision = '{\"evil\": 1}' WHERE t = 0 AND firm = 'nio'", "unknown decision"),
    ("UPDATE decisions SET decision = '{\"prices\": {\"su7\": 1e5}}' WHERE t = 0 AND firm = 'nio'",
     "not a model of nio"),
    ("UPDATE decisions SET decision = '{\"shifts\": 1, \"shifts\": 2}' WHERE t = 0 AND firm = 'nio'",
     "duplicate key"),
    ("UPDATE decisions SET decision = X'7B7D' WHERE t = 0 AND firm = 'nio'", "expected text"),
    ("UPDATE decisions SET firm = 'ghost' WHERE t = 0 AND firm = 'nio'", "unknown firm"),
    ("UPDATE events SET fired = 2 WHERE rowid = (SELECT min(rowid) FROM events)", "malformed event"),
    ("UPDATE objectives SET objective = 'win' WHERE t = 0 AND objective = 'never-out-of-cash'",
     "malformed objective"),
    ("UPDATE quarters SET quarter = '2031Q1' WHERE t = 2", "expected 2024Q3"),
    ("UPDATE quarters SET injected = '[[\"recall\", null, 1]]' WHERE t = 0", "expected {event, target}"),
    ("UPDATE quarters SET injected = '[[7, null]]' WHERE t = 0", "expected {event, target}"),
    ("UPDATE quarters SET injected = '[[\"meteor\", null]]' WHERE t = 0", "events deck"),
    ("UPDATE quarters SET injected = '[[\"recall\", \"ghost\"]]' WHERE t = 0", "not a firm"),
    ("UPDATE quarters SET injected = '[{\"event\": \"meteor\", \"target\": null}]' WHERE t = 0", "events deck"),
    ("UPDATE quarters SET injected = '[{\"event\": \"recall\", \"target\": \"ghost\"}]' WHERE t = 0",
     "not a firm"),
    ("UPDATE quarters SET injected = replace(injected, '\"duration\":2', '\"duration\":99') WHERE t = 2",
     "custom.duration"),
    ("UPDATE quarters SET injected = replace(injected, 'custom-port-strike', 'recall') WHERE t = 2",
     "is a deck event"),
    ("UPDATE quarters SET injected = replace(injected, '\"capacity\":-0.2', '\"capacity\":-7') WHERE t = 2",
     "capacity"),
    ("UPDATE quarters SET t = 7 WHERE t = 3", "outside the 4 quarters"),
])
def test_resigned_malformed_rows(golden, statement, match):
    sql(golden, statement)
    resign(golden)
    rejected(golden, readers=(load_outcomes, load_game), match=match)


def test_the_first_form_of_injections_is_read_as_deck_events(golden):
    """Saves written before custom events stored ``[[event id, target], ...]``: still genuine saves."""
    sql(golden, "UPDATE quarters SET injected = '[[\"recall\", \"tesla\"]]' WHERE t = 3")
    resign(golden)
    assert load_outcomes(golden).injected[3] == (("recall", "tesla"),)
    assert verify_replay(golden).first_divergence == "2024Q4"     # the stored state had no recall


def test_continuing_a_divergent_save_makes_a_new_game(golden):
    from engine.saves import autosave

    sql(golden, "UPDATE quarters SET state_hash = '0123456789abcdef0123456789abcdef' WHERE t >= 2")
    resign(golden)                                          # as if saved by other model code
    with pytest.raises(SaveDivergedError) as info:
        load_game(golden)
    assert info.value.quarter == "2024Q3"
    game = load_game(golden, verify=False)
    original = read_metadata(golden).save_id
    assert game.lineage["parent_id"] == original and game.lineage["fork_at"] == "2024Q3"
    assert "save_id" not in game.lineage
    before = digest(golden)
    game.play_quarter({"xiaomi": game.suggest("xiaomi")})
    with pytest.raises(SaveLoadError, match="different game"):
        autosave(game, golden)
    assert digest(golden) == before


def test_continuing_a_save_whose_stored_outcomes_differ_makes_a_new_game(golden):
    """Same states, other stored results (report code changed, or altered): not continued in place."""
    from engine.saves import autosave

    sql(golden, TAMPER["outcome value"])
    resign(golden)
    with pytest.raises(SaveDivergedError) as info:
        load_game(golden)
    assert info.value.quarter == "2024Q3"
    game = load_game(golden, verify=False)
    assert game.lineage["fork_at"] == "2024Q3" and "save_id" not in game.lineage
    before = digest(golden)
    game.play_quarter({"xiaomi": game.suggest("xiaomi")})
    with pytest.raises(SaveLoadError, match="different game"):
        autosave(game, golden)
    assert digest(golden) == before


def test_resigned_out_of_range_decision_cannot_be_continued(golden):
    sql(golden, "UPDATE decisions SET decision = replace(decision, '\"equity_raise\":0.0', '\"equity_raise\":-5.0') "
                "WHERE t = 0 AND firm = 'nio'")
    resign(golden)
    load_outcomes(golden)                                  # what was stored can still be shown
    rejected(golden, readers=(load_game,), match="nio.equity_raise")


# --- journals --------------------------------------------------------------------------------

def test_autosave_never_writes_into_a_file_with_planted_objects(golden, game5):
    from engine.saves import autosave

    sql(golden, *PLANTS["trigger"])
    before = digest(golden)
    with pytest.raises(SaveLoadError, match="does not have the schema"):
        autosave(game5, golden)
    assert digest(golden) == before and sql(golden, "SELECT count(*) FROM marker") == [(0,)]


def test_garbage_journal_next_to_a_save_is_never_touched(golden):
    journal = str(golden) + "-journal"
    with open(journal, "wb") as handle:
        handle.write(bytes(np.random.default_rng(3).integers(0, 256, 5000, dtype=np.uint8)))
    before = digest(journal)
    try:
        load_game(golden)
    except SaveLoadError:
        pass
    assert digest(journal) == before and os.path.isfile(journal)


# --- mutation fuzzing with a fixed seed set -------------------------------------------------

FUZZ_SEEDS = range(200)


def _mutate(data: bytearray, rng) -> bytearray:
    kind = rng.integers(0, 4)
    if kind == 0:                                           # a few random bit flips anywhere
        for pos in rng.integers(0, len(data), rng.integers(1, 9)):
            data[pos] ^= 1 << int(rng.integers(0, 8))
    elif kind == 1:                                         # flips inside the database pages
        for pos in rng.integers(100, len(data), rng.integers(1, 33)):
            data[pos] = int(rng.integers(0, 256))
    elif kind == 2:                                         # truncation
        del data[int(rng.integers(0, len(data))):]
    else:                                                   # a run of garbage
        start = int(rng.integers(0, len(data) - 512))
        data[start:start + 512] = bytes(rng.integers(0, 256, 512, dtype=np.uint8))
    return data


def test_mutation_fuzzing_only_ever_raises_save_load_error(golden, tmp_path):
    original = golden.read_bytes()
    outcomes = {"rejected": 0, "accepted": 0}
    for seed in FUZZ_SEEDS:
        rng = np.random.default_rng(seed)
        path = tmp_path / f"fuzz{seed}.closedloop"
        path.write_bytes(_mutate(bytearray(original), rng))
        before = digest(path)
        for read in READERS:
            try:
                read(path)
                outcomes["accepted"] += 1
            except SaveLoadError as exc:
                assert "\n" not in str(exc) and INTERNAL not in str(exc), f"seed {seed}: {exc}"
                outcomes["rejected"] += 1
        assert digest(path) == before, f"seed {seed}: file modified"
        assert not os.path.exists(str(path) + "-journal")
        path.unlink()
    assert outcomes["rejected"] >= len(FUZZ_SEEDS)          # most mutations are caught


def test_loading_never_writes_next_to_the_file(golden, tmp_path):
    folder = tmp_path / "ro"
    folder.mkdir()
    path = folder / "g.closedloop"
    shutil.copyfile(golden, path)
    os.chmod(path, 0o444)
    os.chmod(folder, 0o555)
    try:
        load_game(path)
        read_metadata(path)
        load_outcomes(path)
        assert sorted(p.name for p in folder.iterdir()) == ["g.closedloop"]
    finally:
        os.chmod(folder, 0o755)
        os.chmod(path, 0o644)


def test_a_sqlite_error_inside_never_escapes(golden):
    conn = sqlite3.connect(golden)                          # another process holds a write lock
    try:
        conn.execute("BEGIN EXCLUSIVE")
        rejected(golden, readers=(read_metadata,))
    finally:
        conn.rollback()
        conn.close()
