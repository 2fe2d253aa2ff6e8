"""Validate TOML tables into the frozen dataclasses of :mod:`engine.scenario.schema`.

One generic reader walks each dataclass's fields and their :func:`param` metadata, so every table
gets the same checks and the same one-line errors: ``FILE: firms[2].brand: must be <= 5 (got 9)``.
Unknown keys are errors (they are nearly always typos). Every numeric parameter read from a file
must carry a source: a ``source`` string on its table (or an enclosing one) or an entry in the
table's ``sources`` sub-table.
"""

import math
import re
import typing
from dataclasses import MISSING, fields, is_dataclass
from types import GenericAlias, NoneType, UnionType

from ..errors import ScenarioError
from ..quarters import parse_quarter
from .schema import Text

_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
_META_KEYS = {"source", "sources"}


class Reader:
    """Reads tables of one file, collecting every parameter's source.

    Args:
        filename: shown at the start of every error message.
    """

    def __init__(self, filename: str):
        self.filename = filename
        self.sources: dict[str, str] = {}

    def fail(self, where: str, problem: str) -> typing.NoReturn:
        """Raise a :class:`ScenarioError` naming the file, the field path and the problem."""
        raise ScenarioError(f"{self.filename}: {where}: {problem}")

    def table(self, cls, raw, where: str, prefix: str, inherited_source: str = ""):
        """Build dataclass ``cls`` from TOML table ``raw``.

        Args:
            cls: a dataclass from :mod:`engine.scenario.schema`.
            raw: the parsed TOML value (must be a table).
            where: position for error messages, e.g. ``"firms[2]"``.
            prefix: stable key for the source registry, e.g. ``"firms.xiaomi"``.
            inherited_source: the enclosing table's ``source``.

        Returns:
            An instance of ``cls``.
        """
        if not isinstance(raw, dict):
            self.fail(where, f"must be a table (got {type(raw).__name__})")
        hints = typing.get_type_hints(cls)
        names = {f.name for f in fields(cls)}
        for key in raw:
            if key not in names and key not in _META_KEYS:
                self.fail(f"{where}.{key}", "unknown key (check the spelling)")
        table_source = raw.get("source", inherited_source)
        if not isinstance(table_source, str):
            self.fail(f"{where}.source", "must be a string")
        per_key = raw.get("sources", {})
        if not isinstance(per_key, dict) or not all(isinstance(v, str) for v in per_key.values()):
            self.fail(f"{where}.sources", "must be a table of strings")
        for key in per_key:
            if key not in names:
                self.fail(f"{where}.sources.{key}", "names no parameter of this table")
        values = {}
        for f in fields(cls):
            here = f"{where}.{f.name}"
            kind = _optional_inner(hints[f.name])
            if f.name not in raw:
                if f.default is MISSING and f.default_factory is MISSING:
                    self.fail(here, "missing")
                if _is_param(kind, f) and f.default is not None:
                    self.sources[f"{prefix}.{f.name}"] = f.metadata.get("source", "")
                continue
            value = raw[f.name]
            if is_dataclass(kind) and kind is not Text:
                values[f.name] = self.table(kind, value, here, f"{prefix}.{f.name}", table_source)
                continue
            values[f.name] = self._value(kind, f.metadata, value, here)
            if _is_param(kind, f):
                source = per_key.get(f.name, table_source)
                if not source.strip():
                    self.fail(here, "has no source: add `source = \"...\"` to the table or `sources.%s`" % f.name)
                self.sources[f"{prefix}.{f.name}"] = source
        if f"{prefix}.__table__" not in self.sources and table_source:
            self.sources[f"{prefix}.__table__"] = table_source
        return cls(**values)

    def _value(self, kind, meta, value, where):
        if kind is Text:
            return self._text(value, where)
        if meta.get("kind") == "quarter":
            if not isinstance(value, str):
                self.fail(where, f"must be a quarter like \"2024Q1\" (got {value!r})")
            try:
                return parse_quarter(value)
            except ValueError as exc:
                self.fail(where, str(exc))
        if kind is bool:
            if not isinstance(value, bool):
                self.fail(where, f"must be true or false (got {value!r})")
            return value
        if kind is int:
            if isinstance(value, bool) or not isinstance(value, int):
                self.fail(where, f"must be a whole number (got {value!r})")
            return int(self._ranged(value, meta, where))
        if kind is float:
            return float(self._ranged(self._number(value, where), meta, where))
        if kind is str:
            if not isinstance(value, str):
                self.fail(where, f"must be a string (got {value!r})")
            if where.endswith(".id") and not _ID.match(value):
                self.fail(where, f"must be a lower-case id like \"li-auto\" (got {value!r})")
            return value
        if isinstance(kind, GenericAlias) and kind.__origin__ is tuple:
            if not isinstance(value, list):
                self.fail(where, f"must be a list (got {value!r})")
            item = kind.__args__[0]
            if item is str:
                if not all(isinstance(v, str) and v for v in value):
                    self.fail(where, "must be a list of non-empty strings")
                return tuple(value)
            return tuple(self._ranged(self._number(v, f"{where}[{i}]"), meta, f"{where}[{i}]")
                         for i, v in enumerate(value))
        if kind is dict:
            if not isinstance(value, dict):
                self.fail(where, "must be a table of numbers")
            bounds = meta if meta.get("lo") is not None or meta.get("hi") is not None else {"lo": -10, "hi": 10}
            return {k: self._ranged(self._number(v, f"{where}.{k}"), bounds, f"{where}.{k}")
                    for k, v in value.items()}
        self.fail(where, f"unsupported field type {kind}")

    def _text(self, value, where) -> Text:
        if not isinstance(value, dict):
            self.fail(where, "must be a table { en = \"...\", zh = \"...\" }")
        extra = set(value) - {"en", "zh"}
        if extra:
            self.fail(f"{where}.{sorted(extra)[0]}", "unknown language (use en and zh)")
        for lang in ("en", "zh"):
            if not isinstance(value.get(lang), str) or not value[lang].strip():
                self.fail(f"{where}.{lang}", "missing text")
        return Text(value["en"], value["zh"])

    def _number(self, value, where) -> float:
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            self.fail(where, f"must be a number (got {value!r})")
        if not math.isfinite(value):
            self.fail(where, f"must be finite (got {value!r})")
        return float(value)

    def _ranged(self, value, meta, where):
        lo, hi = meta.get("lo"), meta.get("hi")
        if lo is not None and value < lo:
            self.fail(where, f"must be >= {lo:g} (got {value:g})")
        if hi is not None and value > hi:
            self.fail(where, f"must be <= {hi:g} (got {value:g})")
        return value


def _optional_inner(kind):
    """``float | None`` -> ``float`` (an optional field is read like its inner type when present)."""
    if isinstance(kind, UnionType) and NoneType in kind.__args__:
        inner = [k for k in kind.__args__ if k is not NoneType]
        if len(inner) == 1:
            return inner[0]
    return kind


def _is_param(kind, f) -> bool:
    """True for numeric/boolean parameters that need a source (not ids, names or flags of design)."""
    if f.name in ("id",):
        return False
    if kind in (float, int) or (isinstance(kind, GenericAlias) and kind.__args__[0] is float):
        return f.metadata.get("kind") != "quarter"
    return False
