"""The New campaign dialog: scenario (story and objectives), company, difficulty, seed."""

import random

from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel, QPushButton,
                               QSpinBox, QTextBrowser, QVBoxLayout)

from engine import ai
from engine.errors import ClosedLoopError
from engine.quarters import quarter_label
from engine.scenario import list_scenarios

from .. import i18n
from ..i18n import translate

DEFAULT_SCENARIO = "xiaomi-2024"


def difficulty_names() -> dict:
    """AI level -> translated name."""
    return {"easy": translate("NewCampaign", "Easy"), "normal": translate("NewCampaign", "Normal"),
            "hard": translate("NewCampaign", "Hard")}


def default_scenario(scenarios: list):
    """The default campaign's scenario: ``xiaomi-2024`` when installed, else the first one."""
    return next((s for s in scenarios if s.id == DEFAULT_SCENARIO), scenarios[0])


class NewCampaignDialog(QDialog):
    """Choose the campaign; :meth:`choice` returns ``(scenario, firm id, level, seed)``."""

    def __init__(self, parent=None, scenarios: list | None = None):
        super().__init__(parent)
        self.setObjectName("new-campaign")
        self.setWindowTitle(translate("NewCampaign", "New campaign"))
        try:
            self.scenarios = scenarios if scenarios is not None else list_scenarios()
        except ClosedLoopError as exc:
            self.scenarios = []
            self.error = str(exc)
        self.scenario_box = QComboBox(self)
        self.scenario_box.setObjectName("scenario")
        for s in self.scenarios:
            self.scenario_box.addItem(i18n.text_of(s.info.name), s.id)
        self.firm_box = QComboBox(self)
        self.firm_box.setObjectName("firm")
        self.level_box = QComboBox(self)
        self.level_box.setObjectName("difficulty")
        for level, name in difficulty_names().items():
            self.level_box.addItem(name, level)
            if level not in ai.POLICIES:
                index = self.level_box.count() - 1
                self.level_box.model().item(index).setEnabled(False)
                self.level_box.setItemText(index, name + " " + translate("NewCampaign", "(not available yet)"))
        self.level_box.setCurrentIndex(self.level_box.findData("normal"))
        self.level_box.setToolTip(translate("NewCampaign", "How the rival AIs play: easy heuristics, normal best "
                                            "responses, or hard look-ahead over many futures."))
        self.seed = QSpinBox(self)
        self.seed.setObjectName("seed")
        self.seed.setRange(0, 2_000_000_000)
        self.seed.setToolTip(translate("NewCampaign", "The same seed and the same decisions give the same game."))
        dice = QPushButton(translate("NewCampaign", "Random"), self)
        dice.clicked.connect(lambda: self.seed.setValue(random.randrange(1_000_000)))
        seed_row = QHBoxLayout()
        seed_row.addWidget(self.seed, 1)
        seed_row.addWidget(dice)
        self.story = QTextBrowser(self)
        self.story.setObjectName("story")
        form = QFormLayout()
        form.addRow(translate("NewCampaign", "Scenario"), self.scenario_box)
        form.addRow(translate("NewCampaign", "Your company"), self.firm_box)
        form.addRow(translate("NewCampaign", "Rivals' difficulty"), self.level_box)
        form.addRow(translate("NewCampaign", "Seed"), seed_row)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("NewCampaign", "Start"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.story, 1)
        if not self.scenarios:
            layout.addWidget(QLabel(translate("NewCampaign", "No scenarios found: %1").replace("%1", getattr(self, "error", ""))))
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)
        layout.addWidget(self.buttons)
        self.scenario_box.currentIndexChanged.connect(self._scenario_changed)
        self.firm_box.currentIndexChanged.connect(self._show_story)
        if self.scenarios:
            self.scenario_box.setCurrentIndex(self.scenarios.index(default_scenario(self.scenarios)))
            self._scenario_changed()
        self.resize(640, 560)

    def scenario(self):
        """The chosen scenario."""
        return self.scenarios[self.scenario_box.currentIndex()]

    def _scenario_changed(self, *_):
        s = self.scenario()
        self.firm_box.blockSignals(True)
        self.firm_box.clear()
        for firm in s.firms:
            self.firm_box.addItem(i18n.text_of(firm.name), firm.id)
        self.firm_box.setCurrentIndex(s.firm_ids.index(s.info.player))
        self.firm_box.blockSignals(False)
        self.seed.setValue(s.info.default_seed)
        self._show_story()

    def _show_story(self, *_):
        s = self.scenario()
        objectives = "".join(f"<li>{i18n.text_of(o.text)}</li>" for o in s.objectives)
        span = translate("NewCampaign", "%1 to %2, %3 quarters").replace("%1", i18n.quarter(quarter_label(s.info.start))) \
            .replace("%2", i18n.quarter(quarter_label(s.info.end))).replace("%3", str(s.n_quarters))
        note = ""
        if self.firm_box.currentData() != s.info.player:
            note = "<p><i>" + translate("NewCampaign", "Objectives aimed at the player apply to the company you "
                                        "choose.") + "</i></p>"
        heading = translate("NewCampaign", "Objectives")
        self.story.setHtml(f"<h3>{i18n.text_of(s.info.name)}</h3><p>{span}</p><p>{i18n.text_of(s.info.story)}</p>"
                           f"<h4>{heading}</h4><ul>{objectives}</ul>{note}")

    def choice(self) -> tuple:
        """``(scenario, firm id, AI level, seed)`` as chosen."""
        return self.scenario(), self.firm_box.currentData(), self.level_box.currentData(), self.seed.value()
