"""The workshop LAN host: a :class:`WorkshopSession` served over websockets (threaded server).

Each connection runs in its own server thread and has its own writer thread fed by a bounded
outbox, so a slow or stuck client never blocks the session, other clients or the facilitator's
calls. Every change to the session happens under one lock; callbacks (``on_event``) are called
after it is released, from whichever thread made the change (a Qt adapter re-emits them as
queued signals). The host reads the clock only for deadlines and rate limits; the simulation
never sees it. See ``docs/workshop-protocol.md``.
"""

import logging
import math
import threading
import time

from websockets.exceptions import ConnectionClosed
from websockets.sync.server import serve

from ..errors import ClosedLoopError
from . import protocol
from .access import FACILITATOR, TEAM, AccessTable, JoinThrottle, RateLimit
from .peer import CLOSE_POLICY, CLOSE_TOO_MANY, OUTBOX, Peer, address_of, admit, limit_send_time
from .protocol import ProtocolError
from .session import FINISHED, LOCKED, OPEN, RESOLVED
from .settings import WorkshopError

log = logging.getLogger(__name__)
MAX_FAILED_JOINS = 5
MAX_STRIKES = 50
CLOSE_REVOKED = 4001
JOIN_GRACE = 10.0                 # seconds a connection has to join or resume
MAX_UNJOINED_PER_ADDRESS = 4      # connections not yet joined, per remote address
JOIN_FAILURES_PER_ADDRESS = 10    # failed joins per remote address ...
JOIN_FAILURE_WINDOW = 60.0        # ... in this many seconds


