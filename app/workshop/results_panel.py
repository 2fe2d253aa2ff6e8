"""The console's results tab (leaderboard, every firm's last quarter, the news) and its log tab
(forecast accuracy per team and the facilitator's audit trail)."""

from datetime import datetime

from PySide6.QtWidgets import QLabel, QListWidget, QSplitter, QVBoxLayout, QWidget

from engine.scoring import SCORE_METRICS

from .. import i18n
from ..i18n import translate
from ..widgets.scorecard import metric_names
from .team_panel import fill, fmt, metric_label, table

RESULT_COLUMNS = (("deliveries", "count"), ("market_share", "percent"), ("revenue_cny", "money"),
                  ("operating_profit_cny", "money"), ("cash_cny", "money"), ("score", "level"))


def firm_name(scenario, firm_id: str, controller=None) -> str:
    """A team's own name or the firm's name in the current language."""
    if controller is not None:
        return controller.name_of(firm_id)
    return i18n.text_of(scenario.firms[scenario.firm_index(firm_id)].name)


class ResultsPanel(QSplitter):
    """Leaderboard, every firm's last results and the news (the facilitator sees everything)."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("results-panel")
        self.controller = controller
        top = QWidget(self)
        self.title = QLabel(top)
        self.leaders = table([], [], top, "console-leaderboard")
        self.results = table([], [], top, "console-results")
        box = QVBoxLayout(top)
        box.addWidget(self.title)
        box.addWidget(self.leaders, 1)
        box.addWidget(QLabel("<b>" + translate("Workshop", "Every firm's last quarter") + "</b>", top))
        box.addWidget(self.results, 1)
        self.news = QListWidget(self)
        self.news.setObjectName("console-news")
        self.news.setWordWrap(True)
        self.addWidget(top)
        self.addWidget(self.news)
        self.setSizes([800, 360])
        controller.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show the latest results."""
        c = self.controller
        view, sc = c.view, c.session.scenario
        last = view["session"]["last_quarter"]
        self.title.setText("<b>" + (translate("Workshop", "Leaderboard after %1").replace("%1", i18n.quarter(last))
                                    if last else translate("Workshop", "No quarter resolved yet")) + "</b>")
        names = metric_names()
        fill(self.leaders, ["#", translate("Workshop", "Firm"), translate("Workshop", "Team"), metric_label("score")]
             + [names[m] for m in SCORE_METRICS],
             [[str(r["rank"]), firm_name(sc, r["id"], c), "✓" if r["team"] else "", fmt("level", r["score"])]
              + [fmt("level", None if r[m] is None else 100.0 * r[m]) for m in SCORE_METRICS] for r in view["leaderboard"]])
        fill(self.results, [translate("Workshop", "Firm")] + [metric_label(k) for k, _ in RESULT_COLUMNS],
             [[firm_name(sc, r["id"], c)] + [fmt(kind, r.get(k)) for k, kind in RESULT_COLUMNS] for r in view["results"]])
        self.news.clear()
        for item in reversed(view["news"]):
            target = "" if item["target"] is None else f" ({firm_name(sc, item['target'])})"
            self.news.addItem(f"{i18n.quarter(item['quarter'])}  {item['headline']['zh' if i18n.is_chinese() else 'en']}"
                              + target)


def action_name(action: str) -> str:
    """An audit-log action in words."""
    return {"lock": translate("Workshop", "locked"), "unlock": translate("Workshop", "unlocked"),
            "resolve": translate("Workshop", "resolved"), "open": translate("Workshop", "opened"),
            "reopen": translate("Workshop", "reopened"), "extend": translate("Workshop", "deadline extended"),
            "inject": translate("Workshop", "event queued"), "withdraw": translate("Workshop", "event withdrawn")
            }.get(action, action)


class LogPanel(QSplitter):
    """Forecast accuracy per team and the audit log."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("log-panel")
        self.controller = controller
        self.accuracy = table([], [], self, "console-forecasts")
        self.log = QListWidget(self)
        self.log.setObjectName("console-log")
        self.addWidget(self.accuracy)
        self.addWidget(self.log)
        controller.changed.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        """Show forecast scores and the log."""
        c = self.controller
        view = c.view
        quarters = [q["quarter"] for q in next(iter(view["predictions"].values()))["quarters"]] if view["predictions"] else []
        rows = []
        for team in c.teams:
            scores = view["predictions"][team]
            cells = ["–" if q["prediction"] is None else i18n.number(q["score"], 0) for q in scores["quarters"]]
            mean = scores["mean_score"]
            rows.append([c.name_of(team)] + cells + ["–" if mean is None else i18n.number(mean, 0)])
        fill(self.accuracy, [translate("Workshop", "Forecast accuracy")] + [i18n.quarter(q) for q in quarters]
             + [translate("Workshop", "Mean")], rows)
        self.log.clear()
        for entry in reversed(view["log"]):
            at = entry.get("at")
            when = datetime.fromtimestamp(at).strftime("%H:%M:%S") if isinstance(at, (int, float)) else ""
            detail = entry.get("event") or ""
            self.log.addItem(f"{when}  {i18n.quarter(entry['quarter'])}  {action_name(entry['action'])}  {detail}".strip())
