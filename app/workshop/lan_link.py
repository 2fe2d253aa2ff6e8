"""A team's connection to a workshop host, in its own thread, bridged to the GUI by signals.

:class:`TeamLink` runs a :class:`~engine.workshop.client.WorkshopClient` in a :class:`QThread`:
it joins with a code (or resumes with a token), then sends the requests the GUI queues with
:meth:`TeamLink.request` and receives the host's replies and broadcasts, which it re-emits as
signals (queued to the GUI thread: the network thread never touches a widget). A dropped
connection is retried with the token, with a growing pause, until :meth:`TeamLink.stop`; a
refused code or a revoked token ends the link. Every wait has a timeout.
"""

import json
import logging
import queue
import threading

from PySide6.QtCore import QObject, QSettings, QThread, Signal
from websockets.exceptions import ConnectionClosed

from engine.workshop.client import HostError, WorkshopClient

log = logging.getLogger(__name__)

CONNECT_TIMEOUT = 5.0
POLL_SECONDS = 0.1
BACKOFF_FIRST, BACKOFF_MAX = 0.3, 5.0
CLOSE_REVOKED = 4001
DEFAULT_PORT = 8765
CONNECTING, CONNECTED, RECONNECTING, REFUSED, REVOKED, CLOSED = (
    "connecting", "connected", "reconnecting", "refused", "revoked", "closed")


class _Runner(QThread):
    """A QThread running one function."""

    def __init__(self, fn, parent=None):
        super().__init__(parent)
        self.fn = fn
        self.setObjectName("workshop-team-link")

    def run(self):
        self.fn()


def host_url(text: str) -> str:
    """``"192.168.1.20:8765"``, ``"192.168.1.20"`` or ``"ws://…"`` -> a websocket URL."""
    text = text.strip()
    if text.startswith(("ws://", "wss://")):
        return text.rstrip("/")
    if ":" not in text.rsplit("]", 1)[-1]:
        text = f"{text}:{DEFAULT_PORT}"
    return f"ws://{text}"


def stored_access(url: str) -> tuple:
    """``(token, team)`` kept from the last join to ``url`` (Nones when there is none)."""
    store = QSettings()
    key = "workshop/" + url.replace("/", "_")
    return store.value(f"{key}/token") or None, store.value(f"{key}/team") or None


def store_access(url: str, token: str | None, team: str | None) -> None:
    """Keep (or, with None, forget) the token for reconnecting to ``url``."""
    store = QSettings()
    key = "workshop/" + url.replace("/", "_")
    if token:
        store.setValue(f"{key}/token", token)
        store.setValue(f"{key}/team", team or "")
    else:
        store.remove(key)
    store.sync()


