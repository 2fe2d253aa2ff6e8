"""Shared argument types and output helpers for CLI subcommands."""

import argparse
import json
import math
import os
import tempfile
from pathlib import Path

from ..errors import ClosedLoopError
from ..game import MAX_SEED
from ..scenario import load_scenario


class OutputError(ClosedLoopError):
    """An output file cannot be written."""


def non_negative_int(text: str) -> int:
    """argparse type: an integer >= 0."""
    try:
        value = int(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise ValueError(f"{text} must be >= 0")
    return value


def positive_int(text: str) -> int:
    """argparse type: an integer >= 1."""
    value = non_negative_int(text)
    if value < 1:
        raise ValueError(f"{text} must be >= 1")
    return value


def seed_int(text: str) -> int:
    """argparse type: a world seed, a whole number from 0 to ``MAX_SEED`` (2**63-1).

    A save stores the seed as a SQLite INTEGER (signed 64 bits), so a larger seed could be
    played but never saved; every subcommand taking a seed refuses it up front.
    """
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{short_text(text)!r} is not a whole number") from None
    if not 0 <= value <= MAX_SEED:
        raise argparse.ArgumentTypeError(f"{short_text(text)} is out of range: a seed is a whole number "
                                         f"from 0 to {MAX_SEED} (2**63-1)")
    return value


def short_text(text: str, limit: int = 40) -> str:
    """``text`` as typed, or its first and last characters around "..." when longer than ``limit``."""
    return text if len(text) <= limit else f"{text[:limit // 2]}...{text[-(limit // 2):]}"


non_negative_int.__name__ = "whole number >= 0"
positive_int.__name__ = "whole number >= 1"


def add_scenario_argument(parser, required: bool = True) -> None:
    """Add ``--scenario ID|PATH``."""
    parser.add_argument("--scenario", required=required, metavar="ID|PATH",
                        help="scenario id (see `closedloop scenarios`) or path to a .toml file")


def scenario_from(args):
    """Load the scenario named by ``args.scenario`` (ScenarioError on failure)."""
    return load_scenario(args.scenario)


def clean_number(value) -> float | int | None:
    """A JSON-safe number: ints stay ints, non-finite floats become None."""
    if isinstance(value, int):
        return value
    value = float(value)
    return value if math.isfinite(value) else None


def write_json(path: str, payload) -> None:
    """Write ``payload`` as UTF-8 JSON to ``path`` atomically ("-" writes to stdout).

    Raises:
        OutputError: the file cannot be written (one line).
    """
    text = json.dumps(payload, ensure_ascii=False, indent=1, allow_nan=False)
    if path == "-":
        print(text)
        return
    target = Path(path)
    try:
        if target.is_dir():
            raise OutputError(f"{path}: is a folder, not a file")
        fd, tmp = tempfile.mkstemp(prefix=".closedloop-", suffix=".json", dir=target.parent if str(target.parent) else ".")
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text + "\n")
        os.replace(tmp, target)
    except OutputError:
        raise
    except OSError as exc:
        raise OutputError(f"{path}: cannot write ({exc.strerror or exc})") from None


def emit(args, payload, table) -> None:
    """Write ``payload`` as JSON to ``args.json`` when given, else print it with ``table(payload)``."""
    if getattr(args, "json", None):
        write_json(args.json, payload)
    else:
        table(payload)
