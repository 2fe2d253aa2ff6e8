"""WorkshopSession without the network: round control, sealing, events, predictions, saving."""

import json
from dataclasses import fields, replace

import numpy as np
import pytest

from engine.decisions import FirmDecision
from engine.errors import DecisionError
from engine.game import Game
from engine.injections import CustomEvent
from engine.workshop import (
    FINISHED,
    LOCKED,
    OPEN,
    RESOLVED,
    Visibility,
    WorkshopError,
    WorkshopSession,
    WorkshopSettings,
)
from engine.workshop.predictions import Prediction, score

STRIKE = {"id": "custom-port-strike", "headline": {"en": "Dock strike at Shanghai port", "zh": "上海港码头罢工"},
          "effects": {"capacity": -0.2, "brand": -0.05}, "duration": 2}


def play_round(session, decisions=None, now=None):
    for team in session.teams:
        session.submit(team, (decisions or {}).get(team) or session.suggestion_for(team), now)
    session.lock(now)
    return session.resolve(now)


def snapshot(session):
    return json.dumps(session.to_dict(), sort_keys=True)


def test_workshop_round_control_transitions(make_session):
    s = make_session(quarters=2)
    assert (s.phase, s.quarter) == (OPEN, "2024Q1")
    s.lock()
    assert s.phase == LOCKED
    s.unlock()
    assert s.phase == OPEN
    s.lock()
    record = s.resolve()
    assert s.phase == RESOLVED and record.report.quarter == "2024Q1" and s.quarter == "2024Q2"
    s.open_next()
    play_round(s)
    assert s.phase == FINISHED and s.resolved == 2


@pytest.mark.parametrize("steps, action", [
    ((), "resolve"), ((), "unlock"), ((), "open_next"),
    (("lock",), "lock"), (("lock",), "open_next"),
    (("lock", "resolve"), "lock"), (("lock", "resolve"), "resolve"), (("lock", "resolve"), "unlock"),
])
def test_workshop_illegal_round_transitions_change_nothing(make_session, steps, action):
    s = make_session()
    for step in steps:
        getattr(s, step)()
    before = snapshot(s)
    with pytest.raises(WorkshopError) as err:
        getattr(s, action)()
    assert err.value.code == "round" and "\n" not in str(err.value)
    assert snapshot(s) == before


def test_workshop_submissions_only_while_open_and_before_the_deadline(make_session):
    s = make_session(round_seconds=600, now=1000.0)
    assert s.deadline == 1600.0
    draft = s.suggestion_for("xiaomi")
    s.submit("xiaomi", draft, now=1500.0)
    with pytest.raises(WorkshopError, match="deadline"):
        s.submit("byd", s.suggestion_for("byd"), now=1601.0)
    assert s.extend_deadline(120, now=1601.0) == 1720.0
    s.submit("byd", s.suggestion_for("byd"), now=1601.0)
    s.lock()
    with pytest.raises(WorkshopError, match="locked"):
        s.submit("xiaomi", draft)
    with pytest.raises(WorkshopError) as err:
        s.submit("tesla", draft)
    assert err.value.code == "not-found"


def test_workshop_resubmission_replaces_and_bad_decision_changes_nothing(make_session):
    s = make_session()
    first = s.submit("xiaomi", s.suggestion_for("xiaomi"))
    second = s.submit("xiaomi", replace(first, marketing_budget=7e8).to_dict())
    assert s.submission_of("xiaomi") == second != first
    before = snapshot(s)
    for bad in ({"shifts": 4}, {"prices": {"byd-han": 200000}}, {"marketing_budget": -1}, {"bogus": 1}, [1, 2]):
        with pytest.raises((DecisionError, WorkshopError)):
            s.submit("xiaomi", bad)
    assert snapshot(s) == before and s.submission_of("xiaomi") == second


def test_workshop_missing_team_gets_ai_draft_or_carries_its_last_decision(make_session, scenario):
    ai = make_session()
    ai.submit("xiaomi", ai.suggestion_for("xiaomi"))
    expected = ai.suggestion_for("byd")
    ai.lock()
    record = ai.resolve()
    assert record.decisions["byd"] == expected and ai.defaulted == [("byd",)]

    carry = make_session(missing="carry")
    first = replace(carry.suggestion_for("byd"), borrow=1e9, marketing_budget=1.23e9)
    play_round(carry, {"byd": first})
    carry.open_next()
    carry.submit("xiaomi", carry.suggestion_for("xiaomi"))
    carry.lock()
    record = carry.resolve()
    assert record.decisions["byd"] == replace(first, borrow=0.0)


