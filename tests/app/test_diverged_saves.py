"""Open and Continue on a save from an earlier build: the player chooses the replay viewer (what
was played), a new branch re-simulated by this version, or Cancel; the file is never modified.

Uses the frozen archive of shipped golden saves (tests/saves/golden/archive/) in place.
"""

import hashlib
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QPushButton

from app import i18n, settings
from app.shell import Shell
from app.windows.diverged import BRANCH, REPLAY, DivergedDialog

ARCHIVE = Path(__file__).resolve().parents[1] / "saves" / "golden" / "archive"
OLDEST = ARCHIVE / "v1-ef52fcb.closedloop"          # the first stored form of injections, diverges at 2024Q1
SCORING = ARCHIVE / "v1-e7d1496.closedloop"         # same states until 2024Q3, other stored results from 2024Q2
WORKSHOP = ARCHIVE / "v2-3ed05b7.closedloop"


def digest(path) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def answer(button: str, seen: dict) -> None:
    """When the DivergedDialog is shown, note its texts and buttons, then click ``button``
    ("diverged-replay", "diverged-branch" or "diverged-cancel")."""
    def press():
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, DivergedDialog):
            QTimer.singleShot(20, press)
            return
        seen["text"], seen["more"] = dialog.text(), dialog.informativeText()
        seen["buttons"] = {b.objectName(): b.text() for b in dialog.findChildren(QPushButton) if b.objectName()}
        dialog.findChild(QPushButton, button).click()
    QTimer.singleShot(0, press)


@pytest.fixture
def unchanged():
    """Check that the archived files are byte for byte the same after the test."""
    before = {p: digest(p) for p in (OLDEST, SCORING, WORKSHOP)}
    yield
    assert {p: digest(p) for p in before} == before


def test_cancel_explains_and_changes_nothing(app, qtbot, unchanged):
    shell = Shell()
    seen = {}
    answer("diverged-cancel", seen)
    assert shell.open_file(None, str(OLDEST)) is None
    assert shell.session is None and shell.main is None
    assert OLDEST.name in seen["text"] and "2024Q1" in seen["text"] and "different version of the model" in seen["text"]
    assert set(seen["buttons"]) == {"diverged-replay", "diverged-branch", "diverged-cancel"}
    assert seen["buttons"]["diverged-branch"] == "Continue as a new branch (re-simulated by this version)"
    assert all("\n" not in t for t in (seen["text"], seen["more"]))


def test_continue_plays_a_new_branch_that_autosaves_to_a_new_file(app, qtbot, play, unchanged):
    from engine.saves import load_game, read_metadata

    settings.put("report/auto_open", False)
    settings.add_recent(str(SCORING))
    shell = Shell()
    qtbot.addWidget(shell.show_start())
    seen = {}
    answer("diverged-branch", seen)
    window = shell.continue_game()
    qtbot.addWidget(window)
    assert "2024Q2" in seen["text"], "the first quarter whose stored results differ"
    session = shell.session
    assert window.isVisible() and session.path == "" and session.game.t == 4
    original = read_metadata(SCORING)
    assert session.game.lineage["parent_file"] == SCORING.name and session.game.lineage["fork_at"] == "2024Q2"
    play(session, 1)
    branch = session.autosave_file
    assert branch and Path(branch) != SCORING and settings.recent_files()[0] == branch
    saved = read_metadata(branch)
    assert saved.parent_id == original.save_id and saved.save_id != original.save_id
    assert load_game(branch).t == 5, "the branch verifies under this version"
    assert read_metadata(SCORING).quarters_played == 4


def test_open_in_the_replay_viewer_shows_what_was_played(app, qtbot, unchanged):
    from engine.saves import load_outcomes

    shell = Shell()
    seen = {}
    answer("diverged-replay", seen)
    opener = shell.open_file(None, str(OLDEST))
    with qtbot.waitSignal(opener.opened, timeout=20_000) as blocker:
        pass
    viewer = blocker.args[0]
    qtbot.addWidget(viewer)
    stored = load_outcomes(OLDEST)
    assert viewer.document.outcomes.quarters == stored.quarters
    assert viewer.document.outcomes.injected[1] == (("lithium-slump", None),)
    assert shell.session is None, "nothing was re-simulated or continued"


def test_a_diverged_workshop_offers_only_the_viewer(app, qtbot, unchanged):
    shell = Shell()
    seen = {}
    answer("diverged-cancel", seen)
    assert shell.open_file(None, str(WORKSHOP)) is None
    assert set(seen["buttons"]) == {"diverged-replay", "diverged-cancel"}
    assert "workshop" in seen["more"]


def test_the_dialog_is_translated(app, qtbot):
    i18n.install("zh_CN")
    dialog = DivergedDialog(str(OLDEST), "2024Q1")
    qtbot.addWidget(dialog)
    assert "2024年第1季度" in dialog.text() and OLDEST.name in dialog.text()
    texts = [dialog.text(), dialog.informativeText(), dialog.windowTitle(), dialog.replay_button.text(),
             dialog.branch_button.text()]
    assert all(not any(word in t for word in ("model", "replay", "branch", "version")) for t in texts), texts
    dialog.branch_button.click()
    assert dialog.choice() == BRANCH
    dialog.replay_button.click()
    assert dialog.choice() == REPLAY


def test_the_viewer_verdict_of_an_older_build_does_not_blame_the_file_alone(app, qtbot, unchanged):
    from app.replay.verdict import DIVERGED, run, verdict

    result = verdict(run(str(OLDEST)))
    assert result.state == DIVERGED and result.quarter == "2024Q1"
    assert "development build" in result.text and "exactly as they were played" in result.text
