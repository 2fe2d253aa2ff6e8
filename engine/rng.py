"""Seeded random streams, one per Monte Carlo future.

Stream ``i`` of a game seeded ``s`` is ``numpy.random.Generator(PCG64(SeedSequence(s).spawn(n)[i]))``
(``spawn_key=(i,)`` under an optional purpose prefix). Each quarter every stream contributes one
fixed-width block of uniforms, so quarter ``t`` of stream ``i`` is a pure function of
``(seed, prefix, i, t)``: a batch of futures and a single run with the same stream see the same
numbers, and a replay or fork starting at any quarter needs no saved generator state.
"""

from collections.abc import Sequence

import numpy as np

# Quarters drawn per refill. Any value gives the same numbers; 4 keeps the quarter that refills
# 10,000 futures within the 150 ms budget (~24 ms of draws) at ~6 ms a quarter on average
# (8: ~42 ms at ~5 ms; bench/bench_engine.py).
CHUNK_QUARTERS = 4


class Streams:
    """Uniform random blocks for a batch of futures.

    Args:
        seed: the game's seed (non-negative int).
        futures: number of futures (streams ``0..n-1``) or explicit stream indices.
        prefix: spawn-key prefix separating purposes (world, AI noise, forecasts of quarter t ...).
    """

    def __init__(self, seed: int, futures: int | Sequence[int] = 1, prefix: tuple[int, ...] = ()):
        self.seed = int(seed)
        self.prefix = tuple(int(p) for p in prefix)
        self.indices = tuple(range(futures)) if isinstance(futures, int) else tuple(int(i) for i in futures)
        if not self.indices:
            raise ValueError("at least one future is needed")
        self._bitgens: list[np.random.PCG64] | None = None
        self._generators: list[np.random.Generator] | None = None
        self._initial: list[dict] | None = None
        self._position = 0
        self._chunk: np.ndarray | None = None
        self._chunk_start = -1
        self._width = -1

    @property
    def futures(self) -> int:
        """Number of futures in the batch (the leading axis of every block)."""
        return len(self.indices)

    def subset(self, futures: Sequence[int]) -> "Streams":
        """Return streams for a subset of this batch's futures (positions into ``indices``)."""
        return Streams(self.seed, [self.indices[i] for i in futures], self.prefix)

    def block(self, t: int, width: int) -> np.ndarray:
        """Return uniforms in [0, 1) of shape (futures, width) for quarter offset ``t`` >= 0."""
        if t < 0:
            raise ValueError("quarter offset must be >= 0")
        if width != self._width or not (self._chunk_start <= t < self._chunk_start + CHUNK_QUARTERS):
            self._fill(t, width)
        return self._chunk[:, t - self._chunk_start, :]

    def prepare(self) -> None:
        """Seed every future's generator now (about 15 us per future; the first :meth:`block`
        otherwise does it), so a caller can keep that one-time cost out of a timing or a step."""
        if self._bitgens is None:
            seqs = [np.random.SeedSequence(self.seed, spawn_key=self.prefix + (i,)) for i in self.indices]
            self._bitgens = [np.random.PCG64(s) for s in seqs]
            self._generators = [np.random.Generator(b) for b in self._bitgens]   # made once: ~1 us each
            self._initial = [b.state for b in self._bitgens]

    def _fill(self, t: int, width: int) -> None:
        self.prepare()
        target = t * width
        rows = np.empty((self.futures, CHUNK_QUARTERS * width))     # row i: stream i's next draws in order
        forward = target >= self._position and width == self._width
        skip = target - self._position if forward else target
        rewind = not forward and self._position > 0                 # position 0: still at the initial states
        for i, (bg, gen, row) in enumerate(zip(self._bitgens, self._generators, rows)):
            if rewind:
                bg.state = self._initial[i]
            if skip:               # the next chunk in order needs no jump (advance(0) still costs ~1 us)
                bg.advance(skip)
            gen.random(out=row)
        self._position = target + CHUNK_QUARTERS * width
        self._chunk, self._chunk_start, self._width = rows.reshape(self.futures, CHUNK_QUARTERS, width), t, width


def normals(u1: np.ndarray, u2: np.ndarray) -> np.ndarray:
    """Standard normal draws from two uniform arrays of equal shape (Box–Muller)."""
    return np.sqrt(-2.0 * np.log1p(-u1)) * np.cos(2.0 * np.pi * u2)
