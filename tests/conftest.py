"""Test configuration: Qt runs offscreen; shared scenario fixtures."""

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SCENARIO = ROOT / "scenarios" / "xiaomi-2024.toml"


@pytest.fixture(scope="session")
def scenario():
    """The default scenario, loaded once."""
    from engine.scenario import load_scenario

    return load_scenario(str(DEFAULT_SCENARIO))


class _Quiet:
    """Wraps a scenario so hypothesis does not print its 200 kB repr on failure."""

    def __init__(self, scenario):
        self.scenario = scenario

    def __repr__(self):
        return f"<scenario {self.scenario.id}, {self.scenario.n_quarters} quarters>"


@pytest.fixture(scope="session")
def long_scenario():
    """The default scenario stretched to 44 quarters (2024Q1-2034Q4), wrapped: use ``.scenario``."""
    from engine.scenario import parse_scenario

    text = DEFAULT_SCENARIO.read_text(encoding="utf-8").replace('end = "2027Q4"', 'end = "2034Q4"', 1)
    return _Quiet(parse_scenario(text, "long-test.toml"))