def test_workshop_reopen_needs_the_warning_flag_and_restores_drafts(make_session):
    s = make_session()
    with pytest.raises(WorkshopError, match="no resolved quarter"):
        s.reopen(discard_results=True)
    decisions = {t: s.suggestion_for(t) for t in s.teams}
    s.inject("recall", "tesla")
    first = play_round(s, decisions)
    s.open_next()
    s.submit("xiaomi", decisions["xiaomi"])
    warning = s.reopen_warning()
    assert "2024Q1" in warning and "discard" in warning and "2024Q2" in warning
    before = snapshot(s)
    with pytest.raises(WorkshopError, match="discard_results=True"):
        s.reopen()
    assert snapshot(s) == before
    result = s.reopen(discard_results=True)
    assert result == {"quarter": "2024Q1", "warning": warning}
    assert (s.phase, s.quarter, s.resolved) == (OPEN, "2024Q1", 0)
    assert {t: s.submission_of(t) for t in s.teams} == decisions and s.injections == [("recall", "tesla")]
    s.lock()
    again = s.resolve()
    assert again.state_hash == first.state_hash
    assert any(entry["action"] == "reopen" for entry in s.log)


def test_workshop_matches_a_local_game_with_the_same_decisions_and_events(make_session, scenario):
    s = make_session(teams=("xiaomi", "byd", "nio"), seed=11)
    local = Game.new(scenario, 11, human=("xiaomi", "byd", "nio"))
    strike = CustomEvent.from_dict(STRIKE)
    for q in range(3):
        decisions = {t: local.suggest(t) for t in s.teams}
        decisions["nio"] = replace(decisions["nio"], marketing_budget=9e8)
        injected = (("lithium-spike", None), (strike, "byd")) if q == 1 else ()
        for event, target in injected:
            s.inject(event, target)
        record = play_round(s, decisions)
        if q < 2:
            s.open_next()
        assert record.state_hash == local.play_quarter(decisions, injected=injected).state_hash


def test_workshop_deck_and_custom_events_reach_every_teams_news_and_the_records(make_session, scenario):
    s = make_session(teams=("xiaomi", "byd", "tesla"))
    s.inject("recall", "tesla")
    s.inject(STRIKE)
    with pytest.raises(DecisionError, match="no-such-event"):
        s.inject("no-such-event")
    with pytest.raises(DecisionError):
        s.inject({**STRIKE, "id": "custom-other", "effects": {"capacity": -5}})
    with pytest.raises(DecisionError):
        s.inject("recall", "byd")  # twice in one quarter
    record = play_round(s)
    kinds = {(e if isinstance(e, str) else e.id, target) for e, target in record.injected}
    assert kinds == {("recall", "tesla"), ("custom-port-strike", None)}
    n = [e.id for e in scenario.events].index("recall")
    assert record.report.events_fired[0, n] == 1
    for team in s.teams:
        news = {item["id"]: item for item in s.team_view(team)["news"]}
        assert news["recall"]["target"] == "tesla" and news["recall"]["headline"]["zh"]
        assert news["custom-port-strike"]["headline"] == STRIKE["headline"]
        assert news["custom-port-strike"]["quarters"] == 2
    assert {i["id"] for i in s.projector_view()["news"]} >= {"recall", "custom-port-strike"}


def test_workshop_custom_event_has_the_same_effect_as_the_deck_event_it_copies(scenario):
    deck = next(e for e in scenario.events if e.id == "adas-crash")
    copy = CustomEvent.from_dict({"id": "custom-crash", "headline": {"en": "Crash", "zh": "事故"}, "duration": deck.duration,
                                  "effects": {f.name: getattr(deck.effects, f.name) for f in fields(deck.effects)}})
    with_deck, with_copy, without = (Game.new(scenario, 3) for _ in range(3))
    changed = False
    for q in range(4):
        a = with_deck.play_quarter(injected=(("adas-crash", "tesla"),) if q == 1 else ())
        b = with_copy.play_quarter(injected=((copy, "tesla"),) if q == 1 else ())
        c = without.play_quarter()
        for key in a.report.firm:
            np.testing.assert_array_equal(a.report.firm[key], b.report.firm[key], err_msg=key)
        changed |= any(not np.array_equal(a.report.firm[k], c.report.firm[k]) for k in a.report.firm)
    assert changed


