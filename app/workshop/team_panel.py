"""What a team sees of the workshop, rendered from its view (a plain dict, local or from the host).

Tabs: the team's own results (last quarter and history), the market (every firm's public
figures), the news (deck and facilitator events, bilingual), the leaderboard (when the workshop
shows it) and the team's forecast scores. Nothing here reads the session: the same widget shows
a team's view on the shared laptop and in a team's own app over the LAN.
"""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHeaderView, QLabel, QListWidget, QSplitter, QTableWidget, QTableWidgetItem,
                               QTabWidget, QVBoxLayout, QWidget)

from engine.scoring import SCORE_METRICS

from .. import i18n
from ..i18n import translate
from ..widgets.scorecard import metric_names

OWN_ROWS = (("deliveries", "count"), ("orders", "count"), ("revenue_cny", "money"), ("gross_margin", "percent"),
            ("operating_profit_cny", "money"), ("cash_cny", "money"), ("market_share", "percent"),
            ("brand", "level"), ("autonomy_level", "level"), ("score", "level"))
HISTORY_COLUMNS = (("deliveries", "count"), ("revenue_cny", "money"), ("operating_profit_cny", "money"),
                   ("cash_cny", "money"), ("market_share", "percent"), ("score", "level"))


def metric_label(key: str) -> str:
    """Translated name of a reported metric shown to teams."""
    return {"deliveries": translate("WorkshopTeam", "Deliveries"), "orders": translate("WorkshopTeam", "Orders"),
            "revenue_cny": translate("WorkshopTeam", "Revenue"), "gross_margin": translate("WorkshopTeam", "Gross margin"),
            "operating_profit_cny": translate("WorkshopTeam", "Operating profit"),
            "cash_cny": translate("WorkshopTeam", "Cash"), "market_share": translate("WorkshopTeam", "Market share"),
            "brand": translate("WorkshopTeam", "Brand equity"), "autonomy_level": translate("WorkshopTeam", "Autonomy level"),
            "score": translate("WorkshopTeam", "Score"), "capacity": translate("WorkshopTeam", "Capacity"),
            "autonomy_sold": translate("WorkshopTeam", "Autonomy sold")}[key]


def fmt(kind: str, value) -> str:
    """A number for people (``–`` for missing)."""
    if value is None:
        return "–"
    return {"count": i18n.compact, "money": i18n.money, "percent": i18n.percent,
            "level": lambda v: i18n.number(v, 1)}[kind](value)


def name_of(view: dict, firm_id: str) -> str:
    """A firm's name in the current language, from the cards in a team view."""
    for card in [view["firm"], *view["rivals"]]:
        if card["id"] == firm_id:
            return card["name"]["zh" if i18n.is_chinese() else "en"]
    return firm_id


def headline(item: dict) -> str:
    """A news item of a view in the current language, with its quarter."""
    return f"{i18n.quarter(item['quarter'])}  {item['headline']['zh' if i18n.is_chinese() else 'en']}"


def table(headers: list, rows: list, parent=None, name: str = "") -> QTableWidget:
    """A read-only table; numbers right-aligned."""
    widget = QTableWidget(len(rows), len(headers), parent)
    widget.setObjectName(name)
    fill(widget, headers, rows)
    widget.verticalHeader().hide()
    widget.verticalHeader().setDefaultSectionSize(widget.fontMetrics().height() + 8)
    widget.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    widget.setSelectionMode(QTableWidget.SelectionMode.NoSelection)
    widget.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    widget.horizontalHeader().setStretchLastSection(True)
    return widget


def numeric(text: str) -> bool:
    """True for a cell that shows a number (right-aligned): ``12.3``, ``−¥2.1B``, ``45%``, ``3.2亿元``."""
    text = str(text).strip()
    return bool(text) and len(text) < 24 and (text[0] in "0123456789+−-¥–" or text.endswith(("%", "元")))


def fill(widget: QTableWidget, headers: list, rows: list) -> None:
    """Replace a table's headers and rows (numbers right-aligned, text left-aligned)."""
    widget.clear()
    widget.setColumnCount(len(headers))
    widget.setRowCount(len(rows))
    widget.setHorizontalHeaderLabels(headers)
    for r, row in enumerate(rows):
        for c, text in enumerate(row):
            item = QTableWidgetItem(str(text))
            if numeric(text):
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            widget.setItem(r, c, item)


