"""A LAN team's decision editor, built from its view (a team's app has no game of its own).

It reuses the app's decision fields (:class:`~app.widgets.fields.NumberField`: units per language,
undoable edits, the reason under a refused value) over :class:`LanDraft`, which checks each value
against the scenario when this computer has it (the host checks every submission again). The
notes under the fields come from the team's own books in the view.
"""

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel

from engine.decisions import BUDGETS

from .. import i18n
from ..i18n import translate
from ..widgets.fields import FormPage, note_label, titled_label
from .drafts import DraftEditing


def local_scenario(scenario_id: str):
    """The scenario ``scenario_id`` if this computer has it (for checking values as they are typed)."""
    from engine.errors import ClosedLoopError
    from engine.scenario import load_scenario

    try:
        return load_scenario(scenario_id)
    except (ClosedLoopError, OSError):
        return None


class LanDraft(DraftEditing, QObject):
    """A team's draft in its own app, shaped like the session the decision fields expect."""

    draftChanged = Signal()

    def __init__(self, team: str, draft, scenario=None, parent=None):
        super().__init__(parent)
        self.player, self.draft, self.scenario = team, draft, scenario
        self.game = None                       # the fields refresh from the draft alone
        self.busy = False
        self.undo_stack = QUndoStack(self)

    def closed(self) -> bool:
        """True while the round is not open for decisions."""
        return self.busy

    def reset(self, decision) -> None:
        """Start a new round's draft (forgets the undo history)."""
        self.undo_stack.clear()
        self.apply_draft(decision)

    def apply_draft(self, decision) -> None:
        """Make ``decision`` the draft (the undo commands call this)."""
        self.draft = decision
        self.draftChanged.emit()


class TeamForm(FormPage):
    """Every decision of the team's firm on one scrolling page."""

    def __init__(self, draft: LanDraft, view: dict, parent=None):
        super().__init__(draft, parent)
        self.setObjectName("team-form")
        models = view["firm"]["models"]
        name = lambda m: m["name"]["zh" if i18n.is_chinese() else "en"]
        form = self.section(translate("Decisions", "Pricing"))
        for m in models:
            self.field(form, f"prices.{m['id']}", name(m) + " " + translate("Decisions", "List price"), "price",
                       translate("Decisions", "List price before incentives."))
            self.field(form, f"incentives.{m['id']}", name(m) + " " + translate("Decisions", "Incentive this quarter"),
                       "per_car", translate("Decisions", "Discount per car this quarter only (at most half the price)."))
        self.separator()
        form = self.section(translate("Decisions", "Production targets"))
        for m in models:
            self.field(form, f"production.{m['id']}", name(m), "units", translate("Decisions", "Cars to build this quarter."))
        self.shifts = QComboBox(self)
        self.shifts.setObjectName("field-shifts")
        for n in (1, 2, 3):
            self.shifts.addItem(translate("WorkshopTeam", "%1 shift(s)").replace("%1", str(n)), n)
        self.shifts.activated.connect(lambda i: draft.propose("shifts", self.shifts.itemData(i),
                                                              translate("Decisions", "Shifts")))
        form.addRow(QLabel(translate("Decisions", "Shifts worked")), self.shifts)
        self.field(form, "capacity_order", translate("Decisions", "Order new capacity"), "units",
                   translate("Decisions", "One-shift capacity (cars per quarter) to start building now."))
        self.separator()
        form = self.section(translate("WorkshopTeam", "Budgets"))
        labels = {"autonomy_budget": translate("Decisions", "Autonomy budget"),
                  "chip_budget": translate("Decisions", "Chip budget"),
                  "integration_budget": translate("Decisions", "OS, phone and home integration"),
                  "services_budget": translate("Decisions", "Services budget"),
                  "charging_budget": translate("Decisions", "Charging budget"),
                  "marketing_budget": translate("Decisions", "Brand budget")}
        for key in BUDGETS:
            self.field(form, key, labels[key], "budget", labels[key])
        self.field(form, "bundle_subsidy", translate("Decisions", "Phone–car bundle subsidy"), "per_car",
                   translate("Decisions", "Phone–car bundle subsidy"))
        self.separator()
        form = self.section(translate("Decisions", "Financing"))
        for key, label in (("parent_draw", translate("Decisions", "Draw on parent support")),
                           ("equity_raise", translate("Decisions", "Raise equity")),
                           ("borrow", translate("Decisions", "Borrow (negative repays)"))):
            self.field(form, key, label, "finance", label)
        self.launch_boxes = {}
        options = [m for m in models if m["optional"]]
        if options:
            self.separator()
            form = self.section(translate("Decisions", "New models"))
            for m in options:
                box = QCheckBox(translate("Decisions", "Start developing the %1").replace("%1", name(m)), self)
                box.setObjectName(f"field-launches.{m['id']}")
                box.toggled.connect(lambda on, mid=m["id"], b=box: draft.propose(f"launches.{mid}", on, b.text()))
                form.addRow(box)
                self.launch_boxes[m["id"]] = box
        self.books = note_label(self)
        self.box.addWidget(self.books)
        self.view = view
        self.refresh()
        draft.draftChanged.connect(self.refresh)

    def section(self, title: str) -> QFormLayout:
        """A titled section's form layout (no help button: a team's app may lack the scenario)."""
        self.box.addWidget(titled_label(title))
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.box.addLayout(form)
        return form

    def set_view(self, view: dict) -> None:
        """New figures from the host (notes and which launches are still possible)."""
        self.view = view
        self.refresh()

    def refresh(self) -> None:
        """Show the draft's shifts and launches and the team's books as notes."""
        draft, view = self.session.draft, self.view
        if draft is None:
            return
        self.shifts.setCurrentIndex(self.shifts.findData(draft.shifts))
        own = view["own"]["books"]
        for model_id, box in self.launch_boxes.items():
            books = own["models"].get(model_id, {})
            started = (books.get("launched") or 0) > 0 or (books.get("launch_at") if books.get("launch_at") is not None
                                                           else -1) >= 0
            box.blockSignals(True)
            box.setChecked(started or model_id in draft.launches)
            box.setEnabled(not started)
            box.blockSignals(False)
        for m in view["firm"]["models"]:
            books = own["models"].get(m["id"], {})
            field = self.fields.get(f"production.{m['id']}")
            if field is not None and books:
                field.set_note(translate("Decisions", "Last quarter: orders %1, backlog %2, inventory %3.").replace(
                    "%1", i18n.compact(books.get("orders_last"))).replace("%2", i18n.compact(books.get("backlog")))
                    .replace("%3", i18n.compact(books.get("inventory"))))
        self.books.setText(translate("WorkshopTeam", "Now: cash %1, debt %2, one-shift capacity %3 cars/quarter, brand "
                                     "%4, credible price %5, autonomy %6.").replace("%1", i18n.money(own["cash"]))
                           .replace("%2", i18n.money(own["debt"])).replace("%3", i18n.compact(own["capacity"]))
                           .replace("%4", i18n.number(own["brand"], 2)).replace("%5", i18n.money(own["ceiling"]))
                           .replace("%6", i18n.number(own["autonomy"], 2)))
