"""Model layer of the app (no widgets): drafts, history, consequences, formats, settings."""

import numpy as np
import pytest

from app import consequences, i18n, problems, settings
from app.draft import next_draft, value_of, with_value
from app.history import History
from engine.decisions import FirmDecision, validate
from engine.game import Game


def test_draft_paths_read_and_write_every_kind_of_field(scenario):
    player = scenario.info.player
    d = Game.new(scenario, 1, human=(player,)).suggest(player)
    model = next(iter(d.prices))
    assert value_of(with_value(d, f"prices.{model}", 123_456), f"prices.{model}") == 123_456
    assert value_of(with_value(d, "shifts", 3), "shifts") == 3
    assert value_of(with_value(d, "marketing_budget", 7e8), "marketing_budget") == 7e8
    launched = with_value(d, f"launches.{model}", True)
    assert value_of(launched, f"launches.{model}") is True
    assert value_of(with_value(launched, f"launches.{model}", False), f"launches.{model}") is False
    assert with_value(with_value(d, f"incentives.{model}", 5000), f"incentives.{model}", 0).incentives == {}
    assert d.prices[model] != 123_456, "with_value must not change the original"
    with pytest.raises(KeyError):
        with_value(d, "no_such_field", 1)


def test_next_draft_keeps_policies_and_resets_one_off_actions(scenario):
    player = scenario.info.player
    g = Game.new(scenario, 1, human=(player,))
    advice = g.suggest(player)
    assert next_draft(None, advice) == advice
    model = next(iter(advice.prices))
    last = FirmDecision(prices={model: 199_000.0}, incentives={model: 9_000.0}, production={model: 5_000.0},
                        capacity_order=40_000.0, shifts=2, marketing_budget=9e8, borrow=1e9,
                        launches=tuple(m.id for m in scenario.models if m.firm == player and m.optional)[:1])
    nxt = next_draft(last, advice)
    assert nxt.prices[model] == 199_000.0 and nxt.shifts == 2 and nxt.marketing_budget == 9e8
    assert nxt.production[model] == 5_000.0
    assert nxt.incentives == {} and nxt.capacity_order == 0.0 and nxt.launches == ()
    assert (nxt.parent_draw, nxt.equity_raise, nxt.borrow) == (advice.parent_draw, advice.equity_raise, advice.borrow)
    assert set(nxt.prices) == set(advice.prices), "every own model gets a price"
    validate(scenario, player, nxt)


def test_history_columns_follow_the_records(scenario):
    player = scenario.info.player
    g = Game.new(scenario, 3, human=(player,))
    h = History(g)
    assert h.firm("deliveries").shape == (0, len(scenario.firms))
    assert h.model("price_cny").shape == (0, len(scenario.models))
    for _ in range(3):
        g.play_quarter({player: g.suggest(player)})
    assert h.quarters == [] and h.firm("deliveries").shape[0] == 0, "quarters show only once announced"
    h.advance()
    assert h.quarters == [r.report.quarter for r in g.records]
    np.testing.assert_array_equal(h.firm("cash_cny")[-1], g.records[-1].report.firm["cash_cny"][0])
    price = h.market_price()
    units = h.firm("deliveries").sum(axis=1)
    assert np.all(price > 0) and price.shape == (3,) and np.all(units > 0)
    fired = sum(int(r.report.events_fired.sum()) for r in g.records)
    assert sum(1 for _, kind, _ in h.news() if kind == "event") == fired


def test_consequences_read_the_current_state(scenario):
    player = scenario.info.player
    g = Game.new(scenario, 5, human=(player,))
    cost = consequences.unit_costs(g)
    assert cost.shape == (len(scenario.models),) and np.all(cost > 0)
    one, three = consequences.capacity(g, player, 1), consequences.capacity(g, player, 3)
    assert three["output"] == pytest.approx(one["output"] * scenario.model.shift_output[2] / scenario.model.shift_output[0])
    assert three["labour"] == pytest.approx(3 * one["labour"])
    room = consequences.finance_room(g, player)
    f = scenario.firms[scenario.firm_index(player)]
    assert room["cash"] == pytest.approx(f.cash_cny, rel=1e-6)
    assert room["parent"] <= f.parent_support_per_quarter_cny
    before = g.state
    p = consequences.projection(g, player, g.suggest(player))
    assert g.state is before and g.t == 0, "a projection never plays the game"
    assert set(p) == {"deliveries", "revenue_cny", "operating_profit_cny", "cash_cny", "market_share"}


def test_money_is_shown_in_wan_and_yi_in_chinese_and_k_m_b_in_english(app):
    i18n.install("en")
    assert i18n.money(229_900) == "¥230k"
    assert i18n.money(1.234e9) == "¥1.23B"
    assert i18n.money(-3.08e9) == "−¥3.08B"
    assert i18n.compact(126_300) == "126k"
    i18n.install("zh_CN")
    assert i18n.money(229_900) == "23.0万元"
    assert i18n.money(1.234e9) == "12.3亿元"
    assert i18n.compact(-28_200) == "−2.82万"
    assert i18n.quarter("2025Q3") == "2025年第3季度"
    assert i18n.input_unit("price") == (1e4, "万元")
    assert i18n.parse("22.99") == 22.99
    i18n.install("en")
    assert i18n.input_unit("budget") == (1e6, "M CNY/quarter")
    assert i18n.parse("229,900") == 229_900
    assert i18n.parse("abc") is None and i18n.parse("") is None and i18n.parse("inf") is None


def test_engine_messages_are_rephrased_in_the_players_language(app):
    text = "must be between 10,000 and 10,000,000 CNY (got 5)"
    assert problems.localise(text) == "Must be between ¥10.0k and ¥10.0M."
    i18n.install("zh_CN")
    assert problems.localise(text) == "必须在 1.00万元 至 1,000万元 之间。"
    assert problems.localise("unknown problem") == "unknown problem"
    huge = "must be between 10,000 and 10,000,000 CNY (got 1e+300)"   # the engine shows huge numbers compactly
    assert problems.localise(huge) == "必须在 1.00万元 至 1,000万元 之间。"


def test_settings_persist_across_qsettings_instances(app):
    assert settings.get("theme") == "light"
    settings.put("theme", "dark")
    settings.put("forecast/futures", 2500)
    settings.put("autosave", False)
    settings.add_recent("/tmp/a.closedloop")
    settings.add_recent("/tmp/b.closedloop")
    settings.add_recent("/tmp/a.closedloop")
    assert settings.get("theme") == "dark"
    assert settings.get("forecast/futures") == 2500
    assert settings.get("autosave") is False
    assert settings.recent_files() == ["/tmp/a.closedloop", "/tmp/b.closedloop"]
    with pytest.raises(KeyError):
        settings.put("no/such/key", 1)
