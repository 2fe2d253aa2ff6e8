"""The LAN host over loopback with real websocket clients (no mocks)."""

import base64
import json
import os
import socket
import time
from dataclasses import replace

import pytest
from websockets.exceptions import ConnectionClosed

from engine.decisions import FirmDecision
from engine.game import Game
from engine.workshop.client import HostError

STRIKE = {"id": "custom-heatwave", "headline": {"en": "Heatwave cuts factory output", "zh": "高温导致工厂减产"},
          "effects": {"capacity": -0.1}, "duration": 1}


def draft(client, **changes):
    return replace(FirmDecision.from_dict(client.suggest()), **changes).to_dict()


def test_lan_join_with_a_wrong_or_used_code_fails(lan):
    host = lan()
    code = host.codes["xiaomi"]
    intruder = lan.client()
    for wrong in ("AAAAAA", "", code[::-1] if code[::-1] != code else "ZZZZZZ"):
        with pytest.raises(HostError) as err:
            intruder.join(wrong)
        assert err.value.code == "forbidden"
    with pytest.raises(HostError) as err:
        intruder.view()
    assert err.value.code == "forbidden"
    team = lan.client()
    assert team.join(code.lower())["team"] == "xiaomi"        # codes are case-insensitive
    with pytest.raises(HostError):
        lan.client().join(code)                                # and single use
    assert host.connected()["xiaomi"] == 1


def test_lan_host_closes_a_connection_after_repeated_failed_joins(lan):
    lan()
    guesser = lan.client()
    for _ in range(4):
        with pytest.raises(HostError):
            guesser.join("BADBAD")
    with pytest.raises((HostError, ConnectionClosed)):
        guesser.join("BADBAD")
    assert guesser.wait_closed() == 1008


def test_lan_team_cannot_submit_as_another_team(lan):
    host = lan()
    a, b = lan.team("xiaomi"), lan.team("byd")
    before = json.dumps(host.snapshot(), sort_keys=True)
    decision = b.suggest()
    for message in ({"type": "submit", "team": "byd", "decision": decision},
                    {"type": "submit", "decision": decision},                      # byd's models, from xiaomi
                    {"type": "submit", "decision": {**decision, "team": "byd"}},
                    {"type": "join", "code": host.codes.get("byd") or "X"}):
        with pytest.raises(HostError):
            a.request(message)
    assert json.dumps(host.snapshot(), sort_keys=True) == before
    assert host.status()["submissions"] == {"xiaomi": {"submitted": False, "at": None},
                                           "byd": {"submitted": False, "at": None}}


def test_lan_frames_to_a_team_never_contain_another_teams_pending_decision(lan):
    lan(teams=("xiaomi", "byd", "nio"))
    a, b, c = lan.team("xiaomi"), lan.team("byd"), lan.team("nio")
    facilitator = lan.facilitator()
    secret_a = draft(a, marketing_budget=987_654_321.0, autonomy_budget=123_456_789.0, capacity_order=31_415.0)
    secret_c = draft(c, marketing_budget=555_444_333.0)
    a.submit(secret_a)
    a.submit(draft(a, marketing_budget=987_654_321.0, autonomy_budget=123_456_789.0, capacity_order=31_415.0,
                   charging_budget=271_828_182.0))
    c.submit(secret_c)
    b.view()
    b.submit(draft(b))
    b.predict(400_000, 1e9, "steady")
    status = facilitator.status()
    assert {t: v["submitted"] for t, v in status["submissions"].items()} == {"xiaomi": True, "byd": True, "nio": True}
    facilitator.control("lock")
    b.wait_for("round")
    before_resolution = len(b.frames)
    result = facilitator.control("resolve")
    b.wait_for("results")
    b.view()
    assert result["quarter"] == "2024Q1"
    sealed = b.frames[:before_resolution]
    assert len(sealed) >= 5                                   # welcome, view, submitted, predicted, round
    for frame in sealed:                                      # nothing of a pending decision before resolution
        for value in ("987654321", "123456789", "31415", "271828182", "555444333"):
            assert value not in frame
    for frame in b.frames:                                    # budgets stay private after it too; the
        for value in ("987654321", "123456789", "271828182", "555444333"):   # ordered capacity is then public
            assert value not in frame
    assert any('"capacity_pipeline":31415.0' in frame for frame in b.frames[before_resolution:])
    assert any("987654321" in f for f in a.frames) and not any("987654321" in f for f in facilitator.frames)


