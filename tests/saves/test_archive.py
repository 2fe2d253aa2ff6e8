"""Archived golden saves: every golden ever shipped, frozen, still opens, verifies and continues.

The goldens in ``tests/saves/golden/`` are the *current model* goldens: ``test_golden.py`` requires
their replay to match exactly, which catches unintended model changes. The files in
``tests/saves/golden/archive/`` stand for the saves players made with earlier builds; they are
never regenerated (see its README). Each is used in place, and its bytes must not change.
"""

import json
import sqlite3

import numpy as np
import pytest

from engine.cli import main
from engine.errors import SaveLoadError
from engine.game import Game
from engine.saves import ReplayCheck, autosave, load_game, load_outcomes, read_metadata, verify_replay
from save_helpers import GOLDEN, digest

ARCHIVE = GOLDEN / "archive"
SUMS = dict(reversed(line.split()) for line in (ARCHIVE / "SHA256SUMS").read_text().splitlines() if line.strip())
FILES = [ARCHIVE / name for name in SUMS]


def stored(path, statement):
    """Rows read from ``path`` with plain sqlite3, read-only (what the file holds, byte for byte)."""
    conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
    try:
        return conn.execute(statement).fetchall()
    finally:
        conn.close()


@pytest.fixture
def archived(request):
    """An archived file, checked unchanged (SHA-256 of its bytes) after the test."""
    path = request.param
    before = digest(path)
    assert before == SUMS[path.name], f"{path.name} differs from SHA256SUMS: archived goldens are never rewritten"
    yield path
    assert digest(path) == before, f"{path.name} was modified"


def test_the_archive_lists_every_file_and_holds_every_shipped_form():
    assert sorted(p.name for p in ARCHIVE.glob("*.closedloop")) == sorted(SUMS)
    readme = (ARCHIVE / "README.md").read_text(encoding="utf-8")
    assert all(f"`{name}`" in readme for name in SUMS), "every archived file has a row in the README"
    forms = {row[0][:2] for p in FILES for row in stored(p, "SELECT injected FROM quarters WHERE injected != '[]'")}
    assert forms == {"[[", "[{"}, "the first form ([[id, target]]) and today's ({event|custom, target})"


@pytest.mark.parametrize("archived", FILES, ids=lambda p: p.name, indirect=True)
def test_the_viewer_shows_exactly_what_was_played(archived):
    outcomes = load_outcomes(archived)
    labels = [q for (q,) in stored(archived, "SELECT quarter FROM quarters ORDER BY t")]
    assert list(outcomes.quarters) == labels and read_metadata(archived).quarters_played == len(labels) >= 3
    assert list(outcomes.state_hashes) == [h for (h,) in stored(archived, "SELECT state_hash FROM quarters ORDER BY t")]
    for t, firm, text in stored(archived, "SELECT t, firm, metrics FROM firm_outcomes"):
        i = outcomes.firm_ids.index(firm)
        for metric, value in json.loads(text).items():
            shown = outcomes.firm[metric][t, i]
            assert (np.isnan(shown) if value is None else shown == value), (t, firm, metric)
    for t, firm, text in stored(archived, "SELECT t, firm, decision FROM decisions"):
        shown = outcomes.decisions[t][firm]
        assert {k: shown[k] for k in json.loads(text)} == json.loads(text), (t, firm)
    deck = sum(1 for q in outcomes.injected for event, _ in q if isinstance(event, str))
    assert deck >= 1, "the injected deck event is shown"


@pytest.mark.parametrize("archived", FILES, ids=lambda p: p.name, indirect=True)
def test_verification_reports_divergence_as_a_result(archived, capsys):
    check = verify_replay(archived)
    assert isinstance(check, ReplayCheck) and len(check.quarters) == len(check.replayed) >= 3
    code = main(["replay", str(archived), "--verify"])
    out = capsys.readouterr()
    assert out.err == "" and code == (0 if check.ok else 1), out
    if not check.ok:
        first = check.first_divergence or check.outcomes_differ_at
        assert first in out.out.strip().splitlines()[-1]


@pytest.mark.parametrize("archived", FILES, ids=lambda p: p.name, indirect=True)
def test_continues_as_a_new_branch_and_autosaves_to_a_new_file(archived, tmp_path):
    check = verify_replay(archived)
    meta = read_metadata(archived)
    game = load_game(archived, verify=False)
    assert isinstance(game, Game) and game.t == meta.quarters_played
    if not check.ok:
        first = min((q for q in (check.first_divergence, check.outcomes_differ_at) if q), key=check.quarters.index)
        assert game.lineage == {"parent_id": meta.save_id, "parent_file": archived.name, "fork_at": first,
                                "fork_changes": game.lineage["fork_changes"]}
        assert "re-simulated" in game.lineage["fork_changes"][0]
    game.play_quarter({firm: game.suggest(firm) for firm in game.humans})
    if not check.ok:
        with pytest.raises(SaveLoadError, match="not overwritten"):
            autosave(game, archived)
    branch = tmp_path / "branch.closedloop"
    autosave(game, branch)
    again = load_game(branch)                     # verified: written and replayed by this version
    assert again.t == meta.quarters_played + 1
    assert [r.state_hash for r in again.records] == [r.state_hash for r in game.records]
    saved = read_metadata(branch)
    if not check.ok:
        assert saved.save_id != meta.save_id and saved.parent_id == meta.save_id
        assert saved.parent_file == archived.name


def test_regenerate_refuses_to_touch_the_archive():
    import importlib.util

    spec = importlib.util.spec_from_file_location("regenerate", GOLDEN / "regenerate.py")
    regenerate = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(regenerate)
    before = {p.name: digest(p) for p in FILES}
    for path in FILES:
        with pytest.raises(SystemExit, match="frozen"):
            regenerate.rebaseline([path])
    with pytest.raises(SystemExit, match="frozen"):
        regenerate.writable(ARCHIVE / "v9.closedloop")
    assert {p.name: digest(p) for p in FILES} == before
    assert "frozen" in regenerate.__doc__ and "current model goldens" in regenerate.__doc__


def test_the_divergence_message_names_versions_only_where_they_differ(tmp_path):
    from engine import __version__
    from engine.errors import SaveDivergedError
    from save_helpers import resign, sql

    with pytest.raises(SaveDivergedError) as info:
        load_game(ARCHIVE / "v1-ef52fcb.closedloop")
    message = str(info.value)
    assert info.value.quarter == "2024Q1" and "\n" not in message
    assert message.count(__version__) == 1 and "model code differs from the one that saved it" in message
    assert "development build" in message and "replay viewer" in message
    older = tmp_path / "older.closedloop"
    older.write_bytes((ARCHIVE / "v1-ef52fcb.closedloop").read_bytes())
    sql(older, "UPDATE meta SET app_version = '0.0.9'")
    resign(older)
    with pytest.raises(SaveDivergedError, match=f"saved by Closed Loop 0.0.9 .*this is {__version__}"):
        load_game(older)
    assert load_game(older, verify=False).lineage["fork_changes"] == [f"re-simulated by Closed Loop {__version__} "
                                                                      f"(saved by 0.0.9)"]
