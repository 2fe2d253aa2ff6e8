"""``closedloop scenarios``: list the scenarios found (id, name, quarters, firms)."""

from ..quarters import quarter_label
from ..scenario import list_scenarios
from .common import write_json


def register(sub) -> None:
    """Add the ``scenarios`` subcommand."""
    p = sub.add_parser("scenarios", help="list available scenarios")
    p.add_argument("--json", metavar="FILE", help="write the list as JSON ('-' for stdout)")
    p.add_argument("--lang", choices=("en", "zh"), default="en", help="language of names")
    p.set_defaults(handler=run)


def run(args) -> int:
    """Print one line per scenario, or write JSON."""
    rows = [{"id": s.id, "name": s.info.name.get(args.lang), "start": quarter_label(s.info.start),
             "end": quarter_label(s.info.end), "quarters": s.n_quarters, "firms": list(s.firm_ids),
             "player": s.info.player} for s in list_scenarios()]
    if args.json:
        write_json(args.json, {"scenarios": rows})
        return 0
    for r in rows:
        print(f"{r['id']:<16} {r['start']}-{r['end']} ({r['quarters']} quarters)  {r['name']}")
        print(f"{'':<16} firms: {', '.join(r['firms'])} (player: {r['player']})")
    return 0
