"""The new-workshop dialog: scenario, teams and the firms they run (the rest played by AI at a chosen
level), quarters, round timer, what teams may see, and one laptop or the local network."""

from dataclasses import dataclass
from datetime import datetime

from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QGroupBox, QHBoxLayout,
                               QLabel, QLineEdit, QRadioButton, QSpinBox, QTableWidget, QTableWidgetItem, QVBoxLayout)

from engine import ai
from engine.errors import ClosedLoopError
from engine.scenario import list_scenarios
from engine.workshop import Visibility, WorkshopError, WorkshopSettings
from engine.workshop.settings import MAX_NAME, MAX_TEAMS

from .. import i18n, saving, theme
from ..i18n import translate
from ..windows.new_campaign import default_scenario, difficulty_names
from .controller import HOTSEAT, LAN

DEFAULT_ROUND_MINUTES = 30
DEFAULT_QUARTERS = 8
DEFAULT_PORT = 8765


@dataclass(frozen=True)
class WorkshopPlan:
    """What the facilitator chose: the scenario, settings, mode, where to listen, the save file."""

    scenario: object
    settings: WorkshopSettings
    mode: str
    bind: str
    port: int
    path: str


def visibility_names() -> dict:
    """Visibility setting -> (translated label, explanation)."""
    return {"leaderboard": (translate("WorkshopSetup", "Teams see the leaderboard"),
                            translate("WorkshopSetup", "The balanced-scorecard ranking of every firm")),
            "history": (translate("WorkshopSetup", "Teams see rivals' history"),
                        translate("WorkshopSetup", "Rivals' public figures for every past quarter (else the latest only)")),
            "suggestions": (translate("WorkshopSetup", "Teams may ask for an advisor's plan"),
                            translate("WorkshopSetup", "An AI draft of their own decisions")),
            "rival_financials": (translate("WorkshopSetup", "Teams see rivals' financials"),
                                 translate("WorkshopSetup", "Rivals' revenue, operating profit and cash, as listed "
                                           "companies publish them"))}


