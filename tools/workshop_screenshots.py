"""Render the workshop screens offscreen and write PNG screenshots (docs/screenshots/workshop-*).

    .venv/bin/python tools/workshop_screenshots.py OUT_DIR [en|zh_CN ...]

Plays three quarters of a 4-team workshop on one laptop (with forecasts and a custom event), then
shoots the set-up dialog, the console, the event console with an impact preview, the hotseat
lobby, the pass-the-laptop screen, a team's turn (with its PIN field), the pass screen refusing a
wrong PIN, the confirmation for a submitted team without a PIN, the console's team PINs, the
projector, a LAN console with join codes and a team's own app, and the first pages of the debrief
PDF (needs ``pdftoppm`` from poppler-utils; skipped without it). Settings and saves go to a
temporary folder.
"""

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")     # this tool never opens a real window

from shots import fresh_profile  # noqa: E402  (tools/ is this script's folder)


def wait(app, condition, seconds=20.0):
    from PySide6.QtCore import QEventLoop

    end = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > end:
            raise SystemExit("timed out")
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 30)
        time.sleep(0.005)


def shot(app, widget, path: Path, size=(1440, 900)) -> None:
    widget.resize(*size)
    widget.show()
    for _ in range(5):
        app.processEvents()
    widget.grab().save(str(path))
    print(path)


