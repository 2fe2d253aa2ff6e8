"""Teams taking turns on one laptop, through real widgets: the decision editors bound to each
team's draft, the pass-the-laptop screen that leaves nothing of the previous team behind, and a
4-team, 8-quarter workshop to the debrief pack."""

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QMessageBox
from workshop_helpers import TIMEOUT_MS, answer_next_dialog, make_console, resolve, texts, workshop  # noqa: F401

from engine.saves import load_workshop


def type_into(qtbot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


def open_turn(hotseat, team, answer=None, seen=None):
    """Pick ``team`` on the lobby and let it in (``answer``: how to answer a confirmation)."""
    hotseat.ask_for(team)
    assert hotseat.stack.currentWidget() is hotseat.pass_page
    if answer is not None:
        answer_next_dialog(answer, seen)
    hotseat.pass_button.click()
    turn = hotseat.turn
    assert turn is not None and turn.team == team and hotseat.stack.currentWidget() is turn
    return turn


def test_hotseat_pass_the_laptop_leaves_nothing_of_the_previous_team(make_console, workshop, qtbot):
    from app.widgets.decision_budgets import MarketingPage
    c = workshop(teams=("xiaomi", "byd", "nio"), team_names={"byd": "Team Blue"})
    console = make_console(c)
    hotseat = console.open_hotseat()
    qtbot.addWidget(hotseat)
    assert not console.isVisible() and hotseat.isVisible()
    turn = open_turn(hotseat, "byd")
    field = turn.decisions.page(MarketingPage).fields["marketing_budget"]
    type_into(qtbot, field.edit, "4321")
    assert turn.session.draft.marketing_budget == 4321e6 and turn.session.undo_stack.count() == 1
    turn.prediction.deliveries.setText("612345")
    turn.prediction.profit.setText("-987")
    turn.prediction.rationale.setPlainText("Blue bets on volume")
    byd_session = turn.session
    qtbot.mouseClick(turn.submit_button, Qt.MouseButton.LeftButton)
    assert c.view["submissions"]["byd"]["submitted"] and c.view["predicted"]["byd"]
    assert hotseat.stack.currentWidget() is hotseat.pass_page and hotseat.pending_team == "xiaomi"
    qtbot.waitUntil(lambda: not shiboken6.isValid(byd_session), timeout=3000)   # the turn and its draft are gone
    screen = " ".join(texts(hotseat))
    for trace in ("4,321", "4321", "612,345", "612345", "987", "volume", "Team Blue —"):
        assert trace not in screen, trace
    assert not hotseat.findChildren(type(turn))
    nxt = open_turn(hotseat, hotseat.pending_team)
    assert nxt.team == "xiaomi" and nxt.session.undo_stack.count() == 0
    shown = " ".join(texts(nxt))
    assert "4,321" not in shown and "volume" not in shown and "BYD Seagull" not in shown
    assert nxt.decisions.page(MarketingPage).fields["marketing_budget"].edit.text() != "4,321"
    nxt.left.emit("xiaomi")
    assert hotseat.stack.currentWidget() is hotseat.lobby and hotseat.turn is None
    again = open_turn(hotseat, "byd", QMessageBox.StandardButton.Yes)   # the team comes back: its sealed draft
    assert again.decisions.page(MarketingPage).fields["marketing_budget"].edit.text() == "4,321"
    assert again.prediction.rationale.toPlainText() == "Blue bets on volume"
    assert again.session.undo_stack.count() == 0                   # but not its undo history
    again.left.emit("byd")
    hotseat.hand_back()
    assert console.isVisible() and not hotseat.isVisible()


def test_hotseat_refused_values_and_locked_rounds(workshop, qtbot):
    from app.widgets.decision_pages import PricingPage
    from app.workshop.hotseat import HotseatWindow

    c = workshop(teams=("xiaomi",))
    hotseat = HotseatWindow(c)
    qtbot.addWidget(hotseat)
    turn = open_turn(hotseat, "xiaomi")
    field = turn.decisions.page(PricingPage).fields["prices.su7"]
    type_into(qtbot, field.edit, "5")
    assert not field.message.isHidden() and turn.session.undo_stack.count() == 0
    turn.prediction.deliveries.setText("lots")
    turn.prediction.profit.setText("1")
    assert not turn.submit() and not turn.prediction.error.isHidden()
    turn.prediction.set_prediction(None)
    c.control("lock")
    assert not turn.submit() and "locked" in turn.status.text()
    turn.left.emit("xiaomi")
    assert all(not b.isEnabled() for b in hotseat.team_buttons.values())
    assert "not open" in hotseat.lobby_status.text()


def test_hotseat_four_teams_eight_quarters_end_to_end_with_the_debrief_pack(make_console, workshop, qtbot, tmp_path):
    from app.widgets.decision_budgets import MarketingPage
    from app.workshop.debrief_render import DebriefRunner

    teams = ("xiaomi", "byd", "nio", "li-auto")
    c = workshop(teams=teams, quarters=8, round_seconds=3600, team_names={"nio": "Team Sky"})
    console = make_console(c)
    for quarter in range(8):
        hotseat = console.open_hotseat()
        for i in range(len(teams)):
            if i == 0:
                hotseat.ask_for(hotseat.waiting()[0])
            assert hotseat.stack.currentWidget() is hotseat.pass_page
            hotseat.pass_button.click()
            turn = hotseat.turn
            if turn.team == "nio":
                field = turn.decisions.page(MarketingPage).fields["marketing_budget"]
                type_into(qtbot, field.edit, str(900 + 50 * quarter))
            if turn.team in ("byd", "nio"):
                turn.prediction.deliveries.setText(str(50_000 + 1000 * quarter))
                turn.prediction.profit.setText("-500")
                turn.prediction.rationale.setPlainText(f"quarter {quarter + 1}")
            assert turn.submit()
        assert hotseat.stack.currentWidget() is hotseat.lobby and not hotseat.waiting()
        hotseat.hand_back()
        if quarter == 3:
            assert c.control("inject", event="price-war", target=None)
        resolve(qtbot, c)
        if quarter < 7:
            assert c.control("open")
    assert c.finished and c.session.resolved == 8 and not any(c.session.defaulted)
    decided = [r.decisions["nio"].marketing_budget for r in c.session.game.records]
    assert decided == [(900 + 50 * q) * 1e6 for q in range(8)]
    assert load_workshop(c.path).to_dict() == c.session.to_dict()
    scores = c.session.prediction_scores("byd")
    assert scores["mean_score"] is not None and all(q["prediction"] for q in scores["quarters"])
    out = tmp_path / "pack"
    runner = DebriefRunner(console, c, out, worlds=20)
    with qtbot.waitSignals([runner.done], timeout=TIMEOUT_MS, raising=False):
        failures = []
        runner.failed.connect(failures.append)
        runner.run()
    assert not failures and runner.files
    check_pack(out, team_names=("Team Sky",))


def check_pack(out, team_names=()) -> None:
    """The debrief pack: HTML referencing PNG charts that exist, a non-empty PDF, CSV and the save."""
    import re

    page = (out / "debrief.html").read_text(encoding="utf-8")
    images = re.findall(r'<img src="([^"]+)"', page)
    assert len(images) >= 7 and all((out / i).is_file() and (out / i).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
                                    for i in images)
    for name in team_names:
        assert name in page
    for section in ("Trajectories", "Turning points", "How the teams decided", "Forecast accuracy",
                    "Luck versus skill", "Events"):
        assert section in page, section
    pdf = (out / "debrief.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000
    csv = sorted(p.name for p in (out / "csv").iterdir())
    assert len(csv) == 7 and any(n.endswith("-predictions.csv") for n in csv)
    assert load_workshop(out / "workshop.closedloop").resolved == 8


def submit_with_pin(qtbot, hotseat, team, pin, budget="4321", rationale="Blue's secret plan", answer=None):
    """``team`` enters a marketing budget and a forecast, types ``pin`` beside Submit and submits."""
    from app.widgets.decision_budgets import MarketingPage

    turn = open_turn(hotseat, team, answer)
    type_into(qtbot, turn.decisions.page(MarketingPage).fields["marketing_budget"].edit, budget)
    turn.prediction.deliveries.setText("612345")
    turn.prediction.profit.setText("-987")
    turn.prediction.rationale.setPlainText(rationale)
    if pin.isascii():
        QTest.keyClicks(turn.pin, pin)
    else:
        turn.pin.setText(pin)                                    # QTest types Latin-1 only
    return turn, turn.submit()


def try_pin(hotseat, team, pin):
    """Pick ``team`` on the lobby, type ``pin`` on the pass screen and press Return."""
    hotseat.show_lobby()
    hotseat.team_buttons[team].click()
    assert hotseat.stack.currentWidget() is hotseat.pass_page and not hotseat.pin_row.isHidden()
    QTest.keyClicks(hotseat.pin_edit, pin)
    QTest.keyClick(hotseat.pin_edit, Qt.Key.Key_Return)
    return hotseat.turn


def test_workshop_hotseat_pin_keeps_a_submitted_teams_screen_shut_to_others(workshop, qtbot):
    from app.widgets.decision_budgets import MarketingPage
    from app.workshop.hotseat import HotseatWindow
    from app.workshop.team_turn import TeamTurn
    from app.workshop.teams_panel import TeamsPanel

    c = workshop(teams=("xiaomi", "byd"), team_names={"byd": "Team Blue"})
    hotseat = HotseatWindow(c)
    qtbot.addWidget(hotseat)
    _, ok = submit_with_pin(qtbot, hotseat, "byd", "2468")
    assert ok and c.view["submissions"]["byd"]["submitted"] and c.pins.has("byd")
    hotseat.show_lobby()
    assert "PIN protected" in hotseat.team_buttons["byd"].text()
    assert "PIN protected" not in hotseat.team_buttons["xiaomi"].text()
    for tries_left in (4, 3, 2, 1):
        assert try_pin(hotseat, "byd", "1357") is None
        assert hotseat.pass_error.text() == f"Wrong PIN for Team Blue ({tries_left} tries left)."
        assert not hotseat.findChildren(TeamTurn) and hotseat.stack.currentWidget() is hotseat.pass_page
        screen = " ".join(texts(hotseat))
        for trace in ("4,321", "4321", "612,345", "secret plan", "2468"):
            assert trace not in screen, trace
    assert try_pin(hotseat, "byd", "0000") is None and c.pins.locked("byd")
    assert try_pin(hotseat, "byd", "2468") is None, "shut: not even the right PIN opens it"
    assert "until the facilitator resets" in hotseat.pass_error.text() and not hotseat.findChildren(TeamTurn)
    panel = TeamsPanel(c)
    qtbot.addWidget(panel)
    assert panel.pin_labels["byd"].text() == "shut after wrong PINs" and panel.pin_labels["xiaomi"].text() == "no PIN"
    assert panel.pin_buttons["byd"].isEnabled() and not panel.pin_buttons["xiaomi"].isEnabled()
    assert panel.reset_pin("byd", confirm=False)
    assert not c.pins.has("byd") and panel.pin_labels["byd"].text() == "no PIN"
    assert not panel.pin_buttons["byd"].isEnabled()
    assert c.view["submissions"]["byd"]["submitted"], "a reset keeps the sealed decision"
    turn, ok = submit_with_pin(qtbot, hotseat, "byd", "8642", budget="4500",      # confirmed by name, new PIN
                               answer=QMessageBox.StandardButton.Yes)
    assert ok
    hotseat.show_lobby()
    turn = try_pin(hotseat, "byd", "8642")                          # the team's own PIN: its own sealed draft
    assert turn is not None and turn.team == "byd"
    assert turn.decisions.page(MarketingPage).fields["marketing_budget"].edit.text() == "4,500"
    assert turn.prediction.rationale.toPlainText() == "Blue's secret plan"


def test_workshop_hotseat_reopening_a_submitted_screen_without_a_pin_asks_by_name(workshop, qtbot):
    from app.widgets.decision_budgets import MarketingPage
    from app.workshop.hotseat import HotseatWindow
    from app.workshop.team_turn import TeamTurn

    c = workshop(teams=("xiaomi", "byd"), team_names={"byd": "Team Blue"})
    hotseat = HotseatWindow(c)
    qtbot.addWidget(hotseat)
    _, ok = submit_with_pin(qtbot, hotseat, "byd", "")
    assert ok and not c.pins.has("byd")
    asked = []
    assert open_turn_refused(hotseat, "byd", QMessageBox.StandardButton.No, asked)
    assert asked and asked[0].count("Team Blue") == 2, asked
    assert hotseat.stack.currentWidget() is hotseat.lobby and not hotseat.findChildren(TeamTurn)
    assert "4,321" not in " ".join(texts(hotseat))
    turn = open_turn(hotseat, "byd", QMessageBox.StandardButton.Yes)
    assert turn.decisions.page(MarketingPage).fields["marketing_budget"].edit.text() == "4,321"
    turn.left.emit("byd")
    first = open_turn(hotseat, "xiaomi")                            # not submitted yet: no question
    assert first.team == "xiaomi"


def open_turn_refused(hotseat, team, answer, seen) -> bool:
    """Pick ``team``, answer the confirmation with ``answer``; True when no turn was built."""
    hotseat.ask_for(team)
    answer_next_dialog(answer, seen)
    hotseat.pass_button.click()
    return hotseat.turn is None


def test_workshop_hotseat_bad_pin_refuses_the_submission_and_changes_nothing(workshop, qtbot):
    from app.workshop.hotseat import HotseatWindow

    c = workshop(teams=("xiaomi", "byd"))
    hotseat = HotseatWindow(c)
    qtbot.addWidget(hotseat)
    before = c.session.to_dict()
    for bad in ("12", "12a4", "١٢٣٤"):
        turn, ok = submit_with_pin(qtbot, hotseat, "byd", bad)
        assert not ok and turn.status.text() == "A PIN is 4 to 6 digits."
        assert c.session.to_dict() == before and not c.pins.has("byd")
        turn.left.emit("byd")
