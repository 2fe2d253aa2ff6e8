"""A LAN workshop over loopback: the facilitator's console hosting (its network callbacks bridged to
Qt by queued signals) and teams' apps joining through :class:`~app.workshop.lan_link.TeamLink`,
plus raw websocket clients for what a hostile or broken client might send."""

import json
from dataclasses import replace

import pytest
from workshop_helpers import TIMEOUT_MS, make_console, resolve, workshop  # noqa: F401

from engine.workshop import WorkshopSession, WorkshopSettings
from engine.workshop.client import HostError, WorkshopClient

MARKER = 1_234_567_890.0                    # a marketing budget nobody else may ever see


@pytest.fixture
def team_app(qtbot):
    """``team_app(controller, team=None, code=None, token=None)`` -> a TeamWindow joined (or joining)."""
    from app.workshop.team_window import TeamWindow

    windows = []

    def make(controller, team=None, code=None, token=None, wait=True):
        url = f"ws://127.0.0.1:{controller.host.port}"
        window = TeamWindow(url, code=code or (controller.codes()["teams"][team] if team else None), token=token)
        windows.append(window)
        if wait:
            qtbot.waitUntil(lambda: window.form is not None and window.link.state == "connected", timeout=TIMEOUT_MS)
        return window

    yield make
    for window in windows:
        window.close()
    for window in windows:
        assert not window.link.thread.isRunning()


@pytest.fixture
def raw_clients():
    """Real websocket clients, closed at teardown."""
    made = []

    def make(url):
        client = WorkshopClient(url, timeout=5)
        made.append(client)
        return client

    yield make
    for client in made:
        client.close()


def submitted(controller, team) -> bool:
    return controller.view["submissions"][team]["submitted"]


def test_lan_team_app_joins_submits_and_the_console_sees_it_live(workshop, make_console, team_app, qtbot):
    from app.workshop.lan_link import stored_access

    c = workshop(teams=("xiaomi", "byd"), mode="lan", team_names={"byd": "Team Blue"})
    console = make_console(c, "127.0.0.1")
    team = team_app(c, "byd")
    assert team.view["team"] == "byd" and "Team Blue" in team.title.text()
    assert stored_access(team.url)[1] == "byd" and stored_access(team.url)[0]
    qtbot.waitUntil(lambda: c.codes()["connected"]["byd"] == 1, timeout=TIMEOUT_MS)
    qtbot.waitUntil(lambda: "joined" in console.teams.code_labels["byd"].text(), timeout=TIMEOUT_MS)
    team.prediction.deliveries.setText("500000")
    team.prediction.profit.setText("-1200")
    assert team.submit()
    qtbot.waitUntil(lambda: submitted(c, "byd") and c.view["predicted"]["byd"], timeout=TIMEOUT_MS)
    table = console.teams.table
    assert "submitted" in table.item(1, 2).text() and "recorded" in table.item(1, 3).text()
    qtbot.waitUntil(lambda: "Submitted at" in team.status.text() or "forecast submitted" in team.status.text(),
                    timeout=TIMEOUT_MS)
    assert team.submit_button.text() == "Resubmit our decisions"
    assert c.session.predictions[(0, "byd")].operating_profit_cny == -1.2e9


def test_lan_wrong_code_fails_and_nothing_is_kept(workshop, team_app, qtbot):
    from app.workshop.lan_link import stored_access

    c = workshop(teams=("xiaomi",), mode="lan")
    wrong = "ABCDEF" if c.codes()["teams"]["xiaomi"] != "ABCDEF" else "ABCDEG"
    team = team_app(c, code=wrong, wait=False)
    qtbot.waitUntil(lambda: team.link.state == "closed", timeout=TIMEOUT_MS)
    assert "refused this code" in team.connection.text() and team.form is None
    assert stored_access(team.url) == (None, None) and not team.submit_button.isEnabled()
    assert c.codes()["connected"]["xiaomi"] == 0 and c.codes()["teams"]["xiaomi"]      # the right code still works


