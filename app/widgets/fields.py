"""Decision inputs: a number field bound to a draft path, with unit, message and help button."""

import math

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QScrollArea,
                               QSizePolicy, QToolButton, QVBoxLayout, QWidget)

from .. import i18n, problems, theme
from ..draft import value_of

# the app's Undo/Redo keys (the main window's actions use these plus the platform's standard ones)
UNDO_KEYS = (QKeySequence("Ctrl+Z"), QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z"))
PLACES = {("price", "zh_CN"): 2, ("budget", "zh_CN"): 2, ("finance", "zh_CN"): 2, ("budget", "en"): 0,
          ("finance", "en"): 0}


def help_button(session, topic: str, parent=None, model: str | None = None) -> QToolButton:
    """A small "?" button that opens the "How is this computed?" panel for ``topic``."""
    from .explain import show_explanation

    button = QToolButton(parent)
    button.setText("?")
    button.setAutoRaise(True)
    button.setObjectName(f"help-{topic}")
    button.setToolTip(i18n.translate("Fields", "How is this computed?"))
    button.clicked.connect(lambda: show_explanation(session, topic, button, model=model))
    return button


def titled(session, title, topic: str, parent=None, model: str | None = None) -> QHBoxLayout:
    """A row with ``title`` (a widget, or text shown in bold) stretched and a help button for ``topic``."""
    row = QHBoxLayout()
    row.setContentsMargins(0, 0, 0, 0)
    row.addWidget(titled_label(title) if isinstance(title, str) else title, 1)
    row.addWidget(help_button(session, topic, parent, model))
    return row


def titled_label(title: str) -> QLabel:
    """A bold, word-wrapped section title."""
    label = QLabel(f"<b>{title}</b>")
    label.setWordWrap(True)
    return label


def help_link(session, topic: str, text: str, parent=None) -> QPushButton:
    """A flat button with ``text`` that opens the "How is this computed?" panel for ``topic``."""
    from .explain import show_explanation

    button = QPushButton("? " + text, parent)
    button.setFlat(True)
    button.setObjectName(f"help-{topic}")
    button.setStyleSheet(f"text-align: left; color: {theme.colour('highlight')};")
    button.clicked.connect(lambda: show_explanation(session, topic, button))
    return button


def note_label(parent=None) -> QLabel:
    """A muted, word-wrapped label for consequences."""
    label = QLabel(parent)
    label.setWordWrap(True)
    label.setStyleSheet(f"color: {theme.colour('muted')};")
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class NumberField(QWidget):
    """A number input for one draft path.

    The value is shown in the language's unit (e.g. 万元 or CNY); on Enter or leaving the field it
    is parsed with the locale, converted to CNY and proposed to the session. A rejected value
    leaves the draft unchanged and shows the reason right under the field.

    Undo and Redo keys pressed in the field undo the field's own typing while it has any; once
    the text shows the draft's value they go to the window's Undo/Redo (the session's QUndoStack).
    """

    committed = Signal(str)   # path, after an accepted change

    def __init__(self, session, path: str, label: str, kind: str, tooltip: str, parent=None, undo_label: str = ""):
        super().__init__(parent)
        self.session, self.path, self.label, self.kind = session, path, undo_label or label, kind
        self.factor, unit = i18n.input_unit(kind)
        self.places = PLACES.get((kind, i18n.current()), 0)
        self.edit = QLineEdit(self)
        self.edit.setObjectName(f"field-{path}")
        self.edit.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.edit.setMinimumWidth(90)
        self.edit.setToolTip(tooltip)
        self.unit = QLabel(unit, self)
        self.unit.setToolTip(tooltip)
        self.message = QLabel(self)
        self.message.setObjectName(f"message-{path}")
        self.message.setWordWrap(True)
        self.message.setStyleSheet(f"color: {theme.colour('bad')};")
        self.message.hide()
        self.note = note_label(self)
        self.note.hide()
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(self.unit)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addLayout(row)
        box.addWidget(self.message)
        box.addWidget(self.note)
        self.setToolTip(tooltip)
        self.edit.editingFinished.connect(self.commit)
        self.edit.installEventFilter(self)
        session.draftChanged.connect(self.refresh)
        self.refresh()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt hook
        """Let Undo/Redo keys through to the window's actions when the field has no uncommitted typing.

        QLineEdit claims these keys (ShortcutOverride) for its own text undo, which after Enter has
        nothing left to undo; ignoring the override lets Qt trigger the window's shortcut instead.
        """
        if (watched is self.edit and event.type() == QEvent.Type.ShortcutOverride and _is_undo_key(event)
                and not self.has_typing()):
            event.ignore()
            return True
        return super().eventFilter(watched, event)

    def has_typing(self) -> bool:
        """True when the text differs from the draft's value (typed but not committed yet)."""
        if self.session.draft is None:
            return False
        return self.edit.text() != self.display(value_of(self.session.draft, self.path))

    def display(self, value: float) -> str:
        """The text shown for a value in CNY (or units)."""
        return i18n.number(value / self.factor, self.places)

    def refresh(self) -> None:
        """Show the draft's value and clear any message."""
        if self.session.draft is None:
            return
        self.edit.setText(self.display(value_of(self.session.draft, self.path)))
        self.set_error("")

    def set_error(self, text: str) -> None:
        """Show ``text`` under the field (empty hides it)."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        self.edit.setStyleSheet(f"border: 1px solid {theme.colour('bad')};" if text else "")

    def set_note(self, text: str) -> None:
        """Show a consequence under the field (empty hides it)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def commit(self) -> bool:
        """Propose the typed value; return True when the draft accepted it (or it did not change)."""
        if self.session.draft is None:
            return False
        typed = i18n.parse(self.edit.text())
        if typed is None:
            self.set_error(i18n.translate("Fields", "Enter a number, e.g. %1").replace(
                "%1", self.display(value_of(self.session.draft, self.path))))
            return False
        value = typed * self.factor
        if not math.isfinite(value):      # finite as typed, not once scaled (1e308 万元)
            self.set_error(problems.too_large())
            return False
        if self.places == 0 and self.factor == 1.0:
            value = round(value)
        current = value_of(self.session.draft, self.path)
        if abs(value - current) < 0.5:  # nothing to change (less than one CNY or one car)
            self.set_error("")
            return True
        problem = self.session.propose(self.path, value, self.label)
        if problem:
            self.set_error(problem)
            return False
        self.committed.emit(self.path)
        return True


def _is_undo_key(event) -> bool:
    """True when the key event is an Undo or Redo shortcut."""
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    pressed = QKeySequence(event.keyCombination())
    return any(pressed.matches(key) == QKeySequence.SequenceMatch.ExactMatch for key in UNDO_KEYS)


class FormPage(QScrollArea):
    """A scrollable page of decision fields; subclasses add rows and override :meth:`refresh`."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        inner = QWidget(self)
        self.box = QVBoxLayout(inner)
        self.box.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.setWidget(inner)
        self.fields = {}
        session.draftChanged.connect(self._refresh_if_ready)

    def _refresh_if_ready(self) -> None:
        if self.session.game is not None and self.session.draft is not None:
            self.refresh()

    def refresh(self) -> None:
        """Update consequences after the draft or the game changed."""

    def form(self, title: str = "", topic: str | None = None, model: str | None = None) -> QFormLayout:
        """Start a titled section (with an optional help button) and return its form layout."""
        if title:
            self.box.addLayout(titled(self.session, title, topic, self, model) if topic
                               else titled_label(title))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.box.addLayout(form)
        return form

    def field(self, form: QFormLayout, path: str, label: str, kind: str, tooltip: str,
              undo_label: str = "") -> NumberField:
        """Add a :class:`NumberField` row (``undo_label`` names the change in the Undo menu)."""
        widget = NumberField(self.session, path, label, kind, tooltip, self, undo_label)
        caption = QLabel(label)
        caption.setToolTip(tooltip)
        caption.setWordWrap(True)
        caption.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        form.addRow(caption, widget)
        self.fields[path] = widget
        return widget

    def separator(self) -> None:
        """A thin line between sections."""
        line = QFrame(self)
        line.setFrameShape(QFrame.Shape.HLine)
        line.setFrameShadow(QFrame.Shadow.Sunken)
        self.box.addWidget(line)
