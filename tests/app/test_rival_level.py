"""The preview and the quick projection assume the campaign's rival AI level, and say which."""

import numpy as np
import pytest

from app import consequences, session as session_module
from app.session import Session
from app.widgets.decisions import PlanSummary
from app.widgets.preview import PreviewPanel


@pytest.fixture
def campaigns(app, scenario):
    """``campaigns(level)``: a new campaign with the scenario's seed against ``level`` rivals."""
    made = []

    def make(level: str) -> Session:
        s = Session()
        s.new_game(scenario, level=level)
        made.append(s)
        return s

    yield make
    for s in made:
        s.cancel_tasks()
        s.wait()


@pytest.fixture
def forecast_calls(monkeypatch):
    """Levels every run_forecast call of the preview and the projection was given."""
    calls = []

    def spy(real, who):
        def call(*args, **kwargs):
            calls.append((who, kwargs.get("level", "normal"), kwargs.get("plan_level")))
            return real(*args, **kwargs)
        return call

    monkeypatch.setattr(session_module, "run_forecast", spy(session_module.run_forecast, "preview"))
    monkeypatch.setattr(consequences, "run_forecast", spy(consequences.run_forecast, "projection"))
    return calls


@pytest.mark.parametrize("level, quick", [("easy", "easy"), ("normal", "normal"), ("hard", "normal")])
def test_the_campaigns_level_reaches_the_preview_and_the_projection(campaigns, forecast_calls, qtbot, level, quick):
    s = campaigns(level)
    assert s.rival_level == level
    model = next(iter(s.draft.prices))
    assert s.propose(f"prices.{model}", 201_000.0) == ""
    with qtbot.waitSignal(s.forecastReady, timeout=60_000):
        assert s.start_forecast(futures=100, quarters=2)
    assert ("projection", quick, None) in forecast_calls
    assert ("preview", level, "normal") in forecast_calls, "rivals at the campaign's level, the advisor on normal"
    assert s.forecast_level == level


def test_an_easy_campaigns_preview_differs_from_a_normal_ones(campaigns, qtbot):
    easy, normal = campaigns("easy"), campaigns("normal")
    assert easy.draft == normal.draft and easy.game.seed == normal.game.seed
    for s in (easy, normal):
        with qtbot.waitSignal(s.forecastReady, timeout=60_000):
            assert s.start_forecast(futures=200, quarters=3)
    assert not np.array_equal(easy.forecast.values["cash_cny"], normal.forecast.values["cash_cny"])


def test_the_labels_say_which_ai_the_rivals_play(campaigns, qtbot):
    hard = campaigns("hard")
    summary = PlanSummary(hard)
    qtbot.addWidget(summary)
    assert "normal AI" in summary.findChild(type(summary.values["cash_cny"]), "projection-hint").text()
    panel = PreviewPanel(hard)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(hard.forecastReady, timeout=60_000):
        assert hard.start_forecast(futures=100, quarters=2)
    assert "hard AI in" in panel.status.text() and "normal AI after" in panel.status.text()
    easy = campaigns("easy")
    summary = PlanSummary(easy)
    qtbot.addWidget(summary)
    assert "easy AI" in summary.findChild(type(summary.values["cash_cny"]), "projection-hint").text()