@pytest.mark.parametrize("frame, code", [
    ("not json", "bad-json"), ("[1, 2]", "bad-message"), ('"submit"', "bad-message"),
    ('{"type": "bogus"}', "bad-message"), ('{"type": "submit"}', "bad-message"),
    ('{"type": "submit", "decision": {"shifts": NaN}}', "bad-json"),
    ('{"type": "submit", "decision": {"marketing_budget": Infinity}}', "bad-json"),
    ('{"type": "submit", "decision": {"marketing_budget": -Infinity}}', "bad-json"),
    ('{"type": "submit", "decision": {"marketing_budget": 1e999}}', "bad-json"),
    ('{"type": "submit", "type": "view"}', "bad-json"),
    ('{"type": "submit", "decision": {"shifts": 7}}', "invalid"),
    ('{"type": "submit", "decision": {"wings": 2}}', "invalid"),
    ('{"type": "submit", "decision": [1]}', "bad-message"),
    ('{"type": "predict", "prediction": {"deliveries": true, "operating_profit_cny": 0}}', "invalid"),
    ('{"type": "control", "action": "resolve"}', "forbidden"),
    ('{"type": "view", "id": {"x": 1}}', "bad-message"),
    ("[" * 5000 + "]" * 5000, "bad-json"),
    ('{"type": "submit", "decision": {"prices": {"su7": {"a": {"b": {"c": {"d": {"e": {"f": 1}}}}}}}}}', "bad-message"),
    ('{"type": "submit", "decision": {"launches": ["' + "y" * 3000 + '"]}}', "invalid"),
    ("x" * 20_000, "too-large"),
    (b"\x00\xffbinary", "bad-frame"),
])
def test_lan_malformed_oversized_and_nan_messages_get_errors_and_change_nothing(lan, frame, code):
    host = lan()
    a = lan.team("xiaomi")
    before = json.dumps(host.snapshot(), sort_keys=True)
    a.send_raw(frame)
    reply = a.wait_for("error")
    assert reply["code"] == code, reply
    assert "\n" not in reply["message"]
    assert json.dumps(host.snapshot(), sort_keys=True) == before
    a.ping()                                                   # the connection is still usable


