"""The timeline scrubber: a slider over the stored quarters, play/pause, steps, and event markers."""

from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPolygonF
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QSlider, QStyle, QStyleOptionSlider, QToolButton, QVBoxLayout,
                               QWidget)

from .. import i18n, theme
from ..i18n import translate

PLAY_INTERVAL_MS = 700
DECK, FACILITATOR = "#b26a00", "#c62828"


def slider_x(slider: QSlider, value: int) -> int:
    """The x (in the slider's coordinates) of the handle's centre at ``value``."""
    option = QStyleOptionSlider()
    slider.initStyleOption(option)
    style = slider.style()
    groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, slider)
    handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, slider)
    span = groove.width() - handle.width()
    pos = QStyle.sliderPositionFromValue(slider.minimum(), slider.maximum(), value, max(span, 0))
    return groove.x() + pos + handle.width() // 2


class Markers(QWidget):
    """A strip above the slider: a triangle where deck events fired, a diamond where the
    facilitator injected an event; hovering shows the headlines."""

    def __init__(self, slider: QSlider, markers: list, quarters: tuple, parent=None):
        super().__init__(parent)
        self.setObjectName("timeline-markers")
        self.slider, self.markers, self.quarters = slider, markers, quarters
        self.setFixedHeight(14)
        self.setMouseTracking(True)

    def positions(self) -> list:
        """``(x, quarter offset)`` of every quarter with a marker."""
        offset = self.slider.x() - self.x()
        return [(offset + slider_x(self.slider, t), t) for t, (deck, injected) in enumerate(self.markers)
                if deck or injected]

    def paintEvent(self, event):  # noqa: N802 - Qt hook
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        h = self.height()
        for x, t in self.positions():
            deck, injected = self.markers[t]
            if deck:
                painter.setPen(QPen(QColor(DECK), 1))
                painter.setBrush(QBrush(QColor(DECK)))
                painter.drawPolygon(QPolygonF([QPointF(x - 4, 2), QPointF(x + 4, 2), QPointF(x, h - 2)]))
            if injected:
                painter.setPen(QPen(QColor(FACILITATOR), 1))
                painter.setBrush(QBrush(QColor(FACILITATOR)))
                c = h / 2
                painter.drawPolygon(QPolygonF([QPointF(x + 6, c), QPointF(x + 10, c - 4), QPointF(x + 14, c),
                                               QPointF(x + 10, c + 4)]))
        painter.end()

    def tooltip_at(self, x: int) -> str:
        """The headlines of the marker nearest to ``x`` (empty when none is within reach)."""
        near = [(abs(px - x), t) for px, t in self.positions() if abs(px - x) <= 14]
        if not near:
            return ""
        t = min(near)[1]
        deck, injected = self.markers[t]
        target = translate("Replay", "target: %1")
        lines = [f"<b>{i18n.quarter(self.quarters[t])}</b>"] + [f"▼ {h}" for h in deck]
        lines += [f"◆ {h}" + (" (" + target.replace("%1", who) + ")" if who else "") for h, who in injected]
        return "<br>".join(lines)

    def mouseMoveEvent(self, event):  # noqa: N802 - Qt hook
        self.setToolTip(self.tooltip_at(int(event.position().x())))
        super().mouseMoveEvent(event)


