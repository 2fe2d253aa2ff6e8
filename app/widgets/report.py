"""The quarterly report: P&L, market table and the driver waterfalls of orders and operating profit."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QGridLayout, QHeaderView, QLabel, QTableView,
                               QVBoxLayout)

from .. import i18n
from ..i18n import translate
from .fields import help_button
from .rivals import RivalsPanel
from .waterfall import Waterfall


def pnl_rows() -> list:
    """``(label, firm metric or callable, format)`` rows of the P&L table."""
    money, count, pct = i18n.money, i18n.compact, i18n.percent
    return [
        (translate("Report", "Orders"), "orders", count),
        (translate("Report", "Deliveries"), "deliveries", count),
        (translate("Report", "Backlog at quarter end"), "backlog", count),
        (translate("Report", "Revenue"), "revenue_cny", money),
        (translate("Report", "  of which cars"), "car_revenue_cny", money),
        (translate("Report", "  of which services"), "services_revenue_cny", money),
        (translate("Report", "  of which ecosystem devices"), "cross_sell_revenue_cny", money),
        (translate("Report", "Cost of sales"), "cogs_cny", money),
        (translate("Report", "Gross profit"), "gross_profit_cny", money),
        (translate("Report", "Gross margin"), "gross_margin", pct),
        (translate("Report", "R&D"), "rnd_cny", money),
        (translate("Report", "Selling and admin"), "sga_cny", money),
        (translate("Report", "Operating profit"), "operating_profit_cny", money),
        (translate("Report", "Capex"), "capex_cny", money),
        (translate("Report", "Financing received"),
         lambda r: r["parent_cny"] + r["equity_cny"] + r["borrowed_cny"] - r["repaid_cny"], money),
        (translate("Report", "Emergency funding"), "emergency_cny", money),
        (translate("Report", "Cash at quarter end"), "cash_cny", money),
        (translate("Report", "Debt"), "debt_cny", money),
        (translate("Report", "Closed-loop ratio"), "closed_loop_ratio", pct),
    ]


class ReportDialog(QDialog):
    """Report of the last quarter played; it follows the session as quarters are played."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("report-dialog")
        self.session = session
        self.heading = QLabel(self)
        self.heading.setObjectName("report-heading")
        self.pnl = QStandardItemModel(0, 4, self)
        for label, metric, _ in pnl_rows():  # built once; refresh() only sets the figures
            items = [QStandardItem(label)] + [QStandardItem() for _ in range(3)]
            for item in items[1:]:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if metric in ("operating_profit_cny", "cash_cny"):
                font = items[0].font()
                font.setBold(True)
                items[0].setFont(font)
            self.pnl.appendRow(items)
        self.pnl_view = QTableView(self)
        self.pnl_view.setObjectName("report-pnl")
        self.pnl_view.setModel(self.pnl)
        self.pnl_view.verticalHeader().hide()
        header = self.pnl_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.pnl_view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.pnl_view.setAlternatingRowColors(True)
        row = self.fontMetrics().height() + 6
        self.pnl_view.verticalHeader().setDefaultSectionSize(row)
        self.pnl_view.setMinimumHeight(row * (len(pnl_rows()) + 1) + 8)  # the whole P&L without scrolling
        self.market = RivalsPanel(session, self)
        self.orders = Waterfall(session, translate("Report", "Why orders changed"), i18n.compact, self)
        self.orders.setObjectName("waterfall-orders")
        self.profit = Waterfall(session, translate("Report", "Why operating profit changed"), i18n.money, self)
        self.profit.setObjectName("waterfall-profit")
        self.no_drivers = QLabel(translate("Report", "The waterfalls start with the second quarter: the first has no "
                                           "previous quarter to compare with."), self)
        self.no_drivers.setWordWrap(True)
        pnl_head = QGridLayout()
        pnl_head.addWidget(QLabel("<b>" + translate("Report", "Profit and loss") + "</b>"), 0, 0)
        pnl_head.addWidget(help_button(session, "operating_profit", self), 0, 1, Qt.AlignmentFlag.AlignRight)
        grid = QGridLayout()
        grid.addLayout(pnl_head, 0, 0)
        grid.addWidget(QLabel("<b>" + translate("Report", "Market") + "</b>"), 0, 1)
        grid.addWidget(self.pnl_view, 1, 0)
        grid.addWidget(self.market, 1, 1)
        grid.addWidget(self.orders, 2, 0)
        grid.addWidget(self.profit, 2, 1)
        grid.addWidget(self.no_drivers, 3, 0, 1, 2)
        grid.setColumnStretch(0, 2)
        grid.setColumnStretch(1, 3)
        grid.setRowStretch(1, 1)
        grid.setRowStretch(2, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addLayout(grid, 1)
        layout.addWidget(buttons)
        self.resize(1360, 920)
        session.quarterResolved.connect(self._quarter_resolved)
        self.refresh()

    def _quarter_resolved(self, *_) -> None:
        if self.isVisible():  # its own event-loop turn: the main window repaints first
            QTimer.singleShot(0, self.refresh)

    def showEvent(self, event):  # noqa: N802 - Qt hook
        self.refresh()
        super().showEvent(event)

    def refresh(self, *_) -> None:
        """Show the last quarter played."""
        records = self.session.history.records   # what the session announced, never a quarter in progress
        if not records:
            self.heading.setText(translate("Report", "No quarter has been played yet."))
            return
        report = records[-1].report
        prev = records[-2].report if len(records) > 1 else None
        f = self.session.scenario.firm_index(self.session.player)
        self.setWindowTitle(translate("Report", "Quarterly report — %1").replace("%1", i18n.quarter(report.quarter)))
        self.heading.setText("<h2>" + translate("Report", "Quarterly report — %1").replace("%1", i18n.quarter(report.quarter))
                             + "</h2>")
        this_q, last_q = i18n.quarter(report.quarter), i18n.quarter(prev.quarter) if prev else "–"
        self.pnl.setHorizontalHeaderLabels(["", this_q, last_q, translate("Report", "Change")])
        now_row = {k: v[0, f] for k, v in report.firm.items()}
        prev_row = {k: v[0, f] for k, v in prev.firm.items()} if prev else None
        for row, (_, metric, fmt) in enumerate(pnl_rows()):
            get = metric if callable(metric) else (lambda r, m=metric: r[m])
            now = float(get(now_row))
            before = float(get(prev_row)) if prev_row else None
            cells = (fmt(now), fmt(before) if before is not None else "–",
                     i18n.signed(fmt(now - before), now - before) if before is not None else "–")
            for col, text in enumerate(cells, start=1):
                self.pnl.item(row, col).setText(text)
        drivers = self.session.drivers
        self.no_drivers.setVisible(drivers is None)
        for chart, metric in ((self.orders, "orders"), (self.profit, "operating_profit_cny")):
            chart.setVisible(drivers is not None)
            chart.set_breakdown(drivers[metric] if drivers else None, last_q, this_q)
