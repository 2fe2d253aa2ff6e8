"""Forks from the viewer and from the running game, and branches compared side by side."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from app.replay.fork_form import ForkRequest, NumberBox
from engine.saves import load_outcomes, read_metadata

from replay_helpers import copy_golden, digest, finish, open_viewer, played_save


@pytest.fixture(scope="module")
def fresh(scenario, tmp_path_factory):
    return played_save(scenario, tmp_path_factory.mktemp("fork") / "played.closedloop", quarters=6)


def test_the_fork_form_turns_edited_fields_into_changes(app, qtbot, fresh):
    window = open_viewer(qtbot, fresh)
    window.document.set_quarter(2)
    dialog = window.files.fork_dialog()
    qtbot.addWidget(dialog)
    assert dialog.quarter.currentData() == "2024Q3" and dialog.changes() == [], "filled with what was decided"
    ok = dialog.buttons.buttons()[0]
    assert not ok.isEnabled()
    recorded = window.document.outcomes.decisions[2]
    price = dialog.findChild(NumberBox, "fork-xiaomi-prices-su7")
    assert price.cny() == pytest.approx(round(recorded["xiaomi"]["prices"]["su7"]))
    price.setValue(199_000)
    dialog.findChild(NumberBox, "fork-byd-marketing_budget").setValue(3_000)   # M CNY in English
    assert dialog.changes() == ["xiaomi.price.su7=199000", "byd.marketing=3000000000"]
    assert ok.isEnabled() and "xiaomi.price.su7=199000" in dialog.summary.text()
    assert dialog.tabs.tabText(0).startswith("● ")
    dialog.quarter.setCurrentIndex(1)
    assert dialog.changes() == [], "another quarter starts from its own recorded decisions"


def test_a_price_fork_diverges_at_the_fork_quarter_and_is_compared(app, qtbot, fresh, tmp_path):
    before = digest(fresh)
    window = open_viewer(qtbot, fresh)
    dest = tmp_path / "what-if.closedloop"
    request = ForkRequest("2024Q3", ("xiaomi.price.su7=199000",), False)
    branches = finish(qtbot, window.files.start_fork(request, str(dest)))
    cmp = branches.comparison
    assert cmp.diverges_at == "2024Q3", "quarters before the fork repeat the original exactly"
    assert {r.firm for r in cmp.rows} >= {"xiaomi"} and any(r.quarter == "2024Q3" for r in cmp.rows)
    assert [(d.quarter, d.firm, d.field, d.b) for d in cmp.decisions if d.firm == "xiaomi"][0] == \
        ("2024Q3", "xiaomi", "prices.su7", 199000.0)
    meta = read_metadata(dest)
    assert (meta.parent_file, meta.fork_at, meta.fork_changes) == ("played.closedloop", "2024Q3",
                                                                  ("xiaomi.price.su7=199000",))
    assert meta.parent_id == read_metadata(fresh).save_id and digest(fresh) == before
    compare = window.compare_windows[-1]
    qtbot.addWidget(compare)
    assert compare.firm_id == "xiaomi", "the charts follow the firm the fork changed"
    a = compare.charts["operating_profit"].data["a"][1]
    b = compare.charts["operating_profit"].data["b"][1]
    assert np.array_equal(a[:2], b[:2]) and not np.array_equal(a[2:], b[2:])
    model = compare.results
    assert model.rowCount() == len(cmp.rows) and "2024年" not in model.data(model.index(0, 0))
    highlighted = [model.rows[i][0] for i in range(model.rowCount())
                   if model.data(model.index(i, 0), Qt.ItemDataRole.BackgroundRole) is not None]
    assert highlighted and set(highlighted) == {"2024Q3"}
    assert "Results diverge from 2024Q3" in compare.heading.text()
    assert compare.decisions.rowCount() == len(cmp.decisions)
    compare.only_firm.setChecked(True)
    assert {model.rows[i][1] for i in range(model.rowCount())} == {"xiaomi"}


def test_comparing_with_another_branch_and_with_another_game(app, qtbot, fresh, tmp_path, scenario, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    window = open_viewer(qtbot, fresh)
    fork = tmp_path / "branch.closedloop"
    finish(qtbot, window.files.start_fork(ForkRequest("2024Q2", ("byd.price.byd-seagull=80000",), True), str(fork)))
    branches = finish(qtbot, window.files.compare_with(str(fork)))
    assert branches.comparison.diverges_at == "2024Q2"
    other = played_save(scenario, tmp_path / "other.closedloop", quarters=2, seed=99)
    job = window.files.compare_with(str(other))
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert job is not None and "not branches of the same game" in shown[0] and "\n" not in shown[0]


def test_a_fork_that_cannot_run_says_why_in_one_line(app, qtbot, tmp_path, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    golden = copy_golden(tmp_path)
    window = open_viewer(qtbot, golden)
    window.files.start_fork(ForkRequest("2024Q2", ("xiaomi.price.su7=5",), False), str(tmp_path / "bad.closedloop"))
    qtbot.waitUntil(lambda: bool(shown), timeout=20_000)
    assert "xiaomi.price.su7=5" in shown[0] and "\n" not in shown[0]
    assert not (tmp_path / "bad.closedloop").exists()


def test_fork_from_the_running_game(app, qtbot, session, play, tmp_path):
    from app import settings
    from app.replay.opening import fork_running_game, open_windows
    from app.shell import Shell

    settings.put("report/auto_open", False)
    window = Shell().play(session)
    qtbot.addWidget(window)
    play(session, 3)
    before = set(open_windows())
    dest = tmp_path / "live-fork.closedloop"
    branches = finish(qtbot, fork_running_game(window, ForkRequest("2024Q2", ("xiaomi.price.su7=205000",), False),
                                               str(dest)))
    assert branches.comparison.diverges_at == "2024Q2"
    assert load_outcomes(dest).quarters == ("2024Q1", "2024Q2", "2024Q3")
    compare = next(w for w in set(open_windows()) - before if w.objectName() == "compare-window")
    qtbot.addWidget(compare)
    assert compare.firm_id == "xiaomi" and session.game.t == 3, "the running game goes on untouched"
