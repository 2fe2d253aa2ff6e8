"""The main window: end quarter updates charts and report, explanations, export, end of game."""

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QKeySequence
from PySide6.QtWidgets import QApplication

from app import settings
from app.widgets.decision_pages import PricingPage
from app.windows.main_window import MainWindow


@pytest.fixture
def window(session, qtbot):
    settings.put("report/auto_open", False)
    w = MainWindow(session)
    qtbot.addWidget(w)
    w.show()
    return w


def test_window_shows_quarter_cash_objectives_and_menus(window, session):
    assert session.game.quarter in window.status_quarter.text()
    assert window.status_cash.text().startswith("Cash ¥")
    titles = [a.text() for a in window.menuBar().actions()]
    assert titles == ["&Game", "&Edit", "&Turn", "&View", "&Settings", "&Help"]
    shortcuts = {a.shortcut().toString() for a in window.findChildren(type(window.act_new))}
    for key in ("Ctrl+N", "Ctrl+O", "Ctrl+S", "Ctrl+Z", "Ctrl+Y", "F1", "Ctrl+P", "Ctrl+Return"):
        assert key in shortcuts, key
    assert "Reach" in window.scorecard.objectives.text() or window.scorecard.objectives.text()


def test_ctrl_z_and_ctrl_y_undo_and_redo_an_edit(window, session, qtbot):
    model = next(iter(session.draft.prices))
    before = session.draft
    session.propose(f"prices.{model}", 201_000.0)
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.draft == before
    qtbot.keyClick(window, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert session.draft.prices[model] == 201_000.0


@pytest.mark.parametrize("redo", ["Ctrl+Y", "Ctrl+Shift+Z"])
def test_undo_keys_pressed_in_a_field_after_enter_reach_the_undo_stack(window, session, qtbot, redo):
    # Focus stays in the field after Enter; QLineEdit claims Ctrl+Z for its own (now empty) undo.
    page = window.decisions.page(PricingPage)
    path = next(p for p in page.fields if p.startswith("prices."))
    field, model = page.fields[path], path.split(".")[1]
    before, old_text = session.draft, field.edit.text()
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, "188,800")
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)
    assert session.draft.prices[model] == 188_800.0 and field.edit.hasFocus()
    qtbot.keyClick(field.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.draft == before and field.edit.text() == old_text
    key = QKeySequence(redo)[0]
    qtbot.keyClick(field.edit, key.key(), key.keyboardModifiers())
    assert session.draft.prices[model] == 188_800.0 and field.edit.text() == "188,800"


def test_undo_keys_undo_uncommitted_typing_in_the_field_only(window, session, qtbot):
    page = window.decisions.page(PricingPage)
    field = page.fields[next(p for p in page.fields if p.startswith("prices."))]
    old_text = field.edit.text()
    field.edit.setFocus()
    field.edit.end(False)
    qtbot.keyClicks(field.edit, "9")
    assert field.edit.text() == old_text + "9"
    qtbot.keyClick(field.edit, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert field.edit.text() == old_text, "the field's own text undo removes the typing"
    assert session.undo_stack.count() == 0


def test_end_quarter_updates_charts_status_and_report(window, session, qtbot):
    share = window.dashboard.charts["market_share"]
    assert share.data[session.player][1].size == 0
    for quarter in (1, 2):
        with qtbot.waitSignal(session.quarterResolved, timeout=20_000):
            window.act_end.trigger()
        qtbot.waitUntil(lambda: len(share.data[session.player][1]) == quarter, timeout=5_000)
        x, y = share.data[session.player]
    f = session.scenario.firm_index(session.player)
    np.testing.assert_allclose(y, session.history.firm("market_share")[:, f])
    xs, ys = share.series[session.player][1].getData()
    assert len(xs) == 2, "the curve itself was updated with setData"
    assert session.game.quarter in window.status_quarter.text()
    assert window.news.model.rowCount() >= 1
    assert window.rivals.model.rowCount() == len(session.scenario.firms)
    report = window.open_report()
    assert report.isVisible()
    assert session.game.records[-1].report.quarter in report.heading.text()
    assert report.pnl.rowCount() > 10
    b = session.drivers["orders"]
    bars = report.orders.values()
    assert bars[0] == pytest.approx(b.before) and bars[-1] == pytest.approx(b.after)
    assert bars[1:-1].sum() == pytest.approx(b.change, rel=1e-6, abs=1e-3)
    assert report.profit.isVisible() and not report.no_drivers.isVisible()


def test_first_quarter_report_explains_why_there_is_no_waterfall(window, session, qtbot):
    with qtbot.waitSignal(session.quarterResolved, timeout=20_000):
        window.act_end.trigger()
    report = window.open_report()
    assert report.no_drivers.isVisible() and not report.orders.isVisible()


def test_hover_read_out_names_firms_and_values(window, session, qtbot):
    with qtbot.waitSignal(session.quarterResolved, timeout=20_000):
        session.end_quarter()
    chart = window.dashboard.charts["market_share"]
    qtbot.waitUntil(lambda: session.player in chart.data and len(chart.data[session.player][1]) == 1, timeout=5_000)
    text = chart.readout_at(0)
    firm = session.scenario.firms[0]
    assert text.startswith(session.game.records[0].report.quarter) and firm.name.en in text and "%" in text
    assert chart.readout_at(5) == ""


def test_every_help_button_opens_an_explanation(window, session, qtbot):
    from PySide6.QtWidgets import QAbstractButton

    from app.widgets.explain import ExplainDialog

    helps = [b for b in window.findChildren(QAbstractButton) if b.objectName().startswith("help-")]
    assert len(helps) >= 15
    for button in helps:
        button.click()
        dialogs = [w for w in QApplication.topLevelWidgets() if isinstance(w, ExplainDialog) and w.isVisible()]
        assert dialogs, button.objectName()
        dialog = dialogs[-1]
        assert dialog.model.rowCount() > 0
        assert all(dialog.model.item(r, 3).text() for r in range(dialog.model.rowCount()))
        dialog.close()
        QApplication.processEvents()


def test_charts_export_png(window, session, qtbot, tmp_path):
    with qtbot.waitSignal(session.quarterResolved, timeout=20_000):
        session.end_quarter()
    qtbot.wait(10)
    path = tmp_path / "share.png"
    chart = window.dashboard.charts["market_share"]
    chart.export_png(str(path), width=800)
    image = QImage(str(path))
    assert not image.isNull() and image.width() == 800
    scale = 800 / chart.width()
    title, legend, plot = chart.caption.height(), chart.legend.height(), chart.plot.height()
    assert image.height() == round((title + legend + plot + 8) * scale), "title, legend and plot, stacked"
    background = image.pixelColor(image.width() - 1, 0).lightness()

    def inked(top: float, bottom: float) -> int:
        return sum(abs(image.pixelColor(x, y).lightness() - background) > 60
                   for y in range(int(top * scale), int(bottom * scale)) for x in range(0, 400, 2))

    assert inked(0, title) > 20, "the title is drawn"
    assert inked(title + 4, title + 4 + legend) > 20, "the legend is drawn"


def test_end_of_game_shows_scorecard_objectives_and_the_luck_hook(app, short_scenario, qtbot, play):
    from app.session import Session

    short = short_scenario("2024Q3")
    s = Session()
    s.new_game(short)
    settings.put("report/auto_open", False)
    w = MainWindow(s)
    qtbot.addWidget(w)
    play(s, 3)
    qtbot.waitUntil(lambda: w.endgame is not None and w.endgame.isVisible(), timeout=5_000)
    end = w.endgame
    assert end.table.model().rowCount() == len(short.firms)
    qtbot.waitUntil(lambda: "other worlds" in end.luck.text() and "%" in end.luck.text(), timeout=60_000)
    assert s.worlds.worlds == 100 and s.worlds.quarters == 3
    assert len(end.charts["market_share"].data[s.player][1]) == 3
    assert not w.act_end.isEnabled()
    assert not w.decisions.stack.isEnabled()


def test_decisions_are_locked_while_a_quarter_resolves(window, session, qtbot):
    with qtbot.waitSignal(session.busyChanged):
        window.act_end.trigger()
    assert not window.decisions.stack.isEnabled() and not window.act_end.isEnabled()
    with qtbot.waitSignal(session.quarterResolved, timeout=20_000):
        pass
    assert window.decisions.stack.isEnabled() and window.act_end.isEnabled()
    assert window.decisions.page(PricingPage).isEnabled()


def test_hidden_dashboard_tabs_catch_up_when_shown(window, session, qtbot):
    with qtbot.waitSignal(session.quarterResolved, timeout=20_000):
        session.end_quarter()
    autonomy = window.dashboard.charts["autonomy"]
    assert session.player not in autonomy.data, "charts on hidden tabs wait until they are shown"
    window.dashboard.setCurrentIndex(2)
    f = session.scenario.firm_index(session.player)
    np.testing.assert_allclose(autonomy.data[session.player][1], session.history.firm("autonomy_level")[:, f])


def test_window_geometry_and_docks_are_remembered(session, qtbot):
    first = MainWindow(session)
    qtbot.addWidget(first)
    first.show()
    first.docks["news"].toggleViewAction().trigger()  # View > News off
    first.close()
    geometry, state = settings.geometry("main")
    assert geometry == first.saveGeometry() and state == first.saveState()
    second = MainWindow(session)
    qtbot.addWidget(second)
    second.show()  # (its size is clamped to the small offscreen screen, so only the layout is compared)
    assert not second.docks["news"].isVisible(), "the dock layout came back too"


def test_news_feed_lists_every_quarters_news_newest_first(window, session, qtbot):
    assert window.news.model.rowCount() == 1 and "No news yet" in window.news.model.item(0).text()
    for _ in range(3):
        with qtbot.waitSignal(session.quarterResolved, timeout=20_000):
            session.end_quarter()
    items = session.history.news()
    model = window.news.model
    assert model.rowCount() == len(items) > 0
    latest = session.history.quarters[-1]
    for row in range(model.rowCount()):
        item = model.item(row)
        assert item.font().bold() == item.text().startswith(latest)
    quarters = [model.item(r).text()[:6] for r in range(model.rowCount())]
    assert quarters == sorted(quarters, reverse=True)
