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
        session.gameStarted.connect(self.reload)
        session.quarterResolved.connect(self.reload)
        self.reload()

    def reload(self, *_) -> None:
        """Rebuild the list from the session's history."""
        self.model.clear()
        h = self.session.history
        items = list(reversed(h.news())) if h is not None else []
        latest = h.quarters[-1] if h is not None and h.quarters else None
        for label, kind, payload in items:
            item = QStandardItem(f"{i18n.quarter(label)}  {headline(kind, payload)}")
            item.setData(kind, Qt.ItemDataRole.UserRole)
            if label == latest:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            if kind == "price":
                item.setForeground(QBrush(QColor(theme.colour("muted"))))
            self.model.appendRow(item)
        if not items:
            start = quarter_label(self.session.scenario.info.start) if self.session.scenario else ""
            self.model.appendRow(QStandardItem(translate("News", "No news yet: the story begins in %1.")
                                               .replace("%1", i18n.quarter(start))))

