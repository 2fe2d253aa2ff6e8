"""The session adapter: validated, undoable draft edits; quarter and preview in worker threads."""

import threading

import pytest

from PySide6.QtCore import QThreadPool, QTimer

from app import workers
from engine.forecast import ForecastCancelled


def _model(session):
    return next(m.id for m in session.scenario.models if m.firm == session.player)


def test_new_game_emits_and_starts_from_the_advisors_plan(app, scenario, qtbot):
    from app.session import Session

    s = Session()
    with qtbot.waitSignals([s.gameStarted, s.draftChanged]):
        s.new_game(scenario, seed=3)
    assert s.game.seed == 3 and s.player == scenario.info.player and s.game.humans == (s.player,)
    assert s.draft == s.game.suggest(s.player)
    assert s.projection["cash_cny"] != 0


def test_a_valid_edit_is_undoable_and_redoable(session, qtbot):
    model = _model(session)
    before = session.draft
    with qtbot.waitSignal(session.draftChanged):
        assert session.propose(f"prices.{model}", 199_000.0) == ""
    assert session.draft.prices[model] == 199_000.0
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.draft == before
    session.undo_stack.redo()
    assert session.draft.prices[model] == 199_000.0


def test_an_invalid_edit_changes_nothing_and_says_why(session, qtbot):
    model = _model(session)
    before = session.draft
    with qtbot.assertNotEmitted(session.draftChanged):
        problem = session.propose(f"prices.{model}", 5.0)
        assert "between" in problem.lower()
        assert session.propose(f"incentives.{model}", 0.9 * before.prices[model]).startswith("The incentive")
        assert session.propose("shifts", 4)
    assert session.draft is before
    assert session.undo_stack.count() == 0


def test_end_quarter_runs_off_the_gui_thread_and_updates_history(session, qtbot, play):
    beats = []
    timer = QTimer()
    timer.timeout.connect(lambda: beats.append(1))
    timer.start(1)
    with qtbot.waitSignal(session.busyChanged) as busy:
        assert session.end_quarter()
    assert busy.args == [True]
    assert not session.end_quarter(), "a second quarter cannot start while one is resolving"
    with qtbot.waitSignal(session.quarterResolved, timeout=20_000) as done:
        pass
    timer.stop()
    assert beats, "the GUI event loop kept running while the quarter resolved"
    assert session.game.t == 1 and not session.busy
    assert done.args[0] is session.game.records[-1]
    assert session.history.quarters == [session.game.records[0].report.quarter]
    assert session.undo_stack.count() == 0
    assert session.drivers is None
    play(session)
    assert set(session.drivers) == {"orders", "operating_profit_cny"}


def test_worker_tasks_run_in_a_pool_thread(app, qtbot):
    seen = {}

    def fn(progress):
        seen["thread"] = threading.get_ident()
        return 42

    task = workers.Task(fn)
    with qtbot.waitSignal(task.finished) as done:
        task.start()
    assert done.args == [task, 42]
    assert seen["thread"] != threading.get_ident()


def test_worker_reports_cancellation(app, qtbot):
    def fn(progress):
        for i in range(1000):
            if progress(i, 1000) is False:
                raise ForecastCancelled("stop")
            threading.Event().wait(0.002)
        return "finished"

    task = workers.Task(fn)
    with qtbot.waitSignal(task.cancelled, timeout=10_000):
        task.start()
        task.cancel()
    QThreadPool.globalInstance().waitForDone()


def test_preview_runs_in_the_background_and_can_be_cancelled(session, qtbot):
    progress = []
    session.forecastProgress.connect(lambda done, total: progress.append((done, total)))
    with qtbot.waitSignal(session.forecastStopped, timeout=60_000) as stopped:
        assert session.start_forecast(futures=4000, quarters=16)
        assert session.forecasting
        qtbot.waitUntil(lambda: bool(progress), timeout=30_000)
        session.cancel_forecast()
    assert stopped.args == [""]
    assert session.forecast is None and not session.forecasting
    assert progress[-1][0] < 16, "cancelled before the last quarter"


def test_preview_of_the_draft_gives_bands_and_a_probability(session, qtbot):
    with qtbot.waitSignal(session.forecastReady, timeout=60_000) as ready:
        assert session.start_forecast(futures=200, quarters=3)
    forecast = ready.args[0]
    assert session.forecast is forecast and session.forecast_plan is session.draft
    assert forecast.futures == 200 and len(forecast.quarters) == 3
    bands = forecast.bands("cash_cny")
    assert bands.shape == (3, 3, len(session.scenario.firms))
    assert (bands[0] <= bands[1]).all() and (bands[1] <= bands[2]).all()
    assert 0.0 <= forecast.objective_probability <= 1.0


def test_the_game_ends_after_the_last_quarter(app, short_scenario, qtbot, play):
    from app.session import Session

    short = short_scenario("2024Q2")
    s = Session()
    s.new_game(short)
    play(s, 1)
    with qtbot.waitSignal(s.gameFinished, timeout=20_000):
        s.end_quarter()
    assert s.finished
    assert s.propose("marketing_budget", 1e8) != ""
    assert not s.end_quarter() and not s.start_forecast()


def test_a_game_without_a_human_firm_is_refused_in_one_line(app, scenario):
    from app.session import Session
    from engine.errors import ClosedLoopError
    from engine.game import Game

    s = Session()
    with pytest.raises(ClosedLoopError, match="replay") as err:
        s.adopt(Game.new(scenario, 1))
    assert "\n" not in str(err.value) and s.game is None
