"""The end screen's luck versus skill: progress, Cancel, hard rivals' stand-in, and no waiting on exit."""

import time

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication, QEvent, QThreadPool

from app import saving, settings
from app.session import Session
from app.shell import Shell
from app.widgets.endgame import EndGameDialog
from engine.errors import ClosedLoopError


@pytest.fixture
def short(short_scenario):
    """The default scenario cut to three quarters."""
    return short_scenario("2024Q3")


@pytest.fixture
def endless(monkeypatch):
    """luck_versus_skill that only stops when its progress callback says so (a replay still running)."""
    calls = []

    def run(game, worlds, progress=None):
        calls.append(worlds)
        done = 0
        while progress(done, 10_000) is not False:
            done += 1
            time.sleep(0.005)
            if done == 10_000:          # ~50 s: never cancelled (a failing test ends instead of hanging)
                raise ClosedLoopError("never cancelled")
        raise ClosedLoopError("cancelled")

    monkeypatch.setattr(saving, "luck_versus_skill", run)
    return calls


@pytest.fixture
def finished(app, short, play):
    """``finished(level="normal")``: a session whose three-quarter campaign is over.

    The fixture holds every session until the workers are done and their tasks deleted: a
    Python-owned session collected by the garbage collector while Qt deletes one of its tasks
    would delete that task twice.
    """
    held = []

    def make(level: str = "normal") -> Session:
        settings.put("report/auto_open", False)
        s = Session()
        held.append(s)
        s.new_game(short, level=level)
        play(s, 3)
        assert s.finished
        return s

    yield make
    for s in held:
        if shiboken6.isValid(s):          # a retired session is deleted already
            s.cancel_tasks()
    QThreadPool.globalInstance().waitForDone()
    QCoreApplication.processEvents()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def test_progress_counts_quarters_times_worlds_and_hard_rivals_are_named(finished, qtbot):
    s = finished("hard")
    seen = []
    s.worldsProgress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(s.worldsReady, timeout=60_000):
        end = EndGameDialog(s)
        qtbot.addWidget(end)
        end.show()
        assert end.luck_bar.isVisible() and end.luck_cancel.isVisible()
        assert "normal AI" in end.luck.text()
    assert seen[-1] == (300, 300) and (100, 300) in seen
    assert s.worlds.stood_in == {"hard": "normal"}
    assert "100 other worlds" in end.luck.text() and "normal AI" in end.luck.text()
    assert not end.luck_bar.isVisible() and not end.luck_cancel.isVisible()


def test_a_normal_campaign_does_not_mention_stand_ins(finished, qtbot):
    s = finished()
    with qtbot.waitSignal(s.worldsReady, timeout=60_000):
        end = EndGameDialog(s)
        qtbot.addWidget(end)
    assert "normal AI" not in end.luck.text() and "%" in end.luck.text()


def test_cancel_stops_the_replay_and_it_can_run_again(finished, short, qtbot, endless, monkeypatch):
    s = finished()
    end = EndGameDialog(s)
    qtbot.addWidget(end)
    end.show()
    qtbot.waitUntil(lambda: end.luck_bar.value() > 0, timeout=10_000)
    task = s._worlds_task
    with qtbot.waitSignal(s.worldsStopped) as stopped:
        end.luck_cancel.click()
    assert stopped.args == [""] and task.is_cancelled
    assert "cancelled" in end.luck.text() and end.luck_again.isVisible() and not end.luck_bar.isVisible()
    qtbot.waitUntil(lambda: not s._tasks, timeout=10_000)          # the worker stopped at its next check
    assert s.worlds is None and "cancelled" in end.luck.text()
    monkeypatch.undo()                                              # the real replay this time
    with qtbot.waitSignal(s.worldsReady, timeout=60_000):
        end.luck_again.click()
    assert "100 other worlds" in end.luck.text() and not end.luck_again.isVisible()


def test_a_new_campaign_cancels_the_old_replay_without_waiting(finished, short, qtbot, endless, capfd):
    shell = Shell()
    old = finished()
    window = shell.play(old)
    qtbot.addWidget(window)
    assert old.start_worlds(100)
    task = old._worlds_task
    qtbot.waitUntil(lambda: bool(endless), timeout=10_000)               # the worker is running
    new = Session(shell)
    new.new_game(short)
    with qtbot.waitSignal(old.destroyed, timeout=10_000):
        second = shell.play(new)
        qtbot.addWidget(second)
        assert task.is_cancelled and old._retired, "cancelled, not waited for"
    assert shell.session is new
    QThreadPool.globalInstance().waitForDone()
    shell.shutdown()
    assert "Signal source has been deleted" not in capfd.readouterr().err


def test_closing_the_window_or_quitting_cancels_the_replay(finished, short, qtbot, endless, capfd):
    shell = Shell()
    s = finished()
    window = shell.play(s)
    qtbot.addWidget(window)
    assert s.start_worlds(100)
    task = s._worlds_task
    window.close()
    assert task.is_cancelled
    assert s.start_worlds(100)
    task = s._worlds_task
    shell.shutdown()                 # cancels, then waits for the worker's next check
    assert task.is_cancelled and QThreadPool.globalInstance().activeThreadCount() == 0
    assert "Signal source has been deleted" not in capfd.readouterr().err


def test_a_language_change_keeps_the_replay_running(finished, qtbot, endless):
    shell = Shell()
    s = finished()
    qtbot.addWidget(shell.play(s))
    assert s.start_worlds(100)
    task = s._worlds_task
    shell.rebuild()
    qtbot.addWidget(shell.main)
    assert not task.is_cancelled and s.replaying_worlds
    s.cancel_worlds()
    QThreadPool.globalInstance().waitForDone()
