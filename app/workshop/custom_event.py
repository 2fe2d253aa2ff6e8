"""The custom-event editor: an id, a bilingual headline, a duration and the effects, each with
its allowed range (from :class:`engine.scenario.schema.Effects`), checked before use."""

import re
from dataclasses import fields

from PySide6.QtWidgets import QDoubleSpinBox, QFormLayout, QGridLayout, QLabel, QLineEdit, QSpinBox, QWidget

from engine.errors import DecisionError
from engine.injections import ID_PATTERN, MAX_DURATION, MAX_HEADLINE, CustomEvent
from engine.scenario.schema import Effects
from engine.workshop import WorkshopError

from ..i18n import translate

PERCENT = ("demand", "price_sensitivity", "capacity", "export_tariff", "hw_cost")


def effect_names() -> dict:
    """Effect field -> (translated label, translated explanation)."""
    return {
        "demand": (translate("Effects", "Market size"), translate("Effects", "Change of potential buyers while it runs")),
        "subsidy_cny": (translate("Effects", "Consumer subsidy"), translate("Effects", "CNY per car bought while it runs")),
        "price_sensitivity": (translate("Effects", "Price sensitivity"), translate("Effects", "Change of how much buyers "
                              "care about price while it runs")),
        "capacity": (translate("Effects", "Output of the target"), translate("Effects", "Change of the target's plant "
                     "output while it runs")),
        "autonomy_cap": (translate("Effects", "Autonomy cap"), translate("Effects", "Highest autonomy level firms may "
                         "sell while it runs (5 = no cap)")),
        "regulation": (translate("Effects", "Regulation"), translate("Effects", "Change of the regulatory ceiling in "
                       "levels while it runs (positive = approvals)")),
        "export_tariff": (translate("Effects", "Export orders lost"), translate("Effects", "Share of export orders lost "
                          "while it runs")),
        "hw_cost": (translate("Effects", "Autonomy hardware cost"), translate("Effects", "Change of autonomy hardware "
                    "cost while it runs")),
        "lithium": (translate("Effects", "Lithium price shock"), translate("Effects", "Log shock to the lithium price "
                    "when it starts (0.2 ≈ +22%)")),
        "brand": (translate("Effects", "Brand of the target"), translate("Effects", "Change of the target's brand "
                  "equity when it starts")),
        "autonomy": (translate("Effects", "Autonomy of the target"), translate("Effects", "Change of the target's "
                     "autonomy capability in levels when it starts")),
        "recall_cny_per_car": (translate("Effects", "Recall cost"), translate("Effects", "CNY per car of the target's "
                               "installed base when it starts")),
    }


class CustomEventEditor(QWidget):
    """Fields of a custom event; :meth:`definition` returns the validated dict."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("custom-event")
        self.ident = QLineEdit("custom-", self)
        self.ident.setObjectName("custom-id")
        self.ident.setToolTip(translate("Effects", "Lower-case letters, digits and dashes, e.g. custom-port-strike"))
        self.headline_en = QLineEdit(self)
        self.headline_en.setObjectName("custom-headline-en")
        self.headline_en.setMaxLength(MAX_HEADLINE)
        self.headline_en.setPlaceholderText("Dock strike at Shanghai port")
        self.headline_zh = QLineEdit(self)
        self.headline_zh.setObjectName("custom-headline-zh")
        self.headline_zh.setMaxLength(MAX_HEADLINE)
        self.headline_zh.setPlaceholderText("上海港码头罢工")
        self.duration = QSpinBox(self)
        self.duration.setObjectName("custom-duration")
        self.duration.setRange(1, MAX_DURATION)
        self.duration.setSuffix(" " + translate("Effects", "quarter(s)"))
        form = QFormLayout()
        form.addRow(translate("Effects", "Id"), self.ident)
        form.addRow(translate("Effects", "Headline (English)"), self.headline_en)
        form.addRow(translate("Effects", "Headline (Chinese)"), self.headline_zh)
        form.addRow(translate("Effects", "Lasts"), self.duration)
        grid = QGridLayout()
        self.effects = {}
        names = effect_names()
        for i, f in enumerate(fields(Effects)):
            lo, hi = f.metadata["lo"], f.metadata["hi"]
            box = QDoubleSpinBox(self)
            box.setObjectName(f"effect-{f.name}")
            scale = 100.0 if f.name in PERCENT else 1.0
            box.setDecimals(0 if f.name.endswith("_cny") or scale == 100.0 else 2)
            box.setRange(lo * scale, hi * scale)
            box.setSingleStep(5.0 if scale == 100.0 else 1000.0 if f.name.endswith("_cny") else 0.1)
            box.setValue(f.default * scale)
            if scale == 100.0:
                box.setSuffix(" %")
            label, tip = names[f.name]
            box.setToolTip(tip)
            caption = QLabel(label, self)
            caption.setToolTip(tip)
            grid.addWidget(caption, i // 2, 2 * (i % 2))
            grid.addWidget(box, i // 2, 2 * (i % 2) + 1)
            self.effects[f.name] = (box, scale, f.default)
        layout = QFormLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addRow(form)
        layout.addRow(QLabel("<b>" + translate("Effects", "Effects") + "</b>", self))
        layout.addRow(grid)

    def set_values(self, ident: str, en: str, zh: str, effects: dict, duration: int = 1) -> None:
        """Fill the editor (tests and examples)."""
        self.ident.setText(ident)
        self.headline_en.setText(en)
        self.headline_zh.setText(zh)
        self.duration.setValue(duration)
        for name, (box, scale, default) in self.effects.items():
            box.setValue(effects.get(name, default) * scale)

    def definition(self) -> dict:
        """The custom event as a dict, checked (WorkshopError with a translated line otherwise)."""
        ident = self.ident.text().strip()
        if not ID_PATTERN.match(ident):
            raise WorkshopError(translate("Effects", "Id: use lower-case letters, digits and dashes (at most 40), "
                                          "e.g. custom-port-strike."))
        en, zh = self.headline_en.text().strip(), self.headline_zh.text().strip()
        if not en or not zh:
            raise WorkshopError(translate("Effects", "Give the headline in both English and Chinese: every team "
                                          "reads it in its own language."))
        effects = {}
        for name, (box, scale, default) in self.effects.items():
            value = round(box.value() / scale, 6)
            if value != default:
                effects[name] = value
        if not effects:
            raise WorkshopError(translate("Effects", "Set at least one effect: this event would change nothing."))
        raw = {"id": ident, "headline": {"en": en, "zh": zh}, "effects": effects, "duration": self.duration.value()}
        try:
            CustomEvent.from_dict(raw)
        except DecisionError as exc:
            raise WorkshopError(re.sub(r"^custom event\.", "", str(exc))) from None
        return raw
