"""Teams taking turns on one laptop, through real widgets: the decision editors bound to each
team's draft, the pass-the-laptop screen that leaves nothing of the previous team behind, and a
4-team, 8-quarter workshop to the debrief pack."""

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit
from workshop_helpers import TIMEOUT_MS, make_console, resolve, texts, workshop  # noqa: F401

from engine.saves import load_workshop


def type_into(qtbot, line: QLineEdit, text: str) -> None:
    line.setFocus()
    line.selectAll()
    QTest.keyClicks(line, text)
    QTest.keyClick(line, Qt.Key.Key_Return)


def open_turn(hotseat, team):
    hotseat.ask_for(team)
    assert hotseat.stack.currentWidget() is hotseat.pass_page
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
    again = open_turn(hotseat, "byd")                            # the team comes back: its own sealed draft
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
