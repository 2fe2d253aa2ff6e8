"""The replay viewer on real save files: opening, scrubbing, team view, hostile files, verify,
exports, luck versus skill, languages, and the start-screen and menu entries."""

import dataclasses
import math
import shutil

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox

from app import i18n
from engine.saves import load_outcomes, read_metadata

from replay_helpers import GOLDEN, copy_golden, digest, finish, open_viewer, outcome, played_save, resign, sql


@pytest.fixture(scope="module")
def fresh(scenario, tmp_path_factory):
    """A freshly played 5-quarter save (shared, read-only: tests copy it before changing it)."""
    return played_save(scenario, tmp_path_factory.mktemp("fresh") / "fresh.closedloop")


@pytest.fixture
def golden(tmp_path):
    return copy_golden(tmp_path)


@pytest.fixture
def warnings(monkeypatch):
    """One-line problems the viewer would show in a dialog."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    return shown


def test_opening_shows_the_stored_outcomes_and_leaves_the_file_alone(app, qtbot, golden):
    before = digest(golden)
    window = open_viewer(qtbot, golden)
    stored = load_outcomes(golden)
    d = window.document
    assert d.count == 4 and d.quarter == "2024Q4" and d.team is None, "opens at the last quarter, facilitator view"
    k = stored.firm_ids.index("byd")
    assert window.results.cell("byd", "deliveries") == i18n.compact(stored.firm["deliveries"][3, k])
    assert window.results.cell("byd", "cash_cny") == i18n.money(stored.firm["cash_cny"][3, k])
    assert window.decisions.cell("xiaomi", "prices").startswith("SU7 ¥")
    x, y = window.charts.series("market_share", "byd")
    assert list(x) == [0, 1, 2, 3] and np.allclose(y, stored.firm["market_share"][:, k])
    assert "2024Q4" in window.timeline.label.text() and "4 of 4" in window.timeline.label.text()
    assert "Port strike" in "".join(h for _, inj in d.markers() for h, _ in inj), "custom events are marked"
    assert digest(golden) == before


def test_scrubbing_moves_tables_charts_and_marker_without_rebuilding(app, qtbot, golden):
    window = open_viewer(qtbot, golden)
    stored = window.document.outcomes
    window.charts.finish()
    chart = window.charts.charts["cash"]
    curve = chart.series["tesla"][1]
    window.timeline.slider.setValue(1)
    k = stored.firm_ids.index("tesla")
    assert window.document.quarter == "2024Q2"
    assert window.results.cell("tesla", "cash_cny") == i18n.money(stored.firm["cash_cny"][1, k])
    assert len(window.charts.series("cash", "tesla")[1]) == 2
    assert window.charts.cursors["cash"].value() == 1
    assert chart.series["tesla"][1] is curve, "the same curve is updated (setData), never rebuilt"
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Right)
    assert window.document.index == 2
    qtbot.keyClick(window, Qt.Key.Key_Left)
    qtbot.keyClick(window, Qt.Key.Key_Left)
    assert window.document.index == 0 and not window.timeline.buttons["previous"].isEnabled()
    window.timeline.timer.setInterval(5)
    window.timeline.toggle_play()
    qtbot.waitUntil(lambda: not window.timeline.playing, timeout=5000)
    assert window.document.index == 3, "play runs to the last quarter and stops"
    window.timeline.buttons["first"].click()
    assert window.document.index == 0 and len(window.charts.series("market_share", "byd")[1]) == 1


def test_team_view_hides_rivals_private_figures(app, qtbot, golden):
    window = open_viewer(qtbot, golden)
    window.document.set_quarter(2)
    window.view_box.setCurrentIndex(window.view_box.findData("xiaomi"))
    d = window.document
    assert d.team == "xiaomi" and d.shown().quarters == ("2024Q1", "2024Q2", "2024Q3"), "nothing after the quarter"
    for metric in ("cash_cny", "backlog", "gross_margin", "score"):
        assert window.results.cell("byd", metric) == "—", metric
        assert window.results.cell("xiaomi", metric) not in ("—", "–"), metric
    assert window.results.cell("byd", "deliveries") != "—", "published results stay visible"
    assert window.decisions.cell("byd", "marketing_budget") == "—"
    assert window.decisions.cell("byd", "prices") != "—", "list prices are public"
    assert window.decisions.cell("xiaomi", "marketing_budget") != "—"
    _, byd_cash = window.charts.series("cash", "byd")
    assert not np.isfinite(byd_cash).any(), "a rival's cash is not drawn"
    assert np.isfinite(window.charts.series("cash", "xiaomi")[1]).all()
    assert "pending" in window.quarter_panel.text(), "the player's team sees its objectives"
    window.view_box.setCurrentIndex(window.view_box.findData("byd"))
    assert "Only the team playing" in window.quarter_panel.text()
    assert window.results.cell("xiaomi", "cash_cny") == "—"
    window.view_box.setCurrentIndex(0)
    assert window.results.cell("xiaomi", "cash_cny") not in ("—", "–") and d.team is None


@pytest.mark.parametrize("damage", ["garbage", "truncated", "trigger"])
def test_a_hostile_or_corrupt_file_shows_one_line_and_is_not_modified(app, qtbot, golden, tmp_path, warnings, damage):
    if damage == "garbage":
        golden.write_bytes(b"SQLite format 3\x00" + bytes(range(256)) * 40)
    elif damage == "truncated":
        golden.write_bytes(golden.read_bytes()[:5000])
    else:
        sql(golden, "CREATE TRIGGER boom AFTER INSERT ON meta BEGIN DELETE FROM quarters; END")
    before = digest(golden)
    from app.replay.opening import open_replay

    opener = open_replay(None, str(golden))
    out = outcome(qtbot, opener.opened, opener.failed)
    assert "stopped" in out and out["stopped"].startswith("golden.closedloop: ")
    assert warnings == [out["stopped"]] and "\n" not in warnings[0]
    assert digest(golden) == before


def test_verify_reports_a_fresh_save_as_verified(app, qtbot, fresh):
    window = open_viewer(qtbot, fresh)
    finish(qtbot, window.files.verify())
    assert window.verdict.state == "ok" and window.verdict.quarter is None
    assert "all 5 quarters" in window.verdict_label.text() and window.verdict_label.isVisibleTo(window)


def test_verify_names_the_first_divergent_quarter_of_an_altered_save(app, qtbot, golden):
    sql(golden, "UPDATE decisions SET decision = replace(decision, '\"su7\":', '\"su7\":1') "
                "WHERE t = 1 AND firm = 'xiaomi'")
    resign(golden)                                   # a consistent file whose decisions were changed
    assert read_metadata(golden).quarters_played == 4
    window = open_viewer(qtbot, golden)
    finish(qtbot, window.files.verify())
    assert window.verdict.state == "diverged" and window.verdict.quarter == "2024Q2"
    assert "diverges at 2024Q2 (quarter 2 of 4)" in window.verdict_label.text()


def test_verify_explains_a_save_from_another_engine_version(app, qtbot, golden):
    sql(golden, "UPDATE meta SET app_version = '0.0.9'",
        "UPDATE quarters SET state_hash = '0123456789abcdef0123456789abcdef' WHERE t >= 2")
    resign(golden)                                   # as saved by other model code
    window = open_viewer(qtbot, golden)
    assert window.document.count == 4, "the viewer still shows what was played"
    finish(qtbot, window.files.verify())
    assert window.verdict.state == "cannot-verify" and window.verdict.quarter == "2024Q3"
    text = window.verdict_label.text()
    assert "Closed Loop 0.0.9" in text and "exactly as they were played" in text


def test_exports_a_checked_copy_and_csv_and_remembers_recent_replays(app, qtbot, golden, tmp_path):
    from app.replay.recent import recent_replays

    before = digest(golden)
    window = open_viewer(qtbot, golden)
    assert recent_replays()[0] == str(golden)
    copy = tmp_path / "out" / "copy.closedloop"
    copy.parent.mkdir()
    assert finish(qtbot, window.files.export_copy(str(copy))) == str(copy)
    assert read_metadata(copy).quarters_played == 4 and load_outcomes(copy).state_hashes == \
        window.document.outcomes.state_hashes
    assert "safe to e-mail" in window.statusBar().currentMessage()
    files = finish(qtbot, window.files.export_csv(str(tmp_path / "csv")))
    assert len(files) == 6 and all(f.exists() for f in files)
    assert digest(golden) == before
    window.files.fill_recent()
    assert [a.text() for a in window.recent_menu.actions()][:2] == [str(copy), str(golden)]


def test_luck_versus_skill_shows_the_share_of_worlds_won_and_the_distribution(app, qtbot, golden):
    window = open_viewer(qtbot, golden)
    dialog = window.files.luck()
    qtbot.addWidget(dialog)
    dialog.worlds.setValue(20)
    finish(qtbot, dialog.start())
    result = dialog.result
    assert result.worlds == 20 and "of 20 worlds" in dialog.headline.text()
    assert f"Wins in {i18n.percent(result.rate, 0)}" in dialog.headline.text()
    heights = dialog.bars.opts["height"]
    assert int(np.sum(heights)) == 20 and math.isfinite(result.actual_score)
    assert dialog.actual.isVisible() and dialog.actual.value() == pytest.approx(result.actual_score)
    assert result.stood_in == {} and "normal AI" not in dialog.headline.text()
    dialog.show_result(dataclasses.replace(result, stood_in={"hard": "normal"}))   # a game against hard rivals
    assert "hard AI are played by the normal AI" in dialog.headline.text()


def test_switching_language_translates_the_viewer(app, qtbot, golden):
    from test_language import untranslated, visible_texts

    window = open_viewer(qtbot, golden)
    english = visible_texts(window)
    assert "&Replay" in english and len(untranslated(english)) > 10
    i18n.install("zh_CN")
    try:
        qtbot.waitUntil(lambda: window.menuBar().actions()[0].text() != "&File", timeout=5000)
        texts = visible_texts(window)
        assert untranslated(texts) == [], untranslated(texts)
        assert "万" in window.results.cell("byd", "deliveries") and window.document.index == 3
        assert "2024年第4季度" in window.timeline.label.text()
    finally:
        i18n.install("en")


def test_start_screen_and_game_menu_open_the_viewer(app, qtbot, golden, session, monkeypatch):
    from app.replay.opening import open_windows
    from app.shell import Shell

    shell = Shell()
    start = shell.show_start()
    qtbot.addWidget(start)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(golden), ""))
    before = set(open_windows())
    start.buttons["replay"].click()
    qtbot.waitUntil(lambda: any(w.objectName() == "replay-window" for w in set(open_windows()) - before),
                    timeout=20_000)
    window = next(w for w in set(open_windows()) - before if w.objectName() == "replay-window")
    qtbot.addWidget(window)
    assert window.document.path == str(golden)
    main = shell.play(session)
    qtbot.addWidget(main)
    game_menu = main.menuBar().actions()[0].menu()
    names = [a.objectName() for a in game_menu.actions()]
    assert "open-replay" in names and "fork-game" in names


def test_workshop_replay_team_view_follows_the_workshops_visibility(app, qtbot, tmp_path):
    path = tmp_path / "workshop.closedloop"
    shutil.copyfile(GOLDEN.parent / "v2.closedloop", path)       # a workshop without rival financials
    window = open_viewer(qtbot, path)
    assert window.document.outcomes.visibility.rival_financials is False
    assert window.results.cell("xiaomi", "operating_profit_cny") not in ("—", "–")    # facilitator view
    window.view_box.setCurrentIndex(window.view_box.findData("byd"))
    for metric in ("operating_profit_cny", "revenue_cny", "cash_cny", "avg_price_cny"):
        assert window.results.cell("xiaomi", metric) == "—", metric
        assert window.results.cell("byd", metric) not in ("—", "–"), metric
    assert window.results.cell("xiaomi", "deliveries") != "—"
    assert window.results.cell("xiaomi", "score") != "—", "the workshop showed its leaderboard"
    assert window.decisions.cell("xiaomi", "incentives") == "—" and window.decisions.cell("xiaomi", "prices") != "—"
    _, profit = window.charts.series("operating_profit", "xiaomi")
    assert not np.isfinite(profit).any(), "a rival's operating profit is not drawn"
    assert np.isfinite(window.charts.series("operating_profit", "byd")[1]).all()
