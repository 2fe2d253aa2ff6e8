"""Closed Loop engine: the headless, deterministic quarter model of the Chinese EV market.

Nothing in this package imports Qt, pyqtgraph or ``app``; the CLI, tournaments, replays and
tests run it without a display.
"""

__version__ = "0.1.0"