def test_lan_team_cannot_act_as_another_and_never_sees_its_sealed_decision(workshop, team_app, raw_clients, qtbot):
    c = workshop(teams=("xiaomi", "byd"), mode="lan")
    url = f"ws://127.0.0.1:{c.host.port}"
    spy = raw_clients(url)
    spy.join(c.codes()["teams"]["byd"])                     # team B's own connection, every frame recorded
    app_a = team_app(c, "xiaomi")
    refused = []
    app_a.link.refused.connect(lambda ident, code, message: refused.append((code, message)))
    app_a.link.request("submit", decision={"marketing_budget": 5e8}, team="byd")
    qtbot.waitUntil(lambda: bool(refused), timeout=TIMEOUT_MS)
    assert refused[0][0] == "bad-message" and "team" in refused[0][1]
    assert not c.session.pending
    app_a.draft.apply_draft(replace(app_a.draft.draft, marketing_budget=MARKER))
    app_a.submit()
    qtbot.waitUntil(lambda: submitted(c, "xiaomi"), timeout=TIMEOUT_MS)
    assert c.session.pending["xiaomi"][0].marketing_budget == MARKER and "byd" not in c.session.pending
    spy.submit(spy.suggest())
    spy.request({"type": "view"})
    c.control("lock")
    resolve(qtbot, c)
    spy.wait_for("results")
    seen = "".join(spy.frames)
    assert "1234567890" not in seen and "xiaomi" in seen         # B sees xiaomi's public figures only
    assert "1234567890" not in json.dumps(c.view["submissions"])


def test_lan_malformed_oversized_and_nan_messages_get_errors_and_change_nothing(workshop, raw_clients, qtbot):
    c = workshop(teams=("nio",), mode="lan")
    client = raw_clients(f"ws://127.0.0.1:{c.host.port}")
    client.join(c.codes()["teams"]["nio"])
    before = c.session.to_dict()
    for frame, code in (("{not json", "bad-json"), ('{"type": "submit", "decision": {"shifts": NaN}}', "bad-json"),
                        ('{"type": "submit", "decision": {"marketing_budget": 1e999}}', "bad-json"),
                        ("x" * 20_000, "too-large"), (b"\x00\x01", "bad-frame"),
                        ('{"type": "submit", "decision": {"shifts": 9}}', "invalid"),
                        ('{"type": "control", "action": "resolve"}', "forbidden")):
        client.send_raw(frame)
        reply = client.wait_for("error")
        assert reply["code"] == code, (frame[:40], reply)
    with pytest.raises(HostError, match="forbidden"):
        client.request({"type": "status"})
    assert c.session.to_dict() == before and not c.session.pending
    qtbot.wait(50)
    assert not c.view["submissions"]["nio"]["submitted"]
    client.submit(client.suggest())                          # the connection still works
    qtbot.waitUntil(lambda: submitted(c, "nio"), timeout=TIMEOUT_MS)


def test_lan_dropped_team_app_reconnects_with_its_token_and_continues(workshop, team_app, qtbot):
    c = workshop(teams=("li-auto",), mode="lan")
    team = team_app(c, "li-auto")
    states = []
    team.link.stateChanged.connect(lambda state, detail: states.append(state))
    token = team.link.token
    team.link.reconnect()
    qtbot.waitUntil(lambda: "reconnecting" in states and states[-1] == "connected", timeout=TIMEOUT_MS)
    assert team.link.token == token and c.codes()["teams"]["li-auto"] is None      # no new code was needed
    qtbot.waitUntil(lambda: c.codes()["connected"]["li-auto"] == 1, timeout=TIMEOUT_MS)
    assert team.submit()
    qtbot.waitUntil(lambda: submitted(c, "li-auto"), timeout=TIMEOUT_MS)
    team.close()
    again = team_app(c, token=token)                          # a new app with the stored token
    assert again.view["team"] == "li-auto" and again.view["draft"] is not None
    assert again.submit_button.text() == "Resubmit our decisions"


