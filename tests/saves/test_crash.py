"""Crash safety: a saving process killed with SIGKILL at random moments never leaves a broken
file; the file always holds exactly the last quarter reported saved (N) or the next (N+1)."""

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import numpy as np
import pytest

from engine.saves import load_outcomes
from crash_child import QUARTERS, long_game
from save_helpers import digest

CHILD = Path(__file__).with_name("crash_child.py")
SEED = 3
# (mode, kills, longest extra delay in seconds): each kill waits for a randomly chosen "saved K"
# line (K = 0 means "ready"), then a random delay of up to about one write, so kills land at
# random points inside the writes whatever the speed of the disk.
PLAN = (("autosave", 24, 0.02), ("save_game", 10, 0.04))
TAIL = 6                    # kills wait for at most "saved QUARTERS - TAIL": writes are still to come

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL (POSIX)")


def _kill_once(folder: Path, mode: str, after: int, delay: float, i: int) -> dict:
    path = folder / f"{mode}-{i}.closedloop"
    with subprocess.Popen([sys.executable, str(CHILD), str(path), mode, str(SEED)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True) as proc:
        first = proc.stdout.readline()
        assert first.strip() == "ready", first + proc.stderr.read()
        for _ in range(after):
            first += proc.stdout.readline()
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        rest, err = proc.stdout.read(), proc.stderr.read()  # not communicate(): it would skip what
        proc.wait(timeout=60)                               # readline() already buffered
    lines = (first + rest).split()
    saved = max([int(w) for k, w in zip(lines, lines[1:]) if k == "saved"], default=0)
    return {"path": path, "saved": saved, "finished": "done" in lines, "stderr": err,
            "journal": os.path.isfile(str(path) + "-journal") and os.path.getsize(str(path) + "-journal") > 0}


def test_sigkill_at_random_points_never_breaks_a_save(tmp_path):
    reference = [r.state_hash for r in long_game(SEED).records]
    rng = np.random.default_rng(20240331)
    jobs = [(mode, int(rng.integers(0, QUARTERS - TAIL + 1)), float(rng.uniform(0, longest)), i)
            for mode, kills, longest in PLAN for i in range(kills)]
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda job: (job[0], _kill_once(tmp_path, *job)), jobs))
    assert len(results) >= 30
    mid_transaction = 0
    for mode, r in results:
        path, saved = r["path"], r["saved"]
        assert "Traceback" not in r["stderr"], r["stderr"]
        if not path.exists():
            assert saved == 0, f"{mode}: reported {saved} quarters saved, but there is no file"
            continue
        mid_transaction += r["journal"]
        before = digest(path)
        stored = load_outcomes(path)                   # read-only: rolls a hot journal back on a copy
        n = len(stored.quarters)
        assert n in (saved, saved + 1), f"{mode}: file holds {n} quarters, {saved} were reported saved"
        assert list(stored.state_hashes) == reference[:n]
        assert digest(path) == before, "reading modified the file"
        check = tmp_path / "check"
        check.mkdir(exist_ok=True)
        copy = check / path.name
        shutil.copyfile(path, copy)
        if r["journal"]:
            shutil.copyfile(str(path) + "-journal", str(copy) + "-journal")
        conn = sqlite3.connect(copy)                   # plain SQLite, as any tool would open it
        try:
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            assert conn.execute("SELECT count(*) FROM quarters").fetchone()[0] == n
            assert conn.execute("SELECT quarters_played FROM meta").fetchone()[0] == n
        finally:
            conn.close()
    kills = [r for _, r in results if not r["finished"]]
    assert len(kills) >= 30, "too few processes were killed while saving"
    assert {r["saved"] for r in kills} != {0}, "no kill landed after the first save"
    print(f"\n{len(kills)} kills while saving; {mid_transaction} left a hot journal (killed mid-transaction); "
          f"quarters reported saved: {sorted(r['saved'] for r in kills)}; finished: {QUARTERS}")
