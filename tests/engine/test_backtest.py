"""``closedloop backtest`` (and ``calibrate``'s argument handling): the JSON contract, the table,
determinism, and one line with exit 2 for every kind of bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.cli import main

ROOT = Path(__file__).resolve().parents[2]
FIRMS = ["xiaomi", "tesla", "byd", "nio", "xpeng", "li-auto", "aito"]
QUARTERS = ["2024Q1", "2024Q2", "2024Q3", "2024Q4", "2025Q1", "2025Q2", "2025Q3"]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def assert_bad_input(result, fragment):
    code, _, err = result
    assert code == 2, err
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err, err
    assert fragment in lines[0], lines[0]


@pytest.fixture(scope="module")
def payload(tmp_path_factory):
    target = tmp_path_factory.mktemp("bt") / "out.json"
    assert main(["backtest", "--json", str(target)]) == 0
    return json.loads(target.read_text(encoding="utf-8"))


def test_json_contract(payload):
    assert payload["scenario"] == "history-2024"
    assert [q["quarter"] for q in payload["quarters"]] == QUARTERS
    keys = {"id", "deliveries", "revenue_cny", "gross_margin", "operating_profit_cny", "actual_deliveries"}
    for q in payload["quarters"]:
        assert [f["id"] for f in q["firms"]] == FIRMS
        for f in q["firms"]:
            assert keys <= set(f)
            assert isinstance(f["deliveries"], int) and f["deliveries"] >= 0
            assert f["actual_deliveries"] is None or isinstance(f["actual_deliveries"], int)
            assert all(isinstance(f[k], float) for k in ("revenue_cny", "gross_margin", "operating_profit_cny"))


def test_actual_deliveries_are_the_reported_ones(payload):
    by = {(q["quarter"], f["id"]): f["actual_deliveries"] for q in payload["quarters"] for f in q["firms"]}
    assert by[("2024Q2", "xiaomi")] == 27_307 and by[("2025Q3", "xiaomi")] == 108_796
    assert by[("2024Q1", "xiaomi")] is None                  # not yet selling
    assert by[("2024Q2", "aito")] is None                     # only 2024Q1 and the 2024 total are public
    assert by[("2025Q1", "tesla")] == 134_607


def test_mape_summary_matches_the_quarters(payload):
    m = payload["mape"]
    assert m["firms"] == ["xiaomi", "tesla", "nio", "xpeng", "li-auto"]
    errs = [abs(f["deliveries"] / f["actual_deliveries"] - 1.0) for q in payload["quarters"][:5] for f in q["firms"]
            if f["id"] in m["firms"] and f["actual_deliveries"]]
    assert m["in_sample"] == pytest.approx(sum(errs) / len(errs), rel=1e-4)   # deliveries are rounded to units
    assert 0 < m["in_sample"] <= 0.15 and m["out_of_sample"] > 0
    assert set(m["in_sample_by_firm"]) == set(FIRMS)


def test_table_and_determinism(capsys, payload, tmp_path):
    code, out, _ = run(capsys, "backtest")
    assert code == 0
    assert "== 2025Q3" in out and "In-sample MAPE of quarterly deliveries" in out and "xiaomi" in out
    again = tmp_path / "again.json"
    assert main(["backtest", "--scenario", str(ROOT / "scenarios" / "history-2024.toml"), "--json", str(again)]) == 0
    assert json.loads(again.read_text(encoding="utf-8"))["quarters"] == payload["quarters"]


def test_bad_input_exits_2_with_one_line(capsys, tmp_path):
    assert_bad_input(run(capsys, "backtest", "--scenario", "nope"), "unknown scenario 'nope'")
    assert_bad_input(run(capsys, "backtest", "--scenario", "xiaomi-2024"), "has no [[script]]")
    assert_bad_input(run(capsys, "backtest", "--json", str(tmp_path)), "is a folder")
    assert_bad_input(run(capsys, "backtest", "--targets", str(tmp_path / "none.toml")), "cannot read")
    assert_bad_input(run(capsys, "backtest", "--quarters", "3"), "unrecognized arguments")
    broken = tmp_path / "broken.toml"
    broken.write_text((ROOT / "scenarios" / "history-2024.toml").read_text(encoding="utf-8")
                      .replace("prices = { su7 = 266_200", "prices = { su9 = 266_200", 1), encoding="utf-8")
    assert_bad_input(run(capsys, "backtest", "--scenario", str(broken)), "prices.su9: xiaomi has no model")
    assert_bad_input(run(capsys, "calibrate", "--max-iterations", "0"), "--max-iterations")
    assert_bad_input(run(capsys, "calibrate", "--fit", str(tmp_path / "none.toml")), "cannot read")


def test_console_entry_point_runs_the_backtest(tmp_path):
    target = tmp_path / "cli.json"
    out = subprocess.run([sys.executable, "-m", "app.launcher", "backtest", "--json", str(target)],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(target.read_text(encoding="utf-8"))["scenario"] == "history-2024"
    bad = subprocess.run([sys.executable, "-m", "app.launcher", "backtest", "--scenario", "nope"],
                         capture_output=True, text=True, cwd=ROOT, timeout=300)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
