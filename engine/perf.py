"""Process-level performance settings for large Monte Carlo batches (no effect on results).

A batch of 10,000 futures allocates temporaries of ~10 MB per numpy operation. By default glibc
serves each from a fresh ``mmap`` and returns it on free, so every operation pays page faults
(about 30% of the time of one quarter, measured in ``bench/bench_engine.py``). Raising the mmap
and trim thresholds lets freed blocks be reused. Entry points that run large batches (forecasts,
tournaments, benchmarks, the app's preview worker) call :func:`tune_allocator` once.
"""

import ctypes
import ctypes.util
import sys

_M_TRIM_THRESHOLD, _M_TOP_PAD, _M_MMAP_THRESHOLD = -1, -2, -3
_applied = False


def tune_allocator() -> bool:
    """Keep freed large blocks for reuse (glibc only). Returns True when the setting is active."""
    global _applied  # process setting, applied at most once
    if _applied:
        return True
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False
    mallopt.argtypes, mallopt.restype = (ctypes.c_int, ctypes.c_int), ctypes.c_int
    _applied = bool(mallopt(_M_MMAP_THRESHOLD, 32 * 2**20) and mallopt(_M_TRIM_THRESHOLD, 1 * 2**30)
                    and mallopt(_M_TOP_PAD, 64 * 2**20))
    return _applied
