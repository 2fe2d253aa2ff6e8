"""``closedloop tournament``: a firm played by each AI level against fixed rivals over many seeds."""

from ..ai import LEVELS
from ..errors import ClosedLoopError, shown
from ..game import MAX_SEED
from ..tournament import INTERVAL, run_tournament
from .common import add_scenario_argument, emit, positive_int, scenario_from, seed_int

MAX_SEEDS = 10_000


def register(sub) -> None:
    """Add the ``tournament`` subcommand."""
    p = sub.add_parser("tournament", help="score a firm played by each AI level over many seeds")
    add_scenario_argument(p)
    p.add_argument("--firm", required=True, metavar="ID", help="the firm under test (plays as the player's firm)")
    p.add_argument("--levels", default=",".join(LEVELS), metavar="L1,L2", help="AI levels to compare (default easy,normal,hard)")
    p.add_argument("--seeds", type=positive_int, default=32, help="number of seeds (default 32)")
    p.add_argument("--first-seed", type=seed_int, default=0, help="first seed (default 0)")
    p.add_argument("--quarters", type=positive_int, help="quarters per game (default: the whole scenario)")
    p.add_argument("--rivals", choices=LEVELS, default="normal", help="AI level of every rival (default normal)")
    p.add_argument("--workers", type=positive_int, help="processes (default: one per core, at most 2)")
    p.add_argument("--json", metavar="FILE", help="write the results as JSON ('-' for stdout)")
    p.set_defaults(handler=run)


def run(args) -> int:
    """Run the tournament and print a table, or write JSON."""
    scenario = scenario_from(args)
    levels = [x.strip() for x in args.levels.split(",") if x.strip()]
    bad = [x for x in levels if x not in LEVELS]
    if bad or not levels:
        raise ClosedLoopError(f"--levels {args.levels}: choose from {', '.join(LEVELS)}")
    if args.seeds > MAX_SEEDS:
        raise ClosedLoopError(f"--seeds {shown(args.seeds)}: at most {MAX_SEEDS:,}")
    if args.first_seed + args.seeds - 1 > MAX_SEED:
        raise ClosedLoopError(f"--first-seed {args.first_seed}: with --seeds {args.seeds} the last seed would pass "
                              f"{MAX_SEED} (2**63-1)")
    scenario.firm_index(args.firm)
    quarters = args.quarters or scenario.n_quarters
    if quarters > scenario.n_quarters:
        raise ClosedLoopError(f"--quarters {shown(quarters)}: scenario {scenario.id} has {scenario.n_quarters} quarters")
    seeds = range(args.first_seed, args.first_seed + args.seeds)
    summaries = run_tournament(scenario, args.firm, levels, seeds, quarters, rivals=args.rivals, workers=args.workers)
    payload = {"scenario": scenario.id, "firm": args.firm, "rivals": args.rivals, "quarters": quarters,
               "seeds": list(seeds), "interval": INTERVAL,
               "levels": [{"level": s.level, "mean": s.mean, "low": s.low, "high": s.high,
                           "scores": [float(x) for x in s.scores], "metrics": s.metrics, "end_game": s.end_game}
                          for s in summaries]}
    emit(args, payload, print_table)
    return 0


def print_table(payload) -> None:
    """One row per level: mean score, its interval, and the mean scorecard metrics."""
    pct = round(100 * payload["interval"])
    print(f"tournament: {payload['firm']} in {payload['scenario']}, {len(payload['seeds'])} seeds x "
          f"{payload['quarters']} quarters, rivals {payload['rivals']}; score with a {pct}% interval of the mean")
    metrics = list(payload["levels"][0]["metrics"])
    short = {"operating_margin": "margin", "objectives_met": "obj", "valuation": "value", "ecosystem": "eco",
             "autonomy": "auto"}
    print(f"{'level':<8}{'mean':>7}{f'{pct}% interval':>18}  " + "".join(f"{short.get(m, m):>7}" for m in metrics)
          + f"{'end spend':>11}{'end fin':>9}")
    for row in payload["levels"]:
        cells = "".join(f"{row['metrics'][m]:>7.2f}" for m in metrics)
        interval = f"[{row['low']:.2f}, {row['high']:.2f}]"
        print(f"{row['level']:<8}{row['mean']:>7.2f}{interval:>18}  {cells}"
              f"{row['end_game']['spend_ratio']:>11.2f}{row['end_game']['finance_share_of_revenue']:>9.3f}")