def test_workshop_impact_preview_differs_only_by_the_event(make_session):
    s = make_session()
    before = snapshot(s)
    preview = s.preview({**STRIKE, "effects": {"capacity": -0.5}}, "byd", futures=64, quarters=2)
    assert snapshot(s) == before
    byd = next(f for f in preview["firms"] if f["id"] == "byd")
    assert preview["quarters"] == ["2024Q1", "2024Q2"] and byd["deliveries"]["delta"][0] < 0
    same = s.preview("recall", "tesla", futures=16, quarters=1)
    assert same == s.preview("recall", "tesla", futures=16, quarters=1)
    with pytest.raises(WorkshopError):
        s.preview("recall", futures=10**6)


def test_workshop_prediction_scoring(make_session):
    p = Prediction(deliveries=90_000, operating_profit_cny=-2e9)
    s = score(p, deliveries=100_000, operating_profit=-1e9, revenue=20e9)
    assert s["deliveries"]["score"] == pytest.approx(90.0)
    assert s["operating_profit_cny"]["error"] == pytest.approx(0.5)  # scale max(1e9, 2e9, 1e8) = 2e9
    assert s["score"] == pytest.approx(0.5 * (90.0 + 50.0))
    assert score(p, 0, 0, 0)["deliveries"]["score"] == 0.0   # 90,000 off on a floor of 1,000

    session = make_session()
    session.predict("byd", {"deliveries": 500_000, "operating_profit_cny": 1e9, "rationale": "price war"})
    session.predict("byd", {"deliveries": 600_000, "operating_profit_cny": 2e9, "rationale": "revised"})
    with pytest.raises(WorkshopError):
        session.predict("byd", {"deliveries": float("nan"), "operating_profit_cny": 0})
    with pytest.raises(WorkshopError):
        session.predict("byd", {"deliveries": 1, "operating_profit_cny": 0, "team": "xiaomi"})
    record = play_round(session)
    f = session.scenario.firm_index("byd")
    actual = score(Prediction(600_000, 2e9), float(record.report.firm["deliveries"][0, f]),
                   float(record.report.firm["operating_profit_cny"][0, f]), float(record.report.firm["revenue_cny"][0, f]))
    scores = session.prediction_scores("byd")
    assert scores["quarters"][0]["score"] == pytest.approx(actual["score"]) and scores["mean_score"] == pytest.approx(actual["score"])
    assert scores["quarters"][0]["prediction"]["rationale"] == "revised"
    assert session.prediction_scores("xiaomi") == {"quarters": [{"quarter": "2024Q1", "prediction": None}], "mean_score": None}


def test_workshop_team_view_shows_public_rival_data_only(make_session, scenario):
    s = make_session(teams=("xiaomi", "byd"))
    secret = replace(s.suggestion_for("xiaomi"), marketing_budget=987_654_321.0)
    s.submit("xiaomi", secret)
    assert "987654321" not in json.dumps(s.team_view("byd")) and "987654321" in json.dumps(s.team_view("xiaomi"))
    assert "987654321" not in json.dumps(s.facilitator_view()) and "987654321" not in json.dumps(s.projector_view())
    s.lock()
    s.resolve()
    view = s.team_view("byd")
    assert "987654321" not in json.dumps(view)
    rival = next(r for r in view["market"][-1]["firms"] if r["id"] == "xiaomi")
    assert set(rival) == {"id", "prices", "deliveries", "model_deliveries", "market_share", "capacity",
                          "capacity_pipeline", "autonomy_sold", "exited"}
    assert "cash_cny" in view["own"]["last"]["firm"] and view["own"]["books"]["cash"] is not None
    open_books = make_session(visibility=replace(s.settings.visibility, rival_financials=True, leaderboard=False))
    play_round(open_books)
    view = open_books.team_view("byd")
    assert "cash_cny" in view["market"][-1]["firms"][0] and view["leaderboard"] is None


def test_workshop_session_round_trips_through_json(make_session, scenario):
    s = make_session(teams=("xiaomi", "byd"), round_seconds=900, now=50.0)
    s.inject(STRIKE, "xiaomi")
    s.predict("xiaomi", {"deliveries": 1, "operating_profit_cny": -3e9, "rationale": "launch costs"})
    play_round(s, now=60.0)
    s.open_next(now=70.0)
    s.submit("byd", s.suggestion_for("byd"), now=80.0)
    s.inject("recall")
    data = json.loads(json.dumps(s.to_dict(), allow_nan=False))
    back = WorkshopSession.from_dict(data, scenario)
    assert back.to_dict() == s.to_dict()
    assert back.team_view("xiaomi") == s.team_view("xiaomi") and back.deadline == 970.0
    back.submit("xiaomi", back.suggestion_for("xiaomi"))
    s.submit("xiaomi", s.suggestion_for("xiaomi"))
    for x in (s, back):
        x.lock()
    assert back.resolve().state_hash == s.resolve().state_hash


