"""The save format: header, schema, metadata row, round trips, autosave, exports, save folder."""

import csv
import math
import sqlite3
from dataclasses import replace

import pytest
from hypothesis import given, settings, strategies as st

from engine.errors import SaveLoadError
from engine.game import Game
from engine.saves import (APPLICATION_ID, SCHEMA_VERSION, SaveWriteError, autosave, default_save_dir, export_copy,
                          export_csv, load_game, load_outcomes, read_metadata, save_game)
from engine.saves.schema import COLUMNS, expected_schema
from save_helpers import digest, hashes, play, sql


def test_header_carries_application_id_and_version(save5):
    head = save5.read_bytes()[:100]
    assert head.startswith(b"SQLite format 3\x00")
    assert int.from_bytes(head[68:72], "big") == APPLICATION_ID
    assert int.from_bytes(head[60:64], "big") == SCHEMA_VERSION
    assert sql(save5, "PRAGMA application_id") == [(APPLICATION_ID,)]
    assert sql(save5, "PRAGMA user_version") == [(SCHEMA_VERSION,)]


def test_schema_is_exactly_the_expected_one_and_columns_match(save5):
    conn = sqlite3.connect(save5)
    try:
        from engine.saves.schema import schema_rows

        assert schema_rows(conn) == list(expected_schema(SCHEMA_VERSION))
        for table, cols in COLUMNS.items():
            assert tuple(r[1] for r in conn.execute(f"PRAGMA table_info({table})")) == cols, table
    finally:
        conn.close()


def test_metadata_row_is_plain_sql_and_read_metadata_matches(save5, game5):
    (row,) = sql(save5, "SELECT scenario_id, seed, quarters_played, next_quarter, player, numpy_version FROM meta")
    assert row[:5] == ("xiaomi-2024", 5, 5, "2025Q2", "xiaomi")
    m = read_metadata(save5)
    assert (m.scenario_id, m.seed, m.quarters_played, m.next_quarter, m.player) == row[:5]
    assert m.scenario_name.zh.startswith("闭环") and m.schema_version == SCHEMA_VERSION and not m.upgradable
    assert m.controllers["xiaomi"] == "human" and m.controllers["byd"] == "normal" and m.humans == ("xiaomi",)
    assert m.player_name.en == "Xiaomi Auto" and m.quarters_total == 16 and not m.finished
    assert m.summary["quarter"] == "2025Q1"
    assert m.summary["cash_cny"] == pytest.approx(float(game5.records[-1].report.firm["cash_cny"][0, 0]))
    assert m.save_id == game5.lineage["save_id"] and m.parent_id is None


def test_decisions_are_json_never_pickle(save5, game5):
    import json

    rows = sql(save5, "SELECT t, firm, controller, decision FROM decisions ORDER BY t, firm")
    assert len(rows) == 5 * 7
    for t, firm, controller, text in rows:
        assert json.loads(text) == game5.records[t].decisions[firm].to_dict()
        assert controller == ("human" if firm == "xiaomi" else "normal")
    assert sql(save5, "SELECT injected FROM quarters WHERE t = 2") == [('[{"event":"lithium-slump","target":null}]',)]


def test_a_game_with_no_quarter_played_saves_and_loads(scenario, tmp_path):
    path = tmp_path / "new.closedloop"
    save_game(Game.new(scenario, 1, human=("xiaomi",)), path)
    meta = read_metadata(path)
    assert (meta.quarters_played, meta.next_quarter, meta.summary["quarter"]) == (0, "2024Q1", None)
    game = load_game(path)
    assert game.t == 0 and game.humans == ("xiaomi",)
    assert load_outcomes(path).quarters == ()


def test_save_load_round_trip(save5, game5):
    game = load_game(save5)
    assert hashes(game) == hashes(game5)
    assert game.controllers == game5.controllers and game.seed == 5
    assert game.lineage["save_id"] == game5.lineage["save_id"]
    assert [r.injected for r in game.records] == [r.injected for r in game5.records]
    assert [r.decisions for r in game.records] == [r.decisions for r in game5.records]
    assert game.records[3].controllers["xiaomi"] == "human"


@settings(max_examples=6, deadline=None, derandomize=True)
@given(saved=st.integers(0, 8), more=st.integers(1, 4))
def test_save_load_then_play_equals_playing_straight(scenario, tmp_path_factory, saved, more):
    straight = play(scenario, seed=9, quarters=saved + more)
    head = play(scenario, seed=9, quarters=saved)
    path = tmp_path_factory.mktemp("cont") / "c.closedloop"
    save_game(head, path)
    game = load_game(path)
    for t in range(saved, saved + more):
        game.play_quarter({"xiaomi": straight.records[t].decisions["xiaomi"]}, injected=straight.records[t].injected)
    assert hashes(game) == hashes(straight)