class Timeline(QWidget):
    """Slider, first/previous/play/next/last buttons and the quarter shown; drives the document."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("timeline")
        self.document = document
        n = document.count
        self.slider = QSlider(Qt.Orientation.Horizontal, self)
        self.slider.setObjectName("timeline-slider")
        self.slider.setRange(0, n - 1)
        self.slider.setPageStep(4)
        self.slider.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.slider.setTickInterval(1 if n <= 24 else 4)
        self.slider.setValue(document.index)
        self.slider.setToolTip(translate("Replay", "Drag to move through the quarters (← and → step, Space plays)"))
        self.markers = Markers(self.slider, document.markers(), document.outcomes.quarters, self)
        self.buttons = {}
        pixmap = QStyle.StandardPixmap
        icons = {"first": pixmap.SP_MediaSkipBackward, "previous": pixmap.SP_MediaSeekBackward,
                 "play": pixmap.SP_MediaPlay, "next": pixmap.SP_MediaSeekForward, "last": pixmap.SP_MediaSkipForward}
        for key, tip in (("first", translate("Replay", "First quarter (Home)")),
                         ("previous", translate("Replay", "Previous quarter (←)")),
                         ("play", translate("Replay", "Play the game quarter by quarter (Space)")),
                         ("next", translate("Replay", "Next quarter (→)")),
                         ("last", translate("Replay", "Last quarter (End)"))):
            button = QToolButton(self)
            button.setObjectName(f"timeline-{key}")
            button.setIcon(self.style().standardIcon(icons[key]))
            button.setToolTip(tip)
            button.setMinimumWidth(34)
            self.buttons[key] = button
        self.buttons["first"].clicked.connect(lambda: self.document.set_quarter(0))
        self.buttons["previous"].clicked.connect(self.step_back)
        self.buttons["play"].clicked.connect(self.toggle_play)
        self.buttons["next"].clicked.connect(self.step)
        self.buttons["last"].clicked.connect(lambda: self.document.set_quarter(self.document.count - 1))
        self.label = QLabel(self)
        self.label.setObjectName("timeline-quarter")
        self.label.setMinimumWidth(self.fontMetrics().horizontalAdvance(self._text(n - 1)) + 12)
        legend = QLabel(f"<span style='color:{DECK}'>▼</span> " + translate("Replay", "event") +
                        f" &nbsp; <span style='color:{FACILITATOR}'>◆</span> " +
                        translate("Replay", "injected by the facilitator"))
        legend.setStyleSheet(f"color: {theme.colour('muted')};")
        self.timer = QTimer(self)
        self.timer.setInterval(PLAY_INTERVAL_MS)
        self.timer.timeout.connect(self._tick)
        track = QVBoxLayout()
        track.setSpacing(0)
        track.addWidget(self.markers)
        track.addWidget(self.slider)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for key in ("first", "previous", "play", "next", "last"):
            row.addWidget(self.buttons[key])
        row.addWidget(self.label)
        row.addLayout(track, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 2, 6, 2)
        layout.setSpacing(0)
        layout.addLayout(row)
        layout.addWidget(legend, 0, Qt.AlignmentFlag.AlignRight)
        self.slider.valueChanged.connect(self.document.set_quarter)
        document.quarterChanged.connect(self._show)
        self._show(document.index)

    @property
    def playing(self) -> bool:
        """True while the animation runs."""
        return self.timer.isActive()

    def step(self) -> None:
        """One quarter forward."""
        self.document.set_quarter(self.document.index + 1)

    def step_back(self) -> None:
        """One quarter back."""
        self.document.set_quarter(self.document.index - 1)

    def toggle_play(self) -> None:
        """Play from here (from the start when at the end), or pause."""
        if self.playing or self.document.count < 2:
            self.pause()
            return
        if self.document.index >= self.document.count - 1:
            self.document.set_quarter(0)
        self.timer.start()
        self._update_play()

    def pause(self) -> None:
        """Stop the animation."""
        self.timer.stop()
        self._update_play()

    def _tick(self) -> None:
        if self.document.index >= self.document.count - 1:
            self.pause()
            return
        self.step()

    def _update_play(self) -> None:
        icon = QStyle.StandardPixmap.SP_MediaPause if self.playing else QStyle.StandardPixmap.SP_MediaPlay
        self.buttons["play"].setIcon(self.style().standardIcon(icon))
        self.buttons["play"].setToolTip(translate("Replay", "Pause (Space)") if self.playing else
                                        translate("Replay", "Play the game quarter by quarter (Space)"))

    def _text(self, index: int) -> str:
        d = self.document
        return translate("Replay", "%1 · quarter %2 of %3").replace("%1", i18n.quarter(d.outcomes.quarters[index])) \
            .replace("%2", str(index + 1)).replace("%3", str(d.count))

    def _show(self, index: int) -> None:
        if self.slider.value() != index:
            self.slider.blockSignals(True)
            self.slider.setValue(index)
            self.slider.blockSignals(False)
        d = self.document
        self.label.setText(self._text(index))
        at_start, at_end = index == 0, index == d.count - 1
        self.buttons["first"].setEnabled(not at_start)
        self.buttons["previous"].setEnabled(not at_start)
        self.buttons["next"].setEnabled(not at_end)
        self.buttons["last"].setEnabled(not at_end)
        self.markers.update()