@pytest.mark.parametrize("mutate, fragment", [
    (lambda d: d["quarters"][0].update(state_hash="0" * 32), "quarters[0].state_hash"),
    (lambda d: d.update(extra=1), "workshop.extra: unknown key"),
    (lambda d: d.update(version=99), "workshop.version"),
    (lambda d: d.update(scenario_digest="x"), "workshop.scenario"),
    (lambda d: d["settings"].update(teams=["xiaomi", "nobody"]), "settings.teams"),
    (lambda d: d["quarters"][0]["decisions"]["byd"].update(shifts=9), "quarters[0]"),
    (lambda d: d["quarters"][0]["injected"].append({"event": "nope", "target": None}), "nope"),
    (lambda d: d.update(phase="finished"), "workshop.phase"),
    (lambda d: d["pending"].update(tesla={"decision": {}, "at": None}), "pending.tesla"),
    (lambda d: d["predictions"].append({"t": 0, "team": "byd", "deliveries": "many", "operating_profit_cny": 0}),
     "predictions[0].deliveries"),
    (lambda d: d.update(deadline=float("inf")), "workshop.deadline"),
])
def test_workshop_from_dict_names_the_bad_field(make_session, scenario, mutate, fragment):
    s = make_session()
    play_round(s)
    s.open_next()
    data = json.loads(json.dumps(s.to_dict()))
    mutate(data)
    with pytest.raises(WorkshopError) as err:
        WorkshopSession.from_dict(data, scenario)
    assert fragment in str(err.value) and "\n" not in str(err.value)


def test_workshop_settings_are_validated(scenario):
    for kwargs, fragment in (({"teams": ("xiaomi", "xiaomi")}, "twice"), ({"teams": ()}, "teams"),
                             ({"teams": ("ford",)}, "ford"), ({"teams": ("byd",), "ai_level": "insane"}, "ai_level"),
                             ({"teams": ("byd",), "quarters": 17}, "quarters"),
                             ({"teams": ("byd",), "round_seconds": float("nan")}, "round_seconds"),
                             ({"teams": ("byd",), "missing": "skip"}, "missing"),
                             ({"teams": ("byd",), "team_names": {"nio": "Blue"}}, "team_names")):
        kwargs.setdefault("seed", 1)
        with pytest.raises(WorkshopError, match=fragment):
            WorkshopSession(scenario, WorkshopSettings(**kwargs))


def test_workshop_custom_event_definitions_are_validated():
    for bad, fragment in (({**STRIKE, "id": "Bad Id"}, ".id"), ({**STRIKE, "headline": {"en": "x"}}, "headline"),
                          ({**STRIKE, "effects": {}}, "effects"), ({**STRIKE, "effects": {"demand": 3.0}}, "demand"),
                          ({**STRIKE, "effects": {"lithium": float("inf")}}, "lithium"),
                          ({**STRIKE, "effects": {"autonomy_cap": 5.0}}, "neutral"),
                          ({**STRIKE, "duration": 0}, "duration"), ({**STRIKE, "color": "red"}, "color"),
                          ({**STRIKE, "effects": {"source": "x"}}, "source")):
        with pytest.raises(DecisionError, match=fragment.replace(".", r"\.")):
            CustomEvent.from_dict(bad)
    event = CustomEvent.from_dict(STRIKE)
    assert CustomEvent.from_dict(event.to_dict()) == event
    assert FirmDecision.from_dict(FirmDecision().to_dict()) == FirmDecision()


def test_workshop_visibility_switches(make_session):
    s = make_session(visibility=Visibility(suggestions=False, history=False))
    with pytest.raises(WorkshopError) as err:
        s.suggestion_for("byd")
    assert err.value.code == "forbidden"
    for _ in range(2):
        play_round(s, {t: s.game.suggest(t) for t in s.teams})
        s.open_next()
    view = s.team_view("xiaomi")
    assert [m["quarter"] for m in view["market"]] == ["2024Q2"] and len(view["own"]["history"]) == 2
    assert view["leaderboard"][0]["rank"] == 1 and view["visibility"]["history"] is False
