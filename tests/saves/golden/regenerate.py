"""Make or rebaseline the golden saves in this folder (a developer tool, not run by tests).

    python tests/saves/golden/regenerate.py new          # write v<LATEST>.closedloop if it is missing
    python tests/saves/golden/regenerate.py rebaseline   # after a change of the MODEL CODE only

Two kinds of golden save:

* The **current model goldens** ``v<N>.closedloop`` (one per save format) are replayed by
  ``test_golden.py``, which requires every state hash and stored outcome to match: that test is
  how an unintended change of the model code is noticed.
* The **archive** ``archive/`` holds every golden ever shipped, byte for byte, and is **frozen**:
  shipped goldens are never rewritten. They stand for players' old saves, and ``test_archive.py``
  checks that each still opens in the viewer, verifies (diverging is a result, not an error) and
  continues as a re-simulated new branch. This tool refuses to write anything in ``archive/``.

``new``: when a save format is added, commit a golden save of it (never overwrite an older one:
old goldens prove that old files still load and upgrade). From format 2 on the golden is a
workshop (:func:`golden_workshop`), so the workshop tables are exercised too.

``rebaseline``: golden saves carry their own scenario snapshot, so recalibrated scenario files and
retuned AIs never affect them (replays use the stored decisions). Only a change of the model code
(engine/model.py and the mechanism modules, initial state, quantisation) changes the numbers.
Then the current goldens' replays diverge, and a model change *adds* a golden rather than
rewriting the old ones: this command first copies each current golden as committed (``git show
HEAD:...``) into ``archive/`` as ``v<N>-<commit>.closedloop`` and adds it to ``archive/SHA256SUMS``
(unless that file is archived already), then re-simulates the current golden's stored decisions
with the current code and rewrites its state hashes, outcomes, content hashes and metadata hash in
place (and a workshop golden's ``head_hash`` and ``workshop_hash``), keeping its save format and
everything else. Add the new archive file's row to ``archive/README.md`` and commit everything in
the same commit as the model change, saying so in the message. Players' old saves diverge in the
same way (their stored outcomes still display; ``load_game(verify=False)`` continues them).
"""

import hashlib
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from engine.game import Game  # noqa: E402
from engine.saves import codec  # noqa: E402
from engine.saves.load import scenario_of  # noqa: E402
from engine.saves.schema import COLUMNS, LATEST, QUARTER_TABLES  # noqa: E402
from engine.saves.store import read_save  # noqa: E402
from engine.saves.write import save_game  # noqa: E402
from engine.scenario import load_scenario  # noqa: E402

HERE = Path(__file__).resolve().parent
ARCHIVE = HERE / "archive"
SEED = 11
QUARTERS = 4


def golden_game():
    """The golden game: Xiaomi played by a person for four quarters, a deck event injected in the
    second quarter and a custom (facilitator-defined) event in the third."""
    from engine.injections import CustomEvent

    strike = CustomEvent.from_dict({"id": "custom-port-strike", "headline": {"en": "Port strike", "zh": "港口罢工"},
                                    "effects": {"capacity": -0.2, "brand": -0.05}, "duration": 2})
    sc = load_scenario(str(ROOT / "scenarios" / "xiaomi-2024.toml"))
    game = Game.new(sc, SEED, human=("xiaomi",))
    game.lineage.update(save_id=f"golden-v{LATEST}", created_at="2026-01-01T00:00:00Z")
    for t in range(QUARTERS):
        draft = game.suggest("xiaomi")
        from dataclasses import replace

        decision = replace(draft, prices={**draft.prices, "su7": 215_900.0 - 5_000.0 * t},
                           marketing_budget=600e6, shifts=2 if t >= 2 else 1)
        injected = {1: (("lithium-slump", None),), 2: ((strike, "byd"),)}.get(t, ())
        game.play_quarter({"xiaomi": decision}, injected=injected)
    return game


def golden_workshop():
    """The golden workshop (schema v2): teams Xiaomi and BYD for four quarters with predictions, a
    deck event, a custom event and a missed submission; the fifth round is open with BYD's sealed
    decision, a queued injection and a prediction."""
    from dataclasses import replace

    from engine.workshop import WorkshopSession, WorkshopSettings

    sc = load_scenario(str(ROOT / "scenarios" / "xiaomi-2024.toml"))
    settings = WorkshopSettings(teams=("xiaomi", "byd"), seed=SEED, quarters=8, round_seconds=5400.0,
                                team_names={"byd": "Team Blue"})
    now = 1_767_225_600.0                          # 2026-01-01T00:00:00Z
    session = WorkshopSession(sc, settings, now=now)
    session.game.lineage.update(save_id=f"golden-v{LATEST}", created_at="2026-01-01T00:00:00Z")
    strike = {"id": "custom-port-strike", "headline": {"en": "Port strike", "zh": "港口罢工"},
              "effects": {"capacity": -0.2, "brand": -0.05}, "duration": 2}
    for t in range(QUARTERS):
        now += 3600.0
        for team in settings.teams:
            if team == "byd" and t == 1:
                continue                           # BYD misses the round: the AI draft plays for it
            draft = session.suggestion_for(team)
            model = next(iter(draft.prices))
            session.submit(team, replace(draft, prices={**draft.prices, model: draft.prices[model] * (0.98 - 0.01 * t)}),
                           now=now)
            session.predict(team, {"deliveries": 30_000.0 + 10_000.0 * t, "operating_profit_cny": -1.5e9 + 2e8 * t,
                                   "rationale": f"round {t + 1}: price cut, steady marketing"}, now=now + 60.0)
        if t == 1:
            session.inject("lithium-slump", None, now=now)
        if t == 2:
            session.inject(strike, "byd", now=now)
        session.lock(now + 120.0)
        session.resolve(now + 180.0)
        session.open_next(now + 240.0)
    session.submit("byd", session.suggestion_for("byd"), now=now + 900.0)
    session.predict("byd", {"deliveries": 400_000.0, "operating_profit_cny": 5e9, "rationale": "次季度：稳定"},
                    now=now + 960.0)
    session.inject("recall", "tesla", now=now + 1000.0)
    return session


