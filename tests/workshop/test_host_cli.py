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


def test_host_cli_saves_and_resumes_a_workshop(tmp_path):
    from engine.saves import load_workshop, read_metadata

    codes, save = tmp_path / "codes.json", tmp_path / "w.closedloop"
    host = HostProcess("--scenario", "xiaomi-2024", "--teams", "nio", "--port", "0", "--codes", str(codes),
                       "--quarters", "2", "--save", str(save))
    try:
        with WorkshopClient(host.url(), timeout=10) as team:
            team.join(json.loads(codes.read_text())["nio"])
            team.submit(team.suggest())
            assert team.wait_for("results")["quarter"] == "2024Q1"
            assert team.predict(40_000, -1e9, "second round")["quarter"] == "2024Q2"
    finally:
        code, stderr = host.stop(signal.SIGINT)
    assert code == 0, stderr
    meta = read_metadata(save)
    assert meta.workshop and meta.quarters_played == 1
    assert load_workshop(save).predictions                   # saved at exit with the open round
    old = json.loads(codes.read_text())["nio"]
    host = HostProcess("--resume", str(save), "--port", "0", "--codes", str(codes))
    try:
        with WorkshopClient(host.url(), timeout=10) as team:
            fresh = json.loads(codes.read_text())["nio"]
            assert fresh != old
            view = team.join(fresh)["view"]
            assert view["session"]["quarter"] == "2024Q2" and view["prediction"]["rationale"] == "second round"
            team.submit(team.suggest())
            team.wait_for("finished")
    finally:
        code, stderr = host.stop()
    assert code == 0, stderr
    resumed = load_workshop(save)
    assert resumed.phase == "finished" and resumed.resolved == 2


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
    (["--resume", "missing.closedloop"], "--scenario: not allowed with --resume"),
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


def test_host_cli_resume_needs_a_workshop_save(tmp_path):
    def run(*argv):
        return subprocess.run([sys.executable, "-m", "engine.cli", "host", *argv, "--codes", str(tmp_path / "c.json"),
                               "--port", "0"], cwd=ROOT, capture_output=True, text=True, timeout=60, check=False)

    out = run("--resume", str(tmp_path / "missing.closedloop"))
    assert out.returncode == 2 and "no such file" in out.stderr and len(out.stderr.strip().splitlines()) == 1
    golden = ROOT / "tests" / "saves" / "golden" / "v1.closedloop"
    out = run("--resume", str(golden))
    assert out.returncode == 2 and "not a workshop save" in out.stderr


def test_host_cli_is_listed_in_help():
    out = subprocess.run([sys.executable, "-m", "engine.cli", "--help"], cwd=ROOT, capture_output=True, text=True,
                         timeout=60, check=False)
    assert out.returncode == 0 and "host" in out.stdout


def test_host_cli_on_every_interface_prints_this_machines_addresses(tmp_path):
    from engine.workshop.addresses import host_urls, lan_addresses

    assert host_urls("127.0.0.1", 5) == ["ws://127.0.0.1:5"] and host_urls("::1", 5) == ["ws://[::1]:5"]
    assert "0.0.0.0" not in lan_addresses("0.0.0.0") and lan_addresses("0.0.0.0")
    codes = tmp_path / "codes.json"
    host = HostProcess("--scenario", "xiaomi-2024", "--teams", "xiaomi", "--bind", "0.0.0.0", "--port", "0",
                       "--codes", str(codes), "--quarters", "1")
    try:
        line = host.lines.get(timeout=STARTUP_SECONDS)
        assert "ws://0.0.0.0" not in line and "every interface of this machine" in line, line
        port = re.search(r"ws://[\d.]+:(\d+)", line).group(1)
        assert f"ws://{lan_addresses('0.0.0.0')[0]}:{port}" in line
        with WorkshopClient(f"ws://127.0.0.1:{port}", timeout=10) as client:
            assert client.join(json.loads(codes.read_text())["xiaomi"])["team"] == "xiaomi"
    finally:
        code, stderr = host.stop(signal.SIGTERM)
    assert code == 0 and stderr == "", stderr
