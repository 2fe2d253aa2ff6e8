"""``closedloop forecast``: Monte Carlo bands of the next quarters (DESIGN sections 1 and 5).

JSON: ``{"futures", "quarters": [{"quarter", "firms": [{"id", "deliveries", "operating_profit_cny",
"cash_cny", "market_share"}]}], "objective_probability", ...}`` where each metric is a band
``{"p5", "p50", "p95"}`` over futures.
"""

from ..ai import LEVELS
from ..errors import ClosedLoopError, shown
from ..forecast import run_forecast
from ..game import Game
from .common import add_scenario_argument, emit, non_negative_int, positive_int, scenario_from, seed_int

MAX_FUTURES = 100_000
MAX_QUARTERS = 40


def register(sub) -> None:
    """Add the ``forecast`` subcommand."""
    p = sub.add_parser("forecast", help="Monte Carlo forecast bands (p5/p50/p95) of the next quarters")
    add_scenario_argument(p)
    p.add_argument("--seed", type=seed_int, help="world seed (default: the scenario's)")
    p.add_argument("--futures", type=positive_int, default=1000, help=f"futures to simulate (default 1000, at most {MAX_FUTURES:,})")
    p.add_argument("--quarters", type=positive_int, default=8, help=f"quarters ahead (default 8, at most {MAX_QUARTERS})")
    p.add_argument("--level", choices=LEVELS, default="normal", help="AI level of every firm (default normal)")
    p.add_argument("--after", type=non_negative_int, default=0,
                   help="forecast from the state after this many quarters played by AI (default 0: the start)")
    p.add_argument("--json", metavar="FILE", help="write the bands as JSON ('-' for stdout)")
    p.set_defaults(handler=run)


def run(args) -> int:
    """Run the forecast and print a table, or write JSON."""
    scenario = scenario_from(args)
    seed = scenario.info.default_seed if args.seed is None else args.seed
    if args.futures > MAX_FUTURES:
        raise ClosedLoopError(f"--futures {shown(args.futures)}: at most {MAX_FUTURES:,}")
    if args.quarters > MAX_QUARTERS:
        raise ClosedLoopError(f"--quarters {shown(args.quarters)}: at most {MAX_QUARTERS}")
    if args.after >= scenario.n_quarters:
        raise ClosedLoopError(f"--after {args.after}: scenario {scenario.id} has {scenario.n_quarters} quarters")
    game = Game.new(scenario, seed, level=args.level)
    for _ in range(args.after):
        game.play_quarter()
    forecast = run_forecast(game.state, seed, args.futures, args.quarters, level=args.level)
    payload = {"scenario": scenario.id, "seed": seed, "level": args.level, "start": game.quarter, **forecast.to_json()}
    emit(args, payload, print_table)
    return 0


def print_table(payload) -> None:
    """Print per quarter and firm the median with its 5-95% band; money in B CNY."""
    def band(b, scale=1.0, fmt="{:.1f}"):
        return f"{fmt.format(b['p50'] / scale)} [{fmt.format(b['p5'] / scale)}, {fmt.format(b['p95'] / scale)}]"

    print(f"forecast of {payload['scenario']} from {payload['start']}: {payload['futures']:,} futures, "
          f"seed {payload['seed']}, AI {payload['level']}; median [5%, 95%]")
    for q in payload["quarters"]:
        print(f"== {q['quarter']}")
        print(f"{'firm':<9}{'deliveries k':>26}{'op profit B':>26}{'cash B':>26}{'share %':>24}")
        for f in q["firms"]:
            print(f"{f['id']:<9}{band(f['deliveries'], 1e3):>26}{band(f['operating_profit_cny'], 1e9):>26}"
                  f"{band(f['cash_cny'], 1e9):>26}{band(f['market_share'], 0.01, '{:.2f}'):>24}")
    print(f"probability of meeting every objective: {100 * payload['objective_probability']:.1f}%")
