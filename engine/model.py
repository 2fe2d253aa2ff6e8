"""One quarter of the market: ``advance(state, decisions, rng) -> (next_state, report)``.

The function is pure: it reads the state, the decisions and quarter ``state.t`` of the random
streams, and returns new objects. Every array has a leading batch axis of Monte Carlo futures;
nothing loops over firms or models. The order within a quarter:

1. events fire (and a facilitator's injections), 2. launches, 3. demand at the chosen prices,
4. capacity and production, 5. unit costs, 6. deliveries, backlog and inventory, 7. P&L,
8. financing, cash and distress, 9. autonomy and chips, 10. ecosystem, 11. brand,
12. battery and lithium, 13. share, valuation, scorecard history and objectives.
"""

import numpy as np

from . import autonomy, brand, costs, demand, ecosystem, events, finance, scoring, supply
from .decisions import DecisionArrays
from .report import QuarterReport, make_report
from .rng import Streams, normals
from .scenario.arrays import firm_sum
from .state import State, StateBuilder, new_buffer

SMOOTHING = 0.35


def random_width(a) -> int:
    """Uniforms drawn per future per quarter for scenario arrays ``a``."""
    n_normal = 2 + a.n_models + 2 * a.n_firms
    return 2 * n_normal + 2 * a.n_firms + 2 * a.n_events


def _draws(u: np.ndarray, a) -> dict:
    F, J, N = a.n_firms, a.n_models, a.n_events
    n_normal = 2 + J + 2 * F
    z = normals(u[:, :n_normal], u[:, n_normal:2 * n_normal])
    rest = u[:, 2 * n_normal:]
    return {"market": z[:, 0], "lithium": z[:, 1], "models": z[:, 2:2 + J], "autonomy": z[:, 2 + J:2 + J + F],
            "brand": z[:, 2 + J + F:2 + J + 2 * F], "autonomy_u": rest[:, :F], "chip_u": rest[:, F:2 * F],
            "fire": rest[:, 2 * F:2 * F + N], "target": rest[:, 2 * F + N:2 * F + 2 * N]}


def _lognormal(sd: float, z):
    return np.exp(sd * z - 0.5 * sd * sd)


def advance(state: State, decisions: DecisionArrays, rng: Streams) -> tuple[State, QuarterReport]:
    """Play quarter ``state.t`` for every future.

    Args:
        state: the state at the start of the quarter (B futures).
        decisions: every firm's decisions, batch size B or 1 (broadcast).
        rng: random streams with ``rng.futures == B``.

    Returns:
        ``(next_state, report)``; ``next_state.t == state.t + 1``.
    """
    B = state.futures
    if decisions.futures != B:
        if decisions.futures != 1:
            raise ValueError(f"decisions have {decisions.futures} futures, state has {B}")
        decisions = decisions.repeat(B)
    if rng.futures != B:
        raise ValueError(f"random streams have {rng.futures} futures, state has {B}")
    uniforms = rng.block(state.t, random_width(state.scenario.arrays))
    out = new_buffer(B, state.layout.width)
    report = _advance(state, decisions, uniforms, out)
    out.setflags(write=False)
    return State(state.t + 1, out, state.layout, state.scenario), report


