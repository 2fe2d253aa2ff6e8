"""Start screen, new campaign dialog, files through app.saving, preferences, the error hook."""

import sys
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app import errors, saving, settings
from app.shell import Shell
from app.windows.new_campaign import NewCampaignDialog


def _accept_next_dialog(qtbot, check=None):
    """Accept the next modal dialog (after running ``check`` on it)."""
    def go():
        dialog = QApplication.activeModalWidget()
        if dialog is None:
            QTimer.singleShot(20, go)
            return
        if check:
            check(dialog)
        dialog.accept()
    QTimer.singleShot(0, go)


def test_start_screen_offers_every_entry(app, qtbot):
    shell = Shell()
    start = shell.show_start()
    qtbot.addWidget(start)
    assert set(start.buttons) == {"new", "continue", "open", "replay", "workshop", "join", "settings", "quit"}
    assert all(b.toolTip() for k, b in start.buttons.items() if k != "quit")
    assert not start.buttons["continue"].isEnabled(), "nothing to continue in a fresh profile"


def test_new_campaign_dialog_shows_story_objectives_and_choices(app, qtbot):
    dialog = NewCampaignDialog()
    qtbot.addWidget(dialog)
    scenario = dialog.scenario()
    assert scenario.info.story.en[:40] in dialog.story.toPlainText()
    for objective in scenario.objectives:
        assert objective.text.en in dialog.story.toPlainText()
    dialog.firm_box.setCurrentIndex(1)
    dialog.seed.setValue(99)
    chosen, firm, level, seed = dialog.choice()
    assert chosen is scenario and firm == scenario.firm_ids[1] and level == "normal" and seed == 99
    for level in ("easy", "normal", "hard"):       # the engine has every level now (issue 4)
        assert dialog.level_box.model().item(dialog.level_box.findData(level)).isEnabled(), level


def test_new_campaign_from_the_start_screen_opens_the_main_window(app, qtbot):
    shell = Shell()
    qtbot.addWidget(shell.show_start())

    def pick_rival(dialog):
        dialog.firm_box.setCurrentIndex(2)

    _accept_next_dialog(qtbot, pick_rival)
    window = shell.new_campaign()
    qtbot.addWidget(window)
    assert window.isVisible() and shell.start is None
    sc = shell.session.scenario
    assert shell.session.player == sc.firm_ids[2] == sc.info.player, "objectives follow the chosen company"


def test_without_engine_saves_every_file_action_says_so_in_one_line(app, session, monkeypatch):
    monkeypatch.setitem(sys.modules, "engine.saves", None)  # an engine built without the saves module
    assert not saving.available()
    with pytest.raises(saving.SavesUnavailable):
        saving.save_game(session.game, "x.closedloop")
    assert saving.autosave(session.game, "x.closedloop") is None
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    shell = Shell()
    shell.session = session
    assert shell.save(None) is False
    assert shell.open_file(None) is None
    assert len(shown) == 2 and all("\n" not in t and "not available" in t for t in shown)


def test_save_open_recent_and_autosave_use_engine_saves(app, session, qtbot, play, tmp_path):
    from engine.saves import load_game, read_metadata

    play(session, 1)
    autosaved = session.autosave_file
    assert autosaved and settings.recent_files()[0] == autosaved
    assert Path(autosaved).parent == saving.default_save_dir()
    assert load_game(autosaved).t == 1
    play(session, 1)
    assert session.autosave_file == autosaved and load_game(autosaved).t == 2, "the same file grows"
    path = str(tmp_path / "mine.closedloop")
    session.save(path)
    assert settings.recent_files()[0] == path and session.path == path
    assert read_metadata(path).quarters_played == 2
    play(session, 1)
    assert load_game(path).t == 3, "a saved game autosaves into its own file"
    settings.put("report/auto_open", False)
    shell = Shell()
    window = shell.open_file(None, path)
    qtbot.addWidget(window)
    loaded = shell.session
    assert loaded is not session and loaded.path == path and loaded.game.t == 3
    assert loaded.history.quarters == session.history.quarters
    assert loaded.draft is not None and loaded.player == session.player
    window2 = shell.continue_game()
    qtbot.addWidget(window2)
    assert shell.session.path == path


def test_a_bad_file_is_one_line_and_keeps_the_current_game(app, session, qtbot, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    garbage = tmp_path / "garbage.closedloop"
    garbage.write_bytes(b"not a save" * 100)
    shell = Shell()
    shell.session = session
    assert shell.open_file(None, str(garbage)) is None
    assert shell.session is session
    assert len(shown) == 1 and "\n" not in shown[0] and "garbage.closedloop" in shown[0]


def test_preferences_dialog_stores_settings(app, qtbot):
    from app.windows.settings_dialog import SettingsDialog

    dialog = SettingsDialog()
    qtbot.addWidget(dialog)
    dialog.theme.setCurrentIndex(dialog.theme.findData("dark"))
    dialog.futures.setValue(3000)
    dialog.autosave.setChecked(False)
    assert dialog.store() is True
    assert settings.get("theme") == "dark" and settings.get("forecast/futures") == 3000
    assert settings.get("autosave") is False
    assert SettingsDialog().store() is False, "nothing changed the second time"


def test_dark_theme_builds_the_main_window(app, session, qtbot):
    from app import theme
    from app.windows.main_window import MainWindow

    theme.apply("dark")
    try:
        window = MainWindow(session)
        qtbot.addWidget(window)
        assert window.palette().window().color().lightness() < 80
    finally:
        theme.apply("light")


def test_unexpected_errors_are_logged_and_shown_in_one_line(app, qtbot, caplog):
    seen = []

    def close_box():
        box = QApplication.activeModalWidget()
        if box is None:
            QTimer.singleShot(20, close_box)
            return
        seen.append(box.text())
        box.done(QDialog.DialogCode.Accepted)

    QTimer.singleShot(0, close_box)
    try:
        raise ValueError("boom\nsecond line")
    except ValueError as exc:
        errors.excepthook(type(exc), exc, exc.__traceback__)
    assert seen and seen[0].splitlines()[0] == "ValueError: boom second line"
    assert "Traceback" not in seen[0]
    assert any("unexpected error" in r.message for r in caplog.records)
