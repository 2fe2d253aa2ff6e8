"""``closedloop forecast``: the JSON contract, reproducibility and bad input."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
METRICS = ("deliveries", "operating_profit_cny", "cash_cny", "market_share")


def cli(*args):
    """Run the headless command line (``python -m engine.cli``)."""
    return subprocess.run([sys.executable, "-m", "engine.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def assert_bad_input(out, fragment):
    """Exit status 2 and one line on stderr naming ``fragment``, no traceback."""
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and fragment in lines[0] and "Traceback" not in out.stderr


def test_forecast_json_contract_and_reproducibility(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    args = ("forecast", "--scenario", "xiaomi-2024", "--seed", "3", "--futures", "200", "--quarters", "3")
    out = cli(*args, "--json", str(a))
    assert out.returncode == 0, out.stderr
    assert cli(*args, "--json", str(b)).returncode == 0
    data = json.loads(a.read_text(encoding="utf-8"))
    assert data == json.loads(b.read_text(encoding="utf-8"))
    assert data["futures"] == 200 and data["scenario"] == "xiaomi-2024" and data["seed"] == 3
    assert [q["quarter"] for q in data["quarters"]] == ["2024Q1", "2024Q2", "2024Q3"]
    assert 0.0 <= data["objective_probability"] <= 1.0
    for q in data["quarters"]:
        assert [f["id"] for f in q["firms"]] == ["xiaomi", "tesla", "byd", "nio", "xpeng", "li-auto", "aito"]
        for f in q["firms"]:
            for m in METRICS:
                band = f[m]
                assert set(band) == {"p5", "p50", "p95"}
                assert band["p5"] <= band["p50"] <= band["p95"]
    byd = data["quarters"][2]["firms"][2]["deliveries"]
    assert byd["p5"] < byd["p95"]                       # futures differ


def test_forecast_after_some_quarters_and_a_table(tmp_path):
    out = cli("forecast", "--scenario", "xiaomi-2024", "--futures", "50", "--quarters", "2", "--after", "3")
    assert out.returncode == 0, out.stderr
    assert "== 2024Q4" in out.stdout and "== 2025Q1" in out.stdout and "probability" in out.stdout


@pytest.mark.parametrize("args,fragment", [
    (("--futures", "0"), "--futures"),
    (("--futures", "100001"), "--futures 100001"),
    (("--quarters", "41"), "--quarters 41"),
    (("--level", "insane"), "--level"),
    (("--after", "16"), "--after 16"),
    (("--seed", "x"), "--seed"),
])
def test_forecast_bad_input_exits_2_with_one_line(args, fragment):
    assert_bad_input(cli("forecast", "--scenario", "xiaomi-2024", *args), fragment)


def test_forecast_unknown_scenario():
    assert_bad_input(cli("forecast", "--scenario", "nope"), "unknown scenario")
