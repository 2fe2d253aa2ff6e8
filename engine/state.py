"""Game state: named numpy views into one read-only float64 buffer of shape (futures, width).

One buffer makes the state cheap to copy, hash, quantise and store, while each field reads as a
plain array with a leading batch axis: ``state.cash`` is (B, F), ``state.backlog`` is (B, J).
Flags (launched, exited, chip done) are stored as 0.0/1.0.

At the end of every quarter the buffer is rounded to 32 significant bits (about 10 decimal
digits). Results stay the same to the last bit when a different CPU's ``exp`` differs by an ulp,
so a replay on another machine reproduces the recorded state hashes.
"""

import hashlib
from dataclasses import dataclass

import numpy as np

from .scenario.arrays import PIPELINE_SLOTS

STATE_ORDER = "F"

# name, axes: F firms, J models, E ecosystems, N events, O objectives, L pipeline, R ramp slots.
FIELDS: tuple[tuple[str, str], ...] = (
    # finance
    ("cash", "F"), ("debt", "F"), ("ppe", "F"), ("parent_used", "F"), ("equity_raised", "F"),
    ("distress", "F"), ("ever_distressed", "F"), ("exited", "F"),
    # brand and autonomy
    ("brand", "F"), ("ceiling", "F"), ("autonomy", "F"), ("team", "F"), ("chip_spend", "F"), ("chip_done", "F"),
    # ecosystem
    ("integration", "F"), ("services_quality", "F"), ("charging", "F"), ("installed_base", "F"),
    # supply
    ("capacity", "F"), ("shifts", "F"), ("cum_output", "F"), ("pipeline", "FL"), ("ramping", "FR"),
    # public results of the last quarter, and smoothed history for valuation and scoring
    ("revenue_last", "F"), ("revenue_ema", "F"), ("op_last", "F"), ("share_ema", "F"),
    ("margin_ema", "F"), ("closed_loop_ema", "F"), ("valuation", "F"), ("valuation0", "F"),
    # models
    ("price", "J"), ("backlog", "J"), ("inventory", "J"), ("inventory_value", "J"),
    ("launched", "J"), ("launch_at", "J"), ("orders_last", "J"), ("deliveries_last", "J"),
    # world
    ("lithium", ""), ("battery_cum", ""), ("battery_flow", ""), ("eco_users", "E"),
    ("event_left", "N"), ("event_count", "N"), ("event_target", "N"),
    ("objective", "O"),
)


@dataclass(frozen=True)
class Layout:
    """Column ranges and shapes of each field in the state buffer."""

    dims: dict
    slices: dict
    shapes: dict
    width: int

    @staticmethod
    def for_dims(F: int, J: int, E: int, N: int, O: int, R: int) -> "Layout":
        """Return the layout for the given axis sizes."""
        dims = {"F": F, "J": J, "E": E, "N": N, "O": O, "L": PIPELINE_SLOTS, "R": R}
        slices, shapes, pos = {}, {}, 0
        for name, axes in FIELDS:
            shape = tuple(dims[a] for a in axes)
            size = int(np.prod(shape)) if shape else 1
            slices[name] = slice(pos, pos + size)
            shapes[name] = shape
            pos += size
        return Layout(dims, slices, shapes, pos)


@dataclass(frozen=True, eq=False)
class State:
    """The state at the start of quarter offset ``t`` for a batch of futures.

    Attributes:
        t: quarters since the scenario start (0 = the first quarter, not yet played).
        data: read-only buffer (B, width); use the named fields, not columns.
        layout: where each field lives in ``data``.
        scenario: the :class:`~engine.scenario.Scenario` whose parameters apply.
    """

    t: int
    data: np.ndarray
    layout: Layout
    scenario: object

    @property
    def futures(self) -> int:
        """Number of Monte Carlo futures (the leading axis)."""
        return self.data.shape[0]

    def field(self, name: str) -> np.ndarray:
        """Return the read-only view of field ``name`` with shape (B, *axes)."""
        return self.data[:, self.layout.slices[name]].reshape((self.data.shape[0],) + self.layout.shapes[name])

    def future(self, i: int) -> "State":
        """Return future ``i`` as a single-future state."""
        return State(self.t, self.data[i:i + 1], self.layout, self.scenario)

    def repeat(self, futures: int) -> "State":
        """Return a batch of ``futures`` copies of this single-future state."""
        if self.futures != 1:
            raise ValueError("repeat() needs a single-future state")
        data = np.require(np.repeat(self.data, futures, axis=0), requirements=STATE_ORDER)
        data.setflags(write=False)
        return State(self.t, data, self.layout, self.scenario)

    def state_hash(self, i: int = 0) -> str:
        """Return the SHA-256 (hex, 32 chars) of future ``i``: scenario text, player, quarter and values."""
        h = hashlib.sha256()
        h.update(f"{self.scenario.digest}|{self.scenario.info.player}|{self.t}|{self.layout.width}|".encode())
        h.update(np.ascontiguousarray(self.data[i], dtype="<f8").tobytes())
        return h.hexdigest()[:32]


def _make_properties() -> None:
    for name, _ in FIELDS:
        setattr(State, name, property(lambda self, n=name: self.field(n), doc=f"field {name!r}"))


_make_properties()


class StateBuilder:
    """Collects the fields of the next state; :meth:`finish` assembles, quantises and freezes it.

    Fields not set keep the values of ``base`` (or zero without a base).
    """

    def __init__(self, scenario, layout: Layout, futures: int, base: np.ndarray | None = None):
        self.scenario = scenario
        self.layout = layout
        self.futures = futures
        self.base = base
        self.values: dict = {}

    def __setitem__(self, name: str, value) -> None:
        shape = (self.futures,) + self.layout.shapes[name]
        self.values[name] = np.broadcast_to(np.asarray(value, dtype=float), shape)

    def __getitem__(self, name: str) -> np.ndarray:
        if name in self.values:
            return self.values[name]
        sl = self.layout.slices[name]
        source = self.base[:, sl] if self.base is not None else np.zeros((self.futures, sl.stop - sl.start))
        return np.broadcast_to(source, (self.futures, sl.stop - sl.start)).reshape((self.futures,) + self.layout.shapes[name])

    def fill(self, out: np.ndarray) -> np.ndarray:
        """Write every field into ``out`` (futures, width) and round it to 32 significant bits."""
        for name, _ in FIELDS:
            out[:, self.layout.slices[name]] = np.reshape(self[name], (self.futures, -1))
        quantise(out)
        return out

    def finish(self, t: int) -> State:
        """Return the frozen state for quarter offset ``t`` (values rounded to 32 significant bits)."""
        # field-major memory: each field is one contiguous block, so writing a batch is a memcpy
        data = self.fill(new_buffer(self.futures, self.layout.width))
        data.setflags(write=False)
        return State(t, data, self.layout, self.scenario)


def new_buffer(futures: int, width: int) -> np.ndarray:
    """An uninitialised state buffer in the engine's memory order."""
    return np.empty((futures, width), order=STATE_ORDER)


def quantise(data: np.ndarray) -> None:
    """Round float64 values in place to 32 significant bits (round half away from zero)."""
    bits = data.view(np.int64)
    bits += 1 << 19
    bits &= ~np.int64((1 << 20) - 1)
