"""Declarative field metadata for scenario dataclasses.

Each numeric field of a scenario table declares its range, unit and, when it has a default, the
source of that default. The reader in :mod:`engine.scenario.reader` uses this metadata to
validate TOML tables and to report every parameter's source (the app's "How is this computed?"
panel reads the same table).
"""

from dataclasses import MISSING, field
from typing import Any


def param(
    lo: float | None = None,
    hi: float | None = None,
    *,
    unit: str = "",
    default: Any = MISSING,
    source: str = "",
    doc: str = "",
    kind: str = "",
) -> Any:
    """Declare a scenario parameter.

    Args:
        lo, hi: inclusive bounds (``None`` = unbounded).
        unit: unit shown to users ("CNY", "units/quarter", "per CNY", ...).
        default: value used when the file omits the key (must then carry ``source``).
        source: where the default comes from, or "calibrated: ..." when it was fitted.
        doc: one sentence on what the parameter does.
        kind: "quarter" for quarter labels stored as indices.

    Returns:
        A dataclass ``field`` carrying the metadata.
    """
    meta = {"lo": lo, "hi": hi, "unit": unit, "source": source, "doc": doc, "kind": kind}
    if default is MISSING:
        return field(metadata=meta)
    if isinstance(default, (list, dict)):
        return field(default_factory=lambda: default, metadata=meta)
    return field(default=default, metadata=meta)