def test_lan_quarter_resolves_like_the_same_decisions_played_locally(workshop, team_app, qtbot, scenario):
    from app.widgets.fields import NumberField

    c = workshop(teams=("xiaomi", "byd"), mode="lan", seed=21)
    apps = {t: team_app(c, t) for t in c.teams}
    field = apps["byd"].form.fields["marketing_budget"]
    assert isinstance(field, NumberField)
    field.edit.setText("2500")
    field.commit()
    assert apps["byd"].draft.draft.marketing_budget == 2.5e9
    for t, window in apps.items():
        qtbot.waitUntil(lambda w=window: w.draft.undo_stack.count() >= (1 if w is apps["byd"] else 0), timeout=TIMEOUT_MS)
        window.submit()
    qtbot.waitUntil(lambda: all(submitted(c, t) for t in c.teams), timeout=TIMEOUT_MS)
    decisions = {t: c.session.pending[t][0] for t in c.teams}
    assert decisions["byd"].marketing_budget == 2.5e9
    resolve(qtbot, c)
    local = WorkshopSession(scenario, WorkshopSettings(teams=("xiaomi", "byd"), seed=21))
    for t, d in decisions.items():
        local.submit(t, d)
    local.lock()
    record = local.resolve()
    assert record.state_hash == c.session.game.records[-1].state_hash
    qtbot.waitUntil(lambda: all(w.view["own"]["last"] is not None for w in apps.values()), timeout=TIMEOUT_MS)


def test_lan_reissued_access_revokes_the_team_app(workshop, make_console, team_app, raw_clients, qtbot):
    c = workshop(teams=("nio", "xpeng"), mode="lan")
    console = make_console(c, "127.0.0.1")
    team = team_app(c, "nio")
    token = team.link.token
    code = console.teams.reissue("nio", confirm=False)
    qtbot.waitUntil(lambda: team.link.state == "closed", timeout=TIMEOUT_MS)
    assert "reissued" in team.connection.text()
    client = raw_clients(f"ws://127.0.0.1:{c.host.port}")
    with pytest.raises(HostError, match="forbidden"):
        client.resume(token)
    fresh = team_app(c, code=code)
    assert fresh.view["team"] == "nio"


def test_lan_four_teams_eight_quarters_end_to_end_with_the_debrief_pack(workshop, make_console, team_app, qtbot,
                                                                      tmp_path):
    from test_hotseat_flow import check_pack

    from app.workshop.debrief_render import DebriefRunner

    teams = ("xiaomi", "byd", "nio", "li-auto")
    c = workshop(teams=teams, mode="lan", quarters=8, team_names={"li-auto": "Team Lime"})
    console = make_console(c, "127.0.0.1")
    apps = {t: team_app(c, t) for t in teams}
    for quarter in range(8):
        label = c.view["session"]["quarter"]
        for t, window in apps.items():
            qtbot.waitUntil(lambda w=window, q=label: w.quarter == q and w.phase == "open" and w.submit_button.isEnabled(),
                            timeout=TIMEOUT_MS)
            if t in ("byd", "li-auto"):
                window.prediction.deliveries.setText(str(40_000 + 500 * quarter))
                window.prediction.profit.setText("-800")
                window.prediction.rationale.setPlainText(f"{t} round {quarter + 1}")
            assert window.submit()
        qtbot.waitUntil(lambda: all(submitted(c, t) for t in teams) and all(c.view["predicted"][t]
                                                                             for t in ("byd", "li-auto")),
                        timeout=TIMEOUT_MS)
        if quarter == 2:
            assert c.control("inject", event="lithium-spike", target=None)
        resolve(qtbot, c)
        if quarter < 7:
            assert c.control("open")
    assert c.finished and not any(c.session.defaulted)
    qtbot.waitUntil(lambda: all("finished" in w.status.text() for w in apps.values()), timeout=TIMEOUT_MS)
    assert all(len(w.view["own"]["history"]) == 8 for w in apps.values())
    runner = DebriefRunner(console, c, tmp_path / "pack", worlds=20)
    failures = []
    runner.failed.connect(failures.append)
    with qtbot.waitSignal(runner.done, timeout=TIMEOUT_MS):
        runner.run()
    assert not failures
    check_pack(tmp_path / "pack", team_names=("Team Lime",))
