"""The workshop LAN protocol: JSON text frames, parsed strictly and checked against a schema.

Every client message is one JSON object with a ``type`` and an optional ``id`` (a string or
integer echoed as ``re`` in the reply). Parsing rejects: binary frames, frames over
:data:`MAX_MESSAGE_BYTES`, invalid UTF-8 or JSON, NaN/Infinity and numbers that overflow to
infinity, duplicate keys and nesting deeper than :data:`MAX_DEPTH`. The schema below lists the
fields of each type, their JSON types and length caps; unknown fields are errors. The full
protocol is documented in ``docs/workshop-protocol.md``.
"""

import json
import math

MAX_MESSAGE_BYTES = 16 * 1024      # larger frames get an error reply ("too-large")
HARD_MAX_BYTES = 64 * 1024         # larger frames close the connection (1009)
MAX_DEPTH = 8
MAX_STRING = 2000
MAX_ID = 64
PROTOCOL = "closedloop-workshop/1"

ANYONE, TEAM, FACILITATOR = "anyone", "team", "facilitator"
OBJ, STR, NUM, BOOL, NULL = dict, str, (int, float), bool, type(None)

# type -> (roles allowed, {field: (accepted JSON types, required)})
SCHEMA = {
    "join": (ANYONE, {"code": (STR, True)}),
    "resume": (ANYONE, {"token": (STR, True)}),
    "ping": (ANYONE, {}),
    "view": (TEAM, {}),
    "submit": (TEAM, {"decision": (OBJ, True)}),
    "predict": (TEAM, {"prediction": (OBJ, True)}),
    "suggest": (TEAM, {}),
    "status": (FACILITATOR, {}),
    "control": (FACILITATOR, {"action": (STR, True), "discard_results": (BOOL, False), "seconds": (NUM, False),
                              "event": ((STR, OBJ), False), "target": ((STR, NULL), False), "team": (STR, False),
                              "futures": (NUM, False), "quarters": (NUM, False)}),
}
ACTIONS = {  # control action -> fields it needs
    "lock": (), "unlock": (), "resolve": (), "open": (), "reopen": (), "extend": ("seconds",),
    "inject": ("event",), "withdraw": ("event",), "preview": ("event",), "reissue": ("team",),
}


class ProtocolError(Exception):
    """A message the host refuses; ``code`` is sent in the error reply. ``close`` (a websocket
    close code and reason) asks the host to close the connection after sending the error."""

    def __init__(self, code: str, message: str, close: tuple | None = None):
        super().__init__(message)
        self.code, self.close = code, close


def _reject_constant(name: str):
    raise ProtocolError("bad-json", f"{name} is not allowed (numbers must be finite)")


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise ProtocolError("bad-json", f"number {text[:20]} is out of range")
    return value


def _no_duplicates(pairs):
    out = {}
    for key, value in pairs:
        if key in out:
            raise ProtocolError("bad-json", f"duplicate key {key[:40]!r}")
        out[key] = value
    return out


def _depth(value, level: int = 1) -> int:
    if isinstance(value, dict):
        return max([level] + [_depth(v, level + 1) for v in value.values()])
    if isinstance(value, list):
        return max([level] + [_depth(v, level + 1) for v in value])
    return level


def parse(frame) -> dict:
    """Parse one received frame into a message dict (ProtocolError otherwise).

    Args:
        frame: what ``websockets`` received: ``str`` for text frames, ``bytes`` for binary ones.
    """
    if not isinstance(frame, str):
        raise ProtocolError("bad-frame", "send JSON in text frames")
    if len(frame) > MAX_MESSAGE_BYTES or len(frame.encode("utf-8", "surrogatepass")) > MAX_MESSAGE_BYTES:
        raise ProtocolError("too-large", f"messages are limited to {MAX_MESSAGE_BYTES} bytes")
    try:
        message = json.loads(frame, parse_constant=_reject_constant, parse_float=_finite_float,
                             object_pairs_hook=_no_duplicates)
    except ProtocolError:
        raise
    except (ValueError, RecursionError) as exc:
        raise ProtocolError("bad-json", f"not valid JSON ({str(exc).splitlines()[0][:80]})") from None
    if not isinstance(message, dict):
        raise ProtocolError("bad-message", "a message must be a JSON object")
    if _depth(message) > MAX_DEPTH:
        raise ProtocolError("bad-message", f"nesting deeper than {MAX_DEPTH} levels")
    return message


def _check_strings(value, where: str) -> None:
    if isinstance(value, str):
        if len(value) > MAX_STRING:
            raise ProtocolError("invalid", f"{where}: text longer than {MAX_STRING} characters")
        if "\x00" in value:
            raise ProtocolError("invalid", f"{where}: contains a NUL character")
    elif isinstance(value, dict):
        for k, v in value.items():
            _check_strings(k, where)
            _check_strings(v, f"{where}.{k[:40]}")
    elif isinstance(value, list):
        for i, v in enumerate(value):
            _check_strings(v, f"{where}[{i}]")


def check(message: dict, role: str | None) -> dict:
    """Check ``message`` against :data:`SCHEMA` for a connection in ``role`` (None = not joined).

    Returns:
        The message (unchanged).

    Raises:
        ProtocolError: ``bad-message`` (unknown type or fields, wrong JSON types), ``forbidden``
            (the type is not for this role) or ``invalid`` (over-long text).
    """
    kind = message.get("type")
    if not isinstance(kind, str) or kind not in SCHEMA:
        raise ProtocolError("bad-message", f"unknown message type {str(kind)[:40]!r}")
    ident = message.get("id")
    if ident is not None and (isinstance(ident, bool) or not isinstance(ident, (str, int))
                              or (isinstance(ident, str) and len(ident) > MAX_ID)
                              or (isinstance(ident, int) and abs(ident) > 2**53)):
        raise ProtocolError("bad-message", f"id: must be a string of at most {MAX_ID} characters or an integer")
    allowed, fields = SCHEMA[kind]
    for key in message:
        if key not in ("type", "id") and key not in fields:
            raise ProtocolError("bad-message", f"{kind}.{key[:40]}: unknown field")
    for key, (types, required) in fields.items():
        if key not in message:
            if required:
                raise ProtocolError("bad-message", f"{kind}.{key}: missing")
            continue
        value = message[key]
        if isinstance(value, bool) and types is not BOOL:
            raise ProtocolError("bad-message", f"{kind}.{key}: wrong type")
        if not isinstance(value, types):
            raise ProtocolError("bad-message", f"{kind}.{key}: wrong type")
    if kind == "control":
        action = message["action"]
        if action not in ACTIONS:
            raise ProtocolError("bad-message", f"control.action: unknown action {action[:40]!r}")
        for key in ACTIONS[action]:
            if key not in message:
                raise ProtocolError("bad-message", f"control.{key}: needed for {action}")
    _check_strings(message, kind)
    if allowed == TEAM and role != TEAM or allowed == FACILITATOR and role != FACILITATOR:
        who = "join first" if role is None else f"not allowed for a {role}"
        raise ProtocolError("forbidden", f"{kind}: {who}")
    return message


def dumps(message: dict) -> str:
    """Serialise an outgoing message (compact UTF-8 JSON, never NaN)."""
    return json.dumps(message, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