class TeamLink(QObject):
    """A team's link to the host (see the module docstring).

    Args:
        url: the host's websocket URL.
        code: a join code (first join), or None to resume with ``token``.
        token: a token from an earlier join.
    """

    welcomed = Signal(object)              # the welcome message (role, team, view, token)
    viewChanged = Signal(object)           # a team view (after results, a reopen or a view request)
    roundChanged = Signal(object)          # {"phase", "quarter", "deadline", "resolved"}
    replied = Signal(int, object)          # request id, reply
    refused = Signal(int, str, str)        # request id, error code, message
    finished = Signal(object)              # the final leaderboard
    stateChanged = Signal(str, str)        # state, detail

    def __init__(self, url: str, code: str | None = None, token: str | None = None, parent=None):
        super().__init__(parent)
        self.url, self.code, self.token = url, code, token
        self.team = None
        self.state = CONNECTING
        self._outbox: queue.Queue = queue.Queue()
        self._stop = threading.Event()
        self._drop = threading.Event()
        self._ids = iter(range(1, 2**31))
        self._id_lock = threading.Lock()
        self.thread = _Runner(self._run, self)
        self.stateChanged.connect(self._remember_state)

    def _remember_state(self, state: str, _detail: str) -> None:
        self.state = state

    # ---- GUI side -----------------------------------------------------------------------------------
    def start(self) -> "TeamLink":
        """Connect in the background."""
        self.thread.start()
        return self

    def request(self, kind: str, **payload) -> int:
        """Queue a request (``submit``, ``predict``, ``suggest``, ``view``, ``ping``); return its id.

        The reply arrives as :attr:`replied` (or :attr:`refused`) with that id.
        """
        with self._id_lock:
            ident = next(self._ids)
        self._outbox.put({"type": kind, "id": ident, **payload})
        return ident

    def reconnect(self) -> None:
        """Drop the current connection now and reconnect with the token (as after a network drop)."""
        self._drop.set()

    def stop(self, timeout_ms: int = 5000) -> None:
        """Close the connection and end the thread (waits at most ``timeout_ms``)."""
        self._stop.set()
        if self.thread.isRunning():
            self.thread.wait(timeout_ms)

    # ---- network thread ---------------------------------------------------------------------------
    def _run(self) -> None:
        pause = BACKOFF_FIRST
        while not self._stop.is_set():
            try:
                client = WorkshopClient(self.url, timeout=CONNECT_TIMEOUT)
            except Exception as exc:  # noqa: BLE001 - refused, unreachable, bad URL: try again later
                self.stateChanged.emit(RECONNECTING if self.token else CONNECTING, str(exc) or type(exc).__name__)
                if self._stop.wait(pause):
                    break
                pause = min(pause * 2, BACKOFF_MAX)
                continue
            try:
                if not self._hello(client):
                    return
                pause = BACKOFF_FIRST
                ended = self._serve(client)
            finally:
                client.close()
            if ended:
                return
            self.stateChanged.emit(RECONNECTING, "")
            if self._stop.wait(pause):
                break
        self.stateChanged.emit(CLOSED, "")

    def _hello(self, client) -> bool:
        """Join or resume; False when the host refuses (the link ends)."""
        try:
            welcome = client.resume(self.token) if self.token else client.join(self.code)
        except HostError as exc:
            self.stateChanged.emit(REVOKED if self.token else REFUSED, str(exc).split(": ", 1)[-1])
            self.stateChanged.emit(CLOSED, "")
            return False
        except (ConnectionClosed, TimeoutError, OSError) as exc:
            self.stateChanged.emit(RECONNECTING, str(exc))
            return True if self.token else self._retry_code()
        self.token = client.token or self.token
        self.team = welcome.get("team")
        self.stateChanged.emit(CONNECTED, self.team or "")
        self.welcomed.emit({**welcome, "token": self.token})
        self.viewChanged.emit(welcome["view"])
        return True

    def _retry_code(self) -> bool:
        return not self._stop.is_set()

    def _serve(self, client) -> bool:
        """Exchange messages until the connection drops (False) or the link must end (True)."""
        if self.team is None:
            return False
        while not self._stop.is_set():
            if self._drop.is_set():
                self._drop.clear()
                return False
            try:
                while True:
                    client.conn.send(json.dumps(self._outbox.get_nowait(), allow_nan=False))
            except queue.Empty:
                pass
            except (ConnectionClosed, OSError):
                return False
            try:
                message = client.receive(timeout=POLL_SECONDS)
            except TimeoutError:
                continue
            except ConnectionClosed:
                if client.conn.close_code == CLOSE_REVOKED:
                    self.stateChanged.emit(REVOKED, "")
                    self.stateChanged.emit(CLOSED, "")
                    return True
                return False
            except (OSError, ValueError):
                return False
            client.frames.clear()
            if self._dispatch(message):
                self.stateChanged.emit(CLOSED, "")
                return True
        client.close()
        self.stateChanged.emit(CLOSED, "")
        return True

    def _dispatch(self, m: dict) -> bool:
        """Re-emit one message from the host; True when the link must end (access revoked)."""
        kind = m.get("type")
        if "re" in m and isinstance(m["re"], int):
            if kind == "error":
                self.refused.emit(m["re"], str(m.get("code", "")), str(m.get("message", "")))
            else:
                self.replied.emit(m["re"], m)
                if kind == "view":
                    self.viewChanged.emit(m["view"])
        elif kind in ("results", "reopened"):
            self.viewChanged.emit(m["view"])
        elif kind == "round":
            self.roundChanged.emit(m)
        elif kind == "finished":
            self.finished.emit(m.get("leaderboard"))
        elif kind == "revoked":
            self.token = None
            self.stateChanged.emit(REVOKED, str(m.get("message", "")))
            return True
        return False
