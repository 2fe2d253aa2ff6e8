"""What each audience may see, as JSON-ready dicts: a team, the facilitator, the projector.

Public information about a firm (DESIGN section 3) is: its list prices, deliveries (per firm and
model), market share, announced capacity (nameplate and capacity under construction), the
autonomy level it sells, and the news. A team sees its own books and results in full, its own
pending decision and predictions, and rivals' public information only (plus rivals' revenue,
operating profit and cash when ``visibility.rival_financials`` is on). No view for a team ever
contains another team's pending decision or prediction; the facilitator's view says who has
submitted, not what.
"""

import math
from dataclasses import asdict

from ..injections import CustomEvent, to_json
from ..scoring import SCORE_METRICS

OWN_STATE = ("cash", "debt", "capacity", "shifts", "brand", "ceiling", "autonomy", "team", "integration",
             "services_quality", "installed_base", "parent_used", "equity_raised", "distress", "exited")
OWN_MODEL_STATE = ("price", "backlog", "inventory", "launched", "launch_at", "orders_last", "deliveries_last")
HISTORY = ("deliveries", "revenue_cny", "operating_profit_cny", "cash_cny", "market_share", "score")
RIVAL_FINANCIALS = ("revenue_cny", "operating_profit_cny", "cash_cny")
# a firm's public figures: view field -> report metric (per firm, then per model)
PUBLIC_FIRM = {"deliveries": "deliveries", "market_share": "market_share", "capacity": "nameplate",
               "capacity_pipeline": "capacity_pipeline", "autonomy_sold": "autonomy_sold", "exited": "exited"}
PUBLIC_MODEL = ("price_cny", "deliveries", "launched")   # list price (of launched models), deliveries
PUBLIC_DECISIONS = ("prices", "launches")                 # what the market shows of a rival's decision
LEADERBOARD_METRICS = ("score",) + tuple(f"score_{m}" for m in SCORE_METRICS)


def public_metrics(visibility) -> tuple:
    """Report metrics of a rival firm that a team sees under ``visibility`` (a replay's team view
    of a workshop uses the same rules as the team views sent during it)."""
    extra = (RIVAL_FINANCIALS if visibility.rival_financials else ()) + \
        (LEADERBOARD_METRICS if visibility.leaderboard else ())
    return tuple(PUBLIC_FIRM.values()) + extra


def num(value) -> float | None:
    """A JSON-safe float (None for NaN or infinity)."""
    value = float(value)
    return value if math.isfinite(value) else None


def _text(text) -> dict:
    return {"en": text.en, "zh": text.zh}


def header(session) -> dict:
    """Where the session is: scenario, round, phase, deadline, teams."""
    sc, records = session.scenario, session.game.records
    return {"scenario": sc.id, "scenario_name": _text(sc.info.name), "quarter": session.quarter,
            "phase": session.phase, "deadline": session.deadline, "resolved": session.resolved,
            "total_quarters": session.total_quarters,
            "last_quarter": records[-1].report.quarter if records else None,
            "teams": [{"team": t, "name": session.settings.name_of(t, sc)} for t in session.teams]}


def news(session, t: int) -> list:
    """Headlines of the events that started in resolved quarter offset ``t`` (deck and custom)."""
    sc = session.scenario
    record = session.game.records[t]
    after = session.game.states[t + 1]
    out = []
    for n, event in enumerate(sc.events):
        if record.report.events_fired[0, n] > 0:
            target = int(after.event_target[0, n])
            out.append({"quarter": record.report.quarter, "id": event.id, "headline": _text(event.headline),
                        "target": sc.firm_ids[target] if target >= 0 else None, "quarters": event.duration})
    for event, target in record.injected:
        if isinstance(event, CustomEvent):
            out.append({"quarter": record.report.quarter, "id": event.id, "headline": _text(event.headline),
                        "target": target, "quarters": event.duration})
    return out


def public_firms(session, t: int, financials: bool) -> list:
    """Every firm's public figures for resolved quarter offset ``t``."""
    sc = session.scenario
    report = session.game.records[t].report
    firm, model = report.firm, report.model
    rows = []
    for f, firm_id in enumerate(sc.firm_ids):
        own = [(j, m.id) for j, m in enumerate(sc.models) if m.firm == firm_id]
        row = {"id": firm_id, "prices": {m: num(model["price_cny"][0, j]) for j, m in own if model["launched"][0, j] > 0},
               **{key: num(firm[metric][0, f]) for key, metric in PUBLIC_FIRM.items()},
               "model_deliveries": {m: num(model["deliveries"][0, j]) for j, m in own}}
        row["exited"] = bool(firm["exited"][0, f] > 0)
        if financials:
            row.update({k: num(firm[k][0, f]) for k in RIVAL_FINANCIALS})
        rows.append(row)
    return rows


