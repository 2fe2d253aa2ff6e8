"""Doctrine scores: what each firm's AI plays for.

The scenario's balanced scorecard (:func:`engine.scoring.scorecard`) re-weighted by the firm's
doctrine objective weights: a metric's weight is the scenario's weight times
``0.5 + emphasis``, where the emphasis of share is ``share_weight``, of operating margin and
cash ``profit_weight``, of valuation ``growth_weight`` and of the ecosystem metric
``ecosystem_weight`` (autonomy and brand keep a neutral 0.5). So Tesla and Li Auto value margin
and cash most, BYD share, NIO and XPeng growth, Xiaomi and AITO the ecosystem. The player's
firm, when an AI plays it, plays for the scenario's scorecard as it stands. On top come the
scenario objectives of the firm, worth ``scoring.objectives`` points each when met -- and, for
"never" objectives, while not failed, so a look-ahead values staying out of distress before the
deadline settles it.
"""

import numpy as np

from ..scenario.arrays import OBJECTIVE_KINDS
from ..scoring import SCORE_METRICS, scorecard

EMPHASIS = {"share": "share_weight", "operating_margin": "profit_weight", "cash": "profit_weight",
            "valuation": "growth_weight", "ecosystem": "ecosystem_weight"}
NEUTRAL = 0.5
_NEVER = OBJECTIVE_KINDS.index("never_distressed")


def doctrine_weights(scenario) -> np.ndarray:
    """Metric weights (F, len(SCORE_METRICS)) of every firm, in the order of ``SCORE_METRICS``.

    The player's firm (when an AI plays it: autopilot, tournaments) plays for the scenario's own
    scorecard -- the campaign's win condition -- so its row is the scenario's weights.
    """
    a = scenario.arrays
    doc = a.doctrine
    columns = []
    for m in SCORE_METRICS:
        emphasis = np.array(doc[EMPHASIS[m]], dtype=float) if m in EMPHASIS else np.full(a.n_firms, NEUTRAL)
        emphasis[a.player] = NEUTRAL
        columns.append(getattr(scenario.scoring, m) * (0.5 + emphasis))
    return np.stack(columns, axis=-1)


def doctrine_score(scenario, state_like) -> np.ndarray:
    """Doctrine score (B, F): 0-100 from the re-weighted scorecard plus objective points.

    Args:
        scenario: the scenario.
        state_like: a state (or anything with the fields :func:`engine.scoring.scorecard` reads).
    """
    card = scorecard(scenario, state_like)
    w = doctrine_weights(scenario)
    metrics = np.stack([card[m] for m in SCORE_METRICS], axis=-1)                    # (B, F, M)
    base = (metrics * w).sum(axis=-1) * (100.0 / np.maximum(w.sum(axis=-1), 1e-9))
    a = scenario.arrays
    status = state_like.objective                                                     # (B, O)
    good = (status > 0) | ((a.obj_kind == _NEVER) & (status == 0))
    owned = a.obj_firm[:, None] == np.arange(a.n_firms)                               # (O, F)
    points = (good[:, :, None] * owned[None]).sum(axis=1)
    return base + scenario.scoring.objectives * points
