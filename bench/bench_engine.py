"""Engine budgets (DESIGN section 6, engine issue): prints figures and their ratio to the budget.

    python bench/bench_engine.py

Budgets: advance one quarter of one future <= 2 ms; 10,000 futures x 1 quarter <= 150 ms;
peak memory for 10,000 futures <= 1 GB. Not a test: timings vary with the machine.

The 10,000-futures budget is reported twice: with the quarter's random numbers drawn before the
timer (the engine's arithmetic alone), and with them drawn inside it -- ``CHUNK_QUARTERS``
quarters played in a row from streams seeded beforehand, as a forecast plays them. The streams
draw that many quarters at a time (``engine.rng.CHUNK_QUARTERS``), so the first of those quarters
pays for the others too: it is shown beside the mean per quarter, and both should fit the budget.
"""

import statistics
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.ai import normal  # noqa: E402
from engine.initial import initial_state  # noqa: E402
from engine.model import advance, random_width  # noqa: E402
from engine.perf import tune_allocator  # noqa: E402
from engine.rng import CHUNK_QUARTERS, Streams  # noqa: E402
from engine.scenario import load_scenario  # noqa: E402


def timed(fn, repeat):
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times)


RUN_REPEATS = 3


def play_run(sc, n, decisions, draw_first: bool):
    """Seconds of each ``advance`` over ``len(decisions)`` quarters from the start (10,000 futures).

    The streams are seeded before any timer; with ``draw_first`` the first chunk of random numbers
    is drawn before the timers too, else each quarter draws what it needs inside its timer.
    """
    streams = Streams(7, n)
    streams.prepare()
    if draw_first:
        streams.block(0, random_width(sc.arrays))
    state, times = initial_state(sc, n), []
    for quarter_decisions in decisions:
        t0 = time.perf_counter()
        state, _ = advance(state, quarter_decisions, streams)
        times.append(time.perf_counter() - t0)
    return times


def report(name, seconds, budget):
    print(f"{name:<58} {seconds * 1e3:9.3f} ms   budget {budget * 1e3:7.1f} ms   ratio {seconds / budget:5.2f}"
          f"   {'OK' if seconds <= budget else 'OVER'}")


def main():
    sc = load_scenario("xiaomi-2024")
    width = random_width(sc.arrays)
    print(f"scenario {sc.id}: {sc.arrays.n_firms} firms, {sc.arrays.n_models} models, "
          f"{sc.arrays.n_types} consumer types, {sc.arrays.n_events} events; {width} draws/future/quarter")

    # one future, one quarter (state at 2024Q3, AI decisions computed beforehand)
    streams = Streams(7, 1)
    state = initial_state(sc)
    for _ in range(2):
        state, _ = advance(state, normal.decide(state), streams)
    decisions = normal.decide(state)
    streams.block(state.t, width)
    med, best = timed(lambda: advance(state, decisions, streams), 300)
    report("advance, 1 future, 1 quarter (median)", med, 2e-3)
    med_ai, _ = timed(lambda: normal.decide(state), 100)
    print(f"{'  normal AI, all 7 firms decide (median, not in budget)':<58} {med_ai * 1e3:9.3f} ms")

    # 10,000 futures, one quarter
    n = 10_000
    big = initial_state(sc, n)
    big_streams = Streams(7, n)
    t0 = time.perf_counter()
    big_streams.block(0, width)
    setup = time.perf_counter() - t0
    big_decisions = normal.decide(big)
    med_plain, _ = timed(lambda: advance(big, big_decisions, big_streams), 7)
    print(f"{'  same, default glibc allocator (page faults per temporary)':<58} {med_plain * 1e3:9.3f} ms")
    tuned = tune_allocator()
    med_big, _ = timed(lambda: advance(big, big_decisions, big_streams), 7)
    report(f"advance, {n:,} futures, 1 quarter (median, tuned={tuned})", med_big, 0.150)
    print(f"{f'  one-time: create 10,000 streams and draw {CHUNK_QUARTERS} quarters':<58} {setup * 1e3:9.3f} ms")
    t0 = time.perf_counter()
    normal.decide(big)
    print(f"{'  normal AI for 10,000 futures (not in budget)':<58} {(time.perf_counter() - t0) * 1e3:9.3f} ms")

    # CHUNK_QUARTERS quarters in a row, the same states and decisions twice: random numbers drawn before the
    # timers, then drawn inside them (streams seeded beforehand both times)
    decisions, state, streams = [], initial_state(sc, n), Streams(7, n)
    for _ in range(CHUNK_QUARTERS):                      # the normal AI's decisions, untimed
        decisions.append(normal.decide(state))
        state, _ = advance(state, decisions[-1], streams)
    runs = [(play_run(sc, n, decisions, draw_first=True), play_run(sc, n, decisions, draw_first=False))
            for _ in range(1 + RUN_REPEATS)]
    cold_first = runs[0][1][0]                       # the process's first 80 MB of draws: page faults
    before = [statistics.median(r[0][q] for r in runs[1:]) for q in range(CHUNK_QUARTERS)]
    inside = [statistics.median(r[1][q] for r in runs[1:]) for q in range(CHUNK_QUARTERS)]
    mean_before, mean_inside = statistics.mean(before), statistics.mean(inside)
    print(f"{n:,} futures, {CHUNK_QUARTERS} quarters in a row from 2024Q1, mean per quarter "
          f"(median of {RUN_REPEATS} runs after a first one):")
    report("  random numbers drawn before the timer", mean_before, 0.150)
    report("  each quarter's random numbers drawn inside the timer", mean_inside, 0.150)
    report(f"    of which 2024Q1, drawing quarters 1-{CHUNK_QUARTERS} at once", inside[0], 0.150)
    report("    the same in the process's first run (cold memory)", cold_first, 0.150)
    print(f"{'    cost of the draws, per quarter (inside - before)':<58} {(mean_inside - mean_before) * 1e3:9.3f} ms"
          f"   ({mean_inside / mean_before:.2f}x the figure without them)")

    tracemalloc.start()
    s2 = initial_state(sc, n)
    st2 = Streams(8, n)
    d2 = normal.decide(s2)
    advance(s2, d2, st2)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{'peak memory, 10,000 futures (state, AI, one quarter)':<58} {peak / 2**20:9.1f} MB   budget  1024.0 MB"
          f"   ratio {peak / 2**30:5.2f}   {'OK' if peak <= 2**30 else 'OVER'}")


if __name__ == "__main__":
    main()
