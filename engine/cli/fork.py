"""``closedloop fork``: from a quarter of a save, change decisions, re-run the AI firms, compare.

    closedloop fork FILE --at 2025Q1 --set xiaomi.price.su7=199000 [--set ...] [--hold]
                    [--until 2026Q4] [--save NEW [--force]] [--json FILE]

``--set FIRM.FIELD[.MODEL]=VALUE`` (grammar in :mod:`engine.saves.fork`). Prints the differences
of the last quarter against the original. Bad input: exit 2, one line, nothing written.
"""

from dataclasses import replace
from pathlib import Path

from ..errors import ClosedLoopError
from ..saves import check_save_target, compare_branches, fork_game, load_game, parse_change, save_game
from .common import write_json


def register(sub) -> None:
    """Add the ``fork`` subcommand."""
    p = sub.add_parser("fork", help="change decisions from a quarter of a save and re-run the rivals")
    p.add_argument("file", metavar="FILE", help="the original save")
    p.add_argument("--at", required=True, metavar="QUARTER", help="the quarter whose decisions change, e.g. 2025Q1")
    p.add_argument("--set", required=True, action="append", dest="changes", metavar="FIRM.FIELD[.MODEL]=VALUE",
                   help="a changed decision (repeatable), e.g. xiaomi.price.su7=199000; fields: price, incentive, "
                        "production (per model), capacity, shifts, autonomy, chip, integration, services, charging, "
                        "bundle, marketing, parent_draw, equity_raise, borrow (CNY, units/quarter), launches=ID,ID")
    p.add_argument("--hold", action="store_true", help="keep the changed values in every later quarter too")
    p.add_argument("--until", metavar="QUARTER", help="last quarter to play (default: as far as the original)")
    p.add_argument("--save", metavar="NEW", help="write the fork to this new save file")
    p.add_argument("--force", action="store_true", help="let --save replace an existing Closed Loop save "
                   "(never the original, nor any file that is not a save)")
    p.add_argument("--json", metavar="FILE", help="write the comparison as JSON ('-' for stdout)")
    p.set_defaults(handler=run)


def run(args) -> int:
    """Fork, save, and print the differences of the last quarter."""
    if args.save and Path(args.save).resolve() == Path(args.file).resolve():
        raise ClosedLoopError(f"--save {args.save}: is the original; choose a new file")
    if args.save:
        check_save_target(args.save, args.force)
    original = load_game(args.file)
    changes = [parse_change(text, original.scenario) for text in args.changes]
    keys = [(c.firm, c.field, c.model) for c in changes]
    if len(set(keys)) != len(keys):
        dupe = next(c.text for c, k in zip(changes, keys) if keys.count(k) > 1)
        raise ClosedLoopError(f"--set {dupe}: the same decision is set twice")
    fork = fork_game(original, args.at, changes, hold=args.hold, until=args.until,
                     parent_file=Path(args.file).name)
    if args.save:
        save_game(fork, args.save)
    comparison = compare_branches(original, fork)
    name = Path(args.file).name
    comparison = replace(comparison, a_name=name, b_name=Path(args.save).name if args.save else "fork")
    if args.json:
        write_json(args.json, {"parent": name, "fork_at": fork.lineage["fork_at"],
                               "changes": fork.lineage["fork_changes"], "saved": args.save, **comparison.to_json()})
        if args.json == "-":
            return 0
    last = comparison.quarters[-1]
    print(f"forked {name} at {fork.lineage['fork_at']} ({'; '.join(fork.lineage['fork_changes'])}); "
          f"played to {last}" + (f"; saved {args.save}" if args.save else "; not saved (add --save NEW)"))
    if comparison.diverges_at is None:
        print("the fork is identical to the original")
    else:
        print(f"results diverge from {comparison.diverges_at}; differences in {last}:")
        print(comparison.table(quarters=[last]))
    return 0
