"""One connection of the workshop host: who it is, its rate limit, and an outbox drained by its
own writer thread (so sending never blocks the host); and which connections the host admits."""

import logging
import queue
import socket
import struct
import sys
import threading

from websockets.exceptions import ConnectionClosed

from . import protocol

log = logging.getLogger(__name__)
OUTBOX = 256
CLOSE_POLICY = 1008
CLOSE_TOO_MANY = 1013


class Peer:
    """One connection: identity, remote address, rate limit and an outbox drained by a writer thread."""

    def __init__(self, conn, limit, outbox: int = OUTBOX, address: str = "", opened: float = 0.0):
        self.conn = conn
        self.address, self.opened = address, opened   # remote IP address; when it connected (monotonic)
        self.role, self.team = None, None
        self.limit = limit
        self.failed_joins = self.strikes = 0
        self.outbox: queue.Queue = queue.Queue(maxsize=outbox)
        self.closing = False
        self.writer = threading.Thread(target=self._write, name="workshop-writer", daemon=True)

    def send(self, message: dict) -> None:
        """Queue a message; a client that lets its outbox fill up is disconnected."""
        if self.closing:
            return
        try:
            self.outbox.put_nowait(protocol.dumps(message))
        except queue.Full:
            self.close(CLOSE_POLICY, "not reading messages")

    def close(self, code: int, reason: str) -> None:
        """Close after the messages already queued (drops them if the outbox is full)."""
        if self.closing:
            return
        self.closing = True
        while True:
            try:
                self.outbox.put_nowait((code, reason))
                return
            except queue.Full:
                self.outbox.get_nowait()

    def finish(self) -> None:
        """After the connection ended: stop the writer (a pending close still goes out first)."""
        if not self.closing:
            self.closing = True
            while True:
                try:
                    self.outbox.put_nowait(None)
                    break
                except queue.Full:
                    self.outbox.get_nowait()
        self.writer.join(timeout=5)

    def _write(self) -> None:
        while True:
            item = self.outbox.get()
            try:
                if item is None:
                    return
                if isinstance(item, tuple):
                    self.conn.close(*item)
                    return
                self.conn.send(item)
            except (ConnectionClosed, OSError, RuntimeError):
                return


def limit_send_time(sock, seconds: float) -> None:
    """Make a blocked send fail after ``seconds`` (SO_SNDTIMEO), so a client that stops reading
    cannot hold a connection's lock (and the server's shutdown) forever. Receiving is unaffected."""
    whole = int(seconds)
    value = (struct.pack("I", int(seconds * 1000)) if sys.platform == "win32"
             else struct.pack("ll", whole, int((seconds - whole) * 1e6)))
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDTIMEO, value)
    except OSError:  # not supported here: fall back to blocking sends
        log.warning("workshop host: cannot set a send timeout on this platform")


def admit(peers: set, peer: Peer, max_connections: int, max_unjoined_per_address: int) -> str | None:
    """Add ``peer`` to ``peers`` (the host's, under its lock), or return why it is refused.

    At most ``max_unjoined_per_address`` connections from one remote address may be waiting to
    join. When ``max_connections`` are open, the oldest connection that has not joined yet is
    closed (1013) to make room, so connections that never join cannot keep a team or the
    facilitator out; only when every open connection has joined is the new one refused.
    """
    live = [p for p in peers if not p.closing]
    waiting = [p for p in live if p.role is None]
    if sum(p.address == peer.address for p in waiting) >= max_unjoined_per_address:
        return "too many connections from this address"
    if len(live) >= max_connections:
        if not waiting:
            return "too many connections"
        oldest = min(waiting, key=lambda p: p.opened)
        oldest.close(CLOSE_TOO_MANY, "too many connections")
        peers.discard(oldest)
    peers.add(peer)
    return None


def address_of(conn) -> str:
    """The remote IP address of a connection ("" if the socket does not say)."""
    address = getattr(conn, "remote_address", None)
    if isinstance(address, tuple) and address:
        return str(address[0])
    return str(address or "")
