"""Decision pages for budgets: autonomy and chip, ecosystem, marketing, finance."""

from PySide6.QtWidgets import QCheckBox

from engine.decisions import MAX_BUDGET_CNY

from .. import consequences, i18n
from ..draft import value_of
from ..i18n import translate
from .decision_pages import warn
from .fields import FormPage, note_label

DEFAULT_CHIP_BUDGET = 5e8


def level_name(level: float) -> str:
    """Autonomy capability in words (0-5)."""
    names = (translate("Autonomy", "Driver assistance"), translate("Autonomy", "Driver assistance"),
             translate("Autonomy", "Highway NOA"), translate("Autonomy", "City NOA"),
             translate("Autonomy", "Nationwide end-to-end"), translate("Autonomy", "L3"))
    return names[int(min(max(level, 0.0), 5.0))]


def _budget_tip(text: str) -> str:
    return text + " " + translate("Decisions", "Allowed: 0 to %1 per quarter.").replace("%1", i18n.money(MAX_BUDGET_CNY))


class _FirmPage(FormPage):
    def firm_value(self, field: str) -> float:
        """A state field of the player's firm at the start of this quarter."""
        return float(getattr(self.session.game.state, field)[0, self.session.scenario.firm_index(self.session.player)])

    def last(self, metric: str) -> float | None:
        """Last quarter's reported ``metric`` of the player's firm (None before the first quarter)."""
        values = self.session.history.firm(metric)
        return float(values[-1, self.session.scenario.firm_index(self.session.player)]) if len(values) else None


class AutonomyPage(_FirmPage):
    """Autonomy R&D budget and the in-house chip programme."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        form = self.form(translate("Decisions", "Autonomy R&D"), "autonomy")
        self.field(form, "autonomy_budget", translate("Decisions", "Autonomy budget"), "budget", _budget_tip(translate(
            "Decisions", "Pays the autonomy team (engineers and compute). Progress grows with the square root of the "
            "team and with your fleet's driving data.")))
        self.separator()
        form = self.form(translate("Decisions", "In-house chip"), "chip")
        self.chip = QCheckBox(translate("Decisions", "Run the chip programme"), self)
        self.chip.setObjectName("field-chip-on")
        self.chip.setToolTip(translate("Decisions", "A multi-quarter bet: success becomes likely once cumulative "
                                       "spend passes a threshold; it cuts hardware cost and adds capability."))
        self.chip.toggled.connect(self._toggle_chip)
        form.addRow(self.chip)
        self.field(form, "chip_budget", translate("Decisions", "Chip budget"), "budget", _budget_tip(translate(
            "Decisions", "Spend on the in-house autonomy chip this quarter (0 pauses the programme; past spend is kept).")))
        self._last_chip = DEFAULT_CHIP_BUDGET
        self._refresh_if_ready()

    def _toggle_chip(self, on: bool) -> None:
        if not on:
            self._last_chip = self.session.draft.chip_budget or self._last_chip
        self.session.propose("chip_budget", self._last_chip if on else 0.0, translate("Decisions", "Chip programme"))

    def refresh(self) -> None:
        mp = self.session.scenario.model
        budget = self.session.draft.autonomy_budget
        level = self.firm_value("autonomy")
        self.fields["autonomy_budget"].set_note(translate(
            "Decisions", "Funds about %1 engineers (team now %2). Capability %3 — %4.").replace(
            "%1", i18n.number(budget / mp.engineer_cost_cny)).replace("%2", i18n.number(self.firm_value("team"))).replace(
            "%3", i18n.number(level, 2)).replace("%4", level_name(level)))
        self.chip.blockSignals(True)
        self.chip.setChecked(self.session.draft.chip_budget > 0)
        self.chip.blockSignals(False)
        spent = self.firm_value("chip_spend")
        if self.firm_value("chip_done") > 0:
            text = translate("Decisions", "Your chip is done: hardware cost is lower. Further spend is not needed.")
        else:
            text = translate("Decisions", "Spent so far %1; success becomes possible after %2.").replace(
                "%1", i18n.money(spent)).replace("%2", i18n.money(mp.chip_min_spend_cny))
        self.fields["chip_budget"].set_note(text)


class EcosystemPage(_FirmPage):
    """Ecosystem bets: integration, services, charging and the phone-car bundle."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        form = self.form(translate("Decisions", "Ecosystem bets"), "ecosystem_users")
        self.field(form, "integration_budget", translate("Decisions", "OS, phone and home integration"), "budget",
                   _budget_tip(translate("Decisions", "Raises integration with your device ecosystem: households in "
                                         "it value your cars more, and more owners subscribe to services.")))
        form = self.form(translate("Decisions", "Connected services"), "services")
        self.field(form, "services_budget", translate("Decisions", "Services budget"), "budget", _budget_tip(translate(
            "Decisions", "Subscriptions, apps and ADAS packages: raises revenue per connected car.")))
        self.field(form, "bundle_subsidy", translate("Decisions", "Phone–car bundle subsidy"), "per_car", translate(
            "Decisions", "Discount on ecosystem devices for each new car owner: ecosystem households like it and buy "
            "more devices. Allowed: 0 to 100,000 CNY per car."))
        form = self.form(translate("Decisions", "Charging network"), "charging")
        self.field(form, "charging_budget", translate("Decisions", "Charging budget"), "budget", _budget_tip(translate(
            "Decisions", "Builds your charging network; buyers value it up to a ceiling.")))
        self.separator()
        form = self.form(translate("Decisions", "Closed loop"), "closed_loop")
        self.loop_note = note_label(self)
        self.loop_note.setObjectName("closed-loop-note")
        form.addRow(self.loop_note)
        self._refresh_if_ready()

    def refresh(self) -> None:
        self.fields["integration_budget"].set_note(translate("Decisions", "Integration now %1.").replace(
            "%1", i18n.percent(self.firm_value("integration"))))
        attach, loop = self.last("attach_rate"), self.last("closed_loop_ratio")
        text = translate("Decisions", "Services quality now %1.").replace("%1", i18n.percent(self.firm_value("services_quality")))
        if attach is not None:
            text += " " + translate("Decisions", "Last quarter %1 of cars on the road paid for services.").replace(
                "%1", i18n.percent(attach))
        self.fields["services_budget"].set_note(text)
        if loop is None:
            self.loop_note.setText(translate(
                "Decisions", "The share of your gross profit that comes from services and ecosystem devices (the "
                "closed-loop ratio) shows here after the first quarter."))
        else:
            self.loop_note.setText(translate(
                "Decisions", "Last quarter %1 of your gross profit came from services and ecosystem devices "
                "(ecosystem gross profit %2).").replace("%1", i18n.percent(loop)).replace(
                "%2", i18n.money(self.last("ecosystem_gross_profit_cny"))))


