"""The ``closedloop`` console script: no arguments opens the desktop app, otherwise the CLI.

Qt is imported only when a Qt command runs, so headless subcommands start fast and work on
machines without a display.
"""

import sys

from engine.cli import main as cli_main

from . import commands


def main(argv=None) -> int:
    """Entry point: open the app when there are no arguments, else run a subcommand."""
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv:
        from .main import run_app
        return run_app([])
    return cli_main(argv, extra_commands=commands.ALL)


if __name__ == "__main__":
    sys.exit(main())
