"""The facilitator's console with real widgets offscreen: set-up, round control, deadlines, the
event console with its impact preview, autosave and resume, and the projector view."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from workshop_helpers import TIMEOUT_MS, Clock, answer_next_dialog, make_console, resolve, texts, workshop  # noqa: F401

from engine.saves import load_outcomes, load_workshop

STRIKE = ("custom-port-strike", "Dock strike at Shanghai port", "上海港码头罢工", {"capacity": -0.3, "brand": -0.1})


def test_workshop_setup_dialog_builds_the_settings(app, qtbot):
    from app.workshop.setup_dialog import SetupDialog

    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    for firm, (box, name) in dialog.team_boxes.items():
        box.setChecked(firm in ("xiaomi", "byd", "nio"))
    dialog.team_boxes["byd"][1].setText("Blue")
    dialog.team_boxes["nio"][1].setText("Blue")
    assert not ok.isEnabled() and "same name" in dialog.error.text()
    dialog.team_boxes["nio"][1].setText("Green")
    dialog.minutes.setValue(45)
    dialog.quarters.setValue(6)
    dialog.visibility["rival_financials"].setChecked(True)
    dialog.visibility["suggestions"].setChecked(False)
    dialog.lan.setChecked(True)
    assert ok.isEnabled() and dialog.port.isEnabled()
    plan = dialog.plan()
    s = plan.settings
    assert s.teams == ("xiaomi", "byd", "nio") and s.team_names == {"byd": "Blue", "nio": "Green"}
    assert s.round_seconds == 2700 and s.quarters == 6 and s.visibility.rival_financials
    assert not s.visibility.suggestions and plan.mode == "lan" and plan.path.endswith(".closedloop")
    for box, _ in dialog.team_boxes.values():
        box.setChecked(False)
    assert not ok.isEnabled() and dialog.error.text()


def test_workshop_round_control_buttons_resolve_and_reopen_with_a_warning(make_console, workshop, qtbot, tmp_path):
    c = workshop(teams=("xiaomi", "byd"), round_seconds=600)
    console = make_console(c)
    bar = console.round_bar
    assert bar.buttons["lock"].isEnabled() and not bar.buttons["resolve"].isEnabled()
    assert c.submit("byd", c.suggestion("byd")) == ""
    assert "1 of 2 submitted" in bar.status.text()
    deadline = c.view["session"]["deadline"]
    bar.minutes.setValue(10)
    qtbot.mouseClick(bar.buttons["extend"], Qt.MouseButton.LeftButton)
    assert c.view["session"]["deadline"] == deadline + 600
    qtbot.mouseClick(bar.buttons["lock"], Qt.MouseButton.LeftButton)
    assert c.phase == "locked" and bar.buttons["resolve"].isEnabled()
    with qtbot.waitSignal(c.resolved, timeout=TIMEOUT_MS) as resolved:
        qtbot.mouseClick(bar.buttons["resolve"], Qt.MouseButton.LeftButton)
    assert resolved.args == ["2024Q1"] and c.phase == "resolved"
    assert c.view["defaulted"] == ["xiaomi"]                      # xiaomi did not submit: the AI draft played
    first = c.session.game.records[-1].state_hash
    qtbot.mouseClick(bar.buttons["open"], Qt.MouseButton.LeftButton)
    assert c.phase == "open" and c.view["session"]["quarter"] == "2024Q2"
    c.submit("xiaomi", c.suggestion("xiaomi"))
    seen = []
    answer_next_dialog(QMessageBox.StandardButton.Cancel, seen)
    assert not bar.reopen()
    assert c.session.resolved == 1
    answer_next_dialog(QMessageBox.StandardButton.Yes, seen)
    assert bar.reopen()
    warning = seen[-1]
    assert "Reopening 2024Q1 discards its results" in warning and "1 submission(s)" in warning
    assert c.session.resolved == 0 and c.view["session"]["quarter"] == "2024Q1"
    assert list(c.session.pending) == ["byd"]                     # its submission came back as a draft
    resolve(qtbot, c)
    assert c.session.game.records[-1].state_hash == first          # same decisions, same quarter
    assert load_workshop(c.path).to_dict() == c.session.to_dict()  # autosaved after every change


def test_workshop_deadline_locks_the_round_on_one_laptop(workshop, qtbot):
    clock = Clock()
    c = workshop(teams=("nio",), round_seconds=300, clock=clock)
    messages = []
    c.message.connect(messages.append)
    from app.workshop.round_bar import countdown

    assert countdown(c.view["session"]["deadline"], clock()) == "5:00 left"
    clock.now += 301
    qtbot.waitUntil(lambda: c.phase == "locked", timeout=3000)
    assert "Time is up" in messages[-1]
    assert c.submit("nio", c.suggestion("nio")).startswith("cannot submit")
    assert c.control("unlock") and c.control("extend", seconds=120.0)
    assert c.submit("nio", c.suggestion("nio")) == ""


def test_workshop_event_console_previews_and_releases_events(make_console, workshop, qtbot):
    c = workshop(teams=("xiaomi", "byd"))
    console = make_console(c)
    panel = console.events
    panel.deck.setCurrentIndex(panel.deck.findData("chip-shortage"))
    panel.futures.setValue(64)
    panel.quarters.setValue(2)
    with qtbot.waitSignal(c.previewReady, timeout=TIMEOUT_MS):
        assert panel.preview()
    chart = panel.chart
    assert chart.result["event"] == "chip-shortage" and len(chart.curves["with"][2].getData()[0]) == 2
    assert "with the event" in chart.summary.text() and chart.deltas.rowCount() == 7
    panel.custom_radio.setChecked(True)
    ident, en, zh, effects = STRIKE
    panel.custom.set_values(ident, en, "", effects, duration=2)
    assert not panel.preview() and "both English and Chinese" in panel.error.text()
    panel.custom.set_values(ident, en, zh, effects, duration=2)
    panel.target.setCurrentIndex(panel.target.findData("byd"))
    panel.futures.setValue(2000)
    panel.quarters.setValue(8)
    with qtbot.waitSignal(c.previewStopped, timeout=TIMEOUT_MS) as stopped:
        assert panel.preview()
        c.cancel_preview()
    assert stopped.args == [""] and "cancelled" in panel.error.text()
    panel.futures.setValue(64)
    panel.quarters.setValue(2)
    with qtbot.waitSignal(c.previewReady, timeout=TIMEOUT_MS) as ready:
        panel.preview()
    byd = next(f for f in ready.args[0]["firms"] if f["id"] == "byd")
    assert byd["deliveries"]["delta"][0] < 0 and chart.firm_box.currentData() == "byd"
    assert panel.release() and panel.queued.count() == 1 and en in panel.queued.item(0).text()
    assert not panel.release() and "twice" in panel.error.text()
    panel.deck_radio.setChecked(True)
    panel.deck.setCurrentIndex(panel.deck.findData("recall"))
    panel.target.setCurrentIndex(panel.target.findData("xiaomi"))
    assert panel.release() and panel.queued.count() == 2
    panel.queued.setCurrentRow(1)
    assert panel.withdraw() and panel.queued.count() == 1
    resolve(qtbot, c)
    for team in c.teams:                                         # in every team's news
        assert any(n["id"] == ident and n["headline"]["zh"] == zh for n in c.team_view(team)["news"])
    assert any(n["id"] == ident for n in c.projector["news"])
    injected = load_outcomes(c.path).injected[0]                  # and in the replay timeline
    assert [(e.id, target) for e, target in injected] == [(ident, "byd")]


def test_workshop_reissue_and_codes_only_over_the_lan(make_console, workshop, qtbot):
    hotseat = make_console(workshop(teams=("xiaomi",)))
    assert hotseat.teams.code_labels == {} and not hotseat.round_bar.buttons["teams"].isHidden()
    c = workshop(teams=("xiaomi", "byd"), mode="lan")
    console = make_console(c, "127.0.0.1")
    assert console.round_bar.buttons["teams"].isHidden()
    old = c.codes()["teams"]["byd"]
    assert console.teams.code_labels["byd"].text().replace(" ", "") == old
    assert old in console.teams.codes_text() and "127.0.0.1:" in console.teams.codes_text()
    answer_next_dialog(QMessageBox.StandardButton.Yes)
    new = console.teams.reissue("byd")
    assert new and new != old and console.teams.code_labels["byd"].text().replace(" ", "") == new


def test_workshop_projector_shows_no_private_data(workshop, qtbot):
    from app.workshop.projector import ProjectorWindow

    c = workshop(teams=("xiaomi", "byd", "nio"), team_names={"byd": "Team Blue"})
    secret_rationale = "SECRET-PLAN price cut to 99,999"
    for _ in range(2):
        for team in c.teams:
            c.submit(team, c.suggestion(team))
        resolve(qtbot, c)
        c.control("open")
    draft = c.suggestion("byd")
    marketing = 1_234_567_890.0
    from dataclasses import replace

    assert c.submit("byd", replace(draft, marketing_budget=marketing)) == ""
    assert c.predict("byd", {"deliveries": 777_777, "operating_profit_cny": -4.2e9, "rationale": secret_rationale}) == ""
    projector = ProjectorWindow(c)
    qtbot.addWidget(projector)
    projector.showFullScreen()
    assert projector.isFullScreen()
    qtbot.waitUntil(lambda: not projector.race.animating, timeout=5000)
    assert set(c.projector) == {"session", "leaderboard", "share_race", "news"}
    shown = " ".join(texts(projector)) + " " + repr(c.projector)
    # the predicted deliveries in every form the app prints numbers (floats in the repr may hold "777" by chance)
    for private in (secret_rationale, "SECRET", "777,777", "777777", "777.8k", "778k", "1,234,567,890", "1234567890", "marketing", "cash_cny",
                    "draft", "prediction"):
        assert private not in shown, private
    assert "Team Blue" in shown and "2024Q2" in shown
    labels = [label.textItem.toPlainText() for label in projector.race.labels]
    assert len(labels) == 7 and any("Team Blue" in t for t in labels)
    c.control("lock")
    resolve(qtbot, c)
    assert projector.shown_quarters == 3 and projector.race.animating
    projector.close()


def test_workshop_console_save_resume_round_trip(workshop, qtbot, app):
    c = workshop(teams=("xiaomi", "li-auto"), round_seconds=900, missing="carry")
    c.submit("li-auto", c.suggestion("li-auto"))
    c.predict("li-auto", {"deliveries": 100_000, "operating_profit_cny": 1e9, "rationale": "steady"})
    resolve(qtbot, c)
    c.control("open")
    c.control("inject", event="lithium-spike", target=None)
    assert c.save_now()
    resumed = load_workshop(c.path)
    assert resumed.to_dict() == c.session.to_dict()
    assert resumed.defaulted == [("xiaomi",)] and resumed.injections == [("lithium-spike", None)]