class SetupDialog(QDialog):
    """Set up a workshop; :meth:`plan` returns the :class:`WorkshopPlan` (after Accept)."""

    def __init__(self, parent=None, scenarios: list | None = None):
        super().__init__(parent)
        self.setObjectName("workshop-setup")
        self.setWindowTitle(translate("WorkshopSetup", "New workshop"))
        self.scenarios = scenarios if scenarios is not None else list_scenarios()
        self.scenario_box = QComboBox(self)
        self.scenario_box.setObjectName("workshop-scenario")
        for s in self.scenarios:
            self.scenario_box.addItem(i18n.text_of(s.info.name), s.id)
        self.scenario_box.setCurrentIndex(self.scenarios.index(default_scenario(self.scenarios)))
        self.teams = QTableWidget(0, 3, self)
        self.teams.setObjectName("workshop-teams")
        self.teams.setHorizontalHeaderLabels([translate("WorkshopSetup", "Firm"), translate("WorkshopSetup", "Played by"),
                                              translate("WorkshopSetup", "Team name (optional)")])
        self.teams.verticalHeader().hide()
        self.teams.horizontalHeader().setStretchLastSection(True)
        self.level = QComboBox(self)
        self.level.setObjectName("workshop-ai-level")
        for level, name in difficulty_names().items():
            self.level.addItem(name, level)
            if level not in ai.POLICIES:
                self.level.model().item(self.level.count() - 1).setEnabled(False)
        self.level.setCurrentIndex(self.level.findData("normal"))
        self.quarters = QSpinBox(self)
        self.quarters.setObjectName("workshop-quarters")
        self.minutes = QSpinBox(self)
        self.minutes.setObjectName("workshop-minutes")
        self.minutes.setRange(0, 24 * 60)
        self.minutes.setValue(DEFAULT_ROUND_MINUTES)
        self.minutes.setSuffix(" " + translate("WorkshopSetup", "min"))
        self.minutes.setSpecialValueText(translate("WorkshopSetup", "no timer"))
        self.missing = QComboBox(self)
        self.missing.setObjectName("workshop-missing")
        self.missing.addItem(translate("WorkshopSetup", "the advisor's plan (AI)"), "ai")
        self.missing.addItem(translate("WorkshopSetup", "its previous decision again"), "carry")
        self.seed = QSpinBox(self)
        self.seed.setObjectName("workshop-seed")
        self.seed.setRange(0, 2**31 - 1)
        self.visibility = {}
        see = QGroupBox(translate("WorkshopSetup", "What teams see"), self)
        column = QVBoxLayout(see)
        defaults = Visibility()
        for key, (label, tip) in visibility_names().items():
            box = QCheckBox(label, see)
            box.setObjectName(f"visibility-{key}")
            box.setToolTip(tip)
            box.setChecked(getattr(defaults, key))
            column.addWidget(box)
            self.visibility[key] = box
        self.hotseat = QRadioButton(translate("WorkshopSetup", "One laptop: teams take turns (“pass the laptop”)"), self)
        self.hotseat.setObjectName("mode-hotseat")
        self.lan = QRadioButton(translate("WorkshopSetup", "Local network: each team joins from its own laptop"), self)
        self.lan.setObjectName("mode-lan")
        self.hotseat.setChecked(True)
        self.bind = QComboBox(self)
        self.bind.setObjectName("workshop-bind")
        self.bind.addItem(translate("WorkshopSetup", "every network of this laptop"), "0.0.0.0")
        self.bind.addItem(translate("WorkshopSetup", "this laptop only (testing)"), "127.0.0.1")
        self.port = QSpinBox(self)
        self.port.setObjectName("workshop-port")
        self.port.setRange(0, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setSpecialValueText(translate("WorkshopSetup", "any free port"))
        self.path = QLineEdit(self)
        self.path.setObjectName("workshop-file")
        self.error = QLabel(self)
        self.error.setObjectName("workshop-error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(f"color: {theme.colour('bad')};")
        top = QFormLayout()
        top.addRow(translate("WorkshopSetup", "Scenario"), self.scenario_box)
        form = QFormLayout()
        form.addRow(translate("WorkshopSetup", "Firms without a team are played by"), self.level)
        form.addRow(translate("WorkshopSetup", "Quarters to play"), self.quarters)
        form.addRow(translate("WorkshopSetup", "Round timer"), self.minutes)
        form.addRow(translate("WorkshopSetup", "A team that does not submit gets"), self.missing)
        form.addRow(translate("WorkshopSetup", "Seed"), self.seed)
        network = QHBoxLayout()
        network.addWidget(QLabel(translate("WorkshopSetup", "Listen on"), self))
        network.addWidget(self.bind, 1)
        network.addWidget(QLabel(translate("WorkshopSetup", "port"), self))
        network.addWidget(self.port)
        form.addRow(translate("WorkshopSetup", "Saved as"), self.path)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(translate("WorkshopSetup", "Start the workshop"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(QLabel("<b>" + translate("WorkshopSetup", "Teams and firms") + "</b>", self))
        layout.addWidget(QLabel(translate("WorkshopSetup", "Tick the firms teams run (up to %1); the other firms are "
                                          "rival AIs.").replace("%1", str(MAX_TEAMS)), self))
        layout.addWidget(self.teams)
        layout.addLayout(form)
        layout.addWidget(see)
        layout.addWidget(self.hotseat)
        layout.addWidget(self.lan)
        layout.addLayout(network)
        layout.addStretch(1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.scenario_box.currentIndexChanged.connect(self._scenario_changed)
        self.lan.toggled.connect(self._mode_changed)
        self._scenario_changed()
        self._mode_changed()
        self.resize(760, 780)

    @property
    def scenario(self):
        """The chosen scenario."""
        return self.scenarios[self.scenario_box.currentIndex()]

    def _scenario_changed(self, *_) -> None:
        sc = self.scenario
        self.teams.setRowCount(len(sc.firms))
        self.team_boxes = {}
        for row, firm in enumerate(sc.firms):
            self.teams.setItem(row, 0, QTableWidgetItem(i18n.text_of(firm.name)))
            box = QCheckBox(translate("WorkshopSetup", "a team"), self.teams)
            box.setObjectName(f"team-{firm.id}")
            box.setChecked(row < 4)
            box.toggled.connect(self.validate)
            self.teams.setCellWidget(row, 1, box)
            name = QLineEdit(self.teams)
            name.setObjectName(f"team-name-{firm.id}")
            name.setMaxLength(MAX_NAME)
            name.textChanged.connect(self.validate)
            self.teams.setCellWidget(row, 2, name)
            self.team_boxes[firm.id] = (box, name)
        self.teams.resizeColumnsToContents()
        self.teams.resizeRowsToContents()
        rows = sum(self.teams.rowHeight(r) for r in range(self.teams.rowCount()))
        self.teams.setFixedHeight(rows + self.teams.horizontalHeader().sizeHint().height() + 6)
        self.quarters.setRange(1, sc.n_quarters)
        self.quarters.setValue(min(DEFAULT_QUARTERS, sc.n_quarters))
        self.seed.setValue(sc.info.default_seed)
        stamp = datetime.now().strftime("%Y%m%d-%H%M")
        try:
            folder = saving.default_save_dir()
        except ClosedLoopError:
            folder = None
        self.path.setText(str(folder / f"workshop-{sc.id}-{stamp}{saving.SUFFIX}") if folder else "")
        self.validate()

    def _mode_changed(self, *_) -> None:
        self.bind.setEnabled(self.lan.isChecked())
        self.port.setEnabled(self.lan.isChecked())

    def settings(self) -> WorkshopSettings:
        """The settings as chosen (WorkshopError naming the problem)."""
        teams = tuple(f for f, (box, _) in self.team_boxes.items() if box.isChecked())
        names = {f: name.text().strip() for f, (box, name) in self.team_boxes.items()
                 if box.isChecked() and name.text().strip()}
        minutes = self.minutes.value()
        settings = WorkshopSettings(teams=teams, seed=self.seed.value(), ai_level=self.level.currentData(),
                                    quarters=self.quarters.value(), round_seconds=60.0 * minutes if minutes else None,
                                    missing=self.missing.currentData(), team_names=names,
                                    visibility=Visibility(**{k: b.isChecked() for k, b in self.visibility.items()}))
        if not teams:
            raise WorkshopError(translate("WorkshopSetup", "Tick at least one firm for a team."))
        if len(teams) > MAX_TEAMS:
            raise WorkshopError(translate("WorkshopSetup", "At most %1 teams.").replace("%1", str(MAX_TEAMS)))
        if len(set(names.values())) != len(names):
            raise WorkshopError(translate("WorkshopSetup", "Two teams have the same name."))
        return settings.check(self.scenario)

    def validate(self, *_) -> bool:
        """Enable Start only for valid settings; say what is wrong."""
        try:
            self.settings()
            problem = ""
        except WorkshopError as exc:
            problem = str(exc)
        self.error.setText(problem)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problem)
        return not problem

    def plan(self) -> WorkshopPlan:
        """The facilitator's choice."""
        return WorkshopPlan(self.scenario, self.settings(), LAN if self.lan.isChecked() else HOTSEAT,
                            self.bind.currentData(), self.port.value(), self.path.text().strip())
