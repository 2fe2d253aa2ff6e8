"""The quarterly report: everything a quarter produced, per firm, per model and for the world."""

from dataclasses import dataclass

import numpy as np

from .quarters import quarter_label


@dataclass(frozen=True, eq=False)
class QuarterReport:
    """Results of one quarter for a batch of futures.

    Attributes:
        t: quarter offset that was played (0 = the scenario's first quarter).
        quarter: its label, e.g. ``"2024Q2"``.
        firm: name -> (B, F) arrays (CNY, units/quarter, shares, levels).
        model: name -> (B, J) arrays.
        world: name -> (B,) arrays.
        events_fired, events_active: (B, N) 0/1.
        objectives: (B, O) status after the quarter (0 pending, 1 met, -1 failed).
    """

    t: int
    quarter: str
    firm: dict
    model: dict
    world: dict
    events_fired: np.ndarray
    events_active: np.ndarray
    objectives: np.ndarray

    @property
    def futures(self) -> int:
        """Batch size B."""
        return self.events_fired.shape[0]

    def future(self, i: int) -> "QuarterReport":
        """Return future ``i`` as a single-future report."""
        pick = lambda d: {k: v[i:i + 1] for k, v in d.items()}  # noqa: E731
        return QuarterReport(self.t, self.quarter, pick(self.firm), pick(self.model), pick(self.world),
                             self.events_fired[i:i + 1], self.events_active[i:i + 1], self.objectives[i:i + 1])


def make_report(scenario, t: int, firm: dict, model: dict, world: dict, fired, active, objectives) -> QuarterReport:
    """Build a :class:`QuarterReport` for quarter offset ``t`` of ``scenario``."""
    return QuarterReport(t, quarter_label(scenario.info.start + t), firm, model, world, fired, active, objectives)

