"""Export a save: a clean self-contained copy (``VACUUM INTO``), CSV files, and where saves live."""

import csv
import io
import os
import sys
from pathlib import Path

from ..decisions import BUDGETS, FINANCE
from .store import read_save
from .write import SaveWriteError, write_new

APP_DIR = {"linux": "closedloop", "win32": "ClosedLoop", "darwin": "Closed Loop"}


def default_save_dir() -> Path:
    """The platform's per-user data folder for saves (not created here).

    ``CLOSEDLOOP_SAVE_DIR`` overrides it. Otherwise: ``%APPDATA%\\ClosedLoop\\saves`` on Windows,
    ``~/Library/Application Support/Closed Loop/saves`` on macOS, and
    ``$XDG_DATA_HOME/closedloop/saves`` (default ``~/.local/share``) elsewhere.
    """
    override = os.environ.get("CLOSEDLOOP_SAVE_DIR")
    if override:
        return Path(override)
    home = Path.home()
    if sys.platform == "win32":
        base = Path(os.environ.get("APPDATA") or home / "AppData" / "Roaming")
        return base / APP_DIR["win32"] / "saves"
    if sys.platform == "darwin":
        return home / "Library" / "Application Support" / APP_DIR["darwin"] / "saves"
    xdg = os.environ.get("XDG_DATA_HOME")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else home / ".local" / "share"
    return base / APP_DIR["linux"] / "saves"


