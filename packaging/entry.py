"""Entry script of the frozen ``closedloop`` executable: the console script ``app.launcher:main``.

With ``CLOSEDLOOP_PACKAGING_PROBE=DIR`` in the environment (set only by packaging/smoke.sh and
packaging/measure.sh), ``frozen_probe`` also watches for the first window, screenshots it, checks
the bundled resources from inside the frozen process, writes ``DIR/probe.json`` and quits.
Without it the executable behaves exactly like the console script.
"""

import multiprocessing
import os
import sys


def main() -> int:
    """Run the app (no arguments) or the CLI, as the console script does."""
    multiprocessing.freeze_support()  # a no-op unless a future engine feature spawns processes
    probe_dir = os.environ.get("CLOSEDLOOP_PACKAGING_PROBE")
    if probe_dir:
        import frozen_probe

        frozen_probe.install(probe_dir)
    from app.launcher import main as launcher_main

    return launcher_main()


if __name__ == "__main__":
    sys.exit(main())