def test_lan_host_survives_garbage_huge_frames_and_disconnects(lan):
    host = lan()
    raw = socket.create_connection(("127.0.0.1", host.port), timeout=5)
    raw.sendall(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n" + bytes(range(256)) * 4)
    raw.recv(1024)
    raw.close()
    half = socket.create_connection(("127.0.0.1", host.port), timeout=5)
    half.sendall(b"\x16\x03\x01garbage")
    half.close()
    big = lan.team("xiaomi")
    big.send_raw("y" * 100_000)                                # over the hard cap: closed with 1009
    assert big.wait_closed() == 1009
    dropped = lan.team("byd")
    dropped.conn.close_socket()                                 # vanish without a closing handshake
    b = lan.client()
    with pytest.raises(HostError):
        b.join("NOPE00")
    fac = lan.facilitator()
    assert fac.status()["session"]["phase"] == "open"


def test_lan_rate_limit_answers_with_errors_and_changes_nothing(lan):
    host = lan(host_options={"rate": 2.0, "burst": 4.0})
    a = lan.team("xiaomi")                                     # the join used one token
    before = json.dumps(host.snapshot(), sort_keys=True)
    for i in range(12):
        a.send_raw(json.dumps({"type": "predict", "id": i, "prediction": {"deliveries": i, "operating_profit_cny": 0}}))
    replies = [a.receive() for _ in range(12)]
    limited = [r for r in replies if r.get("code") == "rate-limited"]
    accepted = [r for r in replies if r["type"] == "predicted"]
    assert len(accepted) <= 4 and len(limited) >= 8
    assert {r["re"] for r in limited}.isdisjoint({r["re"] for r in accepted})
    latest = host.snapshot()["predictions"]
    assert [p["deliveries"] for p in latest] == [float(accepted[-1]["prediction"]["deliveries"])]
    assert json.loads(before)["predictions"] == []
    time.sleep(0.6)
    a.ping()                                                   # refilled


def test_lan_dropped_client_reconnects_with_its_token_and_continues(lan):
    host = lan(host_options={"auto": True})
    a, b = lan.team("xiaomi"), lan.team("byd")
    token = a.token
    submitted = draft(a, marketing_budget=4.5e8)
    a.submit(submitted)
    a.conn.close_socket()                                       # the laptop's Wi-Fi drops
    again = lan.client()
    welcome = again.resume(token)
    assert welcome["team"] == "xiaomi" and "token" not in welcome
    assert welcome["view"]["draft"] == FirmDecision.from_dict(submitted).to_dict()
    again.submit(draft(again, marketing_budget=5e8))
    b.submit(draft(b))
    results = again.wait_for("results")
    assert results["quarter"] == "2024Q1"
    assert results["view"]["own"]["decisions"][0]["decision"]["marketing_budget"] == 5e8
    assert again.wait_for("round")["phase"] in ("resolved", "open")
    assert host.session.resolved == 1


def test_lan_reissued_access_revokes_the_old_token(lan):
    host = lan()
    a = lan.team("xiaomi")
    old_token, old_code = a.token, None
    fac = lan.facilitator()
    result = fac.control("reissue", team="xiaomi")
    assert result["team"] == "xiaomi" and result["code"] == host.codes["xiaomi"]
    assert a.wait_for("revoked")["message"]
    assert a.wait_closed() == 4001
    with pytest.raises(HostError) as err:
        lan.client().resume(old_token)
    assert err.value.code == "forbidden"
    fresh = lan.client()
    assert fresh.join(result["code"])["team"] == "xiaomi" and fresh.token != old_token
    with pytest.raises(HostError):
        fac.control("reissue", team="tesla")
    assert old_code is None


def test_lan_quarters_resolve_identically_to_a_local_game(lan, scenario):
    host = lan(teams=("xiaomi", "byd", "li-auto"), seed=5, host_options={"auto": True})
    clients = {t: lan.team(t) for t in ("xiaomi", "byd", "li-auto")}
    fac = lan.facilitator()
    local = Game.new(scenario, 5, human=("xiaomi", "byd", "li-auto"))
    for q in range(3):
        decisions = {t: replace(local.suggest(t), marketing_budget=3e8 + 1e8 * q) for t in clients}
        injected = ()
        if q == 1:
            fac.control("inject", event="lithium-slump")
            fac.control("inject", event=STRIKE, target="byd")
            injected = (("lithium-slump", None), (host.session.injections[1][0], "byd"))
        for team, client in clients.items():
            client.submit(decisions[team].to_dict())
        for client in clients.values():
            client.wait_for("results")
        record = local.play_quarter(decisions, injected=injected)
        assert fac.status()["hashes"][q] == record.state_hash
    news = clients["xiaomi"].view()["news"]
    assert {"lithium-slump", "custom-heatwave"} <= {n["id"] for n in news}


def test_lan_facilitator_round_control_and_events(lan):
    events = []
    host = lan(round_seconds=300, host_options={"on_event": lambda name, payload: events.append(name)})
    a, b = lan.team("xiaomi"), lan.team("byd")
    fac = lan.facilitator()
    deadline = fac.status()["session"]["deadline"]
    assert deadline is None or deadline > 0
    assert fac.control("extend", seconds=60)["deadline"] > time.time()
    assert b.wait_for("round")["deadline"] is not None
    fac.control("inject", event="recall", target="tesla")
    fac.control("inject", event=STRIKE)
    fac.control("withdraw", event="custom-heatwave")
    preview = fac.control("preview", event="chip-shortage", futures=16, quarters=1)
    assert preview["event"] == "chip-shortage" and len(preview["firms"]) == 7
    with pytest.raises(HostError) as err:
        fac.control("resolve")
    assert err.value.code == "round"
    a.submit(draft(a))
    fac.control("lock")
    with pytest.raises(HostError) as err:
        a.submit(draft(a))
    assert err.value.code == "round"
    fac.control("resolve")
    for team in (a, b):
        news = team.wait_for("results")["view"]["news"]
        assert "recall" in {n["id"] for n in news} and "custom-heatwave" not in {n["id"] for n in news}
    with pytest.raises(HostError) as err:
        fac.control("reopen")
    assert "discard_results" in str(err.value)
    assert fac.control("reopen", discard_results=True)["quarter"] == "2024Q1"
    assert a.wait_for("reopened")["view"]["draft"] is not None
    assert host.session.phase == "open" and host.session.resolved == 0
    with pytest.raises(HostError):
        a.request({"type": "control", "action": "lock"})
    assert {"joined", "submitted", "resolved", "phase"} <= set(events)


def test_lan_headless_auto_mode_resolves_at_the_deadline(lan):
    clock = {"now": 1000.0}
    host = lan(round_seconds=60, quarters=2,
               host_options={"auto": True, "clock": lambda: clock["now"], "tick": 0.05})
    a = lan.team("xiaomi")
    a.submit(draft(a))
    clock["now"] = 1061.0
    assert a.wait_for("results")["quarter"] == "2024Q1"
    assert host.session.defaulted == [("byd",)]
    clock["now"] = 2000.0
    assert a.wait_for("finished")["leaderboard"]
    assert host.finished.wait(5)


def raw_websocket(port: int, rcvbuf: int = 2048) -> socket.socket:
    """A hand-made websocket client with a tiny receive buffer that we never read from."""
    sock = socket.socket()
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, rcvbuf)
    sock.settimeout(5)
    sock.connect(("127.0.0.1", port))
    key = base64.b64encode(os.urandom(16)).decode()
    sock.sendall(f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                 f"Sec-WebSocket-Key: {key}\r\nSec-WebSocket-Version: 13\r\n\r\n".encode())
    head = b""
    while b"\r\n\r\n" not in head:
        head += sock.recv(1)
    assert b" 101 " in head.split(b"\r\n")[0]
    return sock


