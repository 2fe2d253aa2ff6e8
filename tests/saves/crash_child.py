"""Child process for test_crash.py: play a game in memory, then save it quarter by quarter.

    python crash_child.py PATH MODE SEED      (MODE: autosave | save_game)

Prints ``ready`` before the first write and ``saved N`` after each write of N quarters returns;
the test kills it with SIGKILL at a random moment.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from engine.game import Game  # noqa: E402
from engine.saves import autosave, save_game  # noqa: E402
from engine.scenario import parse_scenario  # noqa: E402

QUARTERS = 16


def long_game(seed: int, quarters: int = QUARTERS) -> Game:
    """The default scenario (stretched to 2034Q4 for more than 16 quarters), all AI, played."""
    text = (ROOT / "scenarios" / "xiaomi-2024.toml").read_text(encoding="utf-8")
    if quarters > 16:
        text = text.replace('end = "2027Q4"', 'end = "2034Q4"', 1)
    scenario = parse_scenario(text, "scenario.toml")
    game = Game.new(scenario, seed)
    for _ in range(quarters):
        game.play_quarter()
    return game


def prefix(game: Game, t: int) -> Game:
    """The game as it stood after ``t`` quarters (sharing its lineage, so autosave sees one game)."""
    return Game(game.scenario, game.seed, dict(game.controllers), game.states[:t + 1], game.records[:t], game.lineage)


def main() -> None:
    path, mode, seed = sys.argv[1], sys.argv[2], int(sys.argv[3])
    write = {"autosave": autosave, "save_game": save_game}[mode]
    game = long_game(seed)
    print("ready", flush=True)
    for t in range(1, QUARTERS + 1):
        write(prefix(game, t), path)
        print(f"saved {t}", flush=True)
    print("done", flush=True)


if __name__ == "__main__":
    main()
