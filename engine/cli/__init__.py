"""The ``closedloop`` command line (headless). ``main(argv)`` returns the process exit code.

Each subcommand lives in its own module with ``register(subparsers)`` that adds a parser whose
``handler(args) -> int`` does the work. Bad input anywhere exits 2 with one line on stderr and no
traceback; ``--debug`` shows tracebacks of unexpected errors.
"""

import argparse
import sys

from ..errors import ClosedLoopError
from . import backtest, calibrate, forecast, fork, host, play, replay, scenarios, tournament

COMMANDS = [scenarios, play, host, backtest, calibrate, replay, fork, forecast, tournament]
BAD_INPUT = 2
INTERNAL_ERROR = 3


class UsageError(ClosedLoopError):
    """Bad command-line arguments; the message starts with the command, e.g. ``closedloop play: ...``."""


class VersionAction(argparse.Action):
    """``--version``: print the installed version (also in a frozen build) and exit."""

    def __init__(self, option_strings, dest=argparse.SUPPRESS, default=argparse.SUPPRESS, help=None):
        super().__init__(option_strings, dest=dest, default=default, nargs=0, help=help)

    def __call__(self, parser, namespace, values, option_string=None):
        from importlib.metadata import PackageNotFoundError, version

        try:
            text = version("closedloop")
        except PackageNotFoundError:  # a source tree that was never installed
            from .. import __version__ as text
        print(f"closedloop {text}")
        parser.exit()


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line and exit 2 via :class:`UsageError`."""

    def error(self, message):  # noqa: D401 - argparse hook
        raise UsageError(f"{self.prog}: {message}")


def build_parser(extra_commands=()) -> argparse.ArgumentParser:
    """Return the top-level parser with every subcommand registered.

    Args:
        extra_commands: further modules with ``register(subparsers)`` (the app adds ``selftest``).
    """
    parser = Parser(prog="closedloop", description="Closed Loop (闭环): a war-game of the Chinese EV market. "
                    "Run without a command to open the desktop app.")
    parser.add_argument("--debug", action="store_true", help="show tracebacks of unexpected errors")
    parser.add_argument("--version", action=VersionAction, help="show the version and exit")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for module in list(COMMANDS) + list(extra_commands):
        module.register(sub)
    return parser


def main(argv=None, extra_commands=()) -> int:
    """Run the CLI with ``argv`` (default ``sys.argv[1:]``); return the exit code."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(extra_commands)
    debug = "--debug" in argv
    try:
        args = parser.parse_args(argv)
        if not getattr(args, "handler", None):
            parser.print_help()
            return BAD_INPUT
        return int(args.handler(args) or 0)
    except UsageError as exc:  # already prefixed with the command by Parser.error
        print(_one_line(exc), file=sys.stderr)
        return BAD_INPUT
    except ClosedLoopError as exc:
        print(f"closedloop: {_one_line(exc)}", file=sys.stderr)
        return BAD_INPUT
    except KeyboardInterrupt:
        print("closedloop: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # one line for users; --debug for developers
        if debug:
            raise
        print(f"closedloop: internal error: {type(exc).__name__}: {_one_line(exc)} (run with --debug for details)",
              file=sys.stderr)
        return INTERNAL_ERROR


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
