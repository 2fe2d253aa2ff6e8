"""``closedloop calibrate``: refit the calibrated parameters and write them into the scenario files.

Fits ``scenarios/calibration/fit.toml``'s parameters to the in-sample rows of ``targets.toml``
(see :mod:`engine.calibration_fit`) and rewrites the values, rounded, in every scenario listed
there; ``--check`` refits and compares with the committed values instead (exit 1 when they differ).
"""

import sys

from ..calibration_fit import FIT_FILE, calibrate, committed_differences, load_fit_config, write_values
from ..calibration_targets import TARGETS_FILE
from .common import positive_int


def register(sub) -> None:
    """Add the ``calibrate`` subcommand."""
    p = sub.add_parser("calibrate", help="fit the calibrated parameters to the in-sample targets and write them")
    p.add_argument("--fit", default=str(FIT_FILE), metavar="FILE", help="what to fit (TOML)")
    p.add_argument("--targets", default=str(TARGETS_FILE), metavar="FILE", help="reported figures (TOML)")
    p.add_argument("--max-iterations", type=positive_int, metavar="N", help="stop after N iterations")
    p.add_argument("--check", action="store_true",
                   help="write nothing; exit 1 if the committed values differ from a refit")
    p.add_argument("--quiet", action="store_true", help="no progress lines")
    p.set_defaults(handler=run)


def run(args) -> int:
    """Fit, then write (or with ``--check`` compare); return the exit code."""
    config = load_fit_config(args.fit)
    settings = config.settings
    progress = None if args.quiet else (lambda i, cost: print(f"iteration {i}: cost {cost:.4f}", file=sys.stderr))
    result = calibrate(config, args.targets, args.max_iterations, progress)
    print(f"fitted {len(config.params)} parameters: cost {result.cost0:.2f} -> {result.cost:.4f} "
          f"in {result.iterations} iterations ({result.evaluations} history runs)")
    if args.check:
        diffs = committed_differences(result.values, settings.scenarios, settings.significant_digits)
        for scenario_id, path, committed, refit in diffs:
            print(f"{scenario_id}: {path}: committed {committed:.6g}, refit {refit:.6g}")
        print("committed parameters reproduced" if not diffs else f"{len(diffs)} parameters differ")
        return 1 if diffs else 0
    for path in write_values(result.values, settings.scenarios, settings.significant_digits):
        print(f"wrote {path}")
    return 0
