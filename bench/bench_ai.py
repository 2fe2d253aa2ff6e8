"""AI budgets (DESIGN section 6, AI issue): prints figures and their ratio to the budget.

    python bench/bench_ai.py [--skip-pyblp]

1. Forecast: 10,000 futures x 8 quarters, every firm on normal AI: <= 1.5 s and <= 1 GB.
2. Hard AI, all rivals, one quarter: <= 1 s.
3. ``nash_prices`` on 1,000 three-segment markets against pyblp (a general-purpose BLP
   library, the ``bench`` extra): the same prices to 1e-8 relative and >= 100x faster.

Not a test: timings vary with the machine and its load (each figure is the median of a few
runs; the minimum is shown too).
"""

import argparse
import os
import resource
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from engine.ai import normal  # noqa: E402
from engine.forecast import run_forecast  # noqa: E402
from engine.game import Game  # noqa: E402
from engine.model import advance, random_width  # noqa: E402
from engine.perf import tune_allocator  # noqa: E402
from engine.pricing import nash_prices  # noqa: E402
from engine.rng import Streams  # noqa: E402
from engine.scenario import load_scenario  # noqa: E402

MARKETS, SEGMENTS, FIRM_MODELS = 1000, 3, (2, 2, 4, 3, 3, 3, 3)     # 7 firms, 20 models as the scenario


def timed(fn, repeat):
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), result


def report(name, seconds, budget, best=None):
    extra = f"   (min {best:.3f} s)" if best is not None else ""
    print(f"{name:<62} {seconds:8.3f} s   budget {budget:5.2f} s   ratio {seconds / budget:5.2f}   "
          f"{'OK' if seconds <= budget else 'OVER'}{extra}")


def markets(seed=1):
    """1,000 random three-segment markets: utilities, price coefficients (per 100k CNY), costs, weights."""
    rng = np.random.default_rng(seed)
    J = sum(FIRM_MODELS)
    owner = np.repeat(np.arange(len(FIRM_MODELS)), FIRM_MODELS)
    delta = rng.normal(1.0, 1.0, (MARKETS, SEGMENTS, J))
    alpha = rng.uniform(0.5, 2.0, (MARKETS, SEGMENTS))
    cost = rng.uniform(0.5, 3.0, (MARKETS, J))
    weights = rng.dirichlet([3.0] * SEGMENTS, MARKETS)
    return delta, alpha, cost, owner, weights


def pyblp_prices(delta, alpha, cost, owner, weights):
    """The same markets solved by pyblp's zeta-markup iteration; returns (seconds, prices)."""
    import pyblp

    pyblp.options.verbose = False
    T, K, J = delta.shape
    product_data = {"market_ids": np.repeat(np.arange(T), J), "firm_ids": np.tile(owner, T),
                    "prices": (cost + 1.0).ravel(), "shares": np.full(T * J, 0.5 / J)}
    for k in range(K):
        product_data[f"d{k}"] = delta[:, k, :].ravel()
    agent_data = {"market_ids": np.repeat(np.arange(T), K), "weights": weights.ravel(),
                  "nodes": np.zeros((T * K, 1 + K)), "a": alpha.ravel(),
                  **{f"t{k}": np.tile(np.eye(K)[k], T) for k in range(K)}}
    # utility of type k for product j: delta_kj - alpha_k p_j, as prices and K characteristics in
    # X2 interacted with type dummies and the type's price coefficient (pi), no random draws
    sim = pyblp.Simulation(
        (pyblp.Formulation("0 + prices"), pyblp.Formulation("0 + prices + " + " + ".join(f"d{k}" for k in range(K)))),
        product_data, beta=[0.0], sigma=np.zeros((1 + K, 1 + K)),
        pi=np.vstack([[-1.0] + [0.0] * K, np.c_[np.zeros(K), np.eye(K)]]),
        agent_formulation=pyblp.Formulation("0 + a + " + " + ".join(f"t{k}" for k in range(K))),
        agent_data=agent_data, xi=np.zeros(T * J))
    t0 = time.perf_counter()
    res = sim.replace_endogenous(costs=cost.ravel(), prices=(cost + 1.0).ravel(),
                                 iteration=pyblp.Iteration("simple", {"atol": 1e-14, "max_evaluations": 100_000}),
                                 compute_gradients=False, compute_hessians=False)
    return time.perf_counter() - t0, np.asarray(res.product_data.prices).reshape(T, J)


