"""``closedloop host`` in a subprocess: codes file, a real join, clean exit on signals, bad input."""

import json
import queue
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from engine.workshop.client import WorkshopClient

ROOT = Path(__file__).resolve().parents[2]
STARTUP_SECONDS = 30


class HostProcess:
    """``closedloop host ...`` running in the background; stdout lines arrive on a queue."""

    def __init__(self, *args):
        self.proc = subprocess.Popen([sys.executable, "-m", "engine.cli", "host", *args], cwd=ROOT,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        self.lines: queue.Queue = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self):
        for line in self.proc.stdout:
            self.lines.put(line)

    def url(self) -> str:
        try:
            line = self.lines.get(timeout=STARTUP_SECONDS)
        except queue.Empty:
            raise AssertionError(f"the host printed nothing: {self.stop()}") from None
        match = re.search(r"ws://[\d.]+:(\d+)", line)
        assert match, line
        return f"ws://127.0.0.1:{match.group(1)}"

    def stop(self, sig=None):
        if sig is not None and self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            self.proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise AssertionError("the host did not stop") from None
        finally:
            self.reader.join(timeout=5)
            stderr = self.proc.stderr.read()
            self.proc.stdout.close()
            self.proc.stderr.close()
        return self.proc.returncode, stderr


@pytest.mark.parametrize("sig", [signal.SIGINT, signal.SIGTERM])
def test_host_cli_writes_codes_accepts_a_join_and_stops_cleanly(tmp_path, sig):
    codes = tmp_path / "codes.json"
    host = HostProcess("--scenario", "xiaomi-2024", "--teams", "xiaomi,byd", "--bind", "127.0.0.1", "--port", "0",
                       "--codes", str(codes), "--seed", "3", "--ai-level", "normal", "--quarters", "4")
    try:
        url = host.url()
        data = json.loads(codes.read_text(encoding="utf-8"))
        assert set(data) == {"xiaomi", "byd"} and all(re.fullmatch(r"[A-Z2-9]{6}", c) for c in data.values())
        with WorkshopClient(url, timeout=10) as client:
            welcome = client.join(data["byd"])
            assert welcome["team"] == "byd" and welcome["view"]["session"]["quarter"] == "2024Q1"
            assert client.submit(client.suggest())["quarter"] == "2024Q1"
    finally:
        code, stderr = host.stop(sig)
    assert code == 0, stderr
    assert stderr == ""


def test_host_cli_exits_by_itself_when_the_workshop_ends(tmp_path):
    codes, state, facilitator = tmp_path / "codes.json", tmp_path / "state.json", tmp_path / "fac.json"
    host = HostProcess("--scenario", "xiaomi-2024", "--teams", "nio", "--port", "0", "--codes", str(codes),
                       "--quarters", "1", "--state", str(state), "--facilitator-code", str(facilitator))
    try:
        url = host.url()
        with WorkshopClient(url, timeout=10) as fac, WorkshopClient(url, timeout=10) as team:
            assert fac.join(json.loads(facilitator.read_text())["facilitator"])["role"] == "facilitator"
            team.join(json.loads(codes.read_text())["nio"])
            fac.control("inject", event="recall", target="nio")
            team.submit(team.suggest())
            results = team.wait_for("results")
            assert "recall" in {n["id"] for n in results["view"]["news"]}
            assert team.wait_for("finished")["leaderboard"]
    finally:
        code, stderr = host.stop()
    assert code == 0, stderr
    saved = json.loads(state.read_text(encoding="utf-8"))
    assert saved["phase"] == "finished" and len(saved["quarters"]) == 1


@pytest.mark.parametrize("args, fragment", [
    (["--teams", "xiaomi,ford"], "--teams: 'ford'"),
    (["--teams", "xiaomi,xiaomi"], "--teams: a firm is listed twice"),
    (["--teams", ","], "--teams"),
    (["--teams", "xiaomi", "--port", "70000"], "--port"),
    (["--teams", "xiaomi", "--quarters", "40"], "--quarters"),
    (["--teams", "xiaomi", "--round-seconds", "nan"], "--round-seconds"),
    (["--teams", "xiaomi", "--bind", "203.0.113.9"], "cannot listen on 203.0.113.9"),
    (["--teams", "xiaomi", "--codes", "/nonexistent/dir/codes.json"], "cannot write"),
    (["--teams", "xiaomi", "--scenario", "atlantis"], "unknown scenario"),
    (["--codes", "x.json"], "--teams"),
])
def test_host_cli_bad_input_exits_2_with_one_line(tmp_path, args, fragment):
    base = {"--scenario": "xiaomi-2024", "--codes": str(tmp_path / "c.json"), "--port": "0"}
    given = dict(zip(args[::2], args[1::2]))
    argv = [x for k, v in {**base, **given}.items() for x in (k, v)]
    out = subprocess.run([sys.executable, "-m", "engine.cli", "host", *argv], cwd=ROOT, capture_output=True,
                         text=True, timeout=60, check=False)
    assert out.returncode == 2, out.stderr
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in out.stderr and fragment in lines[0], out.stderr
    assert not (tmp_path / "c.json").exists() or "--codes" in given


def test_host_cli_is_listed_in_help():
    out = subprocess.run([sys.executable, "-m", "engine.cli", "--help"], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, check=False)
    assert out.returncode == 0 and "host" in out.stdout
