"""The offline promise proven on the running program: the whole reader used, in its own process,
with every network socket refused (see offline_scenario.py), and the guard itself shown to work."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from tests.reliability.offline_scenario import IMPORTED_BY, explained
from tests.reliability.procs import run_python

pytestmark = pytest.mark.slow

ABSENT = ("PySide6.QtNetwork", "PySide6.QtWebEngine", "requests")
STEPS = (
    "window shown",
    "search index ready",
    "searched 'balloon': 1 result",
    "opened the first result",
    "clicked a comparison cell",
    "exported 3 references as RIS",
    "saved the topic as PDF",
    "quit",
)


def test_the_whole_reader_runs_with_the_network_unplugged(tmp_path: Path) -> None:
    report_path = tmp_path / "report.json"
    done = run_python(
        ["-m", "tests.reliability.offline_scenario", str(report_path), str(tmp_path)], tmp_path, timeout=240
    )
    assert report_path.exists(), done.stderr
    report = json.loads(report_path.read_text(encoding="utf-8"))
    findings = {key: report[key] for key in ("error", "attempts", "network_sockets", "network_modules")}
    assert done.returncode == 0, f"{json.dumps(findings, indent=1)}\n{done.stderr}"
    assert report["error"] == "" and report["exit_status"] == 0
    steps = report["steps"]
    assert len(steps) == len(STEPS), steps
    assert all(step.startswith(start) for step, start in zip(steps, STEPS, strict=True)), steps
    assert report["attempts"] == []  # nothing asked for a network socket, a connection or a name
    assert report["network_sockets"] == []  # nor opened one from C++ (checked after every step)
    # libQt6Network was never loaded, except as a link dependency of QtTextToSpeech (read aloud
    # probes its engine after the first paint; Qt6TextToSpeech -> Qt6Multimedia -> Qt6Network)
    assert report["qt_network_library"] is False or report["speech_loaded"] is True
    modules = report["network_modules"]
    assert not [name for name in modules if name.startswith(ABSENT)]
    # Only what Whoosh's compat module drags in (never called), each from the expected place.
    assert set(modules) <= set(IMPORTED_BY)
    assert all(explained(name, importer) for name, importer in modules.items()), modules
    assert (tmp_path / "references.ris").read_text(encoding="utf-8").startswith("TY  - ")
    assert (tmp_path / "handout.pdf").read_bytes().startswith(b"%PDF-")
    assert "Fatal Python error" not in done.stderr and "Traceback" not in done.stderr


GUARD_CHECK = """
import _socket, json, socket, sys, urllib.request
from tests.reliability.offline_scenario import attempts, open_network_sockets, unplug_network
unplug_network()
result = {}
try:
    urllib.request.urlopen("http://192.0.2.1/", timeout=1)
except OSError as exc:
    result["urlopen"] = str(exc)
try:
    socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
except OSError as exc:
    result["udp6"] = str(exc)
left, right = socket.socketpair()  # local: still allowed
left.sendall(b"x")
result["socketpair"] = right.recv(1).decode()
below = [_socket.socket(socket.AF_INET, kind) for kind in (socket.SOCK_STREAM, socket.SOCK_DGRAM)]
for made in below:  # made below the guard, as C++ code would; then used
    made.bind(("127.0.0.1", 0))
below[0].listen(1)
result["seen_below_the_guard"] = len(open_network_sockets())
result["attempts"] = len(attempts)
print(json.dumps(result))
"""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/net")
def test_the_guard_refuses_and_records_network_use_and_allows_local_sockets(tmp_path: Path) -> None:
    done = run_python(["-c", GUARD_CHECK], tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert "must not use the network" in result["urlopen"]
    assert "must not use the network" in result["udp6"]
    assert result["attempts"] == 2
    assert result["socketpair"] == "x"
    assert result["seen_below_the_guard"] == 2
