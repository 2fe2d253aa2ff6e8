"""The news feed: event headlines and rivals' price moves, newest first, in the current language."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QListView, QVBoxLayout, QWidget

from engine.quarters import quarter_label

from .. import i18n, theme
from ..i18n import translate
from .fields import titled


def headline(kind: str, payload) -> str:
    """The text of one news item of :meth:`app.history.History.news`."""
    if kind == "event":
        return i18n.text_of(payload.headline)
    firm, change = payload
    text = translate("News", "%1 raised its average price by %2") if change > 0 else \
        translate("News", "%1 cut its average price by %2")
    return text.replace("%1", i18n.text_of(firm.name)).replace("%2", i18n.percent(abs(change)))


class NewsFeed(QWidget):
    """A list of news items; the quarter just played comes first."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.setObjectName("news-feed")
        self.session = session
        self.model = QStandardItemModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setUniformItemSizes(False)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(titled(session, translate("News", "News"), "news", self))
        layout.addWidget(self.view)
        self.shown = 0                         # quarters whose news are listed
        session.quarterResolved.connect(self.reload)
        self.reload()

    def reload(self, *_) -> None:
        """Add the news of the quarters played since the last call at the top, in bold."""
        h = self.session.history
        played = len(h.quarters)
        fresh = h.news(self.shown) if played > self.shown else []
        self.shown = played
        for row in reversed(range(self.model.rowCount())):
            item = self.model.item(row)
            if item.data(Qt.ItemDataRole.UserRole) == "empty":
                self.model.removeRow(row)
            elif item.font().bold():  # no longer the latest
                item.setFont(self.font())
        bold = self.font()
        bold.setBold(True)
        for label, kind, payload in fresh:
            item = QStandardItem(f"{i18n.quarter(label)}  {headline(kind, payload)}")
            item.setData(kind, Qt.ItemDataRole.UserRole)
            item.setFont(bold)
            if kind == "price":
                item.setForeground(QBrush(QColor(theme.colour("muted"))))
            self.model.insertRow(0, item)
        if not self.model.rowCount():
            start = quarter_label(self.session.scenario.info.start)
            empty = QStandardItem(translate("News", "No news yet: the story begins in %1.").replace(
                "%1", i18n.quarter(start)))
            empty.setData("empty", Qt.ItemDataRole.UserRole)
            self.model.appendRow(empty)
