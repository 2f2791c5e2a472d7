"""Running the reader's own code in child processes for the reliability tests, never without a time limit.

Children run from the project root with Qt offscreen and XDG folders under the test's temp dir,
so they never see the user's settings or cache.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from tests.repo import REPO_ROOT

CHILD_TIMEOUT = 60  # seconds; a child that takes longer is a hang, and the test fails
INDEX_CHILD = ("-m", "tests.reliability.index_child")


def index_child_args(pack: Path, cache: Path, *options: str) -> list[str]:
    """Arguments for `index_child.py` (see there): load `pack`, cache under `cache`, plus `options`."""
    return [*INDEX_CHILD, "--pack", str(pack), "--cache", str(cache), *options]


def child_env(home: Path) -> dict[str, str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        env[var] = str(home / var.lower())
    return env


def run_python(
    args: Sequence[str],
    home: Path,
    *,
    prefix: Sequence[str] = (),
    timeout: float = CHILD_TIMEOUT,
    preexec_fn: Callable[[], None] | None = None,
) -> subprocess.CompletedProcess[str]:
    """`python ARGS` (behind `prefix`, e.g. an `unshare` wrapper) to completion, or TimeoutExpired.
    `preexec_fn` runs in the child before Python starts (e.g. a memory limit)."""
    return subprocess.run(
        [*prefix, sys.executable, *args],
        cwd=REPO_ROOT,
        env=child_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        preexec_fn=preexec_fn,
        check=False,
    )


def spawn_python(args: Sequence[str], home: Path) -> subprocess.Popen[str]:
    """`python ARGS` in the background; the caller must `stop()` it."""
    return subprocess.Popen(
        [sys.executable, *args],
        cwd=REPO_ROOT,
        env=child_env(home),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def stop(process: subprocess.Popen[str], sig: int = signal.SIGKILL) -> tuple[str, str]:
    """Send `sig` (if still running) and collect the output."""
    if process.poll() is None:
        process.send_signal(sig)
    try:
        return process.communicate(timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        process.kill()
        return process.communicate()


def wait_for_file(path: Path, process: subprocess.Popen[str], timeout: float = CHILD_TIMEOUT) -> None:
    """Wait until the child creates `path`; fail at once if it exits first."""
    deadline = time.monotonic() + timeout
    while not path.exists():
        if process.poll() is not None:
            _out, err = process.communicate()
            raise AssertionError(f"child exited with {process.returncode} before {path.name}:\n{err}")
        if time.monotonic() > deadline:
            stop(process)
            raise AssertionError(f"child did not create {path.name} within {timeout} s")
        time.sleep(0.01)


def json_line(stdout: str) -> dict[str, Any]:
    """The child's report: the last line of its output."""
    lines = stdout.strip().splitlines()
    assert lines, "the child printed no report"
    report: dict[str, Any] = json.loads(lines[-1])
    return report
