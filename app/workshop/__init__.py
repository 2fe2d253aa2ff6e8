"""Workshop mode in the desktop app: a facilitator runs teams on one laptop or over the LAN.

* ``controller.py``: :class:`WorkshopController`, the facilitator's QObject over a
  :class:`~engine.workshop.WorkshopSession` (one laptop) or a
  :class:`~engine.workshop.host.WorkshopHost` serving it (LAN; its network callbacks arrive as
  queued signals). Widgets read its cached views and call its methods; nothing else touches
  the session.
* ``setup_dialog.py`` (new workshop), ``console.py`` with ``round_bar.py``, ``teams_panel.py``,
  ``events_panel.py`` and ``results_panel.py`` (the facilitator's console), ``hotseat.py`` with
  ``team_turn.py`` and ``team_draft.py`` (teams taking turns on one laptop), ``projector.py``.
* ``lan_link.py``, ``join_dialog.py``, ``team_window.py``, ``team_form.py``: a team's app
  joining a LAN workshop.
* ``team_panel.py``, ``prediction.py``, ``drafts.py``: what a team sees and records, shared by
  both modes.
* ``debrief_data.py`` (no Qt), ``debrief_render.py``, ``debrief_command.py``: the debrief pack.
* ``launch.py``: the start screen's entries.
"""
