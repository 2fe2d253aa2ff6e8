"""``closedloop backtest``: play the history scenario along its expected path and compare with the record.

Every firm follows the scenario's ``[[script]]`` (the normal AI where it is silent); every shock is
switched off and only scheduled events fire (see :mod:`engine.calibration_history`), so the run is
deterministic. Prints per quarter and firm the simulated deliveries, revenue, gross margin and
operating profit next to the reported deliveries, then the in-sample (calibrated) and
out-of-sample (forecast) errors.
"""

from ..calibration_history import play_expected
from ..calibration_targets import TARGETS_FILE, comparisons, load_targets, mape
from ..errors import ClosedLoopError
from ..quarters import quarter_label
from .common import clean_number, emit, scenario_from

DEFAULT_SCENARIO = "history-2024"
HEADLINE_FIRMS = ("xiaomi", "tesla", "nio", "xpeng", "li-auto")   # the done-when set


def register(sub) -> None:
    """Add the ``backtest`` subcommand."""
    p = sub.add_parser("backtest", help="play the history scenario and compare with reported figures")
    p.add_argument("--scenario", default=DEFAULT_SCENARIO, metavar="ID|PATH",
                   help=f"a scenario with a [[script]] (default: {DEFAULT_SCENARIO})")
    p.add_argument("--targets", default=str(TARGETS_FILE), metavar="FILE", help="reported figures (TOML)")
    p.add_argument("--json", metavar="FILE", help="write results as JSON ('-' for stdout)")
    p.set_defaults(handler=run)


def backtest(scenario, targets) -> dict:
    """The back-test payload: quarters with firms' results and reported deliveries, and error summaries."""
    reports = play_expected(scenario)
    rows = comparisons(targets, scenario, reports)
    actual = {(r["firm"], r["quarters"][0]): r["reported"] for r in rows
              if r["metric"] == "deliveries" and len(r["quarters"]) == 1}
    quarters = []
    for rep in reports:
        firms = []
        for i, firm_id in enumerate(scenario.firm_ids):
            f = rep.firm
            known = actual.get((firm_id, rep.quarter))
            firms.append({"id": firm_id, "deliveries": int(round(float(f["deliveries"][0, i]))),
                          "revenue_cny": clean_number(f["revenue_cny"][0, i]),
                          "gross_margin": clean_number(f["gross_margin"][0, i]),
                          "operating_profit_cny": clean_number(f["operating_profit_cny"][0, i]),
                          "actual_deliveries": None if known is None else int(known)})
        quarters.append({"quarter": rep.quarter, "firms": firms})
    window = f"{quarter_label(targets.window.first)}-{quarter_label(targets.window.last)}"
    summary = {firm: clean_number(mape(rows, (firm,))) for firm in scenario.firm_ids}
    return {
        "scenario": scenario.id,
        "quarters": quarters,
        "mode": f"expected path: shocks off, scheduled events only, seed {scenario.info.default_seed}",
        "in_sample_window": window,
        "mape": {"in_sample": clean_number(mape(rows, HEADLINE_FIRMS)), "firms": list(HEADLINE_FIRMS),
                 "in_sample_by_firm": summary,
                 "out_of_sample_by_firm": {firm: clean_number(mape(rows, (firm,), False)) for firm in scenario.firm_ids},
                 "out_of_sample": clean_number(mape(rows, HEADLINE_FIRMS, False))},
        "checks": [{k: clean_number(v) if isinstance(v, float) else v for k, v in r.items()} for r in rows],
    }


def run(args) -> int:
    """Run the back-test; print tables or write the JSON."""
    scenario = scenario_from(args)
    if not scenario.script:
        raise ClosedLoopError(f"--scenario {args.scenario}: has no [[script]] of decisions to back-test")
    payload = backtest(scenario, load_targets(args.targets, scenario))
    emit(args, payload, print_report)
    return 0


def _pct(x) -> str:
    return "     -" if x is None else f"{100 * x:+6.1f}"


def _value(metric: str, x: float) -> str:
    """A reported or simulated value in its unit: B CNY, percent, or units."""
    if metric.endswith("_cny"):
        return f"{x / 1e9:.2f}B"
    if "margin" in metric or "share" in metric:
        return f"{100 * x:.1f}%"
    return f"{x:,.0f}"


def _error(metric: str, e: float) -> str:
    """An error: relative for units and revenue, points for shares, B CNY for operating profit."""
    if metric == "operating_profit_cny":
        return f"{e / 1e9:+.2f}B"
    if "margin" in metric or "share" in metric:
        return f"{100 * e:+.1f}pp"
    return f"{100 * e:+.1f}%"


def print_report(payload: dict) -> None:
    """Print quarters (deliveries vs reported, money in B CNY), the other reported figures and the errors."""
    print(f"Back-test of {payload['scenario']} ({payload['mode']}); in-sample {payload['in_sample_window']}")
    for q in payload["quarters"]:
        print(f"== {q['quarter']}")
        print(f"{'firm':<9}{'deliv':>10}{'actual':>10}{'err%':>7}{'rev B':>8}{'GM%':>7}{'op B':>8}")
        for f in q["firms"]:
            act = f["actual_deliveries"]
            err = None if not act else f["deliveries"] / act - 1.0
            print(f"{f['id']:<9}{f['deliveries']:>10,}{'-' if act is None else f'{act:,}':>10}{_pct(err)}"
                  f"{f['revenue_cny'] / 1e9:>8.2f}{100 * f['gross_margin']:>7.1f}{f['operating_profit_cny'] / 1e9:>8.2f}")
    print("== other reported figures (in: in-sample, fitted; out: after the window, a forecast)")
    for r in payload["checks"]:
        if r["metric"] == "deliveries" and len(r["quarters"]) == 1:
            continue
        what = r["metric"] + (f" {r['model']}" if r["model"] else "")
        error = _error(r["metric"], r["error"])
        if r["metric"] == "nev_retail":  # only its shape is fitted: show the modelled firms' share of it
            error = f"modelled firms' domestic sales = {100 * r['simulated'] / r['reported']:.0f}% of it"
        print(f"  {'in ' if r['in_sample'] else 'out'} {r['firm']:<8} {what:<24} {','.join(r['quarters']):<31}"
              f" reported {_value(r['metric'], r['reported']):>10}  model {_value(r['metric'], r['simulated']):>10}"
              f"  {error}")
    m = payload["mape"]
    print(f"In-sample MAPE of quarterly deliveries ({', '.join(m['firms'])}): {100 * m['in_sample']:.1f}%; "
          f"out of sample: {100 * m['out_of_sample']:.1f}%")
    for key, label in (("in_sample_by_firm", "in-sample"), ("out_of_sample_by_firm", "out-of-sample")):
        print(f"  by firm, {label}: " + "  ".join(f"{k} {100 * v:.1f}%" for k, v in m[key].items() if v is not None))
