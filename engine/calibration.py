"""Scenario parameter paths and comment-preserving rewriting of their values in scenario TOML.

A path names one number of a scenario: ``market.growth_per_quarter``, ``market.seasonality[1]``,
``models.su7.quality``, ``firms.xiaomi.pipeline[0]``. ``closedloop calibrate`` (see
:mod:`engine.calibration_fit`) writes its fitted values with :func:`rewrite_values`, which
changes only the numbers: comments, layout and sources stay as written.
"""

import re

from .errors import ScenarioError

ARRAY_TABLES = ("consumer_types", "ecosystems", "firms", "models", "events", "objectives")
PLAIN_TABLES = ("scenario", "market", "battery", "model", "scoring")
_PATH = re.compile(r"^(?P<table>[a-z_]+)(?:\.(?P<id>[a-z0-9][a-z0-9_-]*))?\.(?P<field>[a-z_]+)(?:\[(?P<index>\d+)\])?$")


def parse_path(path: str) -> tuple:
    """Split a parameter path into ``(table, id or None, field, index or None)``.

    Paths: ``market.potential_buyers``, ``market.seasonality[1]``, ``models.su7.quality``,
    ``firms.xiaomi.pipeline[0]``. Raises ScenarioError for anything else.
    """
    m = _PATH.match(path)
    if not m or (m.group("table") in ARRAY_TABLES) != (m.group("id") is not None) or \
            m.group("table") not in ARRAY_TABLES + PLAIN_TABLES:
        raise ScenarioError(f"{path!r} is not a parameter path like market.growth_per_quarter or models.su7.quality")
    index = m.group("index")
    return m.group("table"), m.group("id"), m.group("field"), None if index is None else int(index)


def format_number(value: float, digits: int = 5) -> str:
    """TOML text of ``value`` rounded to ``digits`` significant digits (whole numbers with ``_``)."""
    rounded = float(f"{value:.{digits}g}")
    if rounded == int(rounded) and abs(rounded) < 1e15:
        return f"{int(rounded):_}"
    return repr(rounded)


def rewrite_values(text: str, values: dict, digits: int = 5) -> str:
    """Return scenario TOML ``text`` with the parameters ``values`` (path -> number) replaced.

    Only the numbers change: comments, layout, sources and every other key stay as written.

    Raises:
        ScenarioError: a path names no table, entry or key of the text.
    """
    for path, value in values.items():
        table, ident, name, index = parse_path(path)
        start, end = _own_keys(text, table, ident, path)
        block = text[start:end]
        line = re.search(rf"(?m)^({re.escape(name)}\s*=\s*)([^#\n]*?)(\s*(?:#[^\n]*)?)$", block)
        if not line:
            raise ScenarioError(f"{path}: no key {name!r} to rewrite")
        new = format_number(value, digits)
        if index is not None:
            items = line.group(2).strip()
            if not (items.startswith("[") and items.endswith("]")):
                raise ScenarioError(f"{path}: {name} is not a one-line list")
            parts = [p.strip() for p in items[1:-1].split(",") if p.strip()]
            if index >= len(parts):
                raise ScenarioError(f"{path}: {name} has only {len(parts)} items")
            parts[index] = new
            new = "[" + ", ".join(parts) + "]"
        block = block[:line.start(2)] + new + block[line.end(2):]
        text = text[:start] + block + text[end:]
    return text


def _own_keys(text: str, table: str, ident, path: str) -> tuple:
    """Span of the keys that belong to ``[table]`` or to the ``[[table]]`` entry ``ident`` itself
    (up to its first sub-table or the next header)."""
    if ident is None:
        header = re.search(rf"(?m)^\[{re.escape(table)}\]\s*$", text)
        if not header:
            raise ScenarioError(f"{path}: no [{table}] table to rewrite")
        start = header.end()
    else:
        for header in re.finditer(rf"(?m)^\[\[{re.escape(table)}\]\]\s*$", text):
            stop = re.compile(r"(?m)^\[").search(text, header.end())
            own = text[header.end():stop.start() if stop else len(text)]
            if re.search(rf'(?m)^id\s*=\s*"{re.escape(ident)}"', own):
                start = header.end()
                break
        else:
            raise ScenarioError(f"{path}: no [[{table}]] entry {ident!r} to rewrite")
    stop = re.compile(r"(?m)^\[").search(text, start)
    return start, stop.start() if stop else len(text)
