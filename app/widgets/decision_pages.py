"""Decision pages for products: pricing per model, production and capacity, launches."""

from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel

from engine.decisions import MAX_PRICE_CNY, MAX_UNITS, MIN_PRICE_CNY
from engine.quarters import quarter_label

from .. import consequences, i18n, theme
from ..draft import value_of
from ..i18n import translate
from .fields import FormPage, help_link, note_label

BIG_PRICE_MOVE = 0.3


def _q(game, offset: int) -> str:
    return i18n.quarter(quarter_label(game.scenario.info.start + offset))


def warn(text: str) -> str:
    """Rich text for a warning note."""
    return f"<span style='color:{theme.colour('warn')}'>{text}</span>"


class PricingPage(FormPage):
    """List price and incentive per model, with unit cost and margin at this price."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        game = session.game
        for j, m in consequences.own_models(game, session.player):
            name = i18n.text_of(m.name)
            form = self.form(name, "margin_per_car", m.id)
            price_label, incentive_label = translate("Decisions", "List price"), translate("Decisions", "Incentive this quarter")
            price = self.field(form, f"prices.{m.id}", price_label, "price", translate(
                "Decisions", "List price of the %1 before incentives. Buyers weigh it against rivals' prices; above "
                "your brand's credible price demand falls faster. Allowed: %2 to %3 CNY.")
                .replace("%1", name).replace("%2", i18n.number(MIN_PRICE_CNY)).replace("%3", i18n.number(MAX_PRICE_CNY)),
                f"{name} {price_label}")
            price.model_index = j
            self.field(form, f"incentives.{m.id}", incentive_label, "per_car", translate(
                "Decisions", "Discount per car on the %1, this quarter only (at most half the list price). Raises "
                "orders now without moving the list price rivals react to.").replace("%1", name),
                f"{name} {incentive_label}")
            self.separator()
        self.box.addWidget(help_link(session, "price", translate("Decisions", "How do rivals set their prices?"), self))
        self._refresh_if_ready()

    def refresh(self) -> None:
        game, draft = self.session.game, self.session.draft
        cost = consequences.unit_costs(game)
        ceiling = game.state.ceiling[0, game.scenario.firm_index(self.session.player)]
        for j, m in consequences.own_models(game, self.session.player):
            price = value_of(draft, f"prices.{m.id}")
            margin = price - value_of(draft, f"incentives.{m.id}") - cost[j]
            text = translate("Decisions", "Unit cost ≈ %1 → margin %2 per car (%3).").replace(
                "%1", i18n.money(cost[j])).replace("%2", i18n.money(margin)).replace("%3", i18n.percent(margin / max(price, 1.0)))
            if price > ceiling:
                text += " " + warn(translate("Decisions", "Above your brand's credible price (%1): fewer buyers will pay it.")
                                   .replace("%1", i18n.money(ceiling)))
            now = game.state.price[0, j]
            if abs(price / max(now, 1.0) - 1.0) > BIG_PRICE_MOVE:
                text += " " + warn(translate("Decisions", "A big move from today's %1.").replace("%1", i18n.money(now)))
            if game.state.launched[0, j] <= 0:
                text += " " + translate("Decisions", "Not on sale yet.")
            self.fields[f"prices.{m.id}"].set_note(text)


class ProductionPage(FormPage):
    """Production targets, shifts and capacity expansion."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        game = session.game
        targets = translate("Decisions", "Production targets")
        form = self.form(targets, "deliveries_capacity")
        for j, m in consequences.own_models(game, session.player):
            self.field(form, f"production.{m.id}", i18n.text_of(m.name), "units", translate(
                "Decisions", "Cars of this model to build this quarter. Targets above what the plants can build are "
                "scaled down; cars built and not sold wait in inventory at a holding cost. Allowed: 0 to %1.")
                .replace("%1", i18n.number(MAX_UNITS)),
                f"{i18n.text_of(m.name)} {targets}")
        self.usage = note_label(self)
        self.box.addWidget(self.usage)
        self.separator()
        form = self.form(translate("Decisions", "Shifts"), "shifts")
        self.shifts = QComboBox(self)
        self.shifts.setObjectName("field-shifts")
        mult = game.scenario.arrays.shift_output
        for n in (1, 2, 3):
            self.shifts.addItem(translate("Decisions", "%1 shift(s) — ×%2 output").replace("%1", str(n))
                                .replace("%2", i18n.number(mult[n - 1], 1)), n)
        tip = translate("Decisions", "More shifts multiply output from the same plants; labour is paid per shift "
                        "whether or not the cars sell.")
        self.shifts.setToolTip(tip)
        self.shifts.activated.connect(lambda i: self.session.propose("shifts", self.shifts.itemData(i),
                                                                     translate("Decisions", "Shifts")))
        caption = QLabel(translate("Decisions", "Shifts worked"))
        caption.setToolTip(tip)
        form.addRow(caption, self.shifts)
        self.labour = note_label(self)
        self.box.addWidget(self.labour)
        self.separator()
        form = self.form(translate("Decisions", "Capacity expansion"), "capacity_order")
        self.field(form, "capacity_order", translate("Decisions", "Order new capacity"), "units", translate(
            "Decisions", "One-shift capacity (cars per quarter) to start building now. It arrives after the "
            "construction lead time, then ramps up; capex is paid while it is built. Allowed: 0 to %1.")
            .replace("%1", i18n.number(MAX_UNITS)))
        self.pipeline = note_label(self)
        self.box.addWidget(self.pipeline)
        self._refresh_if_ready()

    def refresh(self) -> None:
        game, draft, player = self.session.game, self.session.draft, self.session.player
        info = consequences.capacity(game, player, draft.shifts)
        self.shifts.setCurrentIndex(self.shifts.findData(draft.shifts))
        planned = 0.0
        for j, m in consequences.own_models(game, player):
            target = value_of(draft, f"production.{m.id}")
            state = game.state
            text = translate("Decisions", "Last quarter: orders %1, backlog %2, inventory %3.").replace(
                "%1", i18n.compact(state.orders_last[0, j])).replace("%2", i18n.compact(state.backlog[0, j])).replace(
                "%3", i18n.compact(state.inventory[0, j]))
            if state.launched[0, j] <= 0 and state.launch_at[0, j] != game.t:
                text += " " + warn(translate("Decisions", "Not on sale this quarter: nothing will be built."))
            else:
                planned += target
            self.fields[f"production.{m.id}"].set_note(text)
        usage = translate("Decisions", "Plan: %1 of %2 cars the plants can build this quarter (%3).").replace(
            "%1", i18n.compact(planned)).replace("%2", i18n.compact(info["output"])).replace(
            "%3", i18n.percent(planned / max(info["output"], 1.0)))
        if planned > info["output"] * 1.0001:
            usage += " " + warn(translate("Decisions", "Targets will be scaled down to capacity."))
        self.usage.setText(usage)
        self.labour.setText(translate("Decisions", "Labour and plant cost this quarter: %1.").replace(
            "%1", i18n.money(info["labour"])))
        order = draft.capacity_order
        lines = []
        if order > 0:
            lead, ramp = info["lead"], len(game.scenario.arrays.ramp)
            capex = order * info["capex_per_unit"]
            lines.append(translate("Decisions", "Arrives in %1 (lead time %2 quarters), at full output from %3. Capex %4, "
                                   "%5 per quarter while building.").replace("%1", _q(game, game.t + lead)).replace(
                "%2", str(lead)).replace("%3", _q(game, game.t + lead + ramp)).replace("%4", i18n.money(capex)).replace(
                "%5", i18n.money(capex / max(lead, 1))))
        arrivals = ", ".join(translate("Decisions", "%1 in %2").replace("%1", i18n.compact(u)).replace(
            "%2", _q(game, game.t + i)) for i, u in info["arrivals"])
        lines.append(translate("Decisions", "One-shift capacity now: %1. Under construction: %2.").replace(
            "%1", i18n.compact(info["nameplate"])).replace("%2", arrivals or translate("Decisions", "none")))
        advice = self.session.advice
        if advice is not None and advice.capacity_order > 0:
            lines[-1] += " " + translate("Decisions", "Your advisor would order %1 this quarter.").replace(
                "%1", i18n.compact(advice.capacity_order))
        self.fields["capacity_order"].set_note(lines[0] if order > 0 else "")
        self.pipeline.setText(lines[-1])


