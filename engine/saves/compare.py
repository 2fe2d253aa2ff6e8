"""Compare two branches of a game (a save and its fork) from their stored outcomes."""

import math
from dataclasses import dataclass
from pathlib import Path

from ..errors import ClosedLoopError
from .outcomes import Outcomes, load_outcomes, outcomes_of_game

KEY_METRICS = ("deliveries", "revenue_cny", "operating_profit_cny", "cash_cny", "market_share", "avg_price_cny",
               "score")


@dataclass(frozen=True)
class Difference:
    """One value that differs between branch ``a`` and branch ``b``."""

    quarter: str
    firm: str
    metric: str
    a: float
    b: float

    @property
    def delta(self) -> float:
        """``b - a`` (NaN when either is missing)."""
        return self.b - self.a


@dataclass(frozen=True)
class DecisionDifference:
    """A decision field that differs between the branches (``model`` for per-model fields)."""

    quarter: str
    firm: str
    field: str
    a: object
    b: object


@dataclass(frozen=True)
class BranchComparison:
    """Side-by-side differences of two branches over the quarters both hold.

    Attributes:
        a_name, b_name: labels of the branches (file names).
        quarters: quarters held by both, in order.
        diverges_at: first quarter whose state hash differs (None: identical over ``quarters``).
        decisions: decision fields that differ, quarter by quarter.
        rows: metric values that differ (only ``metrics`` compared), quarter by quarter.
        metrics: the metrics compared.
    """

    a_name: str
    b_name: str
    quarters: tuple
    diverges_at: str | None
    decisions: tuple
    rows: tuple
    metrics: tuple

    def final(self, firm: str | None = None) -> tuple:
        """Differences in the last common quarter (optionally of one firm)."""
        last = self.quarters[-1] if self.quarters else None
        return tuple(r for r in self.rows if r.quarter == last and (firm is None or r.firm == firm))

    def table(self, firms=None, quarters=None) -> str:
        """A text table ``quarter firm metric a b delta`` of the differences."""
        head = f"{'quarter':<8} {'firm':<9} {'metric':<22} {self.a_name[:16]:>16} {self.b_name[:16]:>16} {'b - a':>14}"
        lines = [head]
        for r in self.rows:
            if (firms and r.firm not in firms) or (quarters and r.quarter not in quarters):
                continue
            lines.append(f"{r.quarter:<8} {r.firm:<9} {r.metric:<22} {_fmt(r.a):>16} {_fmt(r.b):>16} {_fmt(r.delta):>14}")
        return "\n".join(lines)

    def to_json(self) -> dict:
        """JSON-ready dict (non-finite numbers become null)."""
        clean = lambda v: v if isinstance(v, (int, float)) and math.isfinite(v) else None  # noqa: E731
        return {"a": self.a_name, "b": self.b_name, "quarters": list(self.quarters), "diverges_at": self.diverges_at,
                "decisions": [{"quarter": d.quarter, "firm": d.firm, "field": d.field, "a": d.a, "b": d.b}
                              for d in self.decisions],
                "differences": [{"quarter": r.quarter, "firm": r.firm, "metric": r.metric, "a": clean(r.a),
                                 "b": clean(r.b), "delta": clean(r.delta)} for r in self.rows]}


def _fmt(v: float) -> str:
    if v is None or not math.isfinite(v):
        return "-"
    return f"{v:.4g}" if abs(v) < 10 else f"{v:,.0f}"


def _outcomes(branch) -> tuple[Outcomes, str]:
    if isinstance(branch, Outcomes):
        return branch, Path(branch.metadata.path).name or "game"
    if hasattr(branch, "records") and hasattr(branch, "scenario"):
        return outcomes_of_game(branch), "game"
    return load_outcomes(branch), Path(branch).name


def _flat(d: dict) -> dict:
    out = {}
    for k, v in d.items():
        if isinstance(v, dict):
            out.update({f"{k}.{m}": x for m, x in v.items()})
        else:
            out[k] = v
    return out


def compare_branches(a, b, metrics=KEY_METRICS) -> BranchComparison:
    """Compare branches ``a`` and ``b`` (paths, :class:`Outcomes` or live games).

    Raises:
        ClosedLoopError: they are not branches of the same game (scenario, seed or firms differ).
        SaveLoadError: a file is not a valid save.
    """
    oa, na = _outcomes(a)
    ob, nb = _outcomes(b)
    ma, mb = oa.metadata, ob.metadata
    if (ma.scenario_digest, ma.seed, oa.firm_ids) != (mb.scenario_digest, mb.seed, ob.firm_ids):
        raise ClosedLoopError(f"{na} and {nb} are not branches of the same game (scenario, seed or firms differ)")
    if na == nb:
        na, nb = f"{na} (a)", f"{nb} (b)"
    quarters = tuple(q for q in oa.quarters if q in ob.quarters)
    diverges = next((q for q in quarters if oa.state_hashes[oa.index(q)] != ob.state_hashes[ob.index(q)]), None)
    decisions, rows = [], []
    for q in quarters:
        ia, ib = oa.index(q), ob.index(q)
        for f in oa.firm_ids:
            da, db = _flat(oa.decisions[ia].get(f, {})), _flat(ob.decisions[ib].get(f, {}))
            for k in sorted(set(da) | set(db)):
                if da.get(k) != db.get(k):
                    decisions.append(DecisionDifference(q, f, k, da.get(k), db.get(k)))
        for m in metrics:
            if m not in oa.firm or m not in ob.firm:
                continue
            for i, f in enumerate(oa.firm_ids):
                va, vb = float(oa.firm[m][ia, i]), float(ob.firm[m][ib, i])
                if va != vb and not (math.isnan(va) and math.isnan(vb)):
                    rows.append(Difference(q, f, m, va, vb))
    return BranchComparison(na, nb, quarters, diverges, tuple(decisions), tuple(rows), tuple(metrics))
