"""Scripted decisions (``[[script]]`` tables): cross-checks and the compiled plan.

A history scenario scripts what each firm actually did, quarter by quarter. Each entry names a
firm and a quarter and sets some decisions; a value holds from its quarter until the firm's next
entry that sets the same field. The plan compiles the entries into arrays over the quarters of
the scenario with NaN where nothing is scripted, so :mod:`engine.script` can overlay them on the
normal AI's decisions without loops over firms or models.
"""

from dataclasses import dataclass

import numpy as np

from ..decisions import BUDGETS

SCALARS = ("capacity_order", "shifts", "bundle_subsidy")


@dataclass(frozen=True, eq=False)
class ScriptPlan:
    """Scripted values per quarter offset ``t`` (NaN = not scripted, the AI decides).

    Attributes:
        price, incentive: (T, J) CNY.
        launch: (T, J) 1 where development of an optional model starts in quarter t.
        launch_scripted: (J,) True for models whose launch only the script decides.
        off_sale: (T, J) True from the quarter a model is discontinued.
        capacity_order, shifts, bundle: (T, F).
        budget: (T, F, 6) CNY/quarter in the order of :data:`engine.decisions.BUDGETS`.
    """

    price: np.ndarray
    incentive: np.ndarray
    launch: np.ndarray
    launch_scripted: np.ndarray
    off_sale: np.ndarray
    capacity_order: np.ndarray
    shifts: np.ndarray
    bundle: np.ndarray
    budget: np.ndarray

    def at(self, t: int) -> dict:
        """Scripted values of quarter offset ``t`` (the last quarter's beyond the end), name -> array."""
        k = min(max(t, 0), self.price.shape[0] - 1)
        return {"price": self.price[k], "incentive": self.incentive[k], "launch": self.launch[k] if t == k else
                np.zeros_like(self.launch[k]), "off_sale": self.off_sale[k],
                "capacity_order": self.capacity_order[k], "shifts": self.shifts[k],
                "bundle": self.bundle[k], "budget": self.budget[k]}


def check_script(s, r) -> None:
    """Check script entries against the scenario; ``r.fail`` names the first bad field (one line)."""
    firm_ids = set(s.firm_ids)
    models = {m.id: m for m in s.models}
    seen, launched = set(), {}
    for i, e in enumerate(s.script):
        where = f"script[{i}]"
        if e.firm not in firm_ids:
            r.fail(f"{where}.firm", f"no firm {e.firm!r}")
        if not s.info.start <= e.quarter <= s.info.end:
            r.fail(f"{where}.quarter", "is outside the scenario's quarters")
        if (e.firm, e.quarter) in seen:
            r.fail(where, f"a second entry for {e.firm} in the same quarter (merge them)")
        seen.add((e.firm, e.quarter))
        for table in ("prices", "incentives"):
            for model_id in getattr(e, table):
                if model_id not in models or models[model_id].firm != e.firm:
                    r.fail(f"{where}.{table}.{model_id}", f"{e.firm} has no model {model_id!r}")
        for model_id in e.launches:
            if model_id not in models or models[model_id].firm != e.firm:
                r.fail(f"{where}.launches", f"{e.firm} has no model {model_id!r}")
            if not models[model_id].optional:
                r.fail(f"{where}.launches", f"{model_id} is not an optional model (it launches by itself)")
            if model_id in launched:
                r.fail(f"{where}.launches", f"{model_id} is already launched by script[{launched[model_id]}]")
            launched[model_id] = i
        for model_id in e.discontinue:
            if model_id not in models or models[model_id].firm != e.firm:
                r.fail(f"{where}.discontinue", f"{e.firm} has no model {model_id!r}")


def compile_script(s) -> ScriptPlan | None:
    """Return the :class:`ScriptPlan` of a checked scenario, or None when it scripts nothing."""
    if not s.script:
        return None
    T, F, J = s.n_quarters, len(s.firms), len(s.models)
    model_index = {m.id: j for j, m in enumerate(s.models)}
    firm_index = {f.id: k for k, f in enumerate(s.firms)}
    price, incentive = np.full((T, J), np.nan), np.full((T, J), np.nan)
    launch, scripted, off_sale = np.zeros((T, J)), np.zeros(J, dtype=bool), np.zeros((T, J), dtype=bool)
    scalars = {name: np.full((T, F), np.nan) for name in SCALARS}
    budget = np.full((T, F, len(BUDGETS)), np.nan)
    for e in sorted(s.script, key=lambda e: e.quarter):  # later entries override from their quarter on
        t, f = e.quarter - s.info.start, firm_index[e.firm]
        for model_id, value in e.prices.items():
            price[t:, model_index[model_id]] = value
        for model_id, value in e.incentives.items():
            incentive[t:, model_index[model_id]] = value
        for model_id in e.launches:
            launch[t, model_index[model_id]] = 1.0
            scripted[model_index[model_id]] = True
        for model_id in e.discontinue:
            off_sale[t:, model_index[model_id]] = True
        for name in SCALARS:
            if getattr(e, name) is not None:
                scalars[name][t:, f] = getattr(e, name)
        for k, name in enumerate(BUDGETS):
            if getattr(e, name) is not None:
                budget[t:, f, k] = getattr(e, name)
    arrays = (price, incentive, launch, scripted, off_sale, scalars["capacity_order"], scalars["shifts"],
              scalars["bundle_subsidy"], budget)
    for arr in arrays:
        arr.setflags(write=False)
    return ScriptPlan(*arrays)