def _advance(state: State, d: DecisionArrays, uniforms: np.ndarray, out: np.ndarray) -> QuarterReport:
    """One quarter for a chunk of futures; writes the next state into ``out`` and returns the report."""
    sc = state.scenario
    a, mp, mk = sc.arrays, sc.model, sc.market
    t, B, own = state.t, state.futures, a.owner
    r = _draws(uniforms, a)
    alive = 1.0 - state.exited
    fsum = lambda x: firm_sum(a, x)  # noqa: E731 - (B, J) -> (B, F)

    # 1. events
    ev = events.resolve(a, t, state.event_left, state.event_count, state.event_target, state.lithium,
                        state.autonomy, state.exited, r["fire"], r["target"], d.inject, d.inject_target)
    ev = events.with_custom(ev, d.custom, a.n_firms)
    lev = ev.levers

    # 2. launches: optional models go on sale dev_quarters after the decision, not before their earliest quarter
    decide = (d.launch > 0) & (state.launch_at < 0) & (a.optional > 0) & (alive[:, own] > 0)
    launch_at = np.where(decide, np.maximum(t + a.dev_quarters, a.launch), state.launch_at)
    developing = (a.optional > 0) & (launch_at > t) & (launch_at - t <= a.dev_quarters)
    dev_spend = np.where(developing, a.dev_cost / np.maximum(a.dev_quarters, 1.0), 0.0)
    on_sale = ((launch_at >= 0) & (launch_at <= t)) | (state.launched > 0)
    launched = on_sale * alive[:, own]
    launched_now = launched * (1.0 - state.launched)

    # 3. demand
    price = d.price
    incentive = np.minimum(d.incentive, 0.5 * price)
    paid = np.maximum(price - incentive - lev["subsidy_cny"][:, own], 0.0)
    excess = np.maximum(price - state.ceiling[:, own], 0.0)
    delta, sensitivity, sold = demand.utility_inputs(state, lev, d.bundle)
    s, s0 = demand.choice_shares(delta, a.type_alpha, paid * sensitivity, excess, a.type_premium, launched)
    weights = demand.type_weights(a, state.eco_users)
    buyers = demand.market_size(mk, a, t, sc.info.start)
    market_shock = _lognormal(mk.demand_noise_sd, r["market"])
    firm_demand = np.maximum(1.0 + lev["demand"], 0.0)[:, own]
    bought = np.einsum("bk,bkj->bj", weights, s)
    part = 1.0 - launched_now * (1.0 - a.first_share)           # a late launch sells for part of its quarter
    domestic = (buyers * bought * firm_demand * market_shock[:, None] * part
                * _lognormal(mk.model_noise_sd, r["models"]))
    exports = domestic * a.firm["export_ratio"][own] * np.clip(1.0 - lev["export_tariff"][:, own], 0.0, 1.0)
    hype = a.hype * launched_now * firm_demand
    orders = domestic + exports + hype

    # 4. capacity and production
    lead = a.firm["expansion_lead_quarters"].astype(int)
    capacity, pipeline, ramping, nameplate = supply.capacity_step(
        state.capacity, state.pipeline, state.ramping, d.capacity_order * alive, lead, a.ramp)
    # a firm adds at most one shift a quarter, and the new crew works at reduced pace at first
    shifts = np.clip(np.rint(d.shifts), 1, np.minimum(state.shifts + 1.0, 3.0))
    trained = a.shift_output[np.minimum(shifts, state.shifts).astype(int) - 1]
    multiple = trained + mp.new_shift_efficiency * (a.shift_output[shifts.astype(int) - 1] - trained)
    output_capacity = nameplate * multiple * np.maximum(1.0 + lev["capacity"], 0.0) * alive
    production = supply.allocate_production(d.production, launched, output_capacity, a.firm_starts, own)

    # 5. unit costs
    index = costs.battery_index(sc.battery, state.battery_cum, state.lithium)
    unit_cost = costs.unit_costs(a, mp, index, state.cum_output, lev["hw_cost"], state.chip_done)

    # 6. deliveries, backlog, inventory at average cost (booked net of VAT)
    net = 1.0 / (1.0 + mp.vat_rate)
    ful = supply.fulfil(state.backlog * launched, orders, state.inventory, production, mk)
    deliveries = ful["deliveries"]
    production_cost = production * unit_cost * net
    pool_units = state.inventory + production
    pool_value = state.inventory_value + production_cost
    cogs_cars = deliveries * pool_value / np.maximum(pool_units, 1e-9)
    inventory_value = np.maximum(pool_value - cogs_cars, 0.0)
    domestic_share = np.where(orders > 0, (domestic + hype) / np.maximum(orders, 1e-9), 1.0)

    # 7. P&L
    units = fsum(deliveries)
    car_sales = fsum(deliveries * (price - incentive))           # at list prices, incl. VAT
    car_revenue = car_sales * net
    services_revenue, attach = ecosystem.services(mp, state.installed_base, state.integration,
                                                  state.services_quality, sold, a.firm["services_arpu_cny"])
    services_revenue = services_revenue * alive
    cross_revenue = ecosystem.cross_sell(mp, units, state.integration, d.bundle, a.firm["cross_sell_cny"])
    revenue = car_revenue + services_revenue + cross_revenue
    labour = mp.labour_cost_per_unit_shift_cny * nameplate * shifts * alive
    depreciation = mp.depreciation_rate * state.ppe * alive
    holding = fsum(mk.holding_cost_rate * inventory_value) * alive
    services_cost = services_revenue * (1.0 - mp.services_margin)
    cross_cost = cross_revenue * (1.0 - a.firm["cross_sell_margin"])
    recall = ev.once["recall_cny_per_car"] * state.installed_base * alive
    cogs = fsum(cogs_cars) + labour + depreciation + holding + services_cost + cross_cost + recall
    gross_profit = revenue - cogs
    budget = d.budget * alive[..., None]
    bundle_cost = d.bundle * units
    rnd = a.firm["base_rnd_cny"] * alive + budget[..., 0] + budget[..., 1] + fsum(dev_spend) * alive
    selling = a.firm["selling_cost_per_car_cny"] * units
    sga = a.firm["base_sga_cny"] * alive + budget[..., 2:].sum(axis=-1) + bundle_cost + selling
    operating_profit = gross_profit - rnd - sga
    eco_gross = services_revenue - services_cost + cross_revenue - cross_cost

    # 8. financing, cash, distress
    capex = a.firm["capex_per_unit_cny"] * pipeline.sum(axis=-1) / lead * alive
    interest = state.debt * a.firm["interest_rate"] / 4.0 * alive
    cash_costs = fsum(production_cost) + labour + holding + services_cost + cross_cost + recall + rnd + sga
    flows = revenue - cash_costs - capex - interest
    funding = finance.grant_financing(a, mp, d.finance, state.cash, state.debt, state.parent_used,
                                      state.revenue_ema, alive)
    settled = finance.settle_cash(mp, state.cash, state.debt, flows, funding, state.distress, cash_costs, alive)
    exited = np.maximum(state.exited, settled["exited"])

    # 9. autonomy and chips
    team = autonomy.team_step(mp, state.team, budget[..., 0])
    gain = autonomy.progress(mp, state.autonomy, team, state.installed_base, r["autonomy"], r["autonomy_u"])
    chip_spend, chip_done, chip_success = autonomy.chip_step(mp, state.chip_spend, state.chip_done, budget[..., 1], r["chip_u"])
    level = np.clip(state.autonomy + gain * alive + mp.chip_capability * chip_success + ev.once["autonomy"], 0.0, 5.0)

    # 10. ecosystem
    integration = ecosystem.toward_full(state.integration, budget[..., 2], mp.integration_scale_cny, mp.integration_decay)
    quality = ecosystem.toward_full(state.services_quality, budget[..., 3], mp.services_budget_scale_cny, mp.integration_decay)
    charging = state.charging * (1.0 - mk.charging_decay) + budget[..., 4]
    installed = state.installed_base * (1.0 - mp.scrappage_rate) + units
    eco_users = state.eco_users * (1.0 + a.eco_growth)

    # 11. brand and ceiling
    shock = ev.once["brand"] - mp.distress_brand_hit * settled["distressed"]
    new_brand = np.where(alive > 0, brand.brand_step(mp, state.brand, budget[..., 5], units, shock, r["brand"]), state.brand)
    above = (price > state.ceiling[:, own]) & (deliveries > 0)
    premium_units = fsum(deliveries * above)
    premium_price = np.maximum.reduceat(np.where(above, price, 0.0), a.firm_starts, axis=-1)
    ceiling = brand.ceiling_step(mp, state.ceiling, state.brand, premium_units, premium_price)

    # 12. battery and lithium
    battery_cum, battery_flow, lithium = costs.battery_step(sc.battery, state.battery_cum, state.battery_flow,
                                                            state.lithium, r["lithium"], ev.once["lithium"])

    # 13. share, valuation, history, objectives
    outside = buyers * (weights * s0).sum(axis=1) * mk.other_car_share * market_shock
    domestic_units = fsum(deliveries * domestic_share)
    market_sales = domestic_units.sum(axis=1) + outside
    share = domestic_units / np.maximum(market_sales, 1.0)[:, None]
    closed_loop = ecosystem.closed_loop_ratio(gross_profit - eco_gross, eco_gross)
    margin = np.clip(operating_profit / np.maximum(revenue, 1.0), -1.0, 1.0)
    first = t == 0
    smooth = lambda old, new: new if first else (1.0 - SMOOTHING) * old + SMOOTHING * new  # noqa: E731
    value = scoring.valuation(mp, revenue, revenue if first else state.revenue_ema, operating_profit,
                              installed, settled["cash"], settled["debt"])
    value = np.where(alive > 0, value, state.valuation)
    objectives = scoring.update_objectives(a, t, state.objective, operating_profit, settled["distressed"],
                                           share, level, closed_loop)

    nb = StateBuilder(sc, state.layout, B)
    for name, val in (
        ("cash", settled["cash"]), ("debt", settled["debt"]), ("ppe", state.ppe + capex - depreciation),
        ("parent_used", state.parent_used + funding["parent"]),
        ("equity_raised", state.equity_raised + funding["equity"]), ("distress", settled["distress"]),
        ("ever_distressed", np.maximum(state.ever_distressed, settled["distressed"])), ("exited", exited),
        ("brand", new_brand), ("ceiling", ceiling), ("autonomy", level), ("team", team),
        ("chip_spend", chip_spend), ("chip_done", chip_done), ("integration", integration),
        ("services_quality", quality), ("charging", charging), ("installed_base", installed),
        ("capacity", capacity), ("shifts", shifts), ("cum_output", state.cum_output + fsum(production)),
        ("pipeline", pipeline), ("ramping", ramping), ("revenue_last", revenue),
        ("revenue_ema", smooth(state.revenue_ema, revenue)), ("op_last", operating_profit),
        ("share_ema", smooth(state.share_ema, share)), ("margin_ema", smooth(state.margin_ema, margin)),
        ("closed_loop_ema", smooth(state.closed_loop_ema, closed_loop)), ("valuation", value),
        ("valuation0", state.valuation0),
        ("price", price), ("backlog", ful["backlog"]), ("inventory", ful["inventory"]),
        ("inventory_value", inventory_value), ("launched", launched), ("launch_at", launch_at),
        ("orders_last", orders), ("deliveries_last", deliveries),
        ("lithium", lithium), ("battery_cum", battery_cum), ("battery_flow", battery_flow),
        ("eco_users", eco_users), ("event_left", np.maximum(ev.left - 1.0, 0.0)), ("event_count", ev.count),
        ("event_target", ev.target), ("objective", objectives),
    ):
        nb[name] = val
    next_state = State(t + 1, nb.fill(out), state.layout, sc)
    card = scoring.scorecard(sc, next_state)

    eco_idx = a.firm_eco.astype(int)
    eco_people = np.where(eco_idx >= 0, eco_users[:, np.maximum(eco_idx, 0)] * 1e6, 0.0)
    avg_price = np.where(units > 0, car_sales / np.maximum(units, 1e-9),
                         fsum(price * launched) / np.maximum(fsum(launched), 1.0))
    firm = {
        "orders": fsum(orders), "deliveries": units, "domestic_deliveries": domestic_units,
        "production": fsum(production), "output_capacity": output_capacity, "nameplate": nameplate,
        "capacity_ordered": d.capacity_order * alive, "capacity_pipeline": pipeline.sum(axis=-1),
        "shifts": shifts, "backlog": fsum(ful["backlog"]), "inventory": fsum(ful["inventory"]),
        "lost_orders": fsum(ful["lost"]), "hype_orders": fsum(hype), "avg_price_cny": avg_price,
        "revenue_cny": revenue, "car_revenue_cny": car_revenue, "services_revenue_cny": services_revenue,
        "cross_sell_revenue_cny": cross_revenue, "cogs_cny": cogs, "car_cogs_cny": fsum(cogs_cars),
        "labour_cny": labour, "depreciation_cny": depreciation, "holding_cny": holding,
        "services_cost_cny": services_cost, "cross_sell_cost_cny": cross_cost, "recall_cny": recall,
        "gross_profit_cny": gross_profit, "gross_margin": np.where(revenue > 0, gross_profit / np.maximum(revenue, 1.0), 0.0),
        "car_gross_margin": np.where(car_revenue > 0, (car_revenue - fsum(cogs_cars) - labour - depreciation - holding - recall)
                                     / np.maximum(car_revenue, 1.0), 0.0),
        "rnd_cny": rnd, "sga_cny": sga, "dev_spend_cny": fsum(dev_spend) * alive, "bundle_cost_cny": bundle_cost,
        "selling_cost_cny": selling,
        "operating_profit_cny": operating_profit, "operating_margin": margin,
        "capex_cny": capex, "interest_cny": interest, "parent_cny": funding["parent"],
        "equity_cny": funding["equity"], "borrowed_cny": funding["borrowed"], "repaid_cny": funding["repaid"],
        "emergency_cny": settled["emergency"], "production_cost_cny": fsum(production_cost),
        "inventory_value_change_cny": fsum(inventory_value - state.inventory_value),
        "cash_cny": settled["cash"], "debt_cny": settled["debt"], "market_share": share,
        "autonomy_level": level, "autonomy_sold": sold, "autonomy_gain": gain, "chip_success": chip_success,
        "team": team, "integration": integration, "services_quality": quality, "attach_rate": attach,
        "installed_base": installed, "ecosystem_users": eco_people + installed,
        "closed_loop_ratio": closed_loop, "ecosystem_gross_profit_cny": eco_gross,
        "brand": new_brand, "brand_ceiling_cny": ceiling, "valuation_cny": value,
        "distressed": settled["distressed"], "exited": exited, "score": card["score"],
        **{f"score_{m}": card[m] for m in scoring.SCORE_METRICS},
        **{f"event_{k}": v for k, v in lev.items()},
    }
    model = {
        "price_cny": price, "incentive_cny": incentive, "price_paid_cny": paid, "orders": orders,
        "domestic_orders": domestic, "export_orders": exports, "hype_orders": hype, "production": production,
        "deliveries": deliveries, "backlog": ful["backlog"], "inventory": ful["inventory"],
        "lost_orders": ful["lost"], "wait_quarters": ful["wait"], "unit_cost_cny": unit_cost,
        "launched": launched, "margin_cny": price - incentive - unit_cost,
        "share_of_buyers": bought / np.maximum(weights.sum(axis=1), 1e-12)[:, None],
    }
    world = {
        "potential_buyers": np.full(B, buyers) * market_shock, "market_sales": market_sales,
        "outside_car_sales": outside, "battery_index_cny_per_kwh": index,
        "lithium_factor": np.exp(state.lithium), "market_shock": market_shock,
    }
    return make_report(sc, t, firm, model, world, ev.fired, ev.active, objectives)
