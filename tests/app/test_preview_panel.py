"""The preview panel says whose plan its chance of meeting the objectives assumes."""

import pytest

from app import i18n
from app.widgets.preview import PreviewPanel


@pytest.mark.parametrize("hold, words", [(False, "if you follow the advisor after this quarter"),
                                         (True, "if you keep this plan every quarter")])
def test_the_chance_of_meeting_the_objectives_names_whose_plan_it_assumes(session, qtbot, hold, words):
    panel = PreviewPanel(session)
    qtbot.addWidget(panel)
    panel.hold.setChecked(hold)
    with qtbot.waitSignal(session.forecastReady, timeout=60_000):
        assert panel.start()
    text = panel.probability.text()
    assert words in text and text.endswith(i18n.percent(session.forecast.objective_probability, 0) + "</b>")
    assert session.forecast_hold is hold


def test_the_chance_is_worded_in_chinese(session, qtbot):
    i18n.install("zh_CN")
    panel = PreviewPanel(session)
    qtbot.addWidget(panel)
    panel.hold.setChecked(False)
    with qtbot.waitSignal(session.forecastReady, timeout=60_000):
        assert panel.start()
    assert "顾问" in panel.probability.text()
