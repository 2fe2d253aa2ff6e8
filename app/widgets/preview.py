"""Preview: the Monte Carlo forecast of the draft, run in a worker, shown as fan charts (p5–p95)."""

import numpy as np
from PySide6.QtWidgets import (QCheckBox, QGridLayout, QHBoxLayout, QLabel, QProgressBar, QPushButton, QSpinBox,
                               QVBoxLayout, QWidget)

from engine.quarters import parse_quarter

from .. import i18n, settings, theme
from ..i18n import translate
from .charts import Chart
from .dashboard import firm_colour
from .fields import help_button, titled

FANS = (("operating_profit_cny", "money"), ("cash_cny", "money"), ("market_share", "percent"),
        ("deliveries", "count"))


def fan_titles() -> dict:
    """Metric -> translated fan chart title."""
    return {"operating_profit_cny": translate("Preview", "Operating profit"), "cash_cny": translate("Preview", "Cash"),
            "market_share": translate("Preview", "Market share"), "deliveries": translate("Preview", "Deliveries")}


def rivals_note(level: str, first: str) -> str:
    """Which AI the rivals play in the preview (``first``: the first forecast quarter's label)."""
    if level == "hard":
        return translate("Preview", "Rivals play the hard AI in %1 and the normal AI after it, the model their "
                                    "look-ahead assumes (a look-ahead in every future would take minutes).").replace("%1", first)
    if level == "easy":
        return translate("Preview", "Rivals play the easy AI.")
    return translate("Preview", "Rivals play the normal AI.")


class PreviewPanel(QWidget):
    """Run / Cancel, a progress bar, fan charts of the player's firm and the objective probability."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("preview")
        self.session = session
        self.run = QPushButton(translate("Preview", "Run preview"), self)
        self.run.setObjectName("preview-run")
        self.run.setToolTip(translate("Preview", "Simulate many futures of the rest of the game with this draft "
                                      "(Ctrl+P)"))
        self.cancel = QPushButton(translate("Preview", "Cancel"), self)
        self.cancel.setObjectName("preview-cancel")
        self.cancel.setEnabled(False)
        self.futures = QSpinBox(self)
        self.futures.setRange(100, 10000)
        self.futures.setSingleStep(100)
        self.futures.setValue(settings.get("forecast/futures"))
        self.futures.setToolTip(translate("Preview", "More futures give smoother bands and take longer."))
        self.futures.valueChanged.connect(lambda v: settings.put("forecast/futures", v))
        self.hold = QCheckBox(translate("Preview", "Keep my plan in every quarter"), self)
        self.hold.setChecked(settings.get("forecast/hold_plan"))
        self.hold.setToolTip(translate("Preview", "Off: after this quarter your advisor plays your firm in the "
                                       "forecast. On: your draft repeats every quarter."))
        self.hold.toggled.connect(lambda v: settings.put("forecast/hold_plan", v))
        self.progress = QProgressBar(self)
        self.progress.setObjectName("preview-progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel(translate("Preview", "Run a preview to see where this plan may lead."), self)
        self.status.setObjectName("preview-status")
        self.status.setWordWrap(True)
        self.probability = QLabel(self)
        self.probability.setObjectName("objective-probability")
        self.probability.setWordWrap(True)
        controls = QHBoxLayout()
        controls.addWidget(self.run)
        controls.addWidget(self.cancel)
        controls.addWidget(QLabel(translate("Preview", "Futures")))
        controls.addWidget(self.futures)
        controls.addWidget(self.hold)
        controls.addWidget(self.progress, 1)
        controls.addWidget(help_button(session, "forecast", self))
        self.charts = {}
        grid = QGridLayout()
        colour = firm_colour(session.scenario, session.scenario.firm_index(session.player))
        for i, (metric, fmt) in enumerate(FANS):
            chart = Chart(session, fan_titles()[metric], "forecast", fmt, parent=self)
            chart.setObjectName(f"fan-{metric}")
            chart.add_line("history", translate("Preview", "So far"), theme.colour("muted"))
            chart.add_band("band", translate("Preview", "Median, 5–95% band"), colour)
            grid.addWidget(chart, i // 2, i % 2)
            self.charts[metric] = chart
        layout = QVBoxLayout(self)
        layout.addLayout(controls)
        layout.addWidget(self.status)
        layout.addLayout(titled(session, self.probability, "objective_probability", self))
        layout.addLayout(grid, 1)
        self.run.clicked.connect(self.start)
        self.cancel.clicked.connect(session.cancel_forecast)
        session.forecastStarted.connect(self._started)
        session.forecastProgress.connect(self._progress)
        session.forecastReady.connect(self.show_forecast)
        session.forecastStopped.connect(self._stopped)
        session.draftChanged.connect(self._stale)
        session.busyChanged.connect(self._enable)
        session.gameFinished.connect(self._enable)
        self._enable()

    def start(self) -> bool:
        """Start a forecast of the draft with the chosen number of futures."""
        return self.session.start_forecast(self.futures.value(), hold_plan=self.hold.isChecked())

    def _enable(self, *_):
        self.run.setEnabled(not self.session.busy and not self.session.finished and not self.session.forecasting)

    def _started(self):
        self.run.setEnabled(False)
        self.cancel.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(translate("Preview", "Simulating futures…"))

    def _progress(self, done: int, total: int):
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _stopped(self, message: str):
        self.cancel.setEnabled(False)
        self._enable()
        self.progress.setValue(0)
        self.status.setText(translate("Preview", "Preview cancelled.") if not message else
                            translate("Preview", "Preview failed: %1").replace("%1", message))

    def _stale(self):
        if self.session.forecast is not None and self.session.forecast_plan is not self.session.draft:
            self.status.setText(translate("Preview", "The draft changed since this preview: run it again."))

    def show_forecast(self, forecast) -> None:
        """Draw ``forecast``'s bands for the player's firm (history line plus p5/p50/p95)."""
        self.cancel.setEnabled(False)
        self._enable()
        sc = self.session.scenario
        f = sc.firm_index(self.session.player)
        h = self.session.history
        offset = parse_quarter(forecast.quarters[0]) - sc.info.start
        x = np.arange(offset, offset + len(forecast.quarters))
        for metric, chart in self.charts.items():
            bands = forecast.bands(metric)[:, :, f]
            chart.set_line("history", h.firm(metric)[:, f])
            chart.set_band("band", x, bands[0], bands[1], bands[2])
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText(translate("Preview", "%1 futures from %2 to %3.").replace("%1", i18n.number(forecast.futures))
                            .replace("%2", i18n.quarter(forecast.quarters[0])).replace("%3", i18n.quarter(forecast.quarters[-1]))
                            + ("" if i18n.is_chinese() else " ")
                            + rivals_note(self.session.forecast_level, i18n.quarter(forecast.quarters[0])))
        chance = translate("Preview", "Chance of meeting every objective by %1 if you keep this plan every quarter: "
                                      "%2") if self.session.forecast_hold else \
            translate("Preview", "Chance of meeting every objective by %1 if you follow the advisor after this "
                                 "quarter: %2")
        self.probability.setText("<b>" + chance.replace("%1", i18n.quarter(forecast.quarters[-1])).replace(
            "%2", i18n.percent(forecast.objective_probability, 0)) + "</b>")