class MarketingPage(_FirmPage):
    """Brand building."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        form = self.form(translate("Decisions", "Marketing"), "brand")
        self.field(form, "marketing_budget", translate("Decisions", "Brand budget"), "budget", _budget_tip(translate(
            "Decisions", "Builds brand equity with diminishing returns; brand decays every quarter without it and "
            "lifts the price buyers find credible.")))
        self._refresh_if_ready()

    def refresh(self) -> None:
        self.fields["marketing_budget"].set_note(translate(
            "Decisions", "Brand equity now %1 (0 unknown, 2 iconic); credible price %2.").replace(
            "%1", i18n.number(self.firm_value("brand"), 2)).replace("%2", i18n.money(self.firm_value("ceiling"))))


class FinancePage(_FirmPage):
    """Parent support, equity and debt."""

    def __init__(self, session, parent=None):
        super().__init__(session, parent)
        form = self.form(translate("Decisions", "Financing"), "financing")
        self.field(form, "parent_draw", translate("Decisions", "Draw on parent support"), "finance", translate(
            "Decisions", "Money from the parent group, within its quarterly cap and the remaining line."))
        self.field(form, "equity_raise", translate("Decisions", "Raise equity"), "finance", translate(
            "Decisions", "New shares, within the quarterly cap, less the issuance fee."))
        self.field(form, "borrow", translate("Decisions", "Borrow (negative repays)"), "finance", translate(
            "Decisions", "New bank debt up to a multiple of annual revenue; a negative amount repays debt from cash. "
            "Interest is paid every quarter."))
        self._refresh_if_ready()

    def refresh(self) -> None:
        room = consequences.finance_room(self.session.game, self.session.player)
        draft = self.session.draft
        if room["parent_left"] > 0:
            text = translate("Decisions", "Available this quarter: %1 (line left %2).").replace(
                "%1", i18n.money(room["parent"])).replace("%2", i18n.money(room["parent_left"]))
            if draft.parent_draw > room["parent"]:
                text += " " + warn(translate("Decisions", "Only the available amount will be granted."))
        else:
            text = translate("Decisions", "No parent support left in this scenario.")
        self.fields["parent_draw"].set_note(text)
        self.fields["parent_draw"].setEnabled(room["parent_left"] > 0 or value_of(draft, "parent_draw") > 0)
        if room["equity"] > 0:
            text = translate("Decisions", "Up to %1 this quarter; fee %2.").replace("%1", i18n.money(room["equity"])).replace(
                "%2", i18n.percent(room["equity_fee"]))
        else:
            text = translate("Decisions", "Your firm cannot raise equity in this scenario.")
        self.fields["equity_raise"].set_note(text)
        self.fields["equity_raise"].setEnabled(room["equity"] > 0 or draft.equity_raise > 0)
        text = translate("Decisions", "Cash %1, debt %2; room for new debt %3 at %4 a year.").replace(
            "%1", i18n.money(room["cash"])).replace("%2", i18n.money(room["debt"])).replace(
            "%3", i18n.money(room["debt_room"])).replace("%4", i18n.percent(room["interest_rate"]))
        if draft.borrow > room["debt_room"]:
            text += " " + warn(translate("Decisions", "Banks will lend only up to the room."))
        self.fields["borrow"].set_note(text)