def test_quit_mid_game_and_continue_with_autosave(scenario, tmp_path):
    path = tmp_path / "auto.closedloop"
    straight = play(scenario, seed=4, quarters=6)
    game = Game.new(scenario, 4, human=("xiaomi",))
    for t in range(3):
        game.play_quarter({"xiaomi": straight.records[t].decisions["xiaomi"]}, injected=straight.records[t].injected)
        autosave(game, path)
        assert read_metadata(path).quarters_played == t + 1
    resumed = load_game(path)                                # the player quits and comes back
    for t in range(3, 6):
        resumed.play_quarter({"xiaomi": straight.records[t].decisions["xiaomi"]}, injected=straight.records[t].injected)
        autosave(resumed, path)
    assert hashes(load_game(path)) == hashes(straight)
    assert read_metadata(path).save_id == game.lineage["save_id"]


def test_autosave_appends_only_missing_quarters(scenario, tmp_path, game5):
    path = tmp_path / "a.closedloop"
    head = Game(scenario, game5.seed, dict(game5.controllers), game5.states[:3], game5.records[:2], game5.lineage)
    autosave(head, path)
    before = sql(path, "SELECT t, content_hash FROM quarters ORDER BY t")
    autosave(game5, path)
    after = sql(path, "SELECT t, content_hash FROM quarters ORDER BY t")
    assert after[:2] == before and len(after) == 5
    same = digest(path)
    autosave(game5, path)                                   # nothing new: nothing written
    assert digest(path) == same


def test_custom_facilitator_events_are_stored_and_replayed(scenario, tmp_path):
    from engine.injections import CustomEvent

    strike = CustomEvent.from_dict({"id": "custom-strike", "headline": {"en": "Strike", "zh": "罢工"},
                                    "effects": {"capacity": -0.5}, "duration": 2})
    plain = play(scenario, seed=3, quarters=4, inject_at=None)
    game = Game.new(scenario, 3, human=("xiaomi",))
    for t in range(4):
        game.play_quarter({"xiaomi": plain.records[t].decisions["xiaomi"]},
                          injected=((strike, "byd"),) if t == 1 else ())
    assert hashes(game)[2] != hashes(plain)[2]                 # the event changed the world
    path = tmp_path / "custom.closedloop"
    save_game(game, path)
    loaded = load_game(path)
    assert hashes(loaded) == hashes(game) and loaded.records[1].injected == ((strike, "byd"),)
    assert load_outcomes(path).injected[1] == ((strike, "byd"),)
    events = (tmp_path / "csv" / "custom-events.csv")
    export_csv(path, tmp_path / "csv")
    assert "2024Q2,custom-strike,0,0,1,byd" in events.read_text(encoding="utf-8")


def test_autosave_after_a_reopened_quarter_replaces_it(scenario, tmp_path):
    path = tmp_path / "reopen.closedloop"
    game = play(scenario, seed=4, quarters=3)
    autosave(game, path)
    game.drop_last_quarter()                                  # the facilitator reopens 2024Q3
    autosave(game, path)
    assert read_metadata(path).quarters_played == 2 and len(load_game(path).records) == 2
    draft = game.suggest("xiaomi")
    game.play_quarter({"xiaomi": replace(draft, marketing_budget=3e9)})
    autosave(game, path)
    assert hashes(load_game(path)) == hashes(game)
    other = play(scenario, seed=4, quarters=2)                # never saved: may only append, never cut
    other.play_quarter({"xiaomi": replace(other.suggest("xiaomi"), shifts=3)})
    with pytest.raises(SaveLoadError, match="different game"):
        autosave(other, path)


def test_autosave_refuses_a_different_game_and_a_foreign_file(scenario, tmp_path, game5):
    path = tmp_path / "a.closedloop"
    save_game(game5, path)
    other = play(scenario, seed=6, quarters=2)
    before = digest(path)
    with pytest.raises(SaveLoadError, match="different game"):
        autosave(other, path)
    same_seed = play(scenario, seed=5, quarters=6)       # same quarters, saved elsewhere: another game
    save_game(same_seed, tmp_path / "elsewhere.closedloop")
    with pytest.raises(SaveLoadError, match="different game"):
        autosave(same_seed, path)
    assert digest(path) == before
    unsaved = play(scenario, seed=5, quarters=6)         # same quarters, never saved: this game, continued
    autosave(unsaved, path)
    assert unsaved.lineage["save_id"] == game5.lineage["save_id"] and read_metadata(path).quarters_played == 6
    foreign = tmp_path / "notes.txt"
    foreign.write_text("my notes\n")
    with pytest.raises(SaveLoadError, match="not a Closed Loop save"):
        autosave(game5, foreign)
    assert foreign.read_text() == "my notes\n"


def test_save_game_errors_are_one_line(game5, tmp_path):
    with pytest.raises(SaveWriteError, match="does not exist"):
        save_game(game5, tmp_path / "missing" / "x.closedloop")
    with pytest.raises(SaveWriteError, match="is a folder"):
        save_game(game5, tmp_path)
    assert isinstance(SaveWriteError("x"), SaveLoadError)


