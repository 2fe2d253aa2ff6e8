"""App test fixtures: real Qt widgets offscreen, settings in a temporary folder per test."""

import gc
import re

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QSettings, QThreadPool


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path_factory, monkeypatch):
    """Every test gets its own QSettings folder and save folder, so nothing leaks between tests or
    into the user's own."""
    folder = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    monkeypatch.setenv("CLOSEDLOOP_SAVE_DIR", str(tmp_path_factory.mktemp("saves")))
    yield folder


@pytest.fixture(autouse=True)
def workers_settle_before_collection():
    """Python's cyclic garbage collector stays off during a test and runs only once every worker
    task has ended and Qt has deleted what was queued for deletion.

    A session a test made without a Qt parent can sit in a reference cycle; collected while Qt is
    deleting one of its tasks, it would delete that task a second time (a crash seen under load).
    The app's own sessions have a parent, so this concerns tests only.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    yield
    QThreadPool.globalInstance().waitForDone()
    if QCoreApplication.instance() is not None:
        QCoreApplication.processEvents()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    if was_enabled:
        gc.enable()
    gc.collect()


@pytest.fixture
def app(qapp):
    """The QApplication set up as the desktop app does (fonts, English, light theme)."""
    from app import i18n
    from app.main import setup

    setup(lang="en", theme_name="light")
    yield qapp
    i18n.install("en")


@pytest.fixture
def session(app, scenario):
    """A session with a fresh default campaign (the scenario's player, normal rivals)."""
    from app.session import Session

    s = Session()
    s.new_game(scenario)
    yield s
    s.cancel_forecast()
    s.wait()


@pytest.fixture
def play(qtbot):
    """``play(session, quarters=1)``: end quarters through the session, waiting for each to resolve."""

    def run(session, quarters: int = 1, timeout: int = 20_000) -> None:
        for _ in range(quarters):
            with qtbot.waitSignal(session.quarterResolved, timeout=timeout):
                assert session.end_quarter()

    return run


@pytest.fixture
def short_scenario(scenario):
    """``short_scenario("2024Q3")``: the default scenario ending then. Events scheduled after the
    new end lose their schedule (a scheduled quarter must lie inside the scenario)."""
    from engine.quarters import parse_quarter
    from engine.scenario import parse_scenario

    def shortened(end: str):
        last = parse_quarter(end)
        text = re.sub(r'(?m)^scheduled = "(\d{4}Q\d)"\n',
                      lambda m: m.group(0) if parse_quarter(m.group(1)) <= last else "", scenario.text)
        return parse_scenario(text.replace('end = "2027Q4"', f'end = "{end}"', 1), "short.toml")
    return shortened
