"""Impact previews off the session's thread: ``preview_job`` captures its inputs, reports progress,
can be cancelled, and gives what ``preview`` gives even after the session moved on."""

import threading

import pytest

from engine.forecast import ForecastCancelled
from engine.workshop import WorkshopError


def test_workshop_preview_job_reports_progress_and_matches_preview(make_session):
    s = make_session()
    s.submit("xiaomi", s.suggestion_for("xiaomi"))
    expected = s.preview("chip-shortage", None, futures=32, quarters=3)
    job = s.preview_job("chip-shortage", None, futures=32, quarters=3)
    s.submit("byd", {"marketing_budget": 3e9})              # the session moves on: the job does not see it
    s.inject("recall", "nio")
    seen = []
    result = job(lambda done, total: seen.append((done, total)) or True)
    assert result == expected
    totals = {total for _, total in seen}
    assert len(totals) == 1 and seen[-1][0] == seen[-1][1]           # one scale, ends at 100%
    assert [done for done, _ in seen] == sorted({done for done, _ in seen}) and len(seen) >= 2
    byd = next(f for f in result["firms"] if f["id"] == "byd")
    lo, hi = byd["deliveries"]["with_band"]
    assert all(a <= m <= b for a, m, b in zip(lo, byd["deliveries"]["with"], hi))


def test_workshop_preview_job_can_be_cancelled(make_session):
    job = make_session().preview_job("recall", "byd", futures=16, quarters=4)
    with pytest.raises(ForecastCancelled):
        job(lambda done, total: done < 3)


def test_workshop_preview_job_validates_at_once(make_session):
    s = make_session()
    with pytest.raises(WorkshopError, match="futures"):
        s.preview_job("recall", futures=0)
    s.lock()
    s.resolve()
    with pytest.raises(WorkshopError, match="cannot preview"):
        s.preview_job("recall")


def test_host_preview_job_runs_outside_the_lock_while_teams_submit(lan):
    host = lan(teams=("xiaomi", "byd"))
    job = host.preview_job("lithium-spike", None, futures=64, quarters=2)
    team = lan.team("byd")
    done = threading.Event()

    def progress(step, total):
        if not done.is_set():                                # the host is free while the preview runs
            team.submit(team.suggest())
            done.set()
        return True

    result = job(progress)
    assert done.is_set() and result["event"] == "lithium-spike"
    assert host.with_session(lambda s: s.submission_status()["byd"]["submitted"])


@pytest.mark.parametrize("via", ["lan", "host.control"])
def test_lan_facilitator_preview_never_holds_up_a_team(lan, via):
    order, tried = [], threading.Event()
    peers = {}

    def on_event(name, payload):
        if name == "previewing" and not tried.is_set():   # the preview is running now
            tried.set()
            peers["team"].ping()                          # answered at once unless the host's lock is held
            peers["team"].submit(peers["team"].suggest())
            order.append("team answered")

    host = lan(teams=("xiaomi", "byd"), host_options={"on_event": on_event})
    peers["team"] = lan.team("byd")
    if via == "lan":
        result = lan.facilitator().control("preview", event="lithium-spike", futures=32, quarters=2)
    else:
        result = host.control("preview", event="lithium-spike", futures=32, quarters=2)
    order.append("preview done")
    assert order == ["team answered", "preview done"]
    assert result["event"] == "lithium-spike" and len(result["quarters"]) == 2
    assert host.status()["submissions"]["byd"]["submitted"]
