"""A small blocking client of the workshop host, for team apps, facilitator tools and tests.

Requests carry an ``id``; :meth:`WorkshopClient.request` waits for the reply with that id and
keeps every other message (broadcasts such as ``round`` and ``results``) in :attr:`inbox`.
Every raw frame received is also kept in :attr:`frames` (tests check what a team was sent).
Every wait has a timeout.
"""

import itertools
import json
from contextlib import ExitStack

from websockets.exceptions import ConnectionClosed
from websockets.sync.client import connect

DEFAULT_TIMEOUT = 10.0


class HostError(Exception):
    """The host answered a request with an error; ``code`` is the protocol error code."""

    def __init__(self, code: str, message: str):
        super().__init__(f"{code}: {message}")
        self.code = code


class WorkshopClient:
    """A connection to a workshop host.

    Args:
        url: e.g. ``"ws://192.168.1.20:8765"``.
        timeout: seconds to wait for a reply or message.
        **options: passed to ``socket.create_connection`` (e.g. ``source_address``).
    """

    def __init__(self, url: str, timeout: float = DEFAULT_TIMEOUT, **options):
        self.url, self.timeout = url, timeout
        self._stack = ExitStack()  # websockets >= 17.1 wants connect() used as a context manager
        # max_queue=None: keep reading what the host sends even while the app is busy, so the
        # host never has to drop this client and closing never waits on a full queue
        self.conn = self._stack.enter_context(connect(url, open_timeout=timeout, close_timeout=2,
                                                      max_size=8 * 2**20, max_queue=None, compression=None, **options))
        self.inbox: list = []
        self.frames: list = []
        self.token: str | None = None
        self.team: str | None = None
        self.role: str | None = None
        self._ids = itertools.count(1)

    def close(self) -> None:
        """Close the connection (idempotent)."""
        self._stack.close()

    def __enter__(self) -> "WorkshopClient":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def send_raw(self, frame) -> None:
        """Send a frame as is (tests use it for malformed input)."""
        self.conn.send(frame)

    def receive(self, timeout: float | None = None) -> dict:
        """The next message from the host (TimeoutError when none arrives in time)."""
        frame = self.conn.recv(timeout=self.timeout if timeout is None else timeout)
        self.frames.append(frame)
        return json.loads(frame)

    def wait_for(self, kind: str, timeout: float | None = None) -> dict:
        """Return the first message of type ``kind`` from the inbox or the connection."""
        for i, message in enumerate(self.inbox):
            if message.get("type") == kind:
                return self.inbox.pop(i)
        while True:
            message = self.receive(timeout)
            if message.get("type") == kind:
                return message
            self.inbox.append(message)

    def request(self, message: dict, timeout: float | None = None) -> dict:
        """Send ``message`` with a fresh id and return the reply (HostError for an error reply)."""
        ident = next(self._ids)
        self.conn.send(json.dumps({**message, "id": ident}, allow_nan=False))
        while True:
            reply = self.receive(timeout)
            if reply.get("re") == ident:
                if reply.get("type") == "error":
                    raise HostError(reply.get("code", "?"), reply.get("message", ""))
                return reply
            self.inbox.append(reply)

    # ---- team and facilitator calls -----------------------------------------------------------
    def join(self, code: str) -> dict:
        """Exchange a join code for a token; returns the welcome (with the first view)."""
        welcome = self.request({"type": "join", "code": code})
        self.token, self.team, self.role = welcome.get("token"), welcome.get("team"), welcome.get("role")
        return welcome

    def resume(self, token: str) -> dict:
        """Reconnect with a token kept from an earlier join."""
        welcome = self.request({"type": "resume", "token": token})
        self.token, self.team, self.role = token, welcome.get("team"), welcome.get("role")
        return welcome

    def view(self) -> dict:
        """The team's current view."""
        return self.request({"type": "view"})["view"]

    def submit(self, decision: dict) -> dict:
        """Submit (or resubmit) the team's sealed decision for the open round."""
        return self.request({"type": "submit", "decision": decision})

    def predict(self, deliveries: float, operating_profit_cny: float, rationale: str = "") -> dict:
        """Record the team's forecast of its own quarter."""
        return self.request({"type": "predict", "prediction": {
            "deliveries": deliveries, "operating_profit_cny": operating_profit_cny, "rationale": rationale}})

    def suggest(self) -> dict:
        """An AI draft of the team's decision."""
        return self.request({"type": "suggest"})["decision"]

    def status(self) -> dict:
        """Facilitator: the console view."""
        return self.request({"type": "status"})["view"]

    def control(self, action: str, **args) -> dict:
        """Facilitator: run a control action; returns its result."""
        return self.request({"type": "control", "action": action, **args})["result"]

    def ping(self) -> None:
        """Round trip to check the connection."""
        self.request({"type": "ping"})

    def wait_closed(self, timeout: float | None = None) -> int | None:
        """Read until the host closes the connection; return its close code (TimeoutError if it
        stays open). Messages read meanwhile go to :attr:`inbox`."""
        try:
            while True:
                self.inbox.append(self.receive(timeout))
        except ConnectionClosed:
            return self.conn.close_code
