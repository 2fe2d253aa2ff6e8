"""Languages: the zh_CN translation is complete, switching rebuilds the windows in Chinese, CJK fonts."""

import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QAbstractButton, QGroupBox, QLabel, QTabWidget

from app import i18n, resources, settings

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "app" / "translations" / "closedloop_zh_CN.ts"
CJK = re.compile(r"[\u4e00-\u9fff]")
LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# visible text that stays Latin in Chinese: numbers with units, model and firm names, technical terms
ALLOWED = re.compile(r"^(PNG|\?|L3.*|SU7|YU7|Model [3Y]|ONVO.*|MONA.*|P7\+|XPeng.*|NIO.*|AITO.*|BYD.*|Li Auto.*|"
                     r"Tesla.*|English|简体中文|Ctrl\+.*|F1|xiaomi-2024)$")


def _messages():
    root = ET.parse(TS).getroot()
    for ctx in root.iter("context"):
        for m in ctx.iter("message"):
            yield ctx.find("name").text, m.find("source").text, m.find("translation")


def test_every_string_has_a_finished_chinese_translation():
    messages = list(_messages())
    assert len(messages) > 300
    for context, source, translation in messages:
        assert translation.get("type") is None, f"{context}: {source!r} is {translation.get('type')}"
        assert translation.text and translation.text.strip(), f"{context}: {source!r} is empty"
        if LATIN_WORD.search(source) and not ALLOWED.match(source) and context not in ("Charts",):
            assert CJK.search(translation.text), f"{context}: {source!r} -> {translation.text!r}"
        for placeholder in re.findall(r"%\d", source):
            assert placeholder in translation.text, f"{context}: {source!r} lost {placeholder}"


def test_the_translation_file_lists_every_string_in_the_code(tmp_path):
    lupdate = ROOT / ".venv" / "bin" / "pyside6-lupdate"
    if not lupdate.exists():
        lupdate = shutil.which("pyside6-lupdate")
    assert lupdate, "pyside6-lupdate is part of PySide6 and must be installed"
    copy = tmp_path / "check.ts"
    shutil.copy(TS, copy)
    sources = sorted(str(p) for p in (ROOT / "app").rglob("*.py"))
    out = subprocess.run([str(lupdate), *sources, "-no-obsolete", "-locations", "none", "-ts", str(copy)],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "0 new" in out.stdout, "strings missing from the .ts: run bash tools/i18n.sh and translate them\n" + out.stdout
    qm = TS.with_suffix(".qm")
    assert qm.exists() and qm.stat().st_mtime >= TS.stat().st_mtime - 1, "the .qm is older than the .ts: run tools/i18n.sh"


def test_chinese_renders_with_a_real_font(app):
    family = resources.ensure_cjk_font(force_bundled=True)
    assert family == resources.CJK_FAMILY
    assert QFontDatabase.WritingSystem.SimplifiedChinese in QFontDatabase.writingSystems(family)
    assert resources.asset_path(resources.BUNDLED_FONT) is not None


def visible_texts(window) -> list:
    """Texts a player can see: labels, buttons, group titles, tab titles, menu and toolbar actions."""
    texts = []
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and label.text().strip():
            texts.append(re.sub(r"<[^>]+>", " ", label.text()))
    for button in window.findChildren(QAbstractButton):
        if button.isVisibleTo(window) and button.text().strip():
            texts.append(button.text())
    for box in window.findChildren(QGroupBox):
        texts.append(box.title())
    for tabs in window.findChildren(QTabWidget):
        texts += [tabs.tabText(i) for i in range(tabs.count())]
    for action in window.menuBar().actions():
        texts.append(action.text())
        texts += [a.text() for a in action.menu().actions() if a.text()]
    return texts


def untranslated(texts: list) -> list:
    """Texts with an English word and no Chinese character (names and units allowed)."""
    out = []
    for text in texts:
        words = [w for w in LATIN_WORD.findall(text) if not ALLOWED.match(w)]
        stripped = text.strip()
        if words and not CJK.search(text) and not ALLOWED.match(stripped):
            out.append(stripped)
    return out


def test_switching_language_rebuilds_the_window_in_chinese(app, session, qtbot, play):
    from app.shell import Shell

    settings.put("report/auto_open", False)
    shell = Shell()
    window = shell.play(session)
    qtbot.addWidget(window)
    play(session, 2)
    english = visible_texts(window)
    assert "&Game" in english and not any(CJK.search(t) for t in english if "闭环" not in t)
    assert len(untranslated(english)) > 30, "the check below must be able to see English text"
    settings.put("language", "zh_CN")
    shell.rebuild()
    chinese_window = shell.main
    qtbot.addWidget(chinese_window)
    assert chinese_window is not window and chinese_window.session is session
    assert i18n.current() == "zh_CN"
    texts = visible_texts(chinese_window)
    assert "游戏(&G)" in texts
    assert untranslated(texts) == []
    assert "万" in chinese_window.status_cash.text() or "亿" in chinese_window.status_cash.text()
    report = chinese_window.open_report()
    assert untranslated(visible_texts_dialog(report)) == []
    settings.put("language", "en")
    shell.rebuild()
    qtbot.addWidget(shell.main)
    assert shell.main.menuBar().actions()[0].text() == "&Game"


def visible_texts_dialog(dialog) -> list:
    """Labels, buttons, combo items and rich-text browsers of a dialog."""
    from PySide6.QtWidgets import QComboBox, QTextBrowser

    texts = [re.sub(r"<[^>]+>", " ", lb.text()) for lb in dialog.findChildren(QLabel) if lb.isVisibleTo(dialog)]
    texts += [b.text() for b in dialog.findChildren(QAbstractButton) if b.isVisibleTo(dialog)]
    for box in dialog.findChildren(QComboBox):
        texts += [box.itemText(i) for i in range(box.count())]
    for browser in dialog.findChildren(QTextBrowser):
        texts += [line for line in browser.toPlainText().splitlines()]
    return [t for t in texts if t.strip()]


def test_dialogs_are_translated(app, session):
    from app.widgets.explain import ExplainDialog
    from app.windows.help import HelpDialog
    from app.windows.new_campaign import NewCampaignDialog
    from app.windows.settings_dialog import SettingsDialog
    from app.windows.start import StartWindow
    from app.shell import Shell

    i18n.install("zh_CN")
    try:
        for dialog in (NewCampaignDialog(), SettingsDialog(), HelpDialog(), StartWindow(Shell()),
                       ExplainDialog(session, "cash")):
            dialog.show()
            texts = visible_texts_dialog(dialog)
            assert texts and untranslated(texts) == [], (type(dialog).__name__, untranslated(texts))
            dialog.close()
    finally:
        i18n.install("en")


@pytest.mark.parametrize("locale, expected", [("en_US.UTF-8", "en"), ("zh_CN.UTF-8", "zh_CN")])
def test_system_language_is_followed_when_no_choice_is_saved(locale, expected):
    code = ("import sys; from PySide6.QtCore import QCoreApplication; app = QCoreApplication([]); "
            "from app import i18n, settings; print(settings.get('language'), i18n.install(settings.get('language')))")
    env = {**os.environ, "LC_ALL": locale, "LANG": locale, "LANGUAGE": "", "XDG_CONFIG_HOME": "/nonexistent-closedloop"}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60, cwd=ROOT)
    assert out.returncode == 0, out.stderr[-500:]
    assert out.stdout.split() == ["system", expected]
