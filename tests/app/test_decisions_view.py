"""Decision pages: typing into fields, validation next to the field, undo/redo, live consequences."""

import pytest
from PySide6.QtCore import Qt

from app import i18n
from app.widgets.decision_budgets import AutonomyPage, EcosystemPage, FinancePage
from app.widgets.decision_pages import LaunchesPage, PricingPage, ProductionPage
from app.widgets.decisions import DecisionsPanel


@pytest.fixture
def panel(session, qtbot):
    widget = DecisionsPanel(session)
    qtbot.addWidget(widget)
    widget.resize(560, 900)
    widget.show()
    return widget


def type_into(qtbot, field, text: str) -> None:
    field.edit.setFocus()
    field.edit.selectAll()
    qtbot.keyClicks(field.edit, text)
    qtbot.keyClick(field.edit, Qt.Key.Key_Return)


def test_typing_a_price_changes_the_draft_and_its_margin(panel, session, qtbot):
    page = panel.page(PricingPage)
    path = next(p for p in page.fields if p.startswith("prices."))
    field = page.fields[path]
    note_before = field.note.text()
    type_into(qtbot, field, "199,000")
    assert session.draft.prices[path.split(".")[1]] == 199_000.0
    assert field.edit.text() == "199,000"
    assert not field.message.isVisible()
    assert field.note.text() != note_before and "margin" in field.note.text()
    assert session.undo_stack.count() == 1


def test_undo_and_redo_restore_the_field(panel, session, qtbot):
    field = panel.page(PricingPage).fields[next(iter(panel.page(PricingPage).fields))]
    original = field.edit.text()
    type_into(qtbot, field, "188,800")
    assert field.edit.text() == "188,800"
    session.undo_stack.undo()
    assert field.edit.text() == original
    session.undo_stack.redo()
    assert field.edit.text() == "188,800"


@pytest.mark.parametrize("text, expected", [("-5", "Must be between"), ("abc", "Enter a number"),
                                            ("99999999999", "Must be between")])
def test_invalid_input_shows_a_message_next_to_the_field_and_changes_nothing(panel, session, qtbot, text, expected):
    page = panel.page(PricingPage)
    field = page.fields[next(iter(page.fields))]
    before = session.draft
    type_into(qtbot, field, text)
    assert session.draft is before
    assert session.undo_stack.count() == 0
    assert field.message.isVisible() and field.message.text().startswith(expected)
    assert field.edit.text() == text, "the wrong text stays for the player to fix"


def test_an_incentive_above_half_the_price_is_refused(panel, session, qtbot):
    page = panel.page(PricingPage)
    path = next(p for p in page.fields if p.startswith("incentives."))
    price = session.draft.prices[path.split(".")[1]]
    type_into(qtbot, page.fields[path], i18n.number(0.8 * price))
    assert "half the list price" in page.fields[path].message.text()
    assert session.draft.incentives == {}


def test_every_decision_has_a_tooltip(panel):
    for page in panel.pages:
        for path, field in page.fields.items():
            assert field.edit.toolTip().strip(), path
    production = panel.page(ProductionPage)
    assert production.shifts.toolTip()
    assert panel.page(AutonomyPage).chip.toolTip()
    for _, box, _ in panel.page(LaunchesPage).boxes.values():
        assert box.toolTip()


def test_shifts_and_capacity_show_their_consequences(panel, session, qtbot):
    page = panel.page(ProductionPage)
    page.shifts.setCurrentIndex(page.shifts.findData(2))
    page.shifts.activated.emit(page.shifts.currentIndex())
    assert session.draft.shifts == 2
    type_into(qtbot, page.fields["capacity_order"], "50000")
    assert session.draft.capacity_order == 50_000
    note = page.fields["capacity_order"].note.text()
    assert "Arrives in" in note and "Capex" in note


def test_chip_switch_pauses_and_resumes_the_programme(panel, session):
    page = panel.page(AutonomyPage)
    budget = session.draft.chip_budget
    page.chip.setChecked(False)
    assert session.draft.chip_budget == 0
    page.chip.setChecked(True)
    assert session.draft.chip_budget == (budget or pytest.approx(5e8))


def test_financing_page_shows_the_room(panel, session):
    page = panel.page(FinancePage)
    assert "Cash" in page.fields["borrow"].note.text()


def test_launch_checkbox_sets_the_launch(panel, session):
    page = panel.page(LaunchesPage)
    if not page.boxes:
        pytest.skip("the default scenario's player has no optional model to launch")
    model_id, (_, box, note) = next(iter(page.boxes.items()))
    box.setChecked(True)
    assert model_id in session.draft.launches
    assert note.text()


def test_the_advisor_button_replaces_the_draft_undoably(panel, session, qtbot):
    field = panel.page(PricingPage).fields[next(iter(panel.page(PricingPage).fields))]
    type_into(qtbot, field, "150,000")
    mine = session.draft
    qtbot.mouseClick(panel.advice, Qt.MouseButton.LeftButton)
    assert session.draft == session.game.suggest(session.player)
    session.undo_stack.undo()
    assert session.draft == mine


def test_a_number_too_large_once_scaled_is_refused_in_chinese(session, qtbot):
    # 1e308 is finite, but 1e308 万元 is not: the message is the app's, in Chinese, not the engine's English.
    i18n.install("zh_CN")
    panel = DecisionsPanel(session)
    qtbot.addWidget(panel)
    panel.show()
    page = panel.page(PricingPage)
    field = page.fields[next(p for p in page.fields if p.startswith("prices."))]
    assert field.unit.text() == "万元"
    before = session.draft
    type_into(qtbot, field, "1e308")
    assert session.draft is before and session.undo_stack.count() == 0
    assert field.message.isVisible() and field.message.text() == "数字太大了。"
    assert field.edit.text() == "1e308"


def test_the_closed_loop_section_explains_the_ratio_and_shows_it_after_a_quarter(panel, session, qtbot, play):
    page = panel.page(EcosystemPage)
    note = page.loop_note
    assert note.text() and "after the first quarter" in note.text()
    play(session)
    f = session.scenario.firm_index(session.player)
    ratio = session.history.firm("closed_loop_ratio")[-1, f]
    assert note.text().startswith("Last quarter " + i18n.percent(ratio)) and "gross profit" in note.text()
