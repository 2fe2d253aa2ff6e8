"""Workshop mode, headless: a facilitated session of teams over a game, and its LAN host.

* :class:`WorkshopSession` (``session.py``): set-up, round control, sealed submissions, the
  event console with impact previews, the prediction log; ``to_dict``/``from_dict``.
* ``views.py``: what a team, the facilitator and the projector may see.
* ``protocol.py``, ``host.py``, ``client.py``: the LAN protocol (``docs/workshop-protocol.md``),
  the threaded websockets host and a small client.

Nothing here imports Qt; the desktop app bridges the host's callbacks to signals.
"""

from .predictions import Prediction
from .session import FINISHED, LOCKED, OPEN, PHASES, RESOLVED, WorkshopSession
from .settings import Visibility, WorkshopError, WorkshopSettings

__all__ = ["FINISHED", "LOCKED", "OPEN", "PHASES", "RESOLVED", "Prediction", "Visibility", "WorkshopError",
           "WorkshopSession", "WorkshopSettings"]