class TeamViewPanel(QTabWidget):
    """The team's view in tabs; call :meth:`show_view` with each new view."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("team-view")
        self.view = None
        own = QWidget(self)
        self.summary = QLabel(own)
        self.summary.setWordWrap(True)
        self.own = table([], [], own, "team-own")
        self.history = table([], [], own, "team-history")
        box = QVBoxLayout(own)
        box.addWidget(self.summary)
        box.addWidget(self.own, 3)
        self.history_title = QLabel("<b>" + translate("WorkshopTeam", "Quarter by quarter") + "</b>", own)
        box.addWidget(self.history_title)
        box.addWidget(self.history, 2)
        self.filler = QWidget(own)               # takes the room while there are no results yet
        box.addWidget(self.filler, 1)
        self.market = table([], [], self, "team-market")
        self.news = QListWidget(self)
        self.news.setObjectName("team-news")
        self.news.setWordWrap(True)
        self.leaders = table([], [], self, "team-leaderboard")
        self.forecasts = table([], [], self, "team-forecasts")
        self.addTab(own, translate("WorkshopTeam", "Our results"))
        self.addTab(self.market, translate("WorkshopTeam", "Market"))
        self.addTab(self.news, translate("WorkshopTeam", "News"))
        self.addTab(self.leaders, translate("WorkshopTeam", "Leaderboard"))
        self.addTab(self.forecasts, translate("WorkshopTeam", "Our forecasts"))

    def show_view(self, view: dict) -> None:
        """Render ``view`` (a team view)."""
        self.view = view
        last = view["own"]["last"]
        if last is None:
            self.summary.setText(translate("WorkshopTeam", "No quarter has been resolved yet: your first results "
                                           "appear here after %1.").replace("%1", i18n.quarter(view["session"]["quarter"])))
            fill(self.own, [], [])
        self.own.setVisible(last is not None)
        self.history.setVisible(bool(view["own"]["history"]))
        self.history_title.setVisible(bool(view["own"]["history"]))
        self.filler.setVisible(last is None)
        if last is not None:
            self.summary.setText("<b>" + translate("WorkshopTeam", "%1 in %2").replace("%1", view["name"]).replace(
                "%2", i18n.quarter(last["quarter"])) + "</b>")
            fill(self.own, [translate("WorkshopTeam", "Figure"), translate("WorkshopTeam", "Value")],
                 [[metric_label(k), fmt(kind, last["firm"].get(k))] for k, kind in OWN_ROWS])
        fill(self.history, [translate("WorkshopTeam", "Quarter")] + [metric_label(k) for k, _ in HISTORY_COLUMNS],
             [[i18n.quarter(h["quarter"])] + [fmt(kind, h[k]) for k, kind in HISTORY_COLUMNS]
              for h in reversed(view["own"]["history"])])
        self._market(view)
        self.news.clear()
        for item in reversed(view["news"]):
            self.news.addItem(headline(item))
        if not view["news"]:
            self.news.addItem(translate("WorkshopTeam", "No news yet."))
        self._leaderboard(view)
        self._forecasts(view)

    def _market(self, view: dict) -> None:
        if not view["market"]:
            fill(self.market, [translate("WorkshopTeam", "Market")], [[translate("WorkshopTeam", "No results yet.")]])
            return
        latest = view["market"][-1]
        money = view["visibility"]["rival_financials"]
        headers = [translate("WorkshopTeam", "Firm"), metric_label("deliveries"), metric_label("market_share"),
                   metric_label("capacity"), metric_label("autonomy_sold")]
        if money:
            headers += [metric_label("revenue_cny"), metric_label("operating_profit_cny"), metric_label("cash_cny")]
        rows = []
        for firm in sorted(latest["firms"], key=lambda f: -(f["deliveries"] or 0.0)):
            row = [name_of(view, firm["id"]), fmt("count", firm["deliveries"]), fmt("percent", firm["market_share"]),
                   fmt("count", firm["capacity"]), fmt("level", firm["autonomy_sold"])]
            if money:
                row += [fmt("money", firm.get(k)) for k in ("revenue_cny", "operating_profit_cny", "cash_cny")]
            rows.append(row)
        fill(self.market, headers, rows)
        self.setTabText(1, translate("WorkshopTeam", "Market (%1)").replace("%1", i18n.quarter(latest["quarter"])))

    def _leaderboard(self, view: dict) -> None:
        board = view.get("leaderboard")
        self.setTabEnabled(3, board is not None)
        if not board:
            fill(self.leaders, [translate("WorkshopTeam", "Leaderboard")],
                 [[translate("WorkshopTeam", "Not shown in this workshop.") if board is None
                   else translate("WorkshopTeam", "No results yet.")]])
            return
        names = metric_names()
        fill(self.leaders, ["#", translate("WorkshopTeam", "Firm"), metric_label("score")] + [names[m] for m in SCORE_METRICS],
             [[str(r["rank"]), ("★ " if r["id"] == view["team"] else "") + name_of(view, r["id"]), fmt("level", r["score"])]
              + [fmt("level", None if r[m] is None else 100.0 * r[m]) for m in SCORE_METRICS] for r in board])

    def _forecasts(self, view: dict) -> None:
        scores = view["predictions"]
        rows = []
        for q in scores["quarters"]:
            p = q["prediction"]
            if p is None:
                rows.append([i18n.quarter(q["quarter"]), "–", "–", "–", "–", "–"])
                continue
            rows.append([i18n.quarter(q["quarter"]), fmt("count", p["deliveries"]), fmt("count", q["deliveries"]["actual"]),
                         fmt("money", p["operating_profit_cny"]), fmt("money", q["operating_profit_cny"]["actual"]),
                         i18n.number(q["score"], 0)])
        mean = scores["mean_score"]
        rows.append([translate("WorkshopTeam", "Mean accuracy"), "", "", "", "", "–" if mean is None else i18n.number(mean, 0)])
        fill(self.forecasts, [translate("WorkshopTeam", "Quarter"), translate("WorkshopTeam", "Deliveries forecast"),
                              translate("WorkshopTeam", "Deliveries actual"), translate("WorkshopTeam", "Profit forecast"),
                              translate("WorkshopTeam", "Profit actual"), translate("WorkshopTeam", "Accuracy (0–100)")], rows)


def team_screen(left, panel, prediction, parent) -> QSplitter:
    """A team's screen: its decisions on the left, its view above its forecast on the right."""
    right = QWidget(parent)
    column = QVBoxLayout(right)
    column.setContentsMargins(0, 0, 0, 0)
    column.addWidget(panel, 1)
    column.addWidget(prediction)
    split = QSplitter(Qt.Orientation.Horizontal, parent)
    split.addWidget(left)
    split.addWidget(right)
    split.setSizes([560, 640])
    return split
