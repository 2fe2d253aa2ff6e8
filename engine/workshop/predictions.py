"""The prediction log: a team's forecast of its own quarter, scored against what happened.

Each quarter a team may record its expected deliveries and operating profit with a rationale
(resubmittable until the round locks). After the quarter resolves each metric gets an accuracy
score in [0, 100]:

* deliveries: ``100 * max(0, 1 - |predicted - actual| / max(actual, 1,000))``;
* operating profit: ``100 * max(0, 1 - |predicted - actual| / max(|actual|, 10% of revenue, 100 M CNY))``
  (profits swing around zero, so the error is scaled by the size of the business);

and the quarter's score is their mean. A team's overall accuracy is the mean over the quarters
it predicted; quarters without a prediction are listed but not scored.
"""

import math
from dataclasses import dataclass

from ..errors import shown
from .settings import WorkshopError, expect_object

MAX_RATIONALE = 2000
MAX_DELIVERIES = 1e8
MAX_PROFIT_CNY = 1e13
DELIVERIES_FLOOR = 1000.0
PROFIT_FLOOR_CNY = 1e8
PROFIT_REVENUE_SHARE = 0.1


@dataclass(frozen=True)
class Prediction:
    """One team's forecast of its own quarter.

    Attributes:
        deliveries: expected deliveries (units).
        operating_profit_cny: expected operating profit (CNY, may be negative).
        rationale: why (free text, at most 2,000 characters).
        at: caller-supplied timestamp of the last edit (None when not given).
    """

    deliveries: float
    operating_profit_cny: float
    rationale: str = ""
    at: float | None = None

    def to_dict(self) -> dict:
        """JSON-ready dict."""
        return {"deliveries": self.deliveries, "operating_profit_cny": self.operating_profit_cny,
                "rationale": self.rationale, "at": self.at}

    @staticmethod
    def from_dict(raw, where: str = "prediction") -> "Prediction":
        """Validate a JSON-like dict (WorkshopError naming the field otherwise)."""
        expect_object(raw, where, ("deliveries", "operating_profit_cny", "rationale", "at"))
        for key in ("deliveries", "operating_profit_cny"):
            if key not in raw:
                raise WorkshopError(f"{where}.{key}: missing")
        deliveries = _number(raw["deliveries"], f"{where}.deliveries", 0.0, MAX_DELIVERIES)
        profit = _number(raw["operating_profit_cny"], f"{where}.operating_profit_cny", -MAX_PROFIT_CNY, MAX_PROFIT_CNY)
        rationale = raw.get("rationale", "")
        if not isinstance(rationale, str) or len(rationale) > MAX_RATIONALE:
            raise WorkshopError(f"{where}.rationale: must be a text of at most {MAX_RATIONALE} characters")
        at = raw.get("at")
        if at is not None:
            at = _number(at, f"{where}.at", 0.0, 1e12)
        return Prediction(deliveries, profit, rationale, at)


def _number(value, where: str, lo: float, hi: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
        raise WorkshopError(f"{where}: must be a finite number (got {value!r})")
    if not lo <= value <= hi:
        raise WorkshopError(f"{where}: must be between {shown(lo)} and {shown(hi)} (got {shown(value)})")
    return float(value)


def accuracy(predicted: float, actual: float, scale: float) -> float:
    """``100 * max(0, 1 - |predicted - actual| / scale)``."""
    return 100.0 * max(0.0, 1.0 - abs(predicted - actual) / scale)


def score(prediction: Prediction, deliveries: float, operating_profit: float, revenue: float) -> dict:
    """Score one prediction against the firm's actual deliveries, operating profit and revenue.

    Returns:
        ``{"deliveries": {"predicted", "actual", "error", "score"}, "operating_profit_cny": {...},
        "score"}`` with errors as relative errors on the scales of the module docstring.
    """
    scales = {"deliveries": max(deliveries, DELIVERIES_FLOOR),
              "operating_profit_cny": max(abs(operating_profit), PROFIT_REVENUE_SHARE * revenue, PROFIT_FLOOR_CNY)}
    actual = {"deliveries": deliveries, "operating_profit_cny": operating_profit}
    out = {}
    for key in ("deliveries", "operating_profit_cny"):
        p = getattr(prediction, key)
        out[key] = {"predicted": p, "actual": actual[key], "error": abs(p - actual[key]) / scales[key],
                    "score": accuracy(p, actual[key], scales[key])}
    out["score"] = 0.5 * (out["deliveries"]["score"] + out["operating_profit_cny"]["score"])
    return out


def team_scores(log: dict, team: str, records, firm_index: int) -> dict:
    """Scores of ``team``'s predictions for every resolved quarter.

    Args:
        log: ``{(t, team): Prediction}``.
        team: the team's firm id.
        records: the game's quarter records (single-future reports).
        firm_index: the team's position on the firm axis.

    Returns:
        ``{"quarters": [{"quarter", "prediction" or None, ...score fields}], "mean_score"}``;
        ``mean_score`` is None when the team never predicted.
    """
    rows, scored = [], []
    for t, rec in enumerate(records):
        firm = rec.report.firm
        row = {"quarter": rec.report.quarter}
        prediction = log.get((t, team))
        if prediction is None:
            row["prediction"] = None
        else:
            s = score(prediction, float(firm["deliveries"][0, firm_index]),
                      float(firm["operating_profit_cny"][0, firm_index]), float(firm["revenue_cny"][0, firm_index]))
            row.update(prediction=prediction.to_dict(), **s)
            scored.append(s["score"])
        rows.append(row)
    return {"quarters": rows, "mean_score": sum(scored) / len(scored) if scored else None}
