"""Progress callbacks of the long save operations (verify, load, fork) report every quarter and
stop when told to (the viewer's workers show them with a Cancel button)."""

import pytest

from engine.errors import ClosedLoopError, SaveLoadError
from engine.saves import fork_game, load_game, parse_change, verify_replay
from save_helpers import digest


def recorder(stop_at=None):
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return stop_at is None or done < stop_at
    return calls, progress


def test_verify_and_load_report_each_quarter(save5):
    calls, progress = recorder()
    assert verify_replay(save5, progress=progress).ok
    assert calls == [(t, 5) for t in range(1, 6)]
    calls, progress = recorder()
    assert load_game(save5, progress=progress).t == 5 and calls[-1] == (5, 5)


def test_verify_and_load_stop_when_the_callback_says_so(save5):
    before = digest(save5)
    for reader in (verify_replay, load_game):
        calls, progress = recorder(stop_at=2)
        with pytest.raises(SaveLoadError, match="cancelled$"):
            reader(save5, progress=progress)
        assert calls == [(1, 5), (2, 5)]
    assert digest(save5) == before


def test_fork_reports_and_stops(game5, scenario):
    change = [parse_change("xiaomi.price.su7=199000", scenario)]
    calls, progress = recorder()
    fork = fork_game(game5, "2024Q3", change, progress=progress)
    assert fork.t == 5 and calls == [(t, 5) for t in range(1, 6)]
    calls, progress = recorder(stop_at=3)
    with pytest.raises(ClosedLoopError, match="cancelled"):
        fork_game(game5, "2024Q2", change, progress=progress)
    assert calls[-1] == (3, 5)
