"""The "How is this computed?" catalogue resolves against real scenarios in both languages."""

import re

import pytest

from engine.explain import CATALOGUE, explain, topics
from engine.explain_catalogue import PARAM_LABELS
from engine.scenario import with_player

CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.mark.parametrize("topic", topics())
def test_every_topic_resolves_with_values_units_and_sources(scenario, topic):
    en = explain(scenario, topic, "en")
    zh = explain(scenario, topic, "zh_CN")
    assert en.title and en.equation and zh.title and zh.equation
    assert CJK.search(zh.title) and CJK.search(zh.equation)
    assert not CJK.search(en.title + en.equation)
    assert en.parameters, topic
    assert len(en.parameters) == len(zh.parameters)
    for row in en.parameters:
        assert isinstance(row.value, (int, float, bool, tuple)), row
        assert row.source.strip(), row.key
        assert row.label and not CJK.search(row.label.split(" (")[0]), row


def test_every_parameter_template_has_a_label_in_both_languages():
    for topic, entry in CATALOGUE.items():
        for template in entry["params"]:
            parts = template.split(".")
            generic = parts[0] + "." + ".".join(parts[2:]) if parts[1] in ("{firm}", "{model}", "*") else template
            assert generic in PARAM_LABELS, (topic, template)
            assert CJK.search(PARAM_LABELS[generic].zh), generic


def test_firm_and_model_placeholders_follow_the_request(scenario):
    rival = next(f for f in scenario.firm_ids if f != scenario.info.player)
    rows = explain(scenario, "unit_cost", "en", firm=rival).parameters
    keys = [r.key for r in rows]
    assert f"firms.{rival}.automation" in keys
    own_models = [m.id for m in scenario.models if m.firm == rival]
    assert {k.split(".")[1] for k in keys if k.startswith("models.")} == set(own_models)
    one = explain(scenario, "unit_cost", "en", firm=rival, model=own_models[0]).parameters
    assert {r.key.split(".")[1] for r in one if r.key.startswith("models.")} == {own_models[0]}


def test_values_and_sources_come_from_the_scenario(scenario):
    player = scenario.info.player
    firm = scenario.firms[scenario.firm_index(player)]
    rows = {r.key: r for r in explain(scenario, "capacity_order", "en").parameters}
    row = rows[f"firms.{player}.expansion_lead_quarters"]
    assert row.value == firm.expansion_lead_quarters
    assert row.unit == "quarters"
    assert row.source == scenario.source_of(f"firms.{player}.expansion_lead_quarters")


def test_default_firm_is_the_player_of_the_scenario(scenario):
    other = next(f for f in scenario.firm_ids if f != scenario.info.player)
    rows = explain(with_player(scenario, other), "cash", "en").parameters
    assert any(r.key == f"firms.{other}.cash_cny" for r in rows)


def test_unknown_topic_is_a_key_error(scenario):
    with pytest.raises(KeyError):
        explain(scenario, "no-such-topic")