def test_save_game_overwrites_atomically_and_leaves_no_temp_files(game5, tmp_path):
    path = tmp_path / "s.closedloop"
    path.write_bytes(b"old contents")
    save_game(game5, path)
    assert read_metadata(path).quarters_played == 5
    assert sorted(p.name for p in tmp_path.iterdir()) == ["s.closedloop"]


def test_export_copy_is_clean_and_self_contained(save5, tmp_path):
    dest = tmp_path / "mail" / "copy.closedloop"
    dest.parent.mkdir()
    before = digest(save5)
    export_copy(save5, dest)
    assert digest(save5) == before
    assert sorted(p.name for p in dest.parent.iterdir()) == ["copy.closedloop"]
    assert sql(dest, "PRAGMA integrity_check") == [("ok",)] and sql(dest, "PRAGMA freelist_count") == [(0,)]
    assert read_metadata(dest).save_id == read_metadata(save5).save_id
    assert hashes(load_game(dest)) == hashes(load_game(save5))
    with pytest.raises(SaveLoadError):
        export_copy(save5, save5)


def test_export_csv_holds_every_outcome(save5, game5, tmp_path):
    files = export_csv(save5, tmp_path / "csv")
    names = sorted(p.name for p in files)
    assert names == sorted(f"game5-{k}.csv" for k in ("firms", "models", "market", "decisions", "events",
                                                      "objectives"))
    with open(tmp_path / "csv" / "game5-firms.csv", newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert len(rows) == 5 * 7
    report = game5.records[4].report
    row = next(r for r in rows if r["quarter"] == "2025Q1" and r["firm"] == "byd")
    for metric in ("cash_cny", "deliveries", "market_share", "score"):
        assert float(row[metric]) == float(report.firm[metric][0, 2])
    assert set(report.firm) <= set(rows[0])
    with open(tmp_path / "csv" / "game5-decisions.csv", newline="", encoding="utf-8") as handle:
        decisions = list(csv.DictReader(handle))
    xm = next(r for r in decisions if r["quarter"] == "2024Q2" and r["firm"] == "xiaomi")
    assert float(xm["prices.su7"]) == game5.records[1].decisions["xiaomi"].prices["su7"]
    assert xm["controller"] == "human" and xm["prices.model-3"] == ""
    with open(tmp_path / "csv" / "game5-events.csv", newline="", encoding="utf-8") as handle:
        events = list(csv.DictReader(handle))
    assert any(e["event"] == "lithium-slump" and e["injected"] == "1" and e["quarter"] == "2024Q3" for e in events)


def test_outcomes_are_what_was_played(save5, game5):
    out = load_outcomes(save5)
    assert out.quarters == ("2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1")
    for t, record in enumerate(game5.records):
        for metric, values in record.report.firm.items():
            stored, played = out.firm[metric][t], values[0]
            assert all(a == b or (math.isnan(a) and not math.isfinite(b)) for a, b in zip(stored, played)), metric
        for metric, values in record.report.model.items():
            assert list(out.model[metric][t]) == [float(v) for v in values[0]], metric
    assert out.injected[2] == (("lithium-slump", None),)
    assert "lithium-slump" in out.fired(2)
    assert out.decisions[1]["xiaomi"] == game5.records[1].decisions["xiaomi"].to_dict()


def test_scan_saves_lists_a_folder_for_the_open_dialog(game5, scenario, tmp_path):
    from engine.saves import scan_saves

    save_game(game5, tmp_path / "a.closedloop")
    save_game(play(scenario, seed=2, quarters=1), tmp_path / "b.closedloop")
    (tmp_path / "broken.closedloop").write_text("junk")
    (tmp_path / "other.txt").write_text("ignored")
    found = scan_saves(tmp_path)
    assert [p.name for p, _ in found][-1] == "broken.closedloop" and len(found) == 3
    assert isinstance(found[-1][1], SaveLoadError)
    assert {m.seed for _, m in found[:2]} == {5, 2}
    assert scan_saves(tmp_path / "missing") == []


def test_default_save_dir_follows_the_platform(monkeypatch, tmp_path):
    monkeypatch.delenv("CLOSEDLOOP_SAVE_DIR", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr("sys.platform", "linux")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_save_dir() == tmp_path / "xdg" / "closedloop" / "saves"
    monkeypatch.setenv("XDG_DATA_HOME", "relative/ignored")
    assert default_save_dir() == tmp_path / ".local" / "share" / "closedloop" / "saves"
    monkeypatch.setattr("sys.platform", "win32")
    monkeypatch.setenv("APPDATA", str(tmp_path / "Roaming"))
    assert default_save_dir() == tmp_path / "Roaming" / "ClosedLoop" / "saves"
    monkeypatch.setattr("sys.platform", "darwin")
    assert default_save_dir() == tmp_path / "Library" / "Application Support" / "Closed Loop" / "saves"
    monkeypatch.setenv("CLOSEDLOOP_SAVE_DIR", str(tmp_path / "mine"))
    assert default_save_dir() == tmp_path / "mine"
