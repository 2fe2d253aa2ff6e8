"""The dashboard: ten charts of the game so far, built once per game and updated each quarter."""

import numpy as np
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QGridLayout, QTabWidget, QWidget

from .. import i18n, theme
from ..i18n import translate
from .charts import Chart

PALETTE = ("#ff6900", "#1565c0", "#2e7d32", "#6a1b9a", "#c62828", "#00838f", "#5d4037", "#ad1457")


def firm_colour(scenario, f: int) -> str:
    """The scenario's colour for firm ``f`` (a palette colour when it has none)."""
    colour = scenario.firms[f].color
    return colour if colour and colour != "#888888" else PALETTE[f % len(PALETTE)]


def chart_specs():
    """``(tab title, [(topic, title, format, log y)])`` of the dashboard, translated."""
    return (
        (translate("Dashboard", "Market"), [
            ("market_share", translate("Dashboard", "Market share"), "percent", False),
            ("deliveries_capacity", translate("Dashboard", "Your deliveries vs capacity"), "count", False),
            ("price", translate("Dashboard", "Your prices vs the market"), "money", False),
            ("unit_cost", translate("Dashboard", "Your unit cost"), "money", False)]),
        (translate("Dashboard", "Money"), [
            ("gross_margin", translate("Dashboard", "Gross margin"), "percent", False),
            ("operating_profit", translate("Dashboard", "Operating profit"), "money", False),
            ("cash", translate("Dashboard", "Your cash and debt"), "money", False),
            ("closed_loop", translate("Dashboard", "Closed-loop ratio"), "percent", False)]),
        (translate("Dashboard", "Technology & ecosystem"), [
            ("autonomy", translate("Dashboard", "Autonomy race (level 0–5)"), "level", False),
            ("ecosystem_users", translate("Dashboard", "Ecosystem users (log scale)"), "count", True)]),
    )


ALL_FIRMS = ("market_share", "gross_margin", "operating_profit", "closed_loop", "autonomy", "ecosystem_users")
FIRM_METRIC = {"market_share": "market_share", "gross_margin": "gross_margin", "operating_profit": "operating_profit_cny",
               "closed_loop": "closed_loop_ratio", "autonomy": "autonomy_level", "ecosystem_users": "ecosystem_users"}


class Dashboard(QTabWidget):
    """Tabs of charts; :attr:`charts` maps topic -> :class:`Chart`."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("dashboard")
        self.session = session
        self.charts = {}
        for tab_title, specs in chart_specs():
            page = QWidget(self)
            grid = QGridLayout(page)
            grid.setContentsMargins(4, 4, 4, 4)
            for i, (topic, title, fmt, log_y) in enumerate(specs):
                chart = Chart(session, title, topic, fmt, log_y, page)
                self.charts[topic] = chart
                grid.addWidget(chart, i // 2, i % 2)
            self.addTab(page, tab_title.replace("&", "&&"))
        self._build_series()
        self._stale = set(range(self.count()))
        session.quarterResolved.connect(self._mark_stale)
        self.currentChanged.connect(lambda *_: self.update_charts())
        self.update_charts()
        if not session.history.quarters:  # after the window is shown, prepare the first quarter's dots
            QTimer.singleShot(0, self._warm_up)

    def _warm_up(self) -> None:
        for chart in self.charts.values():
            chart.warm_up()

    @property
    def up_to_date(self) -> bool:
        """True when the visible tab shows every quarter played."""
        return self.currentIndex() not in self._stale

    def _build_series(self) -> None:
        sc, player = self.session.scenario, self.session.player
        f_player = sc.firm_index(player)
        names = [i18n.text_of(f.name) for f in sc.firms]
        for topic in ALL_FIRMS:
            for f, firm in enumerate(sc.firms):
                self.charts[topic].add_line(firm.id, names[f], firm_colour(sc, f), width=3.0 if f == f_player else 1.4)
        c = self.charts
        mine = firm_colour(sc, f_player)
        c["deliveries_capacity"].add_line("orders", translate("Dashboard", "Orders"), theme.colour("muted"), dashed=True)
        c["deliveries_capacity"].add_line("deliveries", translate("Dashboard", "Deliveries"), mine, width=2.5)
        c["deliveries_capacity"].add_line("capacity", translate("Dashboard", "Output capacity"), "#1565c0")
        own = [(j, m) for j, m in enumerate(sc.models) if m.firm == player]
        for k, (j, m) in enumerate(own):
            colour = mine if k == 0 else "#6a1b9a" if k == 1 else "#00838f"
            c["price"].add_line(m.id, i18n.text_of(m.name), colour, width=2.2)
            c["unit_cost"].add_line(m.id, i18n.text_of(m.name), colour, width=2.2)
        c["price"].add_line("market", translate("Dashboard", "Market average"), theme.colour("muted"), dashed=True)
        c["cash"].add_line("cash", translate("Dashboard", "Cash"), mine, width=2.5)
        c["cash"].add_line("debt", translate("Dashboard", "Debt"), "#c62828", dashed=True)
        self._own = own

    def _mark_stale(self, *_) -> None:
        self._stale = set(range(self.count()))
        QTimer.singleShot(0, self.update_charts)  # its own event-loop turn, apart from the other panels

    def update_charts(self, *_) -> None:
        """Refresh the charts of the visible tab from the session's history (setData only); the
        other tabs refresh when they are shown."""
        h = self.session.history
        if h is None or self.currentIndex() not in self._stale:
            return
        self._stale.discard(self.currentIndex())
        topics = self.charts_on(self.currentIndex())
        self._update(h, {topics[0]})
        # one chart per event-loop turn: each repaint is small, so the window never stalls long
        for topic in topics[1:]:
            QTimer.singleShot(0, lambda t=topic: self._update(self.session.history, {t}))

    def charts_on(self, tab: int) -> list:
        """Topics of the charts on tab ``tab``."""
        return [topic for topic, _, _, _ in chart_specs()[tab][1]]

    def _update(self, h, topics: set) -> None:
        sc = self.session.scenario
        f = sc.firm_index(self.session.player)
        for topic in ALL_FIRMS:
            if topic not in topics:
                continue
            values = h.firm(FIRM_METRIC[topic])
            for k, firm in enumerate(sc.firms):
                self.charts[topic].set_line(firm.id, values[:, k])
        c = self.charts
        if "deliveries_capacity" in topics:
            for key, metric in (("orders", "orders"), ("deliveries", "deliveries"), ("capacity", "output_capacity")):
                c["deliveries_capacity"].set_line(key, h.firm(metric)[:, f])
        on_sale = h.model("launched") > 0
        for topic, metric in (("price", "price_cny"), ("unit_cost", "unit_cost_cny")):
            if topic in topics:
                for j, m in self._own:
                    c[topic].set_line(m.id, np.where(on_sale[:, j], h.model(metric)[:, j], np.nan))
        if "price" in topics:
            c["price"].set_line("market", h.market_price())
        if "cash" in topics:
            c["cash"].set_line("cash", h.firm("cash_cny")[:, f])
            c["cash"].set_line("debt", h.firm("debt_cny")[:, f])
