"""Helpers for save tests: file digests, re-signing a changed file, direct SQL on a copy."""

import hashlib
import sqlite3
from dataclasses import replace
from pathlib import Path

from engine.saves import codec
from engine.saves.schema import COLUMNS, QUARTER_TABLES

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
GOLDEN = HERE / "golden"


def play(scenario, seed=5, quarters=5, human=("xiaomi",), inject_at=2):
    """A game with people's decisions (an AI draft with a price cut) and one injected event."""
    from engine.game import Game

    game = Game.new(scenario, seed, human=human)
    for t in range(quarters):
        decisions = {}
        for firm in human:
            draft = game.suggest(firm)
            model = next(iter(draft.prices))
            decisions[firm] = replace(draft, prices={**draft.prices, model: draft.prices[model] * (0.97 - 0.01 * t)})
        injected = (("lithium-slump", None),) if inject_at is not None and t == inject_at else ()
        game.play_quarter(decisions, injected=injected)
    return game


def digest(path) -> str:
    """SHA-256 of a file's bytes."""
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def sql(path, *statements, params=()):
    """Run statements on ``path`` with plain sqlite3 (tests use it to forge files)."""
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        out = None
        for s in statements:
            out = conn.execute(s, params).fetchall() if params else conn.execute(s).fetchall()
        return out
    finally:
        conn.close()


def resign(path) -> None:
    """Recompute every content hash, the head hash and the metadata hash of ``path``.

    Simulates a file whose stored values changed consistently (a clever forger, or a save made by
    different model code): only checks that do not rely on the hashes can catch it.
    """
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        meta = dict(zip(COLUMNS["meta"], conn.execute(f"SELECT {', '.join(COLUMNS['meta'])} FROM meta").fetchone()))
        prev = codec.chain_root(meta["scenario_digest"], meta["seed"], meta["player"])
        ts = [r[0] for r in conn.execute("SELECT t FROM quarters ORDER BY t")]
        conn.execute("BEGIN")
        for t in ts:
            rows = {table: conn.execute(f"SELECT {', '.join(COLUMNS[table])} FROM {table} WHERE t = ?", (t,)).fetchall()
                    for table in QUARTER_TABLES}
            try:
                prev = codec.content_hash(prev, rows)
            except TypeError:                       # a blob: the reader refuses it before hashing
                continue
            conn.execute("UPDATE quarters SET content_hash = ? WHERE t = ?", (prev, t))
        meta["head_hash"] = prev
        meta["meta_hash"] = codec.meta_hash(meta)
        conn.execute("UPDATE meta SET head_hash = ?, meta_hash = ?", (prev, meta["meta_hash"]))
        conn.execute("COMMIT")
    finally:
        conn.close()


def hashes(game):
    """State hashes of every quarter played."""
    return [r.state_hash for r in game.records]