class LaunchesPage(FormPage):
    """Start developing optional models the scenario offers."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        game = session.game
        self.boxes = {}
        options = [(j, m) for j, m in consequences.own_models(game, session.player) if m.optional]
        form = self.form(translate("Decisions", "New models"), "launches")
        if not options:
            form.addRow(QLabel(translate("Decisions", "This scenario offers your firm no new models to launch.")))
        for j, m in options:
            box = QCheckBox(translate("Decisions", "Start developing the %1").replace("%1", i18n.text_of(m.name)), self)
            box.setObjectName(f"field-launches.{m.id}")
            box.setToolTip(translate("Decisions", "Development costs %1 over %2 quarters; the model then goes on sale "
                                     "with launch orders. Once started it cannot be stopped.")
                           .replace("%1", i18n.money(m.dev_cost_cny)).replace("%2", str(m.dev_quarters)))
            box.toggled.connect(lambda on, mid=m.id, b=box: self.session.propose(f"launches.{mid}", on, b.text()))
            note = note_label(self)
            form.addRow(box)
            form.addRow(note)
            self.boxes[m.id] = (j, box, note)
        self._refresh_if_ready()

    def refresh(self) -> None:
        game, draft = self.session.game, self.session.draft
        for model_id, (j, box, note) in self.boxes.items():
            status, at = consequences.launch_status(game, j)
            m = game.scenario.models[j]
            box.blockSignals(True)
            box.setChecked(status != "available" or value_of(draft, f"launches.{model_id}"))
            box.setEnabled(status == "available" and not self.session.finished)
            box.blockSignals(False)
            if status == "on_sale":
                text = translate("Decisions", "On sale.")
            elif status == "developing":
                text = translate("Decisions", "In development: on sale from %1.").replace("%1", _q(game, at))
            else:
                text = translate("Decisions", "Cost %1 over %2 quarters; if started now, on sale from %3 with about %4 "
                                 "launch orders.").replace("%1", i18n.money(m.dev_cost_cny)).replace(
                    "%2", str(m.dev_quarters)).replace("%3", _q(game, at)).replace("%4", i18n.compact(m.hype_orders))
            note.setText(text)