def send_text(sock: socket.socket, text: str) -> None:
    payload, mask = text.encode(), os.urandom(4)
    assert len(payload) < 126
    sock.sendall(bytes([0x81, 0x80 | len(payload)]) + mask + bytes(b ^ mask[i % 4] for i, b in enumerate(payload)))


def test_lan_client_that_stops_reading_is_dropped_without_blocking_the_host(lan):
    host = lan(host_options={"send_timeout": 0.5, "outbox": 10**7})  # the send blocks before the outbox fills
    sleeper = raw_websocket(host.port)
    try:
        send_text(sleeper, json.dumps({"type": "join", "code": host.codes["xiaomi"]}))
        start = time.monotonic()
        while host.connected()["xiaomi"] == 0 and time.monotonic() - start < 5:
            time.sleep(0.01)
        assert host.connected()["xiaomi"] == 1
        worst, start = 0.0, time.monotonic()
        while host.connected()["xiaomi"] and time.monotonic() - start < 30:
            t = time.monotonic()
            host.control("extend", seconds=1)                   # a broadcast to everyone, every time
            worst = max(worst, time.monotonic() - t)
        assert host.connected()["xiaomi"] == 0
        assert worst < 1.0
    finally:
        sleeper.close()
    b = lan.team("byd")
    b.submit(draft(b))
    assert host.status()["submissions"]["byd"]["submitted"]


def test_lan_four_teams_eight_quarters_end_to_end(lan, scenario):
    teams = ("xiaomi", "byd", "nio", "xpeng")
    host = lan(teams=teams, seed=9, quarters=8, round_seconds=5400, host_options={"auto": True})
    clients = {t: lan.team(t) for t in teams}
    fac = lan.facilitator()
    local = Game.new(scenario, 9, human=teams)
    for q in range(8):
        injected = ()
        if q == 3:
            fac.control("inject", event=STRIKE, target="nio")
            injected = ((host.session.injections[0][0], "nio"),)
        decisions = {t: replace(local.suggest(t), marketing_budget=2e8 * (1 + q % 3)) for t in teams}
        for team, client in clients.items():
            client.predict(50_000, -5e8, f"quarter {q}")
            client.submit(decisions[team].to_dict())
        views = {t: c.wait_for("results")["view"] for t, c in clients.items()}
        expected = local.play_quarter(decisions, injected=injected).state_hash
        assert host.status()["hashes"][q] == expected
        assert all(v["session"]["resolved"] == q + 1 for v in views.values())
    for client in clients.values():
        assert client.wait_for("finished")["leaderboard"]
    assert host.finished.wait(5) and host.session.phase == "finished"
    scores = views["byd"]["predictions"]
    assert len(scores["quarters"]) == 8 and scores["mean_score"] is not None
    assert "custom-heatwave" in {n["id"] for n in views["xpeng"]["news"]}


def test_lan_reopen_without_the_flag_answers_with_the_warning_and_changes_nothing(lan):
    host = lan()
    a = lan.team("xiaomi")
    fac = lan.facilitator()
    a.submit(draft(a))
    fac.control("lock")
    fac.control("resolve")
    before = json.dumps(host.snapshot(), sort_keys=True)
    for flag in ({}, {"discard_results": False}):
        with pytest.raises(HostError) as err:
            fac.control("reopen", **flag)
        assert err.value.code == "round"
        assert "reopening 2024Q1 discards its results, which teams may already have seen" in str(err.value)
        assert json.dumps(host.snapshot(), sort_keys=True) == before
    assert fac.control("reopen", discard_results=True)["warning"].startswith("reopening 2024Q1 discards")
