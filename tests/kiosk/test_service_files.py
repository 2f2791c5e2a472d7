"""The systemd unit and scripts in resources/kiosk: restart policy, start limit, and the
wrapper passing the reader's exit status through cage (a fake cage stands in)."""

from __future__ import annotations

import configparser
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from reader.kiosk.admin import ADMIN_EXIT_STATUS
from reader.resources import resource_path

KIOSK = resource_path("kiosk")
UNIT = KIOSK / "health-reader-kiosk.service"
RUN = KIOSK / "health-reader-kiosk-run"
SESSION = KIOSK / "health-reader-kiosk-session"
FAKE_CAGE = """#!/bin/sh
# Like cage: options, then --, then the client; exits 0 whatever the client did.
while [ "$1" != "--" ]; do shift; done
shift
"$@"
exit 0
"""


def _unit(path: Path) -> configparser.ConfigParser:
    parser = configparser.ConfigParser(strict=False, interpolation=None)
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return parser


def test_the_unit_restarts_the_reader_but_not_after_the_admin_exit() -> None:
    unit = _unit(UNIT)
    service = unit["Service"]
    assert service["Restart"] == "always"
    assert int(service["RestartSec"]) >= 1
    assert service["RestartPreventExitStatus"] == str(ADMIN_EXIT_STATUS)
    assert service["SuccessExitStatus"] == str(ADMIN_EXIT_STATUS)
    assert "--kiosk" in service["ExecStart"]
    assert service["ExecStart"].split()[0].endswith("/health-reader-kiosk-run")


def test_a_crash_loop_is_limited_and_then_retried() -> None:
    unit = _unit(UNIT)["Unit"]
    assert int(unit["StartLimitBurst"]) >= 3
    assert int(unit["StartLimitIntervalSec"]) >= 60
    retry = KIOSK / unit["OnFailure"]
    assert retry.is_file()
    assert "start --no-block health-reader-kiosk.service" in retry.read_text("utf-8")


@pytest.mark.parametrize("script", [RUN, SESSION])
def test_the_scripts_are_executable_posix_shell(script: Path) -> None:
    assert script.stat().st_mode & stat.S_IXUSR
    assert script.read_text("utf-8").startswith("#!/bin/sh\n")
    subprocess.run(["sh", "-n", str(script)], check=True)


def test_the_session_script_knows_the_admin_exit_status() -> None:
    assert f'"$status" = {ADMIN_EXIT_STATUS} ]' in SESSION.read_text("utf-8")


@pytest.fixture
def fake_cage(tmp_path: Path) -> dict[str, str]:
    cage = tmp_path / "cage"
    cage.write_text(FAKE_CAGE, "utf-8")
    cage.chmod(0o755)
    runtime = tmp_path / "run"
    runtime.mkdir()
    return {**os.environ, "CAGE": str(cage), "XDG_RUNTIME_DIR": str(runtime)}


@pytest.mark.skipif(shutil.which("sh") is None, reason="needs a POSIX shell")
@pytest.mark.parametrize(
    ("reader", "status"),
    [
        (f"exit {ADMIN_EXIT_STATUS}", ADMIN_EXIT_STATUS),
        ("exit 0", 0),
        ("exit 3", 3),
        ("kill -KILL $$", 128 + 9),
    ],
)
def test_the_wrapper_exits_with_the_readers_status(
    fake_cage: dict[str, str], reader: str, status: int
) -> None:
    done = subprocess.run([str(RUN), "sh", "-c", reader], env=fake_cage, timeout=30, check=False)
    assert done.returncode == status
    assert list(Path(fake_cage["XDG_RUNTIME_DIR"]).iterdir()) == [], "no status file left behind"


def test_the_wrapper_reports_a_failure_when_cage_itself_fails(
    fake_cage: dict[str, str], tmp_path: Path
) -> None:
    broken = tmp_path / "broken-cage"
    broken.write_text("#!/bin/sh\nexit 0\n", "utf-8")
    broken.chmod(0o755)
    env = {**fake_cage, "CAGE": str(broken)}
    done = subprocess.run(
        [str(RUN), "sh", "-c", f"exit {ADMIN_EXIT_STATUS}"], env=env, timeout=30, check=False
    )
    assert done.returncode == 1, "no reader status: treat as a crash, so systemd restarts"
