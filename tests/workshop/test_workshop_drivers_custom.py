"""The driver decomposition of a quarter in which the facilitator released a custom event (the
debrief's turning points): it explains the change exactly, the custom event under "events"."""

from engine.drivers import quarter_drivers

STRIKE = {"id": "custom-line-stop", "headline": {"en": "Line stop", "zh": "停产"}, "effects": {"capacity": -0.6},
          "duration": 1}


def test_workshop_drivers_explain_a_quarter_with_a_custom_event(make_session):
    s = make_session(teams=("byd",))
    for t in range(3):
        if t == 2:
            s.inject(STRIKE, "byd")
        s.submit("byd", s.suggestion_for("byd"))
        s.lock()
        s.resolve()
        s.open_next()
    breakdown = quarter_drivers(s.game, "byd", index=2)["orders"]
    assert abs(breakdown.other) <= 1e-6 * max(abs(breakdown.before), abs(breakdown.after), 1.0)
    profit = quarter_drivers(s.game, "byd", index=2)["operating_profit_cny"]
    assert profit.contributions["events"] != 0.0
