"""``closedloop host``: a headless workshop host on the local network.

Writes ``{team: join code}`` as JSON to ``--codes FILE`` and serves until interrupted (SIGINT,
SIGTERM) or until the last quarter is resolved. Rounds run by themselves: a round resolves as
soon as every team has submitted, or when ``--round-seconds`` pass, and the next one opens.
With ``--facilitator-code FILE`` a facilitator can also join and send control messages (lock,
resolve, extend, inject, reissue, ...); see ``docs/workshop-protocol.md``. ``--save FILE`` keeps
the workshop in a save file (after every quarter and at exit); ``--resume FILE`` continues a
workshop saved by the desktop app or by ``--save`` (new join codes are issued) and keeps saving
into that file.
"""

import signal
import threading
import time

from ..ai import LEVELS
from ..errors import ClosedLoopError
from .common import add_scenario_argument, non_negative_int, positive_int, scenario_from, seed_int, write_json

STOP_POLL_SECONDS = 0.2


def port_number(text: str) -> int:
    """argparse type: a TCP port 0-65535 (0 = any free port)."""
    value = non_negative_int(text)
    if value > 65535:
        raise ValueError(f"{text} is not a port (0-65535)")
    return value


def seconds(text: str) -> float:
    """argparse type: a positive number of seconds."""
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a number") from None
    if not 0 < value < float("inf"):
        raise ValueError(f"{text} must be a positive number of seconds")
    return value


port_number.__name__ = "port 0-65535"
seconds.__name__ = "positive number of seconds"


def register(sub) -> None:
    """Add the ``host`` subcommand."""
    p = sub.add_parser("host", help="host a workshop on the local network (headless)")
    add_scenario_argument(p, required=False)
    p.add_argument("--teams", metavar="FIRM,FIRM", help="firm ids run by teams, comma-separated")
    p.add_argument("--bind", default="127.0.0.1", metavar="ADDR", help="address to listen on (0.0.0.0 = every interface)")
    p.add_argument("--port", type=port_number, default=8765, help="TCP port (0 = any free port; the URL is printed)")
    p.add_argument("--codes", required=True, metavar="FILE", help="where to write {team: join code} as JSON")
    p.add_argument("--seed", type=seed_int, help="world seed (default: the scenario's)")
    p.add_argument("--ai-level", choices=LEVELS, help="AI level of the firms no team runs (default normal)")
    p.add_argument("--quarters", type=positive_int, help="quarters to play (default: the whole scenario)")
    p.add_argument("--round-seconds", type=seconds, help="resolve each round after this many seconds at the latest")
    p.add_argument("--facilitator-code", metavar="FILE", help="write a facilitator join code as JSON to FILE")
    p.add_argument("--state", metavar="FILE", help="write the session as JSON to FILE after every quarter and at exit")
    p.add_argument("--save", metavar="FILE", help="keep the workshop in a save file (after every quarter and at exit)")
    p.add_argument("--resume", metavar="FILE", help="continue the workshop saved in FILE (and keep saving into it); "
                   "replaces --scenario, --teams, --seed, --ai-level, --quarters and --round-seconds")
    p.set_defaults(handler=run)


def _session(args):
    """The session to serve: new from the options, or resumed from ``--resume``."""
    from ..workshop import WorkshopError, WorkshopSession, WorkshopSettings

    given = [name for name in ("scenario", "teams", "seed", "ai_level", "quarters", "round_seconds")
             if getattr(args, name) is not None]
    if args.resume:
        if given:
            raise ClosedLoopError(f"--{given[0].replace('_', '-')}: not allowed with --resume (the save holds it)")
        if args.save:
            raise ClosedLoopError("--save: not needed with --resume (the workshop is saved into the resumed file)")
        from ..saves import load_workshop

        session = load_workshop(args.resume)
        if session.deadline_passed(time.time()):
            session.deadline = None            # a round left open: its timer starts again now
        return session, args.resume
    for name in ("scenario", "teams"):
        if getattr(args, name) is None:
            raise ClosedLoopError(f"--{name}: required (or --resume FILE)")
    scenario = scenario_from(args)
    teams = tuple(t.strip() for t in args.teams.split(",") if t.strip())
    seed = scenario.info.default_seed if args.seed is None else args.seed
    settings = WorkshopSettings(teams=teams, seed=seed, ai_level=args.ai_level or "normal", quarters=args.quarters,
                                round_seconds=args.round_seconds)
    try:
        return WorkshopSession(scenario, settings, now=time.time()), args.save
    except WorkshopError as exc:
        raise ClosedLoopError(_as_option(str(exc))) from None


def run(args) -> int:
    """Build (or resume) the session, start the host, write the codes, serve until stopped or finished."""
    from ..workshop.addresses import WILDCARDS, host_urls
    from ..workshop.host import WorkshopHost

    session, save_file = _session(args)
    scenario, teams = session.scenario, session.teams
    if save_file:
        from ..saves import autosave_workshop

        autosave_workshop(session, save_file)     # fails early if the file cannot be written

    def save(name, payload):
        if args.state:
            write_json(args.state, host.snapshot())
        if save_file:
            host.with_session(lambda s: autosave_workshop(s, save_file))

    try:
        host = WorkshopHost(session, args.bind, args.port, auto=True,
                            on_event=_saver(save if (args.state or save_file) else None))
    except OSError as exc:
        raise ClosedLoopError(f"cannot listen on {args.bind}:{args.port} ({exc.strerror or exc})") from None
    stop = threading.Event()
    previous = {sig: signal.signal(sig, lambda *_: stop.set()) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        write_json(args.codes, host.codes)
        if args.facilitator_code:
            write_json(args.facilitator_code, {"facilitator": host.facilitator_code})
        host.start()
        where = ", ".join(host_urls(args.bind, host.port))
        if args.bind in WILDCARDS:
            where = f"every interface of this machine, teams connect to {where}"
        print(f"closedloop host: {scenario.id}, teams {', '.join(teams)}, listening on {where} "
              f"(join codes in {args.codes}); Ctrl+C stops", flush=True)
        while not stop.is_set() and not host.finished.is_set():
            stop.wait(STOP_POLL_SECONDS)
        ended = "the workshop is finished" if host.finished.is_set() else "stopped"
    finally:
        host.stop()
        for sig, handler in previous.items():
            signal.signal(sig, handler)
    if args.state or save_file:
        save("exit", None)
    print(f"closedloop host: {ended} after {session.resolved} quarter(s)", flush=True)
    return 0


def _saver(save):
    if save is None:
        return None
    return lambda name, payload: save(name, payload) if name == "resolved" else None


def _as_option(message: str) -> str:
    """``"ai_level: ..."`` -> ``"--ai-level: ..."`` (settings errors named by their option)."""
    key, _, rest = message.partition(": ")
    options = {"teams": "teams", "quarters": "quarters", "ai_level": "ai-level", "round_seconds": "round-seconds",
               "seed": "seed"}
    return f"--{options[key]}: {rest}" if key in options else message
