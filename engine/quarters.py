"""Quarter labels such as ``"2024Q1"`` and their integer indices (year*4 + quarter-1)."""

import re

_LABEL = re.compile(r"^(\d{4})Q([1-4])$")


def parse_quarter(label: str) -> int:
    """Return the absolute index of a quarter label.

    Args:
        label: a label like ``"2025Q3"``.

    Returns:
        ``year * 4 + (quarter - 1)``, e.g. 8101 for ``"2025Q2"``.

    Raises:
        ValueError: the label is not of the form ``YYYYQn``.
    """
    match = _LABEL.match(str(label).strip().upper())
    if not match:
        raise ValueError(f"{label!r} is not a quarter like 2024Q1")
    return int(match.group(1)) * 4 + int(match.group(2)) - 1


def quarter_label(index: int) -> str:
    """Return the label (``"2024Q1"``) of an absolute quarter index."""
    return f"{index // 4}Q{index % 4 + 1}"


def quarter_of_year(index: int) -> int:
    """Return 0..3 for Q1..Q4 of an absolute quarter index."""
    return index % 4
