"""The LAN host against connections that never join and join-code guessing (real websockets over
loopback; other loopback addresses such as 127.0.0.2 stand for other machines)."""

import pytest
from websockets.exceptions import ConnectionClosed

from engine.workshop.client import HostError
from engine.workshop.host import JOIN_GRACE


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def idle(lan, source):
    """A connection that never joins, once the host has admitted (a ping answered) or refused it."""
    client = lan.client(source)
    try:
        client.ping()
    except ConnectionClosed:
        pass
    return client


def test_lan_host_closes_connections_that_do_not_join_within_the_grace_period(lan):
    assert JOIN_GRACE == 10.0
    lan(host_options={"join_grace": 0.3})
    team = lan.team("xiaomi")
    idle = lan.client()                           # opened after the team joined
    chatty = lan.client()
    chatty.ping()                                 # talking without joining does not keep it open
    assert idle.wait_closed() == 1008
    assert chatty.wait_closed() == 1008
    assert idle.conn.close_reason == "no join within 0.3 s"
    team.ping()                                   # a joined connection is not timed out
    assert team.view()["team"] == "xiaomi"


def test_lan_idle_connections_cannot_lock_out_a_team_or_the_facilitator(lan):
    host = lan(host_options={"max_connections": 6, "join_grace": 60})
    junk = [idle(lan, "127.0.0.1") for _ in range(6)]           # one at a time: each is admitted or refused
    assert [j.conn.close_code for j in junk] == [None] * 4 + [1013, 1013]    # 4 waiting per address at most
    assert junk[4].conn.close_reason == "too many connections from this address"
    more = [idle(lan, "127.0.0.3") for _ in range(4)]           # a second machine fills the slots
    assert [m.conn.close_code for m in more] == [None] * 4
    team = lan.team("xiaomi", source="127.0.0.2")
    facilitator = lan.facilitator(source="127.0.0.2")
    assert [j.wait_closed() for j in junk[:4]] == [1013] * 4     # the oldest idle ones made room
    team.submit(team.suggest())
    assert facilitator.status()["submissions"]["xiaomi"]["submitted"]
    assert host.connected() == {"xiaomi": 1, "byd": 0, "facilitator": 1}
    for m in more:
        m.ping()                                  # the newer idle ones were left alone


def test_lan_failed_joins_are_throttled_per_address_across_reconnects(lan):
    clock = FakeClock()
    host = lan(host_options={"join_failures_per_address": 6, "monotonic": clock})
    code = host.codes["xiaomi"]
    first = lan.client()
    for _ in range(4):
        with pytest.raises(HostError) as err:
            first.join("BADBAD")
        assert err.value.code == "forbidden"
    first.close()
    second = lan.client()                         # reconnecting does not reset the count
    for guess in ("BADBA2", "BADBA3"):
        with pytest.raises(HostError):
            second.join(guess)
    with pytest.raises(HostError) as err:
        second.join(code)                         # even the right code: no guessing while throttled
    assert err.value.code == "rate-limited" and "try again in 60 s" in str(err.value)
    assert second.wait_closed() == 1008
    assert host.codes["xiaomi"] == code           # the code was not used
    with pytest.raises(HostError) as err:
        lan.client().resume("x" * 32)
    assert err.value.code == "rate-limited"
    assert lan.team("xiaomi", source="127.0.0.2").team == "xiaomi"   # other machines are not held up
    clock.now += 60
    assert lan.team("byd").team == "byd"          # the window passed
