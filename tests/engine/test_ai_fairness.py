"""Rivals play on public information only, and punish a player who prices far above the market."""

import inspect
from dataclasses import replace

import numpy as np
import pytest

from engine import ai
from engine.game import Game

PLAYER = "xiaomi"


def rivals(scenario):
    return [f for f in scenario.firm_ids if f != PLAYER]


def test_policies_cannot_receive_a_pending_decision():
    for level, decide in ai.POLICIES.items():
        assert list(inspect.signature(decide).parameters) == ["state", "streams", "firms"], level


@pytest.mark.parametrize("level", ["easy", "normal", "hard"])
def test_the_players_pending_decision_never_changes_a_rivals_decision(scenario, level):
    games = [Game.new(scenario, 12, human=(PLAYER,), level=level) for _ in range(2)]
    for _ in range(2):                                  # the same history in both games
        d = games[0].suggest(PLAYER)
        for g in games:
            g.play_quarter({PLAYER: d})
    draft = games[0].suggest(PLAYER)
    wild = replace(draft, prices={m: p * 1.8 for m, p in draft.prices.items()},
                   production={m: 0.0 for m in draft.production}, capacity_order=200_000.0, shifts=3,
                   marketing_budget=20e9, autonomy_budget=15e9, bundle_subsidy=50_000.0, parent_draw=10e9)
    calm, stormy = games[0].play_quarter({PLAYER: draft}), games[1].play_quarter({PLAYER: wild})
    for f in rivals(scenario):
        assert calm.decisions[f] == stormy.decisions[f], f
    # the decisions did matter: the quarter played out differently, and next quarter rivals react
    assert calm.state_hash != stormy.state_hash
    same = games[0].suggest(PLAYER)
    after = [g.play_quarter({PLAYER: same}) for g in games]
    assert any(after[0].decisions[f] != after[1].decisions[f] for f in rivals(scenario))


def test_a_player_pricing_far_above_the_market_loses_share_to_rivals(scenario):
    fair, greedy = (Game.new(scenario, 8, human=(PLAYER,)) for _ in range(2))
    x = scenario.firm_index(PLAYER)
    others = [scenario.firm_index(f) for f in rivals(scenario)]
    shares, rival_deliveries, rival_shares = [], [], []
    for _ in range(5):                                  # before the YU7's launch backlog
        d = fair.suggest(PLAYER)
        high = replace(d, prices={m: p * 1.4 for m, p in d.prices.items()})
        reports = [fair.play_quarter({PLAYER: d}).report, greedy.play_quarter({PLAYER: high}).report]
        shares.append([r.firm["market_share"][0, x] for r in reports])
        rival_deliveries.append([r.firm["deliveries"][0, others].sum() for r in reports])
        rival_shares.append([r.firm["market_share"][0, others].sum() for r in reports])
    # from 2024Q4: until then both firms are sold out delivering the SU7's launch backlog, so a
    # higher price cannot cost share yet (a sold-out firm loses sales only once the queue is gone)
    shares, rival_deliveries, rival_shares = (np.array(v)[3:] for v in (shares, rival_deliveries, rival_shares))
    assert np.all(shares[:, 1] < 0.7 * shares[:, 0])                   # the player loses much of its share
    assert np.all(rival_deliveries[:, 1] > rival_deliveries[:, 0])     # and the rivals sell the cars
    assert np.all(rival_shares[:, 1] > rival_shares[:, 0])
