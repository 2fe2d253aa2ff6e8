"""The replay viewer, forks and branch comparison (issue 6, the desktop side).

Everything reads stored outcomes through ``engine.saves`` (via :func:`app.saving.engine_saves`);
nothing re-simulates to *show* a save, so a save made by an older engine displays exactly what
was played. Re-simulation (verify, fork, luck versus skill) runs in worker threads with progress
and Cancel.

Modules: :mod:`.document` (the QObject the widgets read), :mod:`.timeline` (scrubber and event
markers), :mod:`.charts`, :mod:`.tables`, :mod:`.window` (the viewer), :mod:`.jobs` (worker
jobs with a progress dialog), :mod:`.verdict` (verification in plain words), :mod:`.fork_form`
(the what-if form), :mod:`.compare` (branches side by side), :mod:`.luck` (luck versus skill),
:mod:`.recent` (recent replays), :mod:`.opening` (the entry points the start screen and the
main window call).
"""
