"""Make or rebaseline the golden saves in this folder (a developer tool, not run by tests).

    python tests/saves/golden/regenerate.py new          # write v<LATEST>.closedloop if it is missing
    python tests/saves/golden/regenerate.py rebaseline   # after a change of the MODEL CODE only

``new``: when a schema version is added, commit a golden save of it (never overwrite an older
one: old goldens prove that old files still load and upgrade).

``rebaseline``: golden saves carry their own scenario snapshot, so recalibrated scenario files
and retuned AIs never affect them (replays use the stored decisions). Only a change of the
model code (engine/model.py and the mechanism modules, initial state, quantisation) changes the
numbers. Then every golden's replay diverges; this command re-simulates each golden's stored
decisions with the current code and rewrites its state hashes, outcomes, content hashes and
metadata hash in place, keeping its schema version and everything else. Commit the result in
the same commit as the model change and say so in the message. Players' old saves diverge in
the same way (their stored outcomes still display; ``load_game(verify=False)`` continues them).
"""

import sqlite3
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


def new() -> None:
    target = HERE / f"v{LATEST}.closedloop"
    if target.exists():
        sys.exit(f"{target.name} exists; goldens of shipped versions are never replaced (use rebaseline)")
    save_game(golden_game(), target)
    print(f"wrote {target} ({target.stat().st_size:,} bytes)")


def rebaseline() -> None:
    for path in sorted(HERE.glob("v*.closedloop")):
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
            conn.execute("COMMIT")
            conn.execute("VACUUM")
        finally:
            conn.close()
        print(f"rebaselined {path.name}")


if __name__ == "__main__":
    {"new": new, "rebaseline": rebaseline}.get(sys.argv[1] if len(sys.argv) > 1 else "", lambda: sys.exit(__doc__))()
