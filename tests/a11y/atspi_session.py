"""The reader as a screen reader meets it on Linux: started under Xvfb on a private D-Bus session
with the AT-SPI bus and Qt's accessibility bridge on, its tree read through the platform API by
tests/a11y/atspi_dump.py under the system Python (python3-pyatspi).

    .venv/bin/python -m tests.a11y.atspi_session [APP_ARGS...]   # prints a summary of the tree

Needs the Debian packages xvfb, dbus-x11, at-spi2-core and python3-pyatspi (scripts/bootstrap.sh
installs them for `test`).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from contextlib import ExitStack, contextmanager, suppress
from pathlib import Path
from typing import Any

from tests.repo import REPO_ROOT

SYSTEM_PYTHON = "/usr/bin/python3"
BUS_LAUNCHERS = ("/usr/libexec/at-spi-bus-launcher", "/usr/lib/at-spi2-core/at-spi-bus-launcher")
DUMP = REPO_ROOT / "tests" / "a11y" / "atspi_dump.py"
START_TIMEOUT = 60.0  # seconds until the app's tree shows the article
ARTICLE_WORDS = "Vertebroplasty and kyphoplasty are surgeries"

Node = dict[str, Any]


def bus_launcher() -> str | None:
    return next((path for path in BUS_LAUNCHERS if os.access(path, os.X_OK)), None)


def missing_tools() -> list[str]:
    """What this machine lacks to run the check (Debian package names)."""
    missing = []
    if shutil.which("Xvfb") is None:
        missing.append("xvfb")
    if shutil.which("dbus-launch") is None:
        missing.append("dbus-x11")
    if bus_launcher() is None:
        missing.append("at-spi2-core")
    probe = [SYSTEM_PYTHON, "-c", "import pyatspi"]
    if not os.access(SYSTEM_PYTHON, os.X_OK) or subprocess.run(probe, capture_output=True).returncode:
        missing.append("python3-pyatspi")
    return missing


def _free_display() -> int:
    for number in range(90, 200):
        if not Path(f"/tmp/.X11-unix/X{number}").exists() and not Path(f"/tmp/.X{number}-lock").exists():
            return number
    raise RuntimeError("no free X display number")


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


def _session_bus(env: dict[str, str]) -> tuple[dict[str, str], int]:
    """A private D-Bus session bus: its environment and the daemon's pid."""
    out = subprocess.run(["dbus-launch", "--sh-syntax"], env=env, capture_output=True, text=True, check=True)
    values = {}
    for line in out.stdout.splitlines():
        if "=" in line:
            key, _, value = line.partition("=")
            values[key.strip()] = value.split(";")[0].strip().strip("'")
    return {"DBUS_SESSION_BUS_ADDRESS": values["DBUS_SESSION_BUS_ADDRESS"]}, int(
        values["DBUS_SESSION_BUS_PID"]
    )


def dump(env: dict[str, str]) -> dict[str, Any]:
    """The reader's tree now, read by the system Python through AT-SPI."""
    done = subprocess.run(
        [SYSTEM_PYTHON, str(DUMP), "health"], env=env, capture_output=True, text=True, timeout=60
    )
    try:
        return dict(json.loads(done.stdout))
    except json.JSONDecodeError:
        return {"error": f"no tree: {done.stderr.strip()[-500:]}"}


def walk(node: Node) -> Iterator[Node]:
    yield node
    for child in node["children"]:
        yield from walk(child)


def has_article(tree: dict[str, Any]) -> bool:
    return "tree" in tree and any(ARTICLE_WORDS in (n["text"] or "") for n in walk(tree["tree"]))