def bench_pricing(skip_pyblp: bool):
    args = markets()
    nash_prices(*args)                                        # warm up
    med, best, ours = timed(lambda: nash_prices(*args), 9)
    print(f"nash_prices, {MARKETS:,} markets x {SEGMENTS} segments x {args[0].shape[-1]} models: "
          f"{med * 1e3:.1f} ms (median of 9, min {best * 1e3:.1f} ms)")
    if skip_pyblp:
        print("  pyblp comparison skipped (--skip-pyblp)")
        return
    try:
        import pyblp  # noqa: F401
    except ImportError as exc:
        print(f"  pyblp comparison skipped: {exc} (install the bench extra: pip install -e '.[bench]')")
        return
    seconds, theirs = pyblp_prices(*args)
    rel = float(np.max(np.abs(ours - theirs) / np.abs(theirs)))
    ratio = seconds / med
    print(f"  pyblp {pyblp.__version__} replace_endogenous (zeta iteration, atol 1e-14): {seconds:.2f} s")
    print(f"{'  same prices (max relative difference, budget 1e-8)':<62} {rel:8.1e}     {'OK' if rel <= 1e-8 else 'OVER'}")
    print(f"{'  speed-up over pyblp (budget >= 100x)':<62} {ratio:8.0f}x    {'OK' if ratio >= 100 else 'OVER'}")


def bench_forecast(sc):
    game = Game.new(sc, 7)
    for _ in range(2):
        game.play_quarter()
    n, quarters = 10_000, 8
    run_forecast(game.state, 7, 256, 2)                       # warm up imports and caches
    cpu0 = time.process_time()
    med, best, _ = timed(lambda: run_forecast(game.state, 7, n, quarters), 3)
    cpu = (time.process_time() - cpu0) / 3
    report(f"forecast, {n:,} futures x {quarters} quarters, normal AI (median of 3)", med, 1.5, best)
    print(f"{'  CPU time of one forecast (both threads)':<62} {cpu:8.3f} s   load average {os.getloadavg()[0]:.1f}")
    streams = Streams(7, n)
    big = game.state.repeat(n)
    decisions = normal.decide(big)
    streams.block(big.t, random_width(sc.arrays))
    adv, _, _ = timed(lambda: advance(big, decisions, streams), 3)
    print(f"{'  for scale: advance, 10,000 futures, one quarter, one thread':<62} {adv:8.3f} s")
    one, _, _ = timed(lambda: run_forecast(game.state, 7, n, quarters, workers=1), 1)
    print(f"{'  same on one thread (results identical)':<62} {one:8.3f} s")
    tracemalloc.start()
    run_forecast(game.state, 8, n, quarters)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{'peak memory of that forecast (tracemalloc)':<62} {peak / 2**20:8.1f} MB  budget 1024.0 MB   "
          f"ratio {peak / 2**30:5.2f}   {'OK' if peak <= 2**30 else 'OVER'}")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{'  process peak RSS so far (all benchmarks, incl. imports)':<62} {rss:8.1f} MB")
    big = game.state.repeat(n)
    med_ai, _, _ = timed(lambda: normal.decide(big), 3)
    print(f"{'  normal AI, 10,000 futures, one quarter, one thread':<62} {med_ai * 1e3:8.1f} ms")


def bench_hard(sc):
    game = Game.new(sc, 7, human=(sc.info.player,), level="hard")
    times = []
    for _ in range(6):
        t0 = time.perf_counter()
        decisions = game.ai_decisions()
        times.append(time.perf_counter() - t0)
        game.replay_quarter({**decisions, sc.info.player: game.suggest(sc.info.player)})
    report(f"hard AI, all {len(sc.firm_ids) - 1} rivals, one quarter (median of 6 quarters)",
           statistics.median(times), 1.0, min(times))
    every = Game.new(sc, 7, level="hard")
    med, _, _ = timed(every.ai_decisions, 3)
    print(f"{'  hard AI, all 7 firms (an autopilot player too)':<62} {med:8.3f} s")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-pyblp", action="store_true", help="skip the slow pyblp comparison")
    args = parser.parse_args()
    tune_allocator()
    sc = load_scenario("xiaomi-2024")
    print(f"scenario {sc.id}: {sc.arrays.n_firms} firms, {sc.arrays.n_models} models, {sc.arrays.n_types} consumer types")
    bench_forecast(sc)
    bench_hard(sc)
    bench_pricing(args.skip_pyblp)      # last: pyblp's BLAS threads keep spinning for a while after it


if __name__ == "__main__":
    main()
