"""Scenario files: schema, validation and compiled arrays."""

from .load import Scenario, list_scenarios, load_scenario, parse_scenario, scenario_dirs, with_player

__all__ = ["Scenario", "list_scenarios", "load_scenario", "parse_scenario", "scenario_dirs", "with_player"]