@contextmanager
def reader_under_atspi(home: Path, app_args: Sequence[str] = ()) -> Iterator[dict[str, str]]:
    """Run the reader with accessibility on; yields the environment a reader of the tree needs."""
    display = _free_display()
    base = {key: value for key, value in os.environ.items() if not key.startswith(("QT_", "DBUS_", "XDG_"))}
    base.update(DISPLAY=f":{display}", PYTHONDONTWRITEBYTECODE="1", NO_AT_BRIDGE="0")
    for var in ("XDG_CONFIG_HOME", "XDG_CACHE_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME"):
        base[var] = str(home / var.lower())
    base["XDG_RUNTIME_DIR"] = str(home / "runtime")
    (home / "runtime").mkdir(mode=0o700, parents=True, exist_ok=True)
    with ExitStack() as stack:
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL}
        xvfb = subprocess.Popen(
            ["Xvfb", f":{display}", "-screen", "0", "1366x768x24", "-nolisten", "tcp"], **quiet
        )
        stack.callback(_stop, xvfb)
        deadline = time.monotonic() + 10
        while not Path(f"/tmp/.X11-unix/X{display}").exists() and time.monotonic() < deadline:
            time.sleep(0.1)
        bus_env, bus_pid = _session_bus(base)
        stack.callback(lambda: _kill(bus_pid))
        env = {**base, **bus_env}
        launcher = subprocess.Popen(
            [bus_launcher() or "at-spi-bus-launcher", "--launch-immediately"], env=env, **quiet
        )
        stack.callback(_stop, launcher)
        app_env = {
            **env,
            "QT_QPA_PLATFORM": "xcb",
            "QT_LINUX_ACCESSIBILITY_ALWAYS_ON": "1",
            "QT_ACCESSIBILITY": "1",
        }
        log = open(home / "app.log", "wb")  # noqa: SIM115 - closed by the exit stack
        stack.callback(log.close)
        app = subprocess.Popen(
            [sys.executable, "main.py", "--theme", "light", *app_args],
            cwd=REPO_ROOT,
            env=app_env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        stack.callback(_stop, app)
        deadline = time.monotonic() + START_TIMEOUT
        while not has_article(dump(env)):
            if app.poll() is not None or time.monotonic() > deadline:
                tail = (home / "app.log").read_text("utf-8", "replace")[-2000:]
                raise RuntimeError(f"the reader's article never appeared on the AT-SPI bus; its log:\n{tail}")
            time.sleep(0.5)
        yield env


def _kill(pid: int) -> None:
    with suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)


# --- what the check looks for --------------------------------------------------------------------

INTERACTIVE_ROLES = {
    "push button",
    "check box",
    "radio button",
    "combo box",
    "text",
    "entry",
    "password text",
    "page tab",
    "menu item",
    "toggle button",
    "slider",
    "spin button",
    "list",
    "tree",
    "table",
    "tree table",
    "list box",
    "page tab list",
    "tool bar",
    "scroll bar",
}


def focusable_showing(tree: Node) -> list[Node]:
    return [n for n in walk(tree) if "focusable" in n["states"] and "showing" in n["states"]]


def unnamed(nodes: list[Node]) -> list[str]:
    """Focusable controls a screen reader would announce without a name, or with no role."""
    return [
        f"{n['role']} {n['name']!r}"
        for n in nodes
        if not n["name"].strip() or n["role"] in ("unknown", "invalid", "")
    ]


def summary(tree: dict[str, Any]) -> str:
    """A few lines for docs/accessibility.md: what the tree holds."""
    root = tree["tree"]
    nodes = list(walk(root))
    focusable = focusable_showing(root)
    roles: dict[str, int] = {}
    for node in focusable:
        roles[node["role"]] = roles.get(node["role"], 0) + 1
    tabs = [n["name"] for n in nodes if n["role"] == "page tab"]
    texts = [n for n in nodes if n["text_length"] > 1000]
    lines = [
        f"application {tree['app']!r}: {len(nodes)} accessible objects, "
        f"{len(focusable)} focusable and showing",
        "focusable by role: " + ", ".join(f"{role} {count}" for role, count in sorted(roles.items())),
        f"focusable without a name: {unnamed(focusable) or 'none'}",
        f"page tabs: {tabs}",
        *(f"text: {n['role']} {n['name']!r}, {n['text_length']} characters" for n in texts),
    ]
    return "\n".join(lines)


def main(argv: Sequence[str]) -> int:
    lacking = missing_tools()
    if lacking:
        print(f"missing: apt-get install {' '.join(lacking)}", file=sys.stderr)
        return 2
    with tempfile.TemporaryDirectory(prefix="atspi-") as tmp, reader_under_atspi(Path(tmp), argv) as env:
        tree = dump(env)
        print(summary(tree))
        if "--json" in os.environ.get("ATSPI_DUMP", ""):
            print(json.dumps(tree, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
