"""The event console: pick a deck event or define a custom one, preview its impact (forecasts with
and without it, in a worker with progress and Cancel), then release it: it fires when the round
resolves and appears in every team's news and in the replay timeline."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QGroupBox, QHBoxLayout, QLabel, QListWidget, QListWidgetItem,
                               QProgressBar, QPushButton, QRadioButton, QSpinBox, QSplitter, QVBoxLayout, QWidget)

from engine.workshop import WorkshopError

from .. import i18n, theme
from ..i18n import translate
from .custom_event import CustomEventEditor
from .impact_chart import ImpactChart

DEFAULT_FUTURES = 200
DEFAULT_QUARTERS = 4


class EventsPanel(QSplitter):
    """Choose, preview and release events; see the queued ones and withdraw them."""

    def __init__(self, controller, parent=None):
        super().__init__(parent)
        self.setObjectName("events-panel")
        self.controller = controller
        sc = controller.session.scenario
        left = QWidget(self)
        self.deck_radio = QRadioButton(translate("Events", "From the scenario's deck"), left)
        self.custom_radio = QRadioButton(translate("Events", "A custom event"), left)
        group = QButtonGroup(self)
        group.addButton(self.deck_radio)
        group.addButton(self.custom_radio)
        self.deck_radio.setChecked(True)
        self.deck = QComboBox(left)
        self.deck.setObjectName("deck-event")
        self.custom = CustomEventEditor(left)
        self.custom.setEnabled(False)
        self.target = QComboBox(left)
        self.target.setObjectName("event-target")
        self.target.addItem(translate("Events", "The event's own target (custom: every firm)"), None)
        for f in sc.firms:
            self.target.addItem(i18n.text_of(f.name), f.id)
        self.futures = QSpinBox(left)
        self.futures.setObjectName("preview-futures")
        self.futures.setRange(20, 2000)
        self.futures.setSingleStep(100)
        self.futures.setValue(DEFAULT_FUTURES)
        self.quarters = QSpinBox(left)
        self.quarters.setObjectName("preview-quarters")
        self.quarters.setRange(1, 8)
        self.quarters.setValue(DEFAULT_QUARTERS)
        self.preview_button = QPushButton(translate("Events", "Preview impact"), left)
        self.preview_button.setObjectName("preview-impact")
        self.cancel_button = QPushButton(translate("Events", "Cancel"), left)
        self.cancel_button.setObjectName("preview-cancel")
        self.cancel_button.setEnabled(False)
        self.progress = QProgressBar(left)
        self.progress.setObjectName("preview-progress")
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.release_button = QPushButton(translate("Events", "Release when the round resolves"), left)
        self.release_button.setObjectName("release-event")
        self.release_button.setStyleSheet("font-weight: bold;")
        self.error = QLabel(left)
        self.error.setObjectName("event-error")
        self.error.setWordWrap(True)
        self.queued = QListWidget(left)
        self.queued.setObjectName("queued-events")
        self.queued.setMaximumHeight(110)
        self.withdraw_button = QPushButton(translate("Events", "Withdraw"), left)
        self.withdraw_button.setObjectName("withdraw-event")
        run = QHBoxLayout()
        run.addWidget(QLabel(translate("Events", "Futures"), left))
        run.addWidget(self.futures)
        run.addWidget(QLabel(translate("Events", "Quarters"), left))
        run.addWidget(self.quarters)
        run.addWidget(self.preview_button)
        run.addWidget(self.cancel_button)
        column = QVBoxLayout(left)
        column.addWidget(self.deck_radio)
        column.addWidget(self.deck)
        column.addWidget(self.custom_radio)
        column.addWidget(self.custom)
        column.addWidget(QLabel(translate("Events", "Target"), left))
        column.addWidget(self.target)
        column.addLayout(run)
        column.addWidget(self.progress)
        column.addWidget(self.release_button)
        column.addWidget(self.error)
        queue = QGroupBox(translate("Events", "Queued for release"), left)
        box = QVBoxLayout(queue)
        box.addWidget(self.queued)
        box.addWidget(self.withdraw_button)
        column.addWidget(queue)
        column.addStretch(1)
        self.chart = ImpactChart(sc, self)
        self.addWidget(left)
        self.addWidget(self.chart)
        self.setSizes([520, 700])
        self.custom_radio.toggled.connect(self._source_changed)
        self.preview_button.clicked.connect(self.preview)
        self.cancel_button.clicked.connect(controller.cancel_preview)
        self.release_button.clicked.connect(self.release)
        self.withdraw_button.clicked.connect(self.withdraw)
        controller.previewStarted.connect(self._started)
        controller.previewProgress.connect(self._progress)
        controller.previewReady.connect(self._ready)
        controller.previewStopped.connect(self._stopped)
        controller.changed.connect(self.refresh)
        controller.busyChanged.connect(self.refresh)
        self.refresh()

    # ---- what is chosen ---------------------------------------------------------------------------
    def choice(self):
        """``(event id or custom event dict, target)`` as chosen; WorkshopError when invalid."""
        target = self.target.currentData()
        if self.custom_radio.isChecked():
            return self.custom.definition(), target
        event = self.deck.currentData()
        if event is None:
            raise WorkshopError(translate("Events", "Choose an event."))
        return event, target

    def _source_changed(self, custom: bool) -> None:
        self.custom.setEnabled(custom)
        self.deck.setEnabled(not custom)
        self.chart.clear()

    def _say(self, text: str, bad: bool = True) -> None:
        self.error.setText(text)
        self.error.setStyleSheet(f"color: {theme.colour('bad' if bad else 'good')};")

    # ---- actions ----------------------------------------------------------------------------------
    def preview(self) -> bool:
        """Start the impact preview of the chosen event."""
        try:
            event, target = self.choice()
        except WorkshopError as exc:
            self._say(str(exc))
            return False
        self._say("")
        self._pending_target = target
        return self.controller.start_preview(event, target, self.futures.value(), self.quarters.value())

    def release(self) -> bool:
        """Queue the chosen event for release when the round resolves."""
        try:
            event, target = self.choice()
        except WorkshopError as exc:
            self._say(str(exc))
            return False
        messages = []
        self.controller.message.connect(messages.append)
        try:
            done = self.controller.control("inject", event=event, target=target)
        finally:
            self.controller.message.disconnect(messages.append)
        if not done:
            self._say(messages[-1] if messages else translate("Events", "The event could not be queued."))
            return False
        self._say(translate("Events", "Queued: it fires when %1 resolves.").replace(
            "%1", i18n.quarter(self.controller.view["session"]["quarter"])), bad=False)
        return True

    def withdraw(self) -> bool:
        """Unqueue the selected event."""
        item = self.queued.currentItem()
        if item is None:
            self._say(translate("Events", "Select a queued event to withdraw."))
            return False
        return bool(self.controller.control("withdraw", event=item.data(Qt.ItemDataRole.UserRole)))

    # ---- preview signals --------------------------------------------------------------------------
    def _started(self) -> None:
        self.preview_button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.progress.setRange(0, 1)
        self.progress.setValue(0)

    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    def _ready(self, result: dict) -> None:
        self.cancel_button.setEnabled(False)
        self.refresh()
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        target = getattr(self, "_pending_target", None)
        self.chart.show_result(result, target or self.controller.teams[0])

    def _stopped(self, message: str) -> None:
        self.cancel_button.setEnabled(False)
        self.refresh()
        self.progress.setValue(0)
        self._say(message or translate("Events", "Preview cancelled."), bad=bool(message))

    # ---- refresh ----------------------------------------------------------------------------------
    def refresh(self, *_) -> None:
        """Deck (running events marked), queued events and which actions apply now."""
        c = self.controller
        view = c.view
        current = self.deck.currentData()
        self.deck.blockSignals(True)
        self.deck.clear()
        for card in view["deck"]:
            text = card["headline"]["zh" if i18n.is_chinese() else "en"]
            if card["running"]:
                text += " " + translate("Events", "(running)")
            self.deck.addItem(text, card["id"])
            self.deck.setItemData(self.deck.count() - 1, card["id"], Qt.ItemDataRole.ToolTipRole)
        index = self.deck.findData(current)
        self.deck.setCurrentIndex(max(index, 0))
        self.deck.blockSignals(False)
        self.queued.clear()
        names = {card["id"]: card["headline"] for card in view["deck"]}
        for entry in view["injections"]:
            ident = entry["custom"]["id"] if "custom" in entry else entry["event"]
            headline = entry["custom"]["headline"] if "custom" in entry else names.get(ident, {"en": ident, "zh": ident})
            target = entry["target"]
            who = translate("Events", "everyone") if target is None else i18n.text_of(
                c.session.scenario.firms[c.session.scenario.firm_index(target)].name)
            item = QListWidgetItem(f"{headline['zh' if i18n.is_chinese() else 'en']} → {who}")
            item.setData(Qt.ItemDataRole.UserRole, ident)
            self.queued.addItem(item)
        live = view["session"]["phase"] in ("open", "locked") and not c.busy
        self.preview_button.setEnabled(live and not c.previewing)
        self.release_button.setEnabled(live)
        self.withdraw_button.setEnabled(live and bool(view["injections"]))
