"""``closedloop debrief FILE --out DIR`` (a Qt command: charts with pyqtgraph, the PDF with QPdfWriter),
from the committed v2 golden workshop and from a plain game, in both languages."""

import re
import shutil

import pytest
from workshop_helpers import TIMEOUT_MS  # noqa: F401

from app.launcher import main
from engine.saves import load_workshop

GOLDEN = __import__("pathlib").Path(__file__).resolve().parents[1] / "saves" / "golden"


@pytest.fixture
def golden_workshop(tmp_path):
    path = tmp_path / "golden.closedloop"
    shutil.copyfile(GOLDEN / "v2.closedloop", path)
    return path


def images_of(page: str) -> list:
    return re.findall(r'<img src="([^"]+)"', page)


def test_debrief_command_writes_the_pack_of_a_workshop(app, golden_workshop, tmp_path, capsys):
    out = tmp_path / "pack"
    assert main(["debrief", str(golden_workshop), "--out", str(out), "--worlds", "16"]) == 0
    printed = capsys.readouterr().out.split()
    page = (out / "debrief.html").read_text(encoding="utf-8")
    assert str(out / "debrief.pdf") in printed and str(out / "debrief.html") in printed
    images = images_of(page)
    assert len(images) == 8 and all((out / i).is_file() for i in images)
    assert "Team Blue" in page and "Port strike" in page and "round 2: price cut" in page
    assert "Luck versus skill" in page and "16 other random worlds" in page
    pdf = (out / "debrief.pdf").read_bytes()
    assert pdf.startswith(b"%PDF") and pdf.rstrip().endswith(b"%%EOF") and len(pdf) > 20_000
    predictions = (out / "csv" / "golden-predictions.csv").read_text(encoding="utf-8").splitlines()
    assert predictions[0] == "quarter,team,deliveries,operating_profit_cny,rationale" and len(predictions) == 9
    assert load_workshop(out / "workshop.closedloop").to_dict() == load_workshop(golden_workshop).to_dict()


def test_debrief_command_in_chinese_without_worlds(app, golden_workshop, tmp_path):
    out = tmp_path / "zh"
    assert main(["debrief", str(golden_workshop), "--out", str(out), "--lang", "zh_CN", "--worlds", "0"]) == 0
    page = (out / "debrief.html").read_text(encoding="utf-8")
    assert 'lang="zh-CN"' in page and "2024年第3季度" in page and "港口罢工" in page
    assert "luck-versus-skill.png" not in page and not (out / "charts" / "luck-versus-skill.png").exists()
    assert (out / "debrief.pdf").read_bytes().startswith(b"%PDF")


def test_debrief_command_of_a_plain_game_debriefs_its_player(app, tmp_path):
    plain = tmp_path / "game.closedloop"
    shutil.copyfile(GOLDEN / "v1.closedloop", plain)
    out = tmp_path / "pack"
    assert main(["debrief", str(plain), "--out", str(out), "--worlds", "8"]) == 0
    page = (out / "debrief.html").read_text(encoding="utf-8")
    assert "Xiaomi" in page and "Forecast accuracy" not in page
    assert all((out / i).is_file() for i in images_of(page))


@pytest.mark.parametrize("args, fragment", [
    (["missing.closedloop"], "no such file"),
    (["{golden}", "--worlds", "20000"], "--worlds"),
    (["{golden}", "--worlds", "-1"], "--worlds"),
])
def test_debrief_command_bad_input_is_one_line(app, golden_workshop, tmp_path, capsys, args, fragment):
    argv = ["debrief", *[a.replace("{golden}", str(golden_workshop)) for a in args], "--out", str(tmp_path / "o")]
    assert main(argv) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and fragment in err[0]
    assert not (tmp_path / "o" / "debrief.html").exists()


def test_workshop_debrief_pack_of_a_plain_game_keeps_the_games_file_name(app, tmp_path, capsys):
    plain = tmp_path / "spring-cohort.closedloop"
    shutil.copyfile(GOLDEN / "v1.closedloop", plain)
    out = tmp_path / "pack"
    assert main(["debrief", str(plain), "--out", str(out), "--worlds", "0"]) == 0
    assert str(out / "spring-cohort.closedloop") in capsys.readouterr().out.split()
    assert (out / "spring-cohort.closedloop").is_file() and not (out / "workshop.closedloop").exists()
    assert "spring-cohort.closedloop" in (out / "debrief.html").read_text(encoding="utf-8")


def test_workshop_debrief_of_a_one_quarter_workshop_warns_about_nothing(app, scenario, tmp_path, capsys):
    import warnings

    from engine.saves import save_workshop
    from engine.workshop import WorkshopSession, WorkshopSettings

    session = WorkshopSession(scenario, WorkshopSettings(teams=("xiaomi", "byd"), seed=3, quarters=1), now=0.0)
    for team in session.teams:
        session.submit(team, session.suggestion_for(team), now=1.0)
    session.lock(2.0)
    session.resolve(3.0)
    path = tmp_path / "one.closedloop"
    save_workshop(session, path)
    out = tmp_path / "pack"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert main(["debrief", str(path), "--out", str(out), "--worlds", "4"]) == 0
    assert [f"{w.category.__name__}: {w.message}" for w in caught] == []
    assert capsys.readouterr().err == ""
    page = (out / "debrief.html").read_text(encoding="utf-8")
    assert "price-index.png" in page and (out / "workshop.closedloop").is_file()
