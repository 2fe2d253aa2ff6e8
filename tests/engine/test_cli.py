"""The command line: the play contract of DESIGN section 5 and every bad-input path."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def cli(*args, cwd=None):
    return subprocess.run([sys.executable, "-m", "app.launcher", *args], capture_output=True, text=True,
                          cwd=cwd or ROOT, timeout=300)


def assert_bad_input(result, fragment):
    assert result.returncode == 2, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("closedloop") and not lines[0].startswith("closedloop: closedloop"), lines[0]
    assert "Traceback" not in result.stderr
    assert fragment in lines[0], lines[0]


def test_help_lists_subcommands():
    out = cli("--help")
    assert out.returncode == 0
    for name in ("play", "scenarios"):
        assert name in out.stdout


def test_scenarios_lists_the_default():
    out = cli("scenarios")
    assert out.returncode == 0 and "xiaomi-2024" in out.stdout and "16 quarters" in out.stdout


def test_play_json_contract(tmp_path):
    target = tmp_path / "out.json"
    out = cli("play", "--scenario", "xiaomi-2024", "--seed", "7", "--quarters", "4", "--json", str(target))
    assert out.returncode == 0, out.stderr
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["scenario"] == "xiaomi-2024" and data["seed"] == 7
    assert [q["quarter"] for q in data["quarters"]] == ["2024Q1", "2024Q2", "2024Q3", "2024Q4"]
    keys = {"id", "deliveries", "revenue_cny", "gross_margin", "operating_profit_cny", "cash_cny",
            "market_share", "avg_price_cny", "autonomy_level", "ecosystem_users"}
    for q in data["quarters"]:
        assert len(q["state_hash"]) == 32
        assert [f["id"] for f in q["firms"]] == ["xiaomi", "tesla", "byd", "nio", "xpeng", "li-auto", "aito"]
        for f in q["firms"]:
            assert keys <= set(f)
            assert isinstance(f["deliveries"], int)
            assert 0 <= f["market_share"] <= 1


def test_play_is_reproducible_and_accepts_a_path(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    cli("play", "--scenario", "xiaomi-2024", "--seed", "3", "--quarters", "2", "--json", str(a))
    cli("play", "--scenario", str(ROOT / "scenarios" / "xiaomi-2024.toml"), "--seed", "3", "--quarters", "2",
        "--json", str(b))
    assert json.loads(a.read_text())["quarters"] == json.loads(b.read_text())["quarters"]


def test_play_table_on_stdout():
    out = cli("play", "--scenario", "xiaomi-2024", "--quarters", "1")
    assert out.returncode == 0
    assert "== 2024Q1" in out.stdout and "byd" in out.stdout


@pytest.mark.parametrize("args,fragment", [
    (("play", "--scenario", "nope"), "unknown scenario 'nope'"),
    (("play",), "--scenario"),
    (("play", "--scenario", "xiaomi-2024", "--seed", "-1"), "--seed"),
    (("play", "--scenario", "xiaomi-2024", "--seed", "abc"), "--seed"),
    (("play", "--scenario", "xiaomi-2024", "--quarters", "0"), "--quarters"),
    (("play", "--scenario", "xiaomi-2024", "--quarters", "17"), "has 16 quarters"),
    (("play", "--scenario", "xiaomi-2024", "--difficulty", "insane"), "--difficulty"),
    (("play", "--scenario", "missing/file.toml"), "cannot read"),
    (("frobnicate",), "closedloop: argument COMMAND: invalid choice"),
    (("play", "--scenario", "xiaomi-2024", "--seed", "x"), "closedloop play: argument --seed: 'x' is not a whole number"),
])
def test_bad_arguments_exit_2_with_one_line(args, fragment):
    assert_bad_input(cli(*args), fragment)


def test_malformed_scenario_file(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text((ROOT / "scenarios" / "xiaomi-2024.toml").read_text(encoding="utf-8").replace("brand = 0.95", "brand = -4", 1),
                   encoding="utf-8")
    assert_bad_input(cli("play", "--scenario", str(bad)), "firms[0].brand: must be >= 0")


def test_json_to_a_folder_or_unwritable_place(tmp_path):
    assert_bad_input(cli("play", "--scenario", "xiaomi-2024", "--quarters", "1", "--json", str(tmp_path)), "is a folder")
    assert_bad_input(cli("play", "--scenario", "xiaomi-2024", "--quarters", "1", "--json",
                         str(tmp_path / "no" / "such" / "dir.json")), "cannot write")


def test_deeply_nested_scenario_file_is_bad_input_not_an_internal_error(tmp_path):
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    assert_bad_input(cli("play", "--scenario", str(deep)), f"{deep}: not valid TOML (arrays or tables nested too deeply)")