class WorkshopHost:
    """Serve ``session`` to teams and facilitators on ``bind``:``port`` (0 = any free port).

    Args:
        session: the :class:`~engine.workshop.session.WorkshopSession`.
        bind, port: where to listen.
        auto: resolve a round as soon as every team has submitted or its deadline passes, then
            open the next one (the headless host); otherwise the facilitator drives the rounds.
        lock_at_deadline: lock the open round when its deadline passes (when not ``auto``).
        on_event: ``callback(name, payload)`` after every change (see the protocol document), and
            ``("previewing", {"done", "total"})`` while a facilitator's preview runs.
        rate, burst: per-connection message rate limit (messages/second, bucket size).
        max_connections: when this many are open, a new connection takes the place of the oldest
            one that has not joined yet, or is closed with 1013 if every one has joined.
        join_grace: seconds a connection has to join (or resume) before it is closed (1008).
        max_unjoined_per_address: connections from one remote address that have not joined yet;
            a further one is closed at once (1013), so one machine cannot take every slot.
        join_failures_per_address, join_failure_window: failed joins (and resumes) allowed per
            remote address in the window (seconds), whatever connections they came on; beyond
            them every join from that address is refused (``rate-limited``, then closed, 1008).
        clock: wall clock for deadlines (seconds); monotonic: clock for rate limits and the
            failed-join window.
        tick: how often (seconds) deadlines are checked.
        send_timeout: a client that accepts no data for this long is disconnected.
        outbox: messages queued per connection before a client that does not keep up is dropped.
    """

    def __init__(self, session, bind: str = "127.0.0.1", port: int = 0, *, auto: bool = False,
                 lock_at_deadline: bool = True, on_event=None, rate: float = 5.0, burst: float = 20.0,
                 max_connections: int = 64, join_grace: float = JOIN_GRACE,
                 max_unjoined_per_address: int = MAX_UNJOINED_PER_ADDRESS,
                 join_failures_per_address: int = JOIN_FAILURES_PER_ADDRESS,
                 join_failure_window: float = JOIN_FAILURE_WINDOW, clock=time.time, monotonic=time.monotonic,
                 tick: float = 0.2, send_timeout: float = 10.0, outbox: int = OUTBOX):
        self.session = session
        self.auto, self.lock_at_deadline = auto, lock_at_deadline
        self.on_event = on_event
        self.rate, self.burst, self.max_connections = rate, burst, max_connections
        self.join_grace, self.max_unjoined_per_address = join_grace, max_unjoined_per_address
        self.throttle = JoinThrottle(join_failures_per_address, join_failure_window)
        self.clock, self.monotonic, self.tick = clock, monotonic, tick
        self.send_timeout, self.outbox = send_timeout, outbox
        self.access = AccessTable(session.teams)
        self.finished = threading.Event()
        self._lock = threading.RLock()
        self._peers: set = set()
        self._events: list = []
        self._stop = threading.Event()
        self._server = serve(self._handle, bind, port, max_size=protocol.HARD_MAX_BYTES, compression=None,
                             ping_interval=20, ping_timeout=20, close_timeout=2, logger=log)
        self.port = self._server.socket.getsockname()[1]
        self._threads = [threading.Thread(target=self._server.serve_forever, name="workshop-server"),
                         threading.Thread(target=self._ticker, name="workshop-ticker")]
        if session.phase == FINISHED:
            self.finished.set()

    # ---- life cycle -----------------------------------------------------------------------
    def start(self) -> "WorkshopHost":
        """Start serving (returns at once); starts the open round's timer if it has none."""
        with self._lock:
            self.session.start_timer(self.clock())
        for thread in self._threads:
            if not thread.is_alive() and not self._stop.is_set():
                thread.start()
        return self

    def stop(self, drain_seconds: float = 2.0) -> None:
        """Deliver what is queued (up to ``drain_seconds``), close every connection, stop the
        server and join its threads (idempotent)."""
        end = time.monotonic() + drain_seconds
        while time.monotonic() < end:
            with self._lock:
                pending = any(not p.outbox.empty() for p in self._peers if not p.closing)
            if not pending:
                break
            time.sleep(0.01)
        if not self._threads[0].is_alive() and not self._stop.is_set():
            self._threads[0].start()  # shutdown() waits for serve_forever to notice
        self._stop.set()
        self._server.shutdown()
        for thread in self._threads:
            if thread.is_alive():
                thread.join()

    def __enter__(self) -> "WorkshopHost":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def codes(self) -> dict:
        """``{team: unused join code}`` (a team that joined has none until reissued)."""
        with self._lock:
            return dict(self.access.codes)

    @property
    def facilitator_code(self) -> str | None:
        """The facilitator's unused join code."""
        with self._lock:
            return self.access.facilitator_code

    # ---- facilitator API (thread-safe; the same actions as the "control" message) -----------
    def control(self, action: str, **args):
        """Run a facilitator action (lock, unlock, resolve, open, reopen, extend, inject,
        withdraw, preview, reissue) and tell everyone concerned; returns the action's result.
        A preview is validated under the lock and its forecasts run outside it."""
        try:
            with self._lock:
                result = self._control(action, args, self.clock())
            return result.run() if isinstance(result, _OutsideLock) else result
        finally:
            self._flush_events()

    def status(self) -> dict:
        """The facilitator's view (who has submitted, not what)."""
        with self._lock:
            return self.session.facilitator_view()

    def snapshot(self) -> dict:
        """The session as a JSON-ready dict (for saving)."""
        with self._lock:
            return self.session.to_dict()

    def preview_job(self, event, target=None, futures: int = 200, quarters: int = 4):
        """Validate an impact preview under the lock and return ``job(progress=None) -> dict`` to run
        outside it (see :meth:`WorkshopSession.preview_job`), so a long preview never holds up teams."""
        with self._lock:
            return self.session.preview_job(event, target, futures, quarters)

    def with_session(self, fn):
        """Call ``fn(session)`` under the host's lock and return its result (e.g. to save the session
        consistently while teams keep submitting). ``fn`` must be quick and must not change it."""
        with self._lock:
            return fn(self.session)

    def connected(self) -> dict:
        """``{team: number of open connections}`` and ``"facilitator"``."""
        with self._lock:
            out = {t: 0 for t in self.session.teams} | {FACILITATOR: 0}
            for peer in self._peers:
                if peer.role is not None:
                    out[peer.team if peer.role == TEAM else FACILITATOR] += 1
            return out

    # ---- connections ----------------------------------------------------------------------
    def _handle(self, conn) -> None:
        peer = Peer(conn, RateLimit(self.rate, self.burst, self.monotonic()), self.outbox,
                    address_of(conn), time.monotonic())
        with self._lock:
            refused = admit(self._peers, peer, self.max_connections, self.max_unjoined_per_address)
        if refused:
            conn.close(CLOSE_TOO_MANY, refused)
            return
        limit_send_time(conn.socket, self.send_timeout)
        peer.writer.start()
        join_by = peer.opened + self.join_grace
        try:
            while not peer.closing:
                try:
                    if peer.role is None:              # not joined yet: only until the grace period ends
                        left = join_by - time.monotonic()
                        if left <= 0:
                            peer.close(CLOSE_POLICY, f"no join within {self.join_grace:g} s")
                            break
                        frame = conn.recv(timeout=left)
                    else:
                        frame = conn.recv()
                except TimeoutError:
                    continue
                except ConnectionClosed:
                    break
                self._on_frame(peer, frame)
        finally:
            with self._lock:
                self._peers.discard(peer)
                if peer.role is not None:
                    self._event("left", role=peer.role, team=peer.team)
            self._flush_events()
            peer.finish()

    def _on_frame(self, peer: Peer, frame) -> None:
        reply_to = None
        try:
            with self._lock:
                if peer.closing:                       # e.g. it made room for a newer connection
                    return
                allowed = peer.limit.allow(self.monotonic())
                if not allowed:
                    peer.strikes += 1
                    if peer.strikes > MAX_STRIKES:
                        peer.close(CLOSE_POLICY, "rate limit")
                        return
                message = protocol.parse(frame)
                reply_to = message.get("id") if isinstance(message.get("id"), (str, int)) else None
                if not allowed:
                    raise ProtocolError("rate-limited", f"at most {self.rate:g} messages per second")
                protocol.check(message, peer.role)
                later = self._dispatch(peer, message, reply_to)
            if later is not None:                      # a preview: its forecasts run outside the lock
                later()
        except ProtocolError as exc:
            self._error(peer, exc.code, str(exc), reply_to)
            if exc.close is not None:
                peer.close(*exc.close)
        except WorkshopError as exc:
            self._error(peer, exc.code, str(exc), reply_to)
        except ClosedLoopError as exc:
            self._error(peer, "invalid", " ".join(str(exc).split()), reply_to)
        except Exception:  # the host survives anything a client sends
            log.exception("workshop host: unexpected error")
            self._error(peer, "internal", "the host could not process this message", reply_to)
        finally:
            self._flush_events()

    def _error(self, peer, code: str, message: str, reply_to) -> None:
        out = {"type": "error", "code": code, "message": message}
        if reply_to is not None:
            out["re"] = reply_to
        peer.send(out)

    def _reply(self, peer, reply_to, kind: str, **payload) -> None:
        out = {"type": kind, **payload}
        if reply_to is not None:
            out["re"] = reply_to
        peer.send(out)

    def _dispatch(self, peer: Peer, m: dict, reply_to):
        """Answer ``m`` (under the lock); returns None, or a call to make once the lock is released
        (it sends the reply itself)."""
        kind, s, now = m["type"], self.session, self.clock()
        if kind == "ping":
            self._reply(peer, reply_to, "pong")
        elif kind in ("join", "resume"):
            if peer.role is not None:
                raise ProtocolError("bad-message", f"{kind}: this connection has already joined")
            wait = self.throttle.wait(peer.address, self.monotonic())
            if wait > 0:                               # checked before the code: no guessing while throttled
                raise ProtocolError("rate-limited", f"too many failed joins from this address; try again in "
                                    f"{math.ceil(wait)} s", close=(CLOSE_POLICY, "too many failed joins"))
            if kind == "join":
                got = self.access.join(m["code"])
                grant, token = got if got else (None, None)
            else:
                grant, token = self.access.resume(m["token"]), None
            if grant is None:
                peer.failed_joins += 1
                self.throttle.failed(peer.address, self.monotonic())
                close = (CLOSE_POLICY, "too many failed joins") if peer.failed_joins >= MAX_FAILED_JOINS else None
                raise ProtocolError("forbidden", "unknown or already used join code" if kind == "join"
                                    else "unknown or revoked token", close=close)
            peer.role, peer.team = grant.role, grant.team
            view = s.team_view(grant.team) if grant.role == TEAM else s.facilitator_view()
            extra = {"token": token} if token else {}
            self._reply(peer, reply_to, "welcome", protocol=protocol.PROTOCOL, role=grant.role, team=grant.team,
                        view=view, **extra)
            self._event("joined", role=grant.role, team=grant.team)
        elif kind == "view":
            self._reply(peer, reply_to, "view", view=s.team_view(peer.team))
        elif kind == "suggest":
            self._reply(peer, reply_to, "suggestion", decision=s.suggestion_for(peer.team).to_dict())
        elif kind == "submit":
            decision = s.submit(peer.team, m["decision"], now)
            self._reply(peer, reply_to, "submitted", quarter=s.quarter, decision=decision.to_dict())
            self._event("submitted", team=peer.team)
            self._to_facilitators({"type": "submissions", "quarter": s.quarter, "submissions": s.submission_status()})
            if self.auto and s.all_submitted:
                self._advance(now)
        elif kind == "predict":
            prediction = s.predict(peer.team, m["prediction"], now)
            self._reply(peer, reply_to, "predicted", quarter=s.quarter, prediction=prediction.to_dict())
            self._event("predicted", team=peer.team)
        elif kind == "status":
            self._reply(peer, reply_to, "status", view=s.facilitator_view())
        elif kind == "control":
            args = {k: v for k, v in m.items() if k not in ("type", "id", "action")}
            result = self._control(m["action"], args, now)
            if isinstance(result, _OutsideLock):
                return lambda: self._reply(peer, reply_to, "done", action=m["action"], result=result.run())
            self._reply(peer, reply_to, "done", action=m["action"], result=result)
        return None

    # ---- round control and broadcasts -------------------------------------------------------
    def _control(self, action: str, args: dict, now: float):
        s = self.session
        if action == "lock":
            s.lock(now)
        elif action == "unlock":
            s.unlock(now)
        elif action == "resolve":
            self._resolve(now)
            return {"quarter": s.game.records[-1].report.quarter, "state_hash": s.game.records[-1].state_hash}
        elif action == "open":
            s.open_next(now)
        elif action == "reopen":
            result = s.reopen(discard_results=args.get("discard_results") is True, now=now)
            self.finished.clear()
            self._broadcast_views("reopened")
            self._round_changed()
            return result
        elif action == "extend":
            deadline = s.extend_deadline(args.get("seconds"), now)
            self._round_changed()
            return {"deadline": deadline}
        elif action == "inject":
            event, target = s.inject(args.get("event"), args.get("target"), now)
            return {"event": event if isinstance(event, str) else event.id, "target": target}
        elif action == "withdraw":
            if not isinstance(args.get("event"), str):
                raise WorkshopError("withdraw: event must be an event id")
            s.withdraw(args["event"], now)
        elif action == "preview":
            job = s.preview_job(args.get("event"), args.get("target"), **_whole(args, ("futures", "quarters")))
            return _OutsideLock(job, self._preview_progress)
        elif action == "reissue":
            return self._reissue(args.get("team"))
        else:
            raise WorkshopError(f"unknown action {action!r}")
        self._round_changed()
        return {"phase": s.phase, "quarter": s.quarter}

    def _reissue(self, team) -> dict:
        if team not in self.session.teams:
            raise WorkshopError(f"{team!r} is not a team of this workshop", "not-found")
        code = self.access.reissue(team)
        for peer in list(self._peers):
            if peer.role == TEAM and peer.team == team:
                peer.send({"type": "revoked", "message": "your access was reissued by the facilitator"})
                peer.role = peer.team = None
                peer.close(CLOSE_REVOKED, "access reissued")
        self._event("reissued", team=team)
        return {"team": team, "code": code}

    def _resolve(self, now: float) -> None:
        record = self.session.resolve(now)
        self._event("resolved", quarter=record.report.quarter, state_hash=record.state_hash)
        self._broadcast_views("results", quarter=record.report.quarter)
        self._round_changed()

    def _advance(self, now: float) -> None:
        """Auto mode: lock, resolve and open the next round."""
        s = self.session
        if s.phase == OPEN:
            s.lock(now)
        if s.phase == LOCKED:
            self._resolve(now)
        if s.phase == RESOLVED:
            s.open_next(now)
            self._round_changed()

    def _round_changed(self) -> None:
        s = self.session
        message = {"type": "round", "phase": s.phase, "quarter": s.quarter, "deadline": s.deadline,
                   "resolved": s.resolved}
        for peer in list(self._peers):
            if peer.role is not None:
                peer.send(message)
        self._event("phase", phase=s.phase, quarter=s.quarter, deadline=s.deadline)
        if s.phase == FINISHED and not self.finished.is_set():
            for peer in list(self._peers):
                if peer.role is not None:
                    peer.send({"type": "finished", "leaderboard": s.projector_view()["leaderboard"]})
            self.finished.set()
            self._event("finished")

    def _broadcast_views(self, kind: str, **payload) -> None:
        views = {}
        for peer in list(self._peers):
            if peer.role == TEAM:
                if peer.team not in views:
                    views[peer.team] = self.session.team_view(peer.team)
                peer.send({"type": kind, **payload, "view": views[peer.team]})
            elif peer.role == FACILITATOR:
                peer.send({"type": kind, **payload, "view": self.session.facilitator_view()})

    def _to_facilitators(self, message: dict) -> None:
        for peer in list(self._peers):
            if peer.role == FACILITATOR:
                peer.send(message)

    def _ticker(self) -> None:
        while not self._stop.wait(self.tick):
            try:
                with self._lock:
                    s, now = self.session, self.clock()
                    if s.phase == OPEN and s.deadline_passed(now):
                        if self.auto:
                            self._advance(now)
                        elif self.lock_at_deadline:
                            s.lock(now)
                            self._round_changed()
            except Exception:  # keep ticking; the error is logged
                log.exception("workshop host: deadline check failed")
            finally:
                self._flush_events()

    # ---- callbacks --------------------------------------------------------------------------
    def _preview_progress(self, done: int, total: int) -> bool:
        """A running preview's progress, passed to ``on_event`` as ``"previewing"`` at once (the
        preview runs outside the lock, so nothing is queued for it); stopping the host cancels it."""
        if self.on_event is not None:
            try:
                self.on_event("previewing", {"done": done, "total": total})
            except Exception:
                log.exception("workshop host: on_event callback failed")
        return not self._stop.is_set()

    def _event(self, name: str, **payload) -> None:
        self._events.append((name, payload))

    def _flush_events(self) -> None:
        with self._lock:
            events, self._events = self._events, []
        if self.on_event is None:
            return
        for name, payload in events:
            try:
                self.on_event(name, payload)
            except Exception:
                log.exception("workshop host: on_event callback failed")


class _OutsideLock:
    """A preview validated under the lock, to run once it is released (``run()`` -> the result)."""

    def __init__(self, job, progress):
        self.job, self.progress = job, progress

    def run(self) -> dict:
        """Run the forecasts (in the calling thread, without the host's lock)."""
        return self.job(self.progress)


def _whole(args: dict, keys) -> dict:
    out = {}
    for key in keys:
        if key in args:
            value = args[key]
            if isinstance(value, float) and value.is_integer():
                value = int(value)
            out[key] = value
    return out
