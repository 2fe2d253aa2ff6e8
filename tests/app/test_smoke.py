"""The real app in a subprocess: ``closedloop selftest`` and a plain launch to the start window."""

import os
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[2]
LAUNCH = [sys.executable, "-m", "app.launcher"]


def _env(tmp_path, **extra):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path),
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    env.update(extra)
    return env


def test_selftest_writes_screenshots_and_exits_zero(tmp_path, qapp):
    out = tmp_path / "shots"
    result = subprocess.run(LAUNCH + ["selftest", "--out", str(out), "--lang", "zh_CN", "--futures", "200"],
                            capture_output=True, text=True, timeout=240, env=_env(tmp_path), cwd=tmp_path)
    assert result.returncode == 0, result.stderr[-2000:]
    pngs = sorted(out.glob("*.png"))
    assert [p.name for p in pngs] == ["01-main.png", "02-preview.png", "03-report.png", "04-explain.png"]
    for png in pngs:
        image = QImage(str(png))
        assert not image.isNull() and image.width() >= 800, png
    assert "selftest: ok (zh_CN)" in result.stdout


def test_selftest_fails_with_a_reason(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    result = subprocess.run(LAUNCH + ["selftest", "--out", str(blocker / "shots")], capture_output=True, text=True,
                            timeout=120, env=_env(tmp_path), cwd=tmp_path)
    assert result.returncode == 1
    assert result.stderr.startswith("selftest: ") and "Traceback" not in result.stderr


def test_the_app_starts_to_its_start_window(tmp_path):
    env = _env(tmp_path)
    proc = subprocess.Popen(LAUNCH, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
    log = tmp_path / "data" / "ClosedLoop" / "Closed Loop" / "closedloop.log"
    try:
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and proc.poll() is None:
            if log.exists() and "start window shown" in log.read_text(encoding="utf-8"):
                break
            time.sleep(0.1)
        assert proc.poll() is None, proc.communicate()[1][-2000:]
        assert log.exists() and "start window shown" in log.read_text(encoding="utf-8")
    finally:
        proc.terminate()
        proc.communicate(timeout=30)
