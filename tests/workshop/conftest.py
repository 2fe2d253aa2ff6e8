"""Workshop tests: sessions, a real LAN host on an ephemeral loopback port, real clients.

Every receive has a timeout, every host and client is closed at teardown, and no Qt module may
be imported (workshop mode is headless)."""

import sys
import threading
import time

import pytest

from engine.workshop import WorkshopSession, WorkshopSettings
from engine.workshop.client import WorkshopClient
from engine.workshop.host import WorkshopHost

TIMEOUT = 5.0


@pytest.fixture(autouse=True)
def no_qt_imported():
    """Workshop code never imports Qt, pyqtgraph or app/."""
    before = {m for m in sys.modules if m.startswith(("PySide6", "pyqtgraph", "app."))}
    yield
    after = {m for m in sys.modules if m.startswith(("PySide6", "pyqtgraph", "app."))}
    assert after <= before, f"workshop test imported Qt or the app: {sorted(after - before)[:3]}"


@pytest.fixture
def make_session(scenario):
    """``make_session(teams=("xiaomi", "byd"), **settings)`` -> a new WorkshopSession."""
    def make(teams=("xiaomi", "byd"), now=None, **kwargs):
        kwargs.setdefault("seed", 7)
        return WorkshopSession(scenario, WorkshopSettings(teams=tuple(teams), **kwargs), now=now)
    return make


@pytest.fixture
def lan(make_session):
    """``lan(teams=..., auto=False, host options..., **settings)`` -> a started host; plus
    ``lan.client()`` for clients. Everything is stopped and closed at teardown."""
    hosts, clients = [], []

    class Lan:
        host = None

        def __call__(self, teams=("xiaomi", "byd"), host_options=None, **settings):
            session = make_session(teams, **settings)
            self.host = WorkshopHost(session, "127.0.0.1", 0, **(host_options or {})).start()
            hosts.append(self.host)
            return self.host

        @property
        def url(self):
            return f"ws://127.0.0.1:{self.host.port}"

        def client(self, source=None):
            """A new connection, from the loopback address ``source`` (e.g. ``"127.0.0.2"``,
            another machine as far as the host can tell) if given."""
            options = {"source_address": (source, 0)} if source else {}
            c = WorkshopClient(self.url, timeout=TIMEOUT, **options)
            clients.append(c)
            return c

        def team(self, firm, source=None):
            c = self.client(source)
            c.join(self.host.codes[firm])
            return c

        def facilitator(self, source=None):
            c = self.client(source)
            c.join(self.host.facilitator_code)
            return c

    yield Lan()
    for c in clients:
        c.close()
    for h in hosts:
        h.stop()
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline and _host_threads():
        time.sleep(0.01)
    assert not _host_threads(), "the host left threads running"


def _host_threads():
    return [t.name for t in threading.enumerate() if t.name.startswith("workshop-") and t.is_alive()]
