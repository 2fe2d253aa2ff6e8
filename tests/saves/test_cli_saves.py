"""The command line of saves: play --save, replay [--verify] [--json] [--worlds], fork."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from engine.saves import read_metadata
from save_helpers import digest, resign, sql

ROOT = Path(__file__).resolve().parents[2]


def cli(*args):
    return subprocess.run([sys.executable, "-m", "engine.cli", *map(str, args)], capture_output=True, text=True,
                          cwd=ROOT, timeout=300)


def assert_bad_input(result, fragment):
    assert result.returncode == 2, result.stdout + result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.stderr, result.stderr
    assert lines[0].startswith("closedloop") and not lines[0].startswith("closedloop: closedloop"), lines[0]
    assert fragment in lines[0], lines[0]


@pytest.fixture(scope="module")
def played(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "played.closedloop"
    result = cli("play", "--scenario", "xiaomi-2024", "--seed", 3, "--quarters", 6, "--save", path,
                 "--json", path.with_suffix(".json"))
    assert result.returncode == 0, result.stderr
    return path


def test_help_lists_replay_and_fork():
    out = cli("--help")
    assert "replay" in out.stdout and "fork" in out.stdout


def test_play_save_then_replay_verifies(played, tmp_path):
    meta = read_metadata(played)
    assert meta.quarters_played == 6 and meta.seed == 3 and meta.humans == ()
    played_json = json.loads(played.with_suffix(".json").read_text())
    out = cli("replay", played, "--verify", "--json", tmp_path / "r.json")
    assert out.returncode == 0 and "verified, all 6 quarters match (2024Q1-2025Q2)" in out.stdout
    data = json.loads((tmp_path / "r.json").read_text())
    assert data["verified"] and data["first_divergence"] is None
    assert [q["state_hash"] for q in data["quarters"]] == [q["state_hash"] for q in played_json["quarters"]]
    table = cli("replay", played)
    assert table.returncode == 0 and table.stdout.count(" ok ") == 6 and "2025Q2" in table.stdout


def test_replay_of_a_save_made_by_other_model_code_exits_1(played, tmp_path):
    other = tmp_path / "other.closedloop"
    other.write_bytes(played.read_bytes())
    sql(other, "UPDATE quarters SET state_hash = '0123456789abcdef0123456789abcdef' WHERE t >= 2")
    resign(other)                                           # consistent file, different numbers
    before = digest(other)
    out = cli("replay", other, "--verify")
    assert out.returncode == 1, out.stderr
    assert "replay diverges at 2024Q3 (quarter 3 of 6)" in out.stdout
    as_json = cli("replay", other, "--json", "-")
    assert as_json.returncode == 1 and json.loads(as_json.stdout)["first_divergence"] == "2024Q3"
    assert digest(other) == before
    assert_bad_input(cli("fork", other, "--at", "2024Q2", "--set", "xiaomi.shifts=2"), "replay diverges at 2024Q3")


def test_replay_reports_stored_outcomes_that_differ_from_the_replay(played, tmp_path):
    other = tmp_path / "report.closedloop"
    other.write_bytes(played.read_bytes())
    sql(other, "UPDATE firm_outcomes SET metrics = replace(metrics, '\"score\":', '\"score\":1') WHERE t = 4")
    resign(other)
    out = cli("replay", other, "--verify")
    assert out.returncode == 1 and "stored outcomes differ from the replay at 2025Q1" in out.stdout


def test_replay_bad_files_exit_2(tmp_path):
    assert_bad_input(cli("replay", tmp_path / "missing.closedloop"), "no such file")
    text = tmp_path / "notes.closedloop"
    text.write_text("not a save")
    assert_bad_input(cli("replay", text, "--verify"), "not a Closed Loop save")
    assert_bad_input(cli("replay", text, "--worlds", 0), "--worlds")


def test_replay_worlds(played, tmp_path):
    out = cli("replay", played, "--worlds", 6, "--json", tmp_path / "w.json")
    assert out.returncode == 0, out.stderr
    assert "xiaomi's recorded decisions over 6 quarters wins in" in out.stdout and "of 6 worlds" in out.stdout
    data = json.loads((tmp_path / "w.json").read_text())
    assert data["worlds"] == 6 and 0 <= data["win_rate"] <= 1 and data["fixed_firms"] == ["xiaomi"]


def test_fork_writes_a_new_save_with_its_parent(played, tmp_path):
    new = tmp_path / "fork.closedloop"
    before = digest(played)
    out = cli("fork", played, "--at", "2024Q4", "--set", "xiaomi.price.su7=199000", "--set", "xiaomi.marketing=1e9",
              "--save", new, "--json", tmp_path / "f.json")
    assert out.returncode == 0, out.stderr
    assert "forked played.closedloop at 2024Q4" in out.stdout and "results diverge from 2024Q4" in out.stdout
    meta = read_metadata(new)
    assert meta.parent_id == read_metadata(played).save_id and meta.fork_at == "2024Q4"
    assert meta.fork_changes == ("xiaomi.price.su7=199000", "xiaomi.marketing=1e9")
    assert cli("replay", new, "--verify").returncode == 0
    data = json.loads((tmp_path / "f.json").read_text())
    assert data["diverges_at"] == "2024Q4" and data["saved"] == str(new)
    assert digest(played) == before


@pytest.mark.parametrize("args,fragment", [
    (("--at", "2024Q4", "--set", "xiaomi.price=1"), "price needs a model"),
    (("--at", "2024Q4", "--set", "xiaomi.price.su7=5"), "xiaomi.prices.su7: must be between"),
    (("--at", "2024Q4", "--set", "xiaomi.price.su7=1e300"),
     "xiaomi.prices.su7: must be between 10,000 and 10,000,000 CNY (got 1e+300)"),
    (("--at", "2031Q1", "--set", "xiaomi.shifts=2"), "--at 2031Q1: not a quarter played"),
    (("--at", "2024Q2", "--until", "2027Q4", "--set", "xiaomi.shifts=2"),
     "--until 2027Q4: not a quarter played in this game (played: 2024Q1-2025Q2)"),
    (("--at", "2024Q4", "--set", "xiaomi.shifts=2", "--set", "xiaomi.shifts=3"), "set twice"),
    (("--at", "2024Q4"), "--set"),
])
def test_fork_bad_input_exits_2_and_writes_nothing(played, tmp_path, args, fragment):
    new = tmp_path / "never.closedloop"
    assert_bad_input(cli("fork", played, *args, "--save", new), fragment)
    assert not new.exists()


def test_fork_refuses_to_overwrite_the_original(played):
    before = digest(played)
    assert_bad_input(cli("fork", played, "--at", "2024Q2", "--set", "xiaomi.shifts=2", "--save", played),
                     "is the original")
    assert digest(played) == before


HUGE_SEED = "99999999999999999999999999"


@pytest.mark.parametrize("args", [
    ("play", "--scenario", "xiaomi-2024", "--quarters", 1, "--seed", HUGE_SEED),
    ("forecast", "--scenario", "xiaomi-2024", "--futures", 10, "--seed", HUGE_SEED),
    ("host", "--scenario", "xiaomi-2024", "--teams", "xiaomi", "--seed", str(2**63)),
    ("tournament", "--scenario", "xiaomi-2024", "--firm", "xiaomi", "--first-seed", HUGE_SEED),
])
def test_a_seed_a_save_cannot_store_is_refused_in_every_subcommand(tmp_path, args):
    """A seed above 2**63-1 was played and then crashed writing the save (OverflowError, exit 3)."""
    new = tmp_path / "never.closedloop"
    option = args[-2]
    assert_bad_input(cli(*args, "--save", new) if args[0] == "play" else cli(*args),
                     f"argument {option}: {args[-1]} is out of range: a seed is a whole number from 0 to "
                     f"{2**63 - 1} (2**63-1)")
    assert not new.exists()


def test_the_largest_seed_plays_saves_and_replays(tmp_path):
    path = tmp_path / "max.closedloop"
    assert cli("play", "--scenario", "xiaomi-2024", "--quarters", 1, "--seed", 2**63 - 1, "--save", path).returncode == 0
    assert read_metadata(path).seed == 2**63 - 1
    assert cli("replay", path, "--verify").returncode == 0


def test_a_tournament_whose_last_seed_passes_the_limit_is_refused():
    assert_bad_input(cli("tournament", "--scenario", "xiaomi-2024", "--firm", "xiaomi", "--first-seed", 2**63 - 2,
                         "--seeds", 3), "the last seed would pass")


@pytest.mark.parametrize("hold", [True, False])
def test_fork_at_the_lowest_legal_price_plays_with_production_capped(played, tmp_path, hold):
    """At 10,000 CNY the AI wanted 11M SU7s a quarter; it was refused as a field nobody set."""
    from engine.decisions import MAX_UNITS
    from engine.saves import load_game

    new = tmp_path / "cheap.closedloop"
    out = cli("fork", played, "--at", "2024Q2", *(["--hold"] if hold else []), "--set", "xiaomi.price.su7=10000",
              "--save", new)
    assert out.returncode == 0, out.stderr
    assert cli("replay", new, "--verify").returncode == 0
    production = [r.decisions["xiaomi"].production["su7"] for r in load_game(new).records]
    assert max(production) == MAX_UNITS


@pytest.mark.parametrize("force", [False, True])
def test_save_never_replaces_a_file_that_is_not_a_save(played, tmp_path, force):
    """A text file passed as --save became an SQLite file; now it is left alone, --force or not."""
    notes = tmp_path / "notes.txt"
    notes.write_text("my notes\n", encoding="utf-8")
    before = digest(notes)
    flag = ["--force"] if force else []
    assert_bad_input(cli("play", "--scenario", "xiaomi-2024", "--quarters", 1, "--save", notes, *flag),
                     f"--save {notes}: exists and is not a Closed Loop save; not overwritten")
    assert_bad_input(cli("fork", played, "--at", "2024Q2", "--set", "xiaomi.shifts=2", "--save", notes, *flag),
                     f"--save {notes}: exists and is not a Closed Loop save; not overwritten")
    assert digest(notes) == before


def test_save_replaces_an_existing_save_only_with_force(played, tmp_path):
    target = tmp_path / "mine.closedloop"
    assert cli("play", "--scenario", "xiaomi-2024", "--quarters", 1, "--seed", 11, "--save", target).returncode == 0
    before = digest(target)
    for args in (("play", "--scenario", "xiaomi-2024", "--quarters", 1, "--seed", 12),
                 ("fork", played, "--at", "2024Q2", "--set", "xiaomi.shifts=2")):
        assert_bad_input(cli(*args, "--save", target), "a Closed Loop save already exists there; not overwritten "
                                                       "(add --force to replace it)")
        assert digest(target) == before
    assert cli("play", "--scenario", "xiaomi-2024", "--quarters", 1, "--seed", 12, "--save", target,
               "--force").returncode == 0
    assert read_metadata(target).seed == 12
    out = cli("fork", played, "--at", "2024Q2", "--set", "xiaomi.shifts=2", "--save", target, "--force")
    assert out.returncode == 0, out.stderr
    assert read_metadata(target).fork_at == "2024Q2"
