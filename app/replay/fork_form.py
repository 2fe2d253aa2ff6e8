"""The what-if form: from a quarter of a game, change some firms' decisions.

A focused form per firm (list prices, production targets, capacity order, shifts, budgets,
launches), filled with what the firm decided in the chosen quarter. Only fields whose value differs
from the recorded one become changes, written in the ``closedloop fork --set`` grammar
(``xiaomi.price.su7=199000``) and parsed by ``engine.saves.parse_change`` in the worker.
"""

from dataclasses import dataclass

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout,
                               QGridLayout, QLabel, QScrollArea, QSpinBox, QTabWidget, QVBoxLayout, QWidget)

from engine.decisions import MAX_BUDGET_CNY, MAX_PRICE_CNY, MAX_UNITS, MIN_PRICE_CNY

from .. import i18n, theme
from ..i18n import translate
from ..widgets.fields import PLACES

PER_MODEL = (("prices", "price", "price", MIN_PRICE_CNY, MAX_PRICE_CNY),
             ("production", "production", "units", 0.0, MAX_UNITS))
SCALARS = (("capacity_order", "capacity", "units", MAX_UNITS),
           ("marketing_budget", "marketing", "budget", MAX_BUDGET_CNY),
           ("autonomy_budget", "autonomy", "budget", MAX_BUDGET_CNY), ("chip_budget", "chip", "budget", MAX_BUDGET_CNY),
           ("integration_budget", "integration", "budget", MAX_BUDGET_CNY),
           ("services_budget", "services", "budget", MAX_BUDGET_CNY),
           ("charging_budget", "charging", "budget", MAX_BUDGET_CNY))


@dataclass(frozen=True)
class ForkRequest:
    """What to fork: from quarter ``at`` (label), the ``changes`` (``--set`` texts), ``hold``
    (keep them in later quarters)."""

    at: str
    changes: tuple
    hold: bool


def field_names() -> dict:
    """Decision field -> translated label."""
    return {"prices": translate("Replay", "List price"), "production": translate("Replay", "Production target"),
            "capacity_order": translate("Replay", "Capacity ordered"), "shifts": translate("Replay", "Shifts"),
            "marketing_budget": translate("Replay", "Marketing budget"),
            "autonomy_budget": translate("Replay", "Autonomy R&D budget"),
            "chip_budget": translate("Replay", "Chip programme budget"),
            "integration_budget": translate("Replay", "Ecosystem integration budget"),
            "services_budget": translate("Replay", "Connected services budget"),
            "charging_budget": translate("Replay", "Charging budget"), "launches": translate("Replay", "Launch")}


class NumberBox(QDoubleSpinBox):
    """A value in the language's input unit (e.g. 万元), remembering the recorded one."""

    def __init__(self, kind: str, lo: float, hi: float, parent=None):
        super().__init__(parent)
        self.factor, unit = i18n.input_unit(kind)
        self.setDecimals(PLACES.get((kind, i18n.current()), 0))
        self.setRange(lo / self.factor, hi / self.factor)
        self.setGroupSeparatorShown(True)
        self.setSuffix(" " + unit)
        self.setMinimumWidth(190)
        self.recorded = None

    def load(self, value: float) -> None:
        """Show the recorded ``value`` (CNY or units)."""
        self.setValue(value / self.factor)
        self.recorded = self.value()

    @property
    def changed(self) -> bool:
        """True when the shown value differs from the recorded one as shown."""
        return self.recorded is not None and self.value() != self.recorded

    def cny(self) -> float:
        """The value in CNY (or units)."""
        return self.value() * self.factor


