"""Financing, cash and distress: parent support, equity, debt, emergency funding and exit.

Cash moves by what is received and paid (production is paid when built, not when delivered):

    cash' = cash + revenue - cash costs - capex - interest + financing

which equals operating profit + depreciation - change in inventory value - capex - interest +
financing; the tests check that identity every quarter. A firm whose cash would go negative gets
emergency debt at a fee and a brand hit; after ``exit_after_quarters`` distressed quarters in a
row it exits (its cars stay on the road).
"""

import numpy as np


def grant_financing(a, mp, requests, cash, debt, parent_used, revenue_ema, alive):
    """Grant this quarter's financing within the scenario's limits.

    Args:
        a: scenario arrays; mp: :class:`ModelParams`.
        requests: (B, F, 3) parent draw, equity raise, borrowing (negative repays), CNY.
        cash, debt, parent_used, revenue_ema: (B, F) at the start of the quarter.
        alive: (B, F) 1 for firms still in the market.

    Returns:
        dict of (B, F) arrays: parent, equity (net of fees), borrowed, repaid.
    """
    parent_room = np.minimum(a.firm["parent_support_per_quarter_cny"],
                             np.maximum(a.firm["parent_support_cny"] - parent_used, 0.0))
    parent = np.minimum(requests[..., 0], parent_room) * alive
    equity = np.minimum(requests[..., 1], a.firm["equity_per_quarter_cny"]) * (1.0 - mp.equity_fee) * alive
    debt_room = np.maximum(mp.max_leverage * 4.0 * revenue_ema - debt, 0.0)
    borrowed = np.clip(requests[..., 2], 0.0, None)
    borrowed = np.minimum(borrowed, debt_room) * alive
    repaid = np.minimum(np.minimum(np.clip(-requests[..., 2], 0.0, None), debt), np.maximum(cash, 0.0)) * alive
    return {"parent": parent, "equity": equity, "borrowed": borrowed, "repaid": repaid}


def settle_cash(mp, cash, debt, flows, financing, distress, cash_costs_quarter, alive):
    """Close the quarter's cash: apply flows, financing and, if needed, emergency funding.

    Args:
        cash, debt, distress: (B, F) at the start of the quarter (distress = quarters in a row).
        flows: (B, F) operating cash flow minus capex and interest (CNY).
        financing: dict from :func:`grant_financing`.
        cash_costs_quarter: (B, F) this quarter's cash costs, sizing the emergency buffer.
        alive: (B, F).

    Returns:
        dict of (B, F): cash, debt, emergency (cash received), distressed (0/1), distress, exited (0/1).
    """
    pre = cash + flows + financing["parent"] + financing["equity"] + financing["borrowed"] - financing["repaid"]
    short = (pre < 0) & (alive > 0)
    emergency = np.where(short, -pre + 0.25 * cash_costs_quarter, 0.0)
    new_debt = debt + financing["borrowed"] - financing["repaid"] + emergency * (1.0 + mp.distress_fee)
    new_distress = np.where(short, distress + 1.0, 0.0) * alive
    exited = (new_distress >= mp.exit_after_quarters).astype(float)
    return {"cash": pre + emergency, "debt": new_debt, "emergency": emergency,
            "distressed": short.astype(float), "distress": new_distress, "exited": exited}
