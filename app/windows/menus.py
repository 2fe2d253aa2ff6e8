"""The main window's menu bar (actions are created by the window)."""

from PySide6.QtGui import QAction

from .. import settings
from ..i18n import translate
from ..replay.opening import add_menu_actions


def build_menus(window) -> None:
    """Game, Edit, Turn, View, Settings and Help menus of ``window`` (a MainWindow)."""
    bar = window.menuBar()
    game = bar.addMenu(translate("Menus", "&Game"))
    for action in (window.act_new, window.act_open):
        game.addAction(action)
    window.recent_menu = game.addMenu(translate("Menus", "Open &recent"))
    window.recent_menu.aboutToShow.connect(lambda: _fill_recent(window))
    add_menu_actions(window, game)
    for action in (window.act_save, window.act_save_as):
        game.addAction(action)
    game.addSeparator()
    game.addAction(window.act_start)
    game.addAction(window.act_quit)
    edit = bar.addMenu(translate("Menus", "&Edit"))
    for action in (window.act_undo, window.act_redo, window.act_advice):
        edit.addAction(action)
    turn = bar.addMenu(translate("Menus", "&Turn"))
    for action in (window.act_preview, window.act_end, window.act_report):
        turn.addAction(action)
    view = bar.addMenu(translate("Menus", "&View"))
    for dock in window.docks.values():
        view.addAction(dock.toggleViewAction())
    tools = bar.addMenu(translate("Menus", "&Settings"))
    tools.addAction(window.act_settings)
    help_menu = bar.addMenu(translate("Menus", "&Help"))
    help_menu.addAction(window.act_help)
    help_menu.addAction(window.act_about)


def _fill_recent(window) -> None:
    fill_recent_menu(window.recent_menu, settings.recent_files(),
                     lambda path: window.shell and window.shell.open_file(window, path))


def fill_recent_menu(menu, files: list, open_file) -> None:
    """List ``files`` in ``menu`` (each calls ``open_file(path)``), or a disabled "(none)"."""
    menu.clear()
    if not files:
        empty = QAction(translate("Menus", "(none)"), menu)
        empty.setEnabled(False)
        menu.addAction(empty)
    for path in files:
        action = QAction(path, menu)
        action.triggered.connect(lambda _=False, p=path: open_file(p))
        menu.addAction(action)