class FirmForm(QScrollArea):
    """The form for one firm."""

    def __init__(self, document, firm_id: str, optional: set, parent=None):
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.document, self.firm_id = document, firm_id
        o = document.outcomes
        self.models = [m for m, f in zip(o.model_ids, o.model_firms) if f == firm_id]
        self.optional = [m for m in self.models if m in optional]
        inner = QWidget(self)
        form = QFormLayout(inner)
        names = field_names()
        self.boxes = {}
        for field, _, kind, lo, hi in PER_MODEL:
            for m in self.models:
                box = NumberBox(kind, lo, hi, inner)
                box.setObjectName(f"fork-{firm_id}-{field}-{m}")
                form.addRow(f"{names[field]} · {document.model_name(m)}".replace("&", "&&"), box)
                self.boxes[(field, m)] = box
        shifts = QSpinBox(inner)
        shifts.setRange(1, 3)
        shifts.setObjectName(f"fork-{firm_id}-shifts")
        form.addRow(names["shifts"].replace("&", "&&"), shifts)
        self.shifts = shifts
        for field, _, kind, hi in SCALARS:
            box = NumberBox(kind, 0.0, hi, inner)
            box.setObjectName(f"fork-{firm_id}-{field}")
            form.addRow(names[field].replace("&", "&&"), box)
            self.boxes[(field, None)] = box
        self.launch = {}
        for m in self.optional:
            text = translate("Replay", "Start developing the %1").replace("%1", document.model_name(m))
            check = QCheckBox(text, inner)
            check.setObjectName(f"fork-{firm_id}-launch-{m}")
            form.addRow(names["launches"].replace("&", "&&"), check)
            self.launch[m] = check
        self.setWidget(inner)
        self.recorded_shifts, self.recorded_launches = 1, ()

    def load(self, decision: dict) -> None:
        """Fill the form with a recorded decision (``FirmDecision.to_dict`` form)."""
        for (field, model), box in self.boxes.items():
            value = decision.get(field, {}).get(model, 0.0) if model else decision.get(field, 0.0)
            box.load(float(value))
        self.recorded_shifts = int(decision.get("shifts", 1))
        self.shifts.setValue(self.recorded_shifts)
        self.recorded_launches = tuple(decision.get("launches", ()))
        for m, check in self.launch.items():
            check.setChecked(m in self.recorded_launches)

    def changes(self) -> list:
        """The ``--set`` texts for what differs from the recorded decision."""
        alias = {field: a for field, a, *_ in PER_MODEL + SCALARS}
        out = []
        for (field, model), box in self.boxes.items():
            if box.changed:
                key = f"{self.firm_id}.{alias[field]}" + (f".{model}" if model else "")
                out.append(f"{key}={box.cny():.0f}")
        if self.shifts.value() != self.recorded_shifts:
            out.append(f"{self.firm_id}.shifts={self.shifts.value()}")
        launches = tuple(m for m, check in self.launch.items() if check.isChecked())
        if set(launches) != set(self.recorded_launches):
            out.append(f"{self.firm_id}.launches={','.join(launches)}")
        return out


class ForkDialog(QDialog):
    """Choose the quarter and the changed decisions; :meth:`request` is the result."""

    def __init__(self, document, parent=None):
        super().__init__(parent)
        self.setObjectName("fork-dialog")
        self.document = document
        o = document.outcomes
        self.setWindowTitle(translate("Replay", "What if? Fork from a quarter"))
        self.quarter = QComboBox(self)
        self.quarter.setObjectName("fork-quarter")
        for label in o.quarters:
            self.quarter.addItem(i18n.quarter(label), label)
        self.quarter.setCurrentIndex(document.index)
        intro = QLabel(translate("Replay", "Change any firm's decisions in the chosen quarter. Quarters before it "
                                           "repeat what was played; from it on every computer-played firm decides "
                                           "again, deterministically, and teams keep their recorded decisions."))
        intro.setWordWrap(True)
        self.tabs = QTabWidget(self)
        self.forms = {}
        for firm_id in o.firm_ids:
            form = FirmForm(document, firm_id, document.optional, self)
            self.forms[firm_id] = form
            self.tabs.addTab(form, document.firm_name(firm_id))
        self.hold = QCheckBox(translate("Replay", "Keep the changed values in every later quarter too"), self)
        self.hold.setObjectName("fork-hold")
        self.summary = QLabel(self)
        self.summary.setObjectName("fork-summary")
        self.summary.setWordWrap(True)
        self.summary.setStyleSheet(f"color: {theme.colour('muted')};")
        ok, cancel = QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Cancel
        self.buttons = QDialogButtonBox(ok | cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("Replay", "Run the fork…"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(translate("Replay", "Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        top = QGridLayout()
        top.addWidget(QLabel(translate("Replay", "Fork from")), 0, 0)
        top.addWidget(self.quarter, 0, 1)
        top.setColumnStretch(2, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(intro)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.hold)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)
        self.quarter.currentIndexChanged.connect(self._load)
        for form in self.forms.values():
            for box in form.boxes.values():
                box.valueChanged.connect(self._update)
            form.shifts.valueChanged.connect(self._update)
            for check in form.launch.values():
                check.toggled.connect(self._update)
        start = document.team or document.player
        self.tabs.setCurrentIndex(list(o.firm_ids).index(start))
        self._load()
        self.resize(620, 720)

    def _load(self, *_) -> None:
        decisions = self.document.outcomes.decisions[self.quarter.currentIndex()]
        for firm_id, form in self.forms.items():
            form.load(decisions.get(firm_id, {}))
        self._update()

    def changes(self) -> list:
        """Every ``--set`` text of the form."""
        return [text for form in self.forms.values() for text in form.changes()]

    def request(self) -> ForkRequest:
        """The fork to run."""
        return ForkRequest(self.quarter.currentData(), tuple(self.changes()), self.hold.isChecked())

    def _update(self, *_) -> None:
        changes = self.changes()
        for k, (firm_id, form) in enumerate(self.forms.items()):
            mark = "● " if form.changes() else ""
            self.tabs.setTabText(k, mark + self.document.firm_name(firm_id))
        self.summary.setText(translate("Replay", "Changes: %1").replace("%1", "; ".join(changes)) if changes else
                             translate("Replay", "Change at least one value to fork."))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(changes))