def writable(path) -> Path:
    """``path`` resolved, after refusing (SystemExit) any file inside the frozen ``archive/``."""
    path = Path(path).resolve()
    if path == ARCHIVE.resolve() or ARCHIVE.resolve() in path.parents:
        sys.exit(f"{path.name}: archived goldens are frozen and never regenerated (see archive/README.md)")
    return path


def archive(path) -> Path | None:
    """Copy the golden ``path`` as committed (HEAD) into ``archive/`` unless it is there already.

    Returns:
        The new archive file, or None when that version is archived already.
    """
    path = Path(path).resolve()
    relative = path.relative_to(ROOT).as_posix()

    def git(*args) -> bytes:
        try:
            return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=True).stdout
        except (OSError, subprocess.CalledProcessError) as exc:
            sys.exit(f"cannot archive {path.name} with git ({exc}); copy the shipped file into archive/ by hand")

    shipped = git("show", f"HEAD:{relative}")
    sums = ARCHIVE / "SHA256SUMS"
    known = sums.read_text(encoding="utf-8") if sums.exists() else ""
    digest = hashlib.sha256(shipped).hexdigest()
    if digest in known:
        return None
    commit = git("log", "-1", "--format=%h", "HEAD", "--", relative).decode().strip()
    target = ARCHIVE / f"{path.stem}-{commit}.closedloop"
    if target.exists():
        sys.exit(f"{target.name} exists with other bytes; archived goldens are never replaced")
    ARCHIVE.mkdir(exist_ok=True)
    target.write_bytes(shipped)
    with open(sums, "a", encoding="utf-8") as handle:
        handle.write(f"{digest}  {target.name}\n")
    print(f"archived {path.name} as committed in {commit} -> archive/{target.name} (add its row to archive/README.md)")
    return target


def new() -> None:
    target = writable(HERE / f"v{LATEST}.closedloop")
    if target.exists():
        sys.exit(f"{target.name} exists; goldens of shipped versions are never replaced (use rebaseline)")
    if LATEST >= 2:
        from engine.saves.workshop import save_workshop

        save_workshop(golden_workshop(), target)
    else:
        save_game(golden_game(), target)
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")


def rebaseline(paths=None) -> None:
    """Rebaseline the current goldens (default: every ``v*.closedloop`` here), archiving each first."""
    paths = [writable(p) for p in (sorted(HERE.glob("v*.closedloop")) if paths is None else paths)]
    for path in paths:
        archive(path)
        with read_save(path) as data:
            sc = scenario_of(data)
            game = Game(sc, data.meta["seed"], dict(data.meta["controllers_json"]))
            for q in data.quarters:
                game.replay_quarter(q.decisions, q.injected).controllers = dict(q.controllers)
            meta = {k: data.meta[k] for k in COLUMNS["meta"]}
        conn = sqlite3.connect(path, isolation_level=None)
        try:
            conn.execute("BEGIN IMMEDIATE")
            for table in QUARTER_TABLES:
                conn.execute(f"DELETE FROM {table}")
            prev = codec.chain_root(meta["scenario_digest"], meta["seed"], meta["player"])
            for t in range(game.t):
                rows = codec.quarter_rows(sc, t, game.records[t], game.controllers)
                prev = codec.content_hash(prev, rows)
                rows["quarters"] = [rows["quarters"][0] + (prev,)]
                for table, table_rows in rows.items():
                    cols = COLUMNS[table]
                    conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})",
                                     table_rows)
            meta.update(head_hash=prev, summary=codec.dumps(codec.summary(game, game.t)),
                        app_version=codec.app_version(), numpy_version=__import__("numpy").__version__)
            meta["meta_hash"] = codec.meta_hash(meta)
            sets = ", ".join(f"{c} = ?" for c in COLUMNS["meta"])
            conn.execute(f"UPDATE meta SET {sets}", [meta[c] for c in COLUMNS["meta"]])
            if data.workshop is not None:
                _rehash_workshop(conn, prev)
            conn.execute("COMMIT")
            conn.execute("VACUUM")
        finally:
            conn.close()
        print(f"rebaselined {path.name}")


def _rehash_workshop(conn, head: str) -> None:
    """Point a workshop golden's workshop row at the rebaselined quarters and re-hash it."""
    from engine.saves.workshop_rows import workshop_hash

    cols = COLUMNS["workshop"]
    row = dict(zip(cols, conn.execute(f"SELECT {', '.join(cols)} FROM workshop").fetchone()))
    rounds = conn.execute(f"SELECT {', '.join(COLUMNS['rounds'])} FROM rounds ORDER BY t").fetchall()
    predictions = conn.execute(f"SELECT {', '.join(COLUMNS['predictions'])} FROM predictions").fetchall()
    row["head_hash"] = head
    row["workshop_hash"] = workshop_hash(row, rounds, predictions)
    conn.execute("UPDATE workshop SET head_hash = ?, workshop_hash = ?", (row["head_hash"], row["workshop_hash"]))


if __name__ == "__main__":
    {"new": new, "rebaseline": rebaseline}.get(sys.argv[1] if len(sys.argv) > 1 else "", lambda: sys.exit(__doc__))()