def leaderboard(session) -> list:
    """Balanced-scorecard ranking after the latest resolved quarter (empty before the first)."""
    if not session.game.records:
        return []
    sc = session.scenario
    firm = session.game.records[-1].report.firm
    rows = [{"id": f, "name": session.settings.name_of(f, sc) if f in session.teams else sc.firms[i].name.en,
             "team": f in session.teams, "score": num(firm["score"][0, i]),
             **{m: num(firm[f"score_{m}"][0, i]) for m in SCORE_METRICS}}
            for i, f in enumerate(sc.firm_ids)]
    rows.sort(key=lambda r: -(r["score"] or 0.0))
    for rank, row in enumerate(rows, 1):
        row["rank"] = rank
    return rows


def _firm_card(sc, firm_id: str) -> dict:
    f = sc.firms[sc.firm_index(firm_id)]
    return {"id": firm_id, "name": _text(f.name), "color": f.color,
            "models": [{"id": m.id, "name": _text(m.name), "optional": m.optional} for m in sc.models if m.firm == firm_id]}


def team_view(session, team: str) -> dict:
    """What ``team`` may see now: own books in full, rivals' public information, the news."""
    sc, game, vis = session.scenario, session.game, session.settings.visibility
    f = sc.firm_index(team)
    state = game.state
    own_models = [(j, m.id) for j, m in enumerate(sc.models) if m.firm == team]
    books = {k: num(state.field(k)[0, f]) for k in OWN_STATE}
    books["models"] = {m: {k: num(state.field(k)[0, j]) for k in OWN_MODEL_STATE} for j, m in own_models}
    history, decisions = [], []
    for rec in game.records:
        history.append({"quarter": rec.report.quarter, **{k: num(rec.report.firm[k][0, f]) for k in HISTORY}})
        decisions.append({"quarter": rec.report.quarter, "decision": rec.decisions[team].to_dict()})
    last = None
    if game.records:
        report = game.records[-1].report
        last = {"quarter": report.quarter, "firm": {k: num(v[0, f]) for k, v in report.firm.items()},
                "models": {m: {k: num(v[0, j]) for k, v in report.model.items()} for j, m in own_models}}
    n = len(game.records)
    market_quarters = range(n) if vis.history else range(max(n - 1, 0), n)
    draft = session.submission_of(team)
    prediction = session.predictions.get((game.t, team))
    return {
        "session": header(session), "team": team, "name": session.settings.name_of(team, sc),
        "firm": _firm_card(sc, team), "visibility": asdict(vis),
        "own": {"books": books, "last": last, "history": history, "decisions": decisions},
        "draft": draft.to_dict() if draft is not None else None,
        "prediction": prediction.to_dict() if prediction is not None else None,
        "predictions": session.prediction_scores(team),
        "list_prices": {firm_id: {m.id: num(state.price[0, j]) for j, m in enumerate(sc.models)
                                  if m.firm == firm_id and state.launched[0, j] > 0} for firm_id in sc.firm_ids},
        "rivals": [_firm_card(sc, r) for r in sc.firm_ids if r != team],
        "market": [{"quarter": game.records[t].report.quarter,
                    "firms": public_firms(session, t, vis.rival_financials)} for t in market_quarters],
        "news": [item for t in range(n) for item in news(session, t)],
        "leaderboard": leaderboard(session) if vis.leaderboard else None,
    }


def facilitator_view(session) -> dict:
    """The console: submissions (who, not what), queued events, deck, results, predictions, log."""
    sc, game = session.scenario, session.game
    state = game.state
    deck = [{"id": e.id, "headline": _text(e.headline), "duration": e.duration, "target": e.target,
             "running": num(state.event_left[0, n]), "fired": num(state.event_count[0, n])}
            for n, e in enumerate(sc.events)]
    results = []
    if game.records:
        report = game.records[-1].report
        results = [{"id": fid, **{k: num(v[0, i]) for k, v in report.firm.items()}} for i, fid in enumerate(sc.firm_ids)]
    return {
        "session": header(session), "settings": session.settings.to_dict(),
        "submissions": session.submission_status(),
        "predicted": {t: (game.t, t) in session.predictions for t in session.teams},
        "injections": to_json(session.injections), "deck": deck, "results": results,
        "defaulted": list(session.defaulted[-1]) if session.defaulted else [],
        "leaderboard": leaderboard(session),
        "predictions": {t: session.prediction_scores(t) for t in session.teams},
        "news": [item for t in range(len(game.records)) for item in news(session, t)],
        "reopen_warning": session.reopen_warning(), "log": list(session.log[-50:]),
        "hashes": [r.state_hash for r in game.records],
    }


def projector_view(session) -> dict:
    """Leaderboard, the market-share race over quarters and the latest news; no private data."""
    sc, game = session.scenario, session.game
    race = []
    for i, fid in enumerate(sc.firm_ids):
        card = _firm_card(sc, fid)
        race.append({"id": fid, "name": session.settings.name_of(fid, sc) if fid in session.teams else card["name"]["en"],
                     "color": card["color"], "team": fid in session.teams,
                     "shares": [num(r.report.firm["market_share"][0, i]) for r in game.records]})
    latest = news(session, len(game.records) - 1) if game.records else []
    return {"session": header(session), "leaderboard": leaderboard(session),
            "share_race": {"quarters": [r.report.quarter for r in game.records], "firms": race}, "news": latest}
