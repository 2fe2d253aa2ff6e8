"""Valuation proxy, balanced scorecard and scenario objectives.

Objective status per future: 0 pending, 1 met, -1 failed. ``never_distressed`` fails in the
first distressed quarter and is met at its deadline; the ``*_by`` kinds are met in the first
quarter their condition holds on or before the deadline and fail after it.
"""

import numpy as np

from .scenario.arrays import OBJECTIVE_KINDS

SCORE_METRICS = ("share", "operating_margin", "cash", "autonomy", "ecosystem", "brand", "valuation")
_KIND = {k: i for i, k in enumerate(OBJECTIVE_KINDS)}


def valuation(mp, revenue, revenue_ema, operating_profit, installed_base, cash, debt):
    """Equity value proxy (CNY), (B, F): revenue multiple adjusted for growth and margin, plus
    a value per connected car and net cash; never below zero."""
    growth = np.clip(revenue / np.maximum(revenue_ema, 1.0) - 1.0, -0.5, 1.0)
    margin = np.clip(operating_profit / np.maximum(revenue, 1.0), -0.5, 0.5)
    multiple = np.maximum(mp.valuation_revenue_multiple + mp.valuation_growth_multiple * growth
                          + mp.valuation_margin_multiple * margin, 0.0)
    return np.maximum(4.0 * revenue * multiple + mp.valuation_per_user_cny * installed_base + cash - debt, 0.0)


def starting_valuation(scenario) -> np.ndarray:
    """The valuation par each firm's growth is scored against, (F,), fixed by the scenario.

    Revenue is what the starting capacity would earn at launch prices (net of VAT), valued at
    the plain revenue multiple, plus connected cars and net cash. Fixing it before play means
    no first-quarter result (e.g. selling nothing) can lower the bar.
    """
    a, mp = scenario.arrays, scenario.model
    firm = a.firm
    nameplate = firm["capacity"] + a.firm_ramping.sum(axis=1) + a.firm_pipeline.sum(axis=1)
    output = nameplate * a.shift_output[firm["shifts"].astype(int) - 1]
    regular = a.optional == 0
    mean_price = (np.add.reduceat(a.price0 * regular, a.firm_starts)
                  / np.maximum(np.add.reduceat(regular.astype(float), a.firm_starts), 1.0))
    revenue = output * mean_price / (1.0 + mp.vat_rate)
    return np.asarray(valuation(mp, revenue, revenue, np.zeros_like(revenue), firm["installed_base"],
                                firm["cash_cny"], firm["debt_cny"]), dtype=float)


def share_reference(scenario) -> np.ndarray:
    """Market share each firm's starting capacity implies, (F,): the par for the share metric."""
    a = scenario.arrays
    nameplate = a.firm["capacity"] + a.firm_ramping.sum(axis=1) + a.firm_pipeline.sum(axis=1)
    output = nameplate * a.shift_output[a.firm["shifts"].astype(int) - 1] / (1.0 + a.firm["export_ratio"])
    return np.maximum(output / scenario.market.potential_buyers, 0.002)


def scorecard(scenario, state_like) -> dict:
    """Balanced scorecard metrics in [0, 1] and the weighted score (0-100 + objective points).

    Args:
        scenario: the scenario (weights and references).
        state_like: an object with the state fields share_ema, margin_ema, closed_loop_ema,
            ever_distressed, cash, debt, revenue_ema, autonomy, brand, valuation, valuation0, objective.

    Returns:
        dict: each metric name -> (B, F), and "score" -> (B, F).
    """
    s = state_like
    # cash is net of debt in full: borrowing adds as much debt as cash, so it cannot pad the
    # score (with half the debt counted, borrowing in the last quarter was worth ~6 points)
    metrics = {
        "share": np.minimum(0.5 * s.share_ema / share_reference(scenario), 1.0),
        "operating_margin": (np.clip(s.margin_ema, -0.3, 0.2) + 0.3) / 0.5,
        # parent support counts like debt: the business must pay its own way (a late draw on an
        # unused parent line would otherwise buy score for nothing)
        "cash": (1.0 - s.ever_distressed) * np.clip((s.cash - s.debt - s.parent_used) / np.maximum(s.revenue_ema, 1e9),
                                                    0.0, 1.0),
        "autonomy": s.autonomy / 5.0,
        "ecosystem": np.minimum(3.0 * s.closed_loop_ema, 1.0),
        "brand": np.minimum(s.brand / 2.0, 1.0),
        "valuation": np.clip(0.5 + 0.5 * np.log(np.maximum(s.valuation, 1.0) / np.maximum(s.valuation0, 1.0)) / np.log(3.0), 0.0, 1.0),
    }
    w = scenario.scoring
    total = sum(getattr(w, m) for m in SCORE_METRICS)
    score = sum(getattr(w, m) * metrics[m] for m in SCORE_METRICS) * (100.0 / max(total, 1e-9))
    a = scenario.arrays
    met = (s.objective > 0).astype(float)                                     # (B, O)
    per_firm = (met[:, :, None] * (a.obj_firm[:, None] == np.arange(a.n_firms))).sum(axis=1)
    metrics["score"] = score + w.objectives * per_firm
    return metrics


def update_objectives(a, t: int, status, operating_profit, distressed, share, autonomy, closed_loop):
    """Next objective status (B, O) after quarter offset ``t``'s results (all (B, F))."""
    if status.shape[1] == 0:
        return status
    firm = a.obj_firm.astype(int)
    kind = a.obj_kind
    values = np.stack([operating_profit, distressed, share, autonomy, closed_loop], axis=-1)[:, firm, :]  # (B, O, 5)
    value = np.take_along_axis(values, kind.astype(int)[None, :, None], axis=2)[..., 0]
    holds = np.where(kind == _KIND["never_distressed"], value < 0.5, value > a.obj_threshold)
    holds = np.where(kind == _KIND["operating_profit_by"], holds, np.where(kind == _KIND["never_distressed"], holds, value >= a.obj_threshold))
    pending = status == 0
    before = t <= a.obj_deadline
    never = kind == _KIND["never_distressed"]
    met_now = pending & np.where(never, holds & (t >= a.obj_deadline), holds & before)
    failed_now = pending & ~met_now & np.where(never, ~holds, t >= a.obj_deadline)
    return np.where(met_now, 1.0, np.where(failed_now, -1.0, status))


def objectives_on_track(a, status) -> np.ndarray:
    """(B,) True where every objective is met, or -- for ``never_distressed`` -- not failed yet.

    At the end of a game every objective is decided, so this is "all objectives met"; before,
    it is "met so far" (a pending deadline objective counts as not met).
    """
    if status.shape[1] == 0:
        return np.zeros(status.shape[0], dtype=bool)
    never = a.obj_kind == _KIND["never_distressed"]
    ok = (status > 0) | (never & (status == 0))
    return np.all(ok, axis=1)