def shoot_next_dialog(app, path: Path) -> None:
    """Save the next modal message box as ``path``, then answer it with No."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    def grab():
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, grab)
            return
        for _ in range(5):
            app.processEvents()
        box.grab().save(str(path))
        print(path)
        box.button(QMessageBox.StandardButton.No).click()

    QTimer.singleShot(0, grab)


def play(app, controller, quarters: int) -> None:
    from dataclasses import replace

    for q in range(quarters):
        for i, team in enumerate(controller.teams):
            draft = controller.suggestion(team)
            controller.submit(team, replace(draft, marketing_budget=draft.marketing_budget * (1 + 0.2 * i)))
            if team in ("byd", "nio"):
                controller.predict(team, {"deliveries": 60_000.0 + 15_000 * q, "operating_profit_cny": -1.5e9 + 4e8 * q,
                                          "rationale": "price cut, steady marketing"})
        if q == 1:
            controller.control("inject", event={"id": "custom-port-strike", "headline": {
                "en": "Dock strike at Shanghai port", "zh": "上海港码头罢工"}, "effects": {"capacity": -0.25},
                "duration": 2}, target="byd")
        controller.control("lock")
        controller.resolve()
        wait(app, lambda: not controller.busy)
        controller.control("open")


def main(out: Path, langs) -> None:
    tmp = fresh_profile("closedloop-shots-", saves="saves")
    from app import i18n
    from app.main import setup
    from engine.scenario import load_scenario
    from engine.workshop import WorkshopSession, WorkshopSettings

    app = setup(lang=langs[0], theme_name="light")
    scenario = load_scenario(str(ROOT / "scenarios" / "xiaomi-2024.toml"))
    out.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        i18n.install(lang)
        shoot(app, scenario, out, lang, tmp / lang, WorkshopSession, WorkshopSettings)
    shutil.rmtree(tmp, ignore_errors=True)


def shoot(app, scenario, out, lang, tmp, WorkshopSession, WorkshopSettings) -> None:  # noqa: N803
    from app.workshop.console import ConsoleWindow
    from app.workshop.controller import WorkshopController
    from app.workshop.debrief_render import collect_from_file, write_pack
    from app.workshop.projector import ProjectorWindow
    from app.workshop.setup_dialog import SetupDialog
    from app.workshop.team_window import TeamWindow

    tmp.mkdir(parents=True, exist_ok=True)
    names = {"byd": "Team Blue", "nio": "Team Sky"} if lang == "en" else {"byd": "蓝队", "nio": "天空队"}
    dialog = SetupDialog()
    for firm, (box, name) in dialog.team_boxes.items():
        name.setText(names.get(firm, ""))
    shot(app, dialog, out / f"workshop-{lang}-01-setup.png", (780, 800))
    dialog.close()
    settings = WorkshopSettings(teams=("xiaomi", "byd", "nio", "li-auto"), seed=7, quarters=8, round_seconds=1800,
                                team_names=names)
    c = WorkshopController(WorkshopSession(scenario, settings, now=time.time()), "hotseat",
                           str(tmp / "workshop.closedloop")).start()
    play(app, c, 3)
    from dataclasses import replace

    c.submit("byd", replace(c.suggestion("byd"), marketing_budget=9e8))
    c.submit("li-auto", c.suggestion("li-auto"))
    c.control("inject", event="lithium-spike", target=None)
    console = ConsoleWindow(c)
    console.confirm_close = False
    console.tabs.setCurrentWidget(console.results)
    shot(app, console, out / f"workshop-{lang}-02-console.png")
    console.tabs.setCurrentWidget(console.events)
    panel = console.events
    panel.custom_radio.setChecked(True)
    panel.custom.set_values("custom-chip-ban", "Export ban on advanced autonomy chips", "高端智驾芯片出口禁令",
                            {"hw_cost": 0.4, "autonomy": -0.5}, duration=3)
    panel.target.setCurrentIndex(panel.target.findData("xiaomi"))
    panel.futures.setValue(300)
    panel.preview()
    wait(app, lambda: panel.chart.result is not None)
    shot(app, console, out / f"workshop-{lang}-03-events.png")
    hotseat = console.open_hotseat()
    shot(app, hotseat, out / f"workshop-{lang}-04-lobby.png")
    hotseat.ask_for("nio")
    shot(app, hotseat, out / f"workshop-{lang}-05-pass.png")
    hotseat.pass_button.click()
    hotseat.turn.pin.setText("2468")
    shot(app, hotseat, out / f"workshop-{lang}-06-turn.png")
    hotseat.turn.submit()                               # nio submits with a PIN
    hotseat.ask_for("nio")
    hotseat.pin_edit.setText("1357")
    hotseat.pass_button.click()                         # a wrong PIN: nothing of nio is shown
    shot(app, hotseat, out / f"workshop-{lang}-06b-wrong-pin.png")
    hotseat.ask_for("byd")                              # submitted without a PIN: confirm by name
    shoot_next_dialog(app, out / f"workshop-{lang}-06c-confirm.png")
    hotseat.pass_button.click()
    hotseat.hand_back()
    console.tabs.setCurrentWidget(console.teams)
    shot(app, console, out / f"workshop-{lang}-06d-pins.png")
    projector = ProjectorWindow(c)
    projector.resize(1600, 900)
    projector.show()
    wait(app, lambda: not projector.race.animating)
    shot(app, projector, out / f"workshop-{lang}-07-projector.png", (1600, 900))
    projector.close()
    pack = tmp / "pack"
    write_pack(collect_from_file(c.path, 50), pack, c.path)
    console.close()
    lan = WorkshopController(WorkshopSession(scenario, settings, now=time.time()), "lan",
                             str(tmp / "lan.closedloop"), "127.0.0.1", 0).start()
    lan_console = ConsoleWindow(lan, "127.0.0.1")
    lan_console.confirm_close = False
    team = TeamWindow(f"ws://127.0.0.1:{lan.host.port}", code=lan.codes()["teams"]["byd"])
    wait(app, lambda: team.form is not None and team.link.state == "connected")
    team.prediction.deliveries.setText("520000")
    team.prediction.profit.setText("-900" if lang == "en" else "-9")
    team.prediction.rationale.setPlainText("Volume first: hold prices, two shifts")
    wait(app, lambda: lan.codes()["connected"]["byd"] == 1)
    assert team.submit()
    wait(app, lambda: lan.view["submissions"]["byd"]["submitted"])
    shot(app, lan_console, out / f"workshop-{lang}-08-lan-console.png")
    shot(app, team, out / f"workshop-{lang}-09-team-app.png")
    team.close()
    lan_console.close()
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-r", "70", "-png", "-f", "1", "-l", "3", str(pack / "debrief.pdf"),
                        str(out / f"workshop-{lang}-10-debrief")], check=True)
        for page in sorted(out.glob(f"workshop-{lang}-10-debrief-*.png")):
            print(page)


if __name__ == "__main__":
    main(Path(sys.argv[1]), sys.argv[2:] or ["en", "zh_CN"])
