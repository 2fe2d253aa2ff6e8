"""Time series of a game for charts and tables, read from its quarter records (no Qt).

Arrays have the quarters played on the first axis: ``firm("market_share")`` is (T, F),
``model("price_cny")`` is (T, J), ``world("market_sales")`` is (T,). Columns are built on first
use and cached until the next quarter is announced.

The history shows the quarters played when it was created or last :meth:`advance`-d, not the
game's live record list: a worker thread may be appending the next quarter while the GUI reads.
"""

import numpy as np

PRICE_MOVE = 0.03  # rivals' average price moves reported as news


class History:
    """The played quarters of a game, for reading."""

    def __init__(self, game):
        self.game = game
        self._cache = {}
        self.t = len(game.records)

    def advance(self) -> None:
        """Show every quarter the game has played (call in the GUI thread once a quarter is resolved)."""
        self.t = len(self.game.records)
        self._cache.clear()

    @property
    def records(self) -> list:
        """The :class:`~engine.game.QuarterRecord` of each quarter shown."""
        return self.game.records[:self.t]

    def _column(self, kind: str, name: str) -> np.ndarray:
        key = (kind, name)
        if key not in self._cache:
            rows = [getattr(r.report, kind)[name][0] for r in self.records]
            width = {"firm": self.game.scenario.arrays.n_firms, "model": self.game.scenario.arrays.n_models}
            self._cache[key] = np.array(rows) if rows else np.zeros((0, width[kind]) if kind in width else (0,))
        return self._cache[key]

    @property
    def quarters(self) -> list:
        """Labels of the quarters played."""
        return [r.report.quarter for r in self.records]

    def firm(self, name: str) -> np.ndarray:
        """Firm metric ``name`` over quarters, (T, F)."""
        return self._column("firm", name)

    def model(self, name: str) -> np.ndarray:
        """Model metric ``name`` over quarters, (T, J)."""
        return self._column("model", name)

    def world(self, name: str) -> np.ndarray:
        """World metric ``name`` over quarters, (T,)."""
        return self._column("world", name)

    def market_price(self) -> np.ndarray:
        """Delivery-weighted average transaction price (list-price terms) of all firms per quarter, (T,)."""
        units = self.firm("deliveries")
        return (self.firm("avg_price_cny") * units).sum(axis=1) / np.maximum(units.sum(axis=1), 1.0)

    def news(self, start: int = 0) -> list:
        """News items ``(quarter, kind, payload)`` in order of play, from quarter offset ``start``.

        Kinds: ``"event"`` (payload: the scenario's Event), ``"price"`` (payload: ``(firm, change)``,
        a rival's average price move of more than :data:`PRICE_MOVE`).
        """
        sc = self.game.scenario
        items = []
        price = self.firm("avg_price_cny")
        units = self.firm("deliveries")
        for t, record in enumerate(self.records[start:], start=start):
            fired = record.report.events_fired[0]
            items += [(record.report.quarter, "event", sc.events[n]) for n in np.flatnonzero(fired > 0)]
            if t == 0:
                continue
            for f, firm in enumerate(sc.firms):
                if firm.id == sc.info.player or units[t - 1, f] <= 0 or units[t, f] <= 0:
                    continue
                change = price[t, f] / max(price[t - 1, f], 1.0) - 1.0
                if abs(change) > PRICE_MOVE:
                    items.append((record.report.quarter, "price", (firm, change)))
        return items