def export_copy(path, dest) -> None:
    """Write a clean, self-contained copy of the save at ``path`` to ``dest`` (safe to e-mail).

    The file is checked like any received file, imported into a database this program creates,
    upgraded to the latest format, and written with ``VACUUM INTO`` (one file, no journal, no
    free pages, nothing from the original but checked rows). Replaces ``dest`` atomically.

    Raises:
        SaveLoadError: ``path`` is not a valid save. SaveWriteError: ``dest`` cannot be written.
    """
    dest = Path(dest)
    with read_save(path) as data:
        if dest.exists() and dest.resolve() == Path(path).resolve():
            raise SaveWriteError(f"{dest}: is the file being exported")

        write_new(dest, lambda target: data.db.execute("VACUUM INTO ?", (target,)), raw=True)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def text_cell(value):
    """A CSV cell a spreadsheet will not run: text starting with ``= + - @``, a tab or a carriage
    return gets a leading ``'`` (so ``=HYPERLINK(...)`` from a team's rationale stays text).
    Numbers are not text and stay as they are."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _write_csv(target: Path, header: list, rows: list) -> Path:
    buffer = io.StringIO(newline="")
    # CRLF rows (RFC 4180): the writer then quotes any cell holding a CR or LF, so a carriage
    # return in a team's text cannot split a row
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([text_cell(v) for v in header])
    writer.writerows([text_cell(v) for v in row] for row in rows)
    tmp = target.with_name(f".{target.name}.saving")
    try:
        tmp.write_text(buffer.getvalue(), encoding="utf-8", newline="")
        os.replace(tmp, target)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise SaveWriteError(f"{target}: cannot write ({exc.strerror or exc})") from None
    return target


def _num(v):
    """A number cell: a float (written in full precision, and never escaped as text), "" for none."""
    return "" if v is None else float(v)


def _metric_names(dicts) -> list:
    names = {}
    for d in dicts:
        names.update(dict.fromkeys(d))
    return sorted(names)


def export_csv(path, folder) -> list[Path]:
    """Write every stored outcome and decision of the save at ``path`` as CSV files in ``folder``.

    Files (UTF-8, CRLF rows, one header row, numbers as full-precision decimals, empty = not a number; text
    that a spreadsheet would read as a formula starts with ``'``, see :func:`text_cell`):
    ``<stem>-firms.csv`` (quarter x firm x metric), ``-models.csv``, ``-market.csv``,
    ``-decisions.csv`` (one column per decision field, ``prices.<model>`` etc.), ``-events.csv``
    and ``-objectives.csv``; for a workshop also ``-predictions.csv`` (each team's recorded
    forecasts and rationale). The folder is created if needed.

    Returns:
        The files written.

    Raises:
        SaveLoadError: not a valid save. SaveWriteError: cannot write.
    """
    folder = Path(folder)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise SaveWriteError(f"{folder}: cannot create ({exc.strerror or exc})") from None
    with read_save(path) as data:
        quarters = data.quarters
        catalog = data.meta["catalog_json"]
        workshop, start = data.workshop, data.meta["start"]
    stem = Path(path).stem
    out = []
    names = _metric_names(d for q in quarters for d in q.firm.values())
    out.append(_write_csv(folder / f"{stem}-firms.csv", ["quarter", "firm", "controller"] + names,
                          [[q.quarter, f, q.controllers[f]] + [_num(q.firm[f].get(n)) for n in names]
                           for q in quarters for f in q.firm]))
    names = _metric_names(d for q in quarters for d in q.model.values())
    model_firm = {m["id"]: m["firm"] for m in catalog["models"]}
    out.append(_write_csv(folder / f"{stem}-models.csv", ["quarter", "model", "firm"] + names,
                          [[q.quarter, m, model_firm[m]] + [_num(q.model[m].get(n)) for n in names]
                           for q in quarters for m in q.model]))
    names = _metric_names(q.world for q in quarters)
    out.append(_write_csv(folder / f"{stem}-market.csv", ["quarter"] + names,
                          [[q.quarter] + [_num(q.world.get(n)) for n in names] for q in quarters]))
    out.append(_decisions_csv(folder / f"{stem}-decisions.csv", quarters, catalog))
    name = lambda e: e if isinstance(e, str) else e.id  # noqa: E731 - deck id or CustomEvent
    injected = {(q.quarter, name(e)): tgt for q in quarters for e, tgt in q.injected}
    event_rows = []
    for q in quarters:
        ids = list(q.events) + [name(e) for e, _ in q.injected if name(e) not in q.events]
        for e in ids:
            fired, active = q.events.get(e, (0, 0))
            inj = (q.quarter, e) in injected
            event_rows.append([q.quarter, e, fired, active, int(inj), (injected.get((q.quarter, e)) or "") if inj else ""])
    out.append(_write_csv(folder / f"{stem}-events.csv", ["quarter", "event", "fired", "active", "injected",
                                                          "target"], event_rows))
    out.append(_write_csv(folder / f"{stem}-objectives.csv", ["quarter", "objective", "status"],
                          [[q.quarter, o, s] for q in quarters for o, s in q.objectives.items()]))
    if workshop is not None:
        from ..quarters import quarter_label

        out.append(_write_csv(folder / f"{stem}-predictions.csv",
                              ["quarter", "team", "deliveries", "operating_profit_cny", "rationale"],
                              [[quarter_label(start + p["t"]), p["team"], _num(p["deliveries"]),
                                _num(p["operating_profit_cny"]), p["rationale"]] for p in workshop["predictions"]]))
    return out


def _decisions_csv(target: Path, quarters, catalog) -> Path:
    models = [m["id"] for m in catalog["models"]]
    scalar = ["capacity_order", "shifts", *BUDGETS, "bundle_subsidy", *FINANCE]
    header = ["quarter", "firm", "controller"] + [f"{t}.{m}" for t in ("prices", "incentives", "production")
                                                   for m in models] + scalar + ["launches"]
    rows = []
    for q in quarters:
        for f, d in q.decisions.items():
            row = [q.quarter, f, q.controllers[f]]
            for table in ("prices", "incentives", "production"):
                values = getattr(d, table)
                row += [_num(values[m]) if m in values else "" for m in models]
            row += [d.shifts if s == "shifts" else _num(getattr(d, s)) for s in scalar]
            row.append(";".join(d.launches))
            rows.append(row)
    return _write_csv(target, header, rows)
