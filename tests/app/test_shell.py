"""Start screen, new campaign dialog, files through app.saving, preferences, the error hook."""

import sys
import types

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from app import errors, saving, settings
from app.shell import Shell
from app.windows.new_campaign import NewCampaignDialog
from engine.errors import SaveLoadError


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
    assert set(start.buttons) == {"new", "continue", "open", "replay", "workshop", "settings", "quit"}
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
    hard = dialog.level_box.findData("hard")
    assert not dialog.level_box.model().item(hard).isEnabled(), "levels the engine lacks cannot be chosen"


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


def test_save_and_open_report_one_line_when_saves_are_missing(app, session, qtbot, monkeypatch):
    if saving.available():
        pytest.skip("engine.saves exists: the stand-in test below covers saving")
    with pytest.raises(saving.SavesUnavailable):
        saving.save_game(session.game, "x.closedloop")
    assert saving.autosave(session.game) is None
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    shell = Shell()
    shell.session = session
    assert shell.save(None) is False
    assert shown and "\n" not in shown[0] and "not available" in shown[0]


@pytest.fixture
def saves_stand_in(monkeypatch, tmp_path):
    """A stand-in for ``engine.saves`` (written by the saves engineer) with its published API."""
    store = {}
    module = types.ModuleType("engine.saves")

    def save_game(game, path):
        store[str(path)] = game
        open(path, "w").close()

    def load_game(path):
        if str(path) not in store:
            raise SaveLoadError(f"{path}: not a Closed Loop save")
        return store[str(path)]

    module.save_game = save_game
    module.autosave = save_game
    module.load_game = load_game
    module.read_metadata = lambda path: {"quarters_played": store[str(path)].t}
    module.export_copy = lambda path, dest: None
    module.default_save_dir = lambda: tmp_path
    monkeypatch.setitem(sys.modules, "engine.saves", module)
    return store


def test_save_open_recent_and_autosave_go_through_engine_saves(app, session, qtbot, play, saves_stand_in, tmp_path):
    path = str(tmp_path / "mine.closedloop")
    session.save(path)
    assert saves_stand_in[path] is session.game and settings.recent_files()[0] == path
    play(session, 1)
    assert saves_stand_in[str(tmp_path / saving.AUTOSAVE_NAME)] is session.game
    settings.put("report/auto_open", False)
    shell = Shell()
    window = shell.open_file(None, path)
    qtbot.addWidget(window)
    assert shell.session.game is session.game and shell.session.path == path
    assert shell.session.history.quarters == session.history.quarters
    window2 = shell.continue_game()
    qtbot.addWidget(window2)
    assert shell.session.path == path


def test_a_bad_file_is_one_line_and_keeps_the_current_game(app, session, qtbot, saves_stand_in, monkeypatch, tmp_path):
    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: shown.append(text))
    shell = Shell()
    shell.session = session
    assert shell.open_file(None, str(tmp_path / "garbage.closedloop")) is None
    assert shell.session is session
    assert shown == [f"{tmp_path / 'garbage.closedloop'}: not a Closed Loop save"]


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
