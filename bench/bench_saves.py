"""Save-file budgets (DESIGN section 6, issue 6): prints figures and their ratio to the budget.

    python bench/bench_saves.py

Budgets: autosave one quarter <= 20 ms; load a 40-quarter save <= 200 ms; verify its replay
<= 1 s. The 40-quarter game is the default scenario stretched to 2034Q4 (as tests/conftest.py
``long_scenario`` does), Xiaomi played by a person (AI drafts), every rival on normal AI.
Autosave commits with ``synchronous=FULL`` (fsync), so its time depends on the disk: the
benchmark also prints it on a RAM disk (``/dev/shm``) when there is one, which is the CPU part.
Not a test: timings vary with the machine.
"""

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.game import Game  # noqa: E402
from engine.saves import (autosave, export_copy, load_game, load_outcomes, play_worlds, read_metadata,  # noqa: E402
                          save_game, verify_replay)
from engine.scenario import parse_scenario  # noqa: E402

from bench_engine import timed  # noqa: E402  (median, best)

ROOT = Path(__file__).resolve().parents[1]
QUARTERS = 40


def report(name, seconds, budget=None, best=None):
    extra = f"   best {best * 1e3:8.2f} ms" if best is not None else ""
    if budget is None:
        print(f"{name:<52} {seconds * 1e3:9.2f} ms{extra}")
        return
    print(f"{name:<52} {seconds * 1e3:9.2f} ms   budget {budget * 1e3:7.1f} ms   ratio {seconds / budget:5.2f}"
          f"   {'OK' if seconds <= budget else 'OVER'}{extra}")


def long_game():
    text = (ROOT / "scenarios" / "xiaomi-2024.toml").read_text(encoding="utf-8")
    scenario = parse_scenario(text.replace('end = "2027Q4"', 'end = "2034Q4"', 1), "long.toml")
    game = Game.new(scenario, 7, human=("xiaomi",))
    for _ in range(QUARTERS):
        game.play_quarter({"xiaomi": game.suggest("xiaomi")})
    return game


def prefix(game, t):
    return Game(game.scenario, game.seed, dict(game.controllers), game.states[:t + 1], game.records[:t], game.lineage)


def autosave_each_quarter(game, folder: Path):
    path = folder / "bench-autosave.closedloop"
    autosave(prefix(game, 1), path)
    times = []
    for t in range(2, QUARTERS + 1):
        step = prefix(game, t)
        t0 = time.perf_counter()
        autosave(step, path)
        times.append(time.perf_counter() - t0)
    path.unlink()
    return statistics.median(times), min(times)


def main():
    game = long_game()
    print(f"game: {game.scenario.id} stretched to {QUARTERS} quarters, {len(game.scenario.firm_ids)} firms, "
          f"{len(game.scenario.models)} models")
    with tempfile.TemporaryDirectory(prefix="bench-saves-", dir=os.environ.get("BENCH_DIR")) as tmp:
        folder = Path(tmp)
        median, best = autosave_each_quarter(game, folder)
        report(f"autosave one quarter (disk: {folder.parent})", median, 0.020, best)
        if Path("/dev/shm").is_dir():
            with tempfile.TemporaryDirectory(dir="/dev/shm") as shm:
                median, best = autosave_each_quarter(game, Path(shm))
                report("autosave one quarter (RAM disk: CPU part)", median, 0.020, best)
        path = folder / "bench-40.closedloop"
        seconds, _ = timed(lambda: save_game(game, path), 3)
        report(f"save_game, complete {QUARTERS}-quarter file ({path.stat().st_size / 1e6:.2f} MB)", seconds)
        seconds, best = timed(lambda: load_game(path), 7)
        report(f"load a {QUARTERS}-quarter save (checked, replayed, verified)", seconds, 0.200, best)
        seconds, best = timed(lambda: verify_replay(path), 5)
        report(f"verify its replay ({QUARTERS} quarters)", seconds, 1.0, best)
        seconds, _ = timed(lambda: read_metadata(path), 20)
        report("read_metadata (load dialog)", seconds)
        seconds, _ = timed(lambda: load_outcomes(path), 7)
        report("load_outcomes (viewer, no re-simulation)", seconds)
        seconds, _ = timed(lambda: export_copy(path, folder / "copy.closedloop"), 3)
        report("export_copy (checked import + VACUUM INTO)", seconds)
        seconds, _ = timed(lambda: play_worlds(game, 100), 3)
        report(f"play_worlds: 100 worlds x {QUARTERS} quarters", seconds)


if __name__ == "__main__":
    main()
