"""Desktop app budgets (DESIGN section 6): prints figures and their ratio to the budget.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_app.py

Budgets: start to first window <= 2 s; end quarter -> charts and report updated <= 200 ms (normal
rivals); the GUI thread never blocked > 100 ms (longest gap of a 5 ms QTimer heartbeat while
quarters resolve and while a preview runs); memory of a 40-quarter game <= 500 MB (resident set
size with the main window open). Replay viewer (issue 6): open a 40-quarter save in the viewer
(load in a worker, then the window built and painted) <= 200 ms (DESIGN section 6: load a 40-quarter
save); time per scrub step (tables, six charts and the quarter panel updated and repainted); the
longest GUI stall while opening, scrubbing and verifying. Not a test: timings vary with the machine.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/bench_app.py replay    # only the viewer figures
"""

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def report(name, value, budget, unit="ms"):
    scale = 1e3 if unit == "ms" else 1.0
    shown = value * scale if unit == "ms" else value
    limit = budget * scale if unit == "ms" else budget
    print(f"{name:<62} {shown:9.1f} {unit:<3} budget {limit:7.1f} {unit:<3} ratio {value / budget:5.2f}"
          f"   {'OK' if value <= budget else 'OVER'}")


def start_to_first_window(runs: int = 3) -> float:
    """Median seconds from spawning ``closedloop`` to its start window being shown (from its log)."""
    times = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory() as tmp:
            env = {**os.environ, "HOME": tmp, "XDG_CONFIG_HOME": f"{tmp}/config", "XDG_DATA_HOME": f"{tmp}/data"}
            log = Path(tmp) / "data" / "ClosedLoop" / "Closed Loop" / "closedloop.log"
            t0 = time.perf_counter()
            proc = subprocess.Popen([sys.executable, "-m", "app.launcher"], cwd=ROOT, env=env,
                                    stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            while not (log.exists() and "start window shown" in log.read_text(encoding="utf-8")):
                if proc.poll() is not None or time.perf_counter() - t0 > 30:
                    raise SystemExit("the app did not show its start window")
                time.sleep(0.005)
            times.append(time.perf_counter() - t0)
            proc.terminate()
            proc.wait(timeout=30)
    return statistics.median(times)


class Heartbeat:
    """A 5 ms QTimer; the longest gap between its ticks is the longest GUI stall."""

    def __init__(self):
        from PySide6.QtCore import QTimer

        self.timer = QTimer()
        self.timer.setInterval(5)
        self.timer.timeout.connect(self._beat)
        self.last = None
        self.longest = 0.0

    def _beat(self):
        now = time.perf_counter()
        if self.last is not None:
            self.longest = max(self.longest, now - self.last)
        self.last = now

    def start(self):
        self.last, self.longest = None, 0.0
        self.timer.start()

    def stop(self) -> float:
        self.timer.stop()
        return self.longest


def run_until(signal, start, timeout_ms=120_000) -> None:
    """Call ``start()`` and run the event loop (idle, as in the real app) until ``signal`` fires."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    signal.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    start()
    loop.exec()
    signal.disconnect(loop.quit)


def rss_mb() -> float:
    """Resident set size of this process in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def replay_save(folder: Path) -> Path:
    """A 40-quarter save: the default scenario stretched to 2034Q4, Xiaomi by a team (AI drafts)."""
    from engine.game import Game
    from engine.saves import save_game
    from engine.scenario import load_scenario, parse_scenario

    base = load_scenario("xiaomi-2024")
    long = parse_scenario(base.text.replace('end = "2027Q4"', 'end = "2034Q4"', 1), "long.toml")
    game = Game.new(long, 7, human=("xiaomi",))
    for _ in range(40):
        game.play_quarter({"xiaomi": game.suggest("xiaomi")})
    path = folder / "bench-40.closedloop"
    save_game(game, path)
    return path


def replay_viewer(app) -> None:
    """Open a 40-quarter save in the viewer, scrub it quarter by quarter, verify it."""
    from PySide6.QtCore import QEvent, QTimer

    from app.replay.opening import open_replay

    folder = Path(tempfile.mkdtemp())
    path = replay_save(folder)
    beat = Heartbeat()
    shown, opens, open_stalls, window = [], [], [], None
    for _ in range(5):
        if window is not None:
            window.close()
            app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            app.processEvents()
        beat.start()
        t0 = time.perf_counter()
        opener = open_replay(None, str(path))
        got = []
        opener.opened.connect(got.append)
        run_until(opener.opened, lambda: None)
        window = got[0]
        app.processEvents()                       # the window laid out and painted
        shown.append(time.perf_counter() - t0)
        while not window.charts.ready:            # its charts come in the next event-loop turn
            app.processEvents()
        app.processEvents()                       # and are painted
        opens.append(time.perf_counter() - t0)
        open_stalls.append(beat.stop())
    from app.replay.document import load

    t0 = time.perf_counter()
    load(str(path))
    load_only = time.perf_counter() - t0
    d = window.document
    steps, step_stalls = [], []
    for view in (None, "xiaomi"):
        d.set_team(view)
        d.set_quarter(0)
        app.processEvents()
        beat.start()
        for i in range(1, d.count):
            t0 = time.perf_counter()
            d.set_quarter(i)
            app.processEvents()                   # tables, charts and the panel repainted
            steps.append(time.perf_counter() - t0)
        step_stalls.append(beat.stop())
    # a user dragging the slider: one step every 16 ms, the heartbeat measures the gaps
    d.set_team(None)
    d.set_quarter(0)
    drag = QTimer()
    drag.setInterval(16)
    drag.timeout.connect(lambda: d.set_quarter(d.index + 1) if d.index < d.count - 1 else drag.stop())
    beat.start()
    t0 = time.perf_counter()
    drag.start()
    while drag.isActive():
        app.processEvents()
    drag_time = time.perf_counter() - t0
    drag_stall = beat.stop()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    beat.start()
    t0 = time.perf_counter()
    job = window.files.verify()
    run_until(job.done, lambda: None)
    verify_time = time.perf_counter() - t0
    verify_stall = beat.stop()
    print(f"replay viewer: a {d.count}-quarter save, {len(d.outcomes.firm_ids)} firms, 4 charts on the tab shown")
    report("open a 40-quarter save in the viewer, to window shown (median of 5)", statistics.median(shown), 0.200)
    report("open a 40-quarter save in the viewer, to charts painted (median of 5)", statistics.median(opens), 0.200)
    print(f"{'  of which reading it in the worker (load_outcomes + hints)':<62} {load_only * 1e3:9.1f} ms")
    report("longest GUI stall while opening it", max(open_stalls), 0.100)
    report(f"scrub one quarter, repainted (median of {len(steps)}, both views)", statistics.median(steps), 0.100)
    report("scrub one quarter, repainted (worst)", max(steps), 0.100)
    report("longest GUI stall while stepping through every quarter", max(step_stalls), 0.100)
    report(f"longest GUI stall dragging the slider ({d.count} quarters in {drag_time:.2f} s)", drag_stall, 0.100)
    report("verify the replay in a worker, to the verdict shown", verify_time, 1.0)
    report("longest GUI stall while verifying", verify_stall, 0.100)
    window.close()


def main():
    from PySide6.QtCore import QSettings

    if sys.argv[1:] == ["replay"]:
        tmp = tempfile.mkdtemp()
        QSettings.setDefaultFormat(QSettings.Format.IniFormat)
        QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
        from app.main import setup

        replay_viewer(setup(lang="en", theme_name="light"))
        return

    first = start_to_first_window()
    tmp = tempfile.mkdtemp()
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, tmp)
    from app import settings
    from app.main import setup
    from app.session import Session
    from app.shell import Shell
    from engine.scenario import load_scenario, parse_scenario

    app = setup(lang="en", theme_name="light")
    settings.put("autosave", False)
    settings.put("report/auto_open", True)
    base = load_scenario("xiaomi-2024")
    long = parse_scenario(base.text.replace('end = "2027Q4"', 'end = "2034Q4"', 1), "long.toml")
    t0 = time.perf_counter()
    session = Session()
    session.new_game(long)
    window = Shell().play(session)
    window.resize(1500, 940)
    app.processEvents()
    main_window = time.perf_counter() - t0

    beat = Heartbeat()
    beat.start()
    run_until(beat.timer.destroyed, lambda: None, timeout_ms=3000)  # 3 s of an idle window: the machine's own noise
    idle_stall = beat.stop()
    updates, stalls = [], []
    for _ in range(40):
        beat.start()
        t0 = time.perf_counter()
        # the worker resolves the quarter; the loop quits after every widget handled quarterResolved
        run_until(session.quarterResolved, window.act_end.trigger)
        while not window.dashboard.up_to_date:   # the charts update in their own event-loop turn
            app.processEvents()
        app.processEvents()                      # and the charts and the report are repainted
        updates.append(time.perf_counter() - t0)
        stalls.append(beat.stop())
    if session.game.t != 40:
        raise SystemExit(f"only {session.game.t} quarters were played")
    memory = rss_mb()

    session2 = Session()
    session2.new_game(base)
    window2 = Shell().play(session2)
    app.processEvents()
    beat.start()
    window2.preview.futures.setValue(1000)
    t0 = time.perf_counter()
    run_until(session2.forecastReady, window2.run_preview)
    preview_time = time.perf_counter() - t0
    preview_stall = beat.stop()

    print(f"closed loop app benchmark ({sys.platform}, Python {sys.version.split()[0]}, {os.cpu_count()} CPUs)")
    report("start to first window (subprocess, median of 3)", first, 2.0, "s")
    report("new campaign -> main window shown (in process)", main_window, 2.0, "s")
    report("end quarter -> charts and report updated (median of 40)", statistics.median(updates), 0.200)
    report("end quarter -> charts and report updated (worst of 40)", max(updates), 0.200)
    report("longest GUI stall, idle window for 3 s (machine noise)", idle_stall, 0.100)
    report("longest GUI stall while 40 quarters resolve", max(stalls), 0.100)
    report("median over quarters of the longest GUI stall per quarter", statistics.median(stalls), 0.100)
    report("longest GUI stall during a preview (1,000 futures x 16 quarters)", preview_stall, 0.100)
    print(f"{'preview of 1,000 futures x 16 quarters (worker thread)':<62} {preview_time:9.2f} s")
    report("resident memory after a 40-quarter game (MB)", memory, 500.0, "MB")
    for w in (window, window2):
        w.close()
    session.wait()
    replay_viewer(app)


if __name__ == "__main__":
    main()
