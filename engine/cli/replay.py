"""``closedloop replay``: re-simulate a save and compare hashes; or replay it in other worlds.

Exit codes: 0 every quarter matches (or the worlds report was made), 1 the replay diverges
(the line names the first divergent quarter), 2 bad file or arguments (one line on stderr).
"""

from pathlib import Path

from ..saves import load_game, load_outcomes, play_worlds, verify_replay
from .common import positive_int, non_negative_int, write_json

DIVERGED = 1


def register(sub) -> None:
    """Add the ``replay`` subcommand."""
    p = sub.add_parser("replay", help="re-simulate a save and check every quarter's state hash")
    p.add_argument("file", metavar="FILE", help="a save file (.closedloop)")
    p.add_argument("--verify", action="store_true", help="print only the verdict (exit 0 all match, 1 divergent)")
    p.add_argument("--worlds", type=positive_int, metavar="N",
                   help="instead, replay the player's recorded decisions in N other random worlds (luck vs skill)")
    p.add_argument("--first-world", type=non_negative_int, default=1, metavar="K",
                   help="index of the first world for --worlds (the game itself was world 0; default 1)")
    p.add_argument("--json", metavar="FILE", help="write the results as JSON ('-' for stdout)")
    p.set_defaults(handler=run)


def run(args) -> int:
    """Verify the replay (default) or report the worlds."""
    if args.worlds:
        return _worlds(args)
    check = verify_replay(args.file)
    name = Path(args.file).name
    n = len(check.quarters)
    bad = check.first_divergence
    if args.json:
        write_json(args.json, {
            "file": name, "verified": check.ok, "first_divergence": bad,
            "outcomes_differ_at": check.outcomes_differ_at,
            "saved_with": {"app_version": check.app_version, "numpy_version": check.numpy_version},
            "quarters": [{"quarter": q, "state_hash": a, "replayed_hash": b, "match": a == b}
                         for q, a, b in zip(check.quarters, check.stored, check.replayed)]})
    if args.json == "-":
        return 0 if check.ok else DIVERGED
    if not args.verify:
        outcomes = load_outcomes(args.file)
        player = outcomes.metadata.player
        print(f"{'quarter':<8} {'stored hash':<14} {'replayed hash':<14} {'':<8} "
              f"{player + ' op. profit B':>18} {'cash B':>9}")
        for i, (q, a, b) in enumerate(zip(check.quarters, check.stored, check.replayed)):
            op = outcomes.series("operating_profit_cny", player)[i] / 1e9
            cash = outcomes.series("cash_cny", player)[i] / 1e9
            print(f"{q:<8} {a[:12]:<14} {b[:12]:<14} {'ok' if a == b else 'DIFFERS':<8} {op:>18.2f} {cash:>9.1f}")
    if check.ok:
        span = f" ({check.quarters[0]}-{check.quarters[-1]})" if n else ""
        print(f"{name}: verified, all {n} quarters match{span}")
        return 0
    if bad is None:
        print(f"{name}: stored outcomes differ from the replay at {check.outcomes_differ_at} (state hashes match): "
              f"the report code changed since it was saved, or the file was altered")
        return DIVERGED
    position = check.quarters.index(bad) + 1
    print(f"{name}: replay diverges at {bad} (quarter {position} of {n}); saved by Closed Loop {check.app_version} "
          f"with numpy {check.numpy_version}")
    return DIVERGED


def _worlds(args) -> int:
    game = load_game(args.file, verify=False)
    result = play_worlds(game, args.worlds, first=args.first_world)
    if args.json:
        write_json(args.json, {"file": Path(args.file).name, **result.to_json()})
        if args.json == "-":
            return 0
    who = ", ".join(result.fixed_firms)
    print(f"{Path(args.file).name}: {who}'s recorded decisions over {result.quarters} quarters "
          f"{result.summary()}")
    for objective, rate in result.objective_rates.items():
        print(f"  {objective}: met in {100 * rate:.0f}% of worlds")
    return 0
