"""``closedloop play``: play a scenario with every firm AI-controlled (DESIGN section 5)."""

from ..ai import LEVELS
from ..errors import ClosedLoopError, shown
from ..game import Game
from ..quarters import quarter_label
from .common import add_scenario_argument, clean_number, emit, positive_int, scenario_from, seed_int

FIRM_FIELDS = (("deliveries", "deliveries"), ("revenue_cny", "revenue_cny"), ("gross_margin", "gross_margin"),
               ("operating_profit_cny", "operating_profit_cny"), ("cash_cny", "cash_cny"),
               ("market_share", "market_share"), ("avg_price_cny", "avg_price_cny"),
               ("autonomy_level", "autonomy_level"), ("ecosystem_users", "ecosystem_users"))


def register(sub) -> None:
    """Add the ``play`` subcommand."""
    p = sub.add_parser("play", help="play a scenario with every firm AI-controlled")
    add_scenario_argument(p)
    p.add_argument("--seed", type=seed_int, help="world seed (default: the scenario's)")
    p.add_argument("--quarters", type=positive_int, help="quarters to play (default: the whole scenario)")
    p.add_argument("--difficulty", choices=LEVELS, default="normal", help="AI level of every firm")
    p.add_argument("--save", metavar="FILE", help="write the game to a new save file")
    p.add_argument("--force", action="store_true", help="let --save replace an existing Closed Loop save "
                   "(any other existing file is never replaced)")
    p.add_argument("--json", metavar="FILE", help="write results as JSON ('-' for stdout)")
    p.set_defaults(handler=run)


def quarter_json(scenario, record) -> dict:
    """The DESIGN section 5 JSON of one played quarter (single-future report)."""
    r = record.report
    firms = []
    for i, firm_id in enumerate(scenario.firm_ids):
        row = {"id": firm_id}
        for key, name in FIRM_FIELDS:
            row[key] = clean_number(r.firm[name][0, i])
        row["deliveries"] = int(round(row["deliveries"]))
        row["ecosystem_users"] = int(round(row["ecosystem_users"]))
        firms.append(row)
    fired = [e.id for e, on in zip(scenario.events, r.events_fired[0]) if on > 0]
    return {"quarter": r.quarter, "state_hash": record.state_hash, "firms": firms, "events": fired}


def run(args) -> int:
    """Play and print a table, or write the JSON of DESIGN section 5."""
    scenario = scenario_from(args)
    seed = scenario.info.default_seed if args.seed is None else args.seed
    quarters = args.quarters or scenario.n_quarters
    if quarters > scenario.n_quarters:
        raise ClosedLoopError(f"--quarters {shown(quarters)}: scenario {scenario.id} has {scenario.n_quarters} quarters "
                              f"({quarter_label(scenario.info.start)}-{quarter_label(scenario.info.end)})")
    if args.save:
        from ..saves import check_save_target
        check_save_target(args.save, args.force)
    try:
        game = Game.new(scenario, seed, level=args.difficulty)
    except ValueError as exc:
        raise ClosedLoopError(f"--difficulty {args.difficulty}: {exc}") from None
    for _ in range(quarters):
        game.play_quarter()
    if args.save:
        from ..saves import save_game
        save_game(game, args.save)
    payload = {"scenario": scenario.id, "seed": seed, "difficulty": args.difficulty,
               "quarters": [quarter_json(scenario, rec) for rec in game.records]}
    emit(args, payload, lambda p: print_table(scenario, p))
    return 0


def print_table(scenario, payload) -> None:
    """Print one block per quarter: firms with deliveries, money in B CNY, shares and levels."""
    head = f"{'firm':<9}{'deliv':>10}{'rev B':>9}{'GM%':>7}{'op B':>8}{'cash B':>9}{'share%':>8}{'price k':>9}{'auto':>6}"
    for q in payload["quarters"]:
        events = f"  events: {', '.join(q['events'])}" if q["events"] else ""
        print(f"== {q['quarter']}  hash {q['state_hash'][:12]}{events}")
        print(head)
        for f in q["firms"]:
            print(f"{f['id']:<9}{f['deliveries']:>10,}{f['revenue_cny'] / 1e9:>9.2f}{100 * f['gross_margin']:>7.1f}"
                  f"{f['operating_profit_cny'] / 1e9:>8.2f}{f['cash_cny'] / 1e9:>9.1f}{100 * f['market_share']:>8.2f}"
                  f"{f['avg_price_cny'] / 1e3:>9.1f}{f['autonomy_level']:>6.2f}")
