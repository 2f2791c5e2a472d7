"""Files that are not regular files where the reader expects one: a `*.yaml` symlink to
/dev/zero (its size reads as 0, and it never ends) and a FIFO (opening it for reading waits for
a writer that never comes). Each is refused with a message naming it; every other file loads.

The link points to a private node of the same device (`mknod`, major 1, minor 5) in the test's
folder, never to the real /dev/zero: QSettings saves through a temporary file renamed onto the
*target* of a link, and run as root before the fix it replaced the system's /dev/zero with a
16-byte INI file.

Every case runs in a child process with a time limit (a hang fails the test instead of hanging
the suite) and capped memory (reading /dev/zero fails the child instead of eating the machine).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from reader.resources import BUNDLED_CONTENT_DIR
from tests.reliability.procs import run_python

HANG_GUARD_S = 60  # a child still running after this has hung: the test fails
MEMORY_CAP = 3 << 30  # bytes of address space: enough for Qt, not for reading /dev/zero for ever
REFUSED = "not a regular file"


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def _run(args: list[str], home: Path) -> subprocess.CompletedProcess[str]:
    try:
        return run_python(args, home, timeout=HANG_GUARD_S, preexec_fn=_cap_memory)
    except subprocess.TimeoutExpired as exc:
        raise AssertionError(f"`{' '.join(args)}` hung (still running after {HANG_GUARD_S} s)") from exc


def _zero_device(folder: Path) -> Path:
    """A node of /dev/zero's device (1, 5) in `folder`; skip where nodes cannot be made."""
    node = folder / "zero-device"
    if not node.exists():
        try:
            os.mknod(node, 0o666 | stat.S_IFCHR, os.makedev(1, 5))
        except PermissionError:
            pytest.skip("cannot make a device node here (needs CAP_MKNOD)")
    assert stat.S_ISCHR(node.stat().st_mode)
    return node


def _special(path: Path, kind: str) -> Path:
    """`path` made a FIFO ("fifo") or a symlink to a /dev/zero device node ("zero")."""
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.symlink_to(_zero_device(path.parent))
    return path


@pytest.fixture
def hostile_pack(tmp_path: Path) -> Path:
    """The bundled pack plus `zero.yaml` (a symlink to /dev/zero) and `fifo.yaml` (a FIFO)."""
    pack = tmp_path / "pack"
    shutil.copytree(BUNDLED_CONTENT_DIR, pack)
    _special(pack / "topics" / "zero.yaml", "zero")
    _special(pack / "topics" / "fifo.yaml", "fifo")
    return pack


def test_check_refuses_a_fifo_and_a_link_to_dev_zero_and_loads_the_rest(
    hostile_pack: Path, tmp_path: Path
) -> None:
    done = _run(["main.py", "check", "--content", str(hostile_pack)], tmp_path)
    assert done.returncode == 1, done.stderr  # errors found, not a crash
    assert "Traceback" not in done.stderr and "MemoryError" not in done.stderr
    for name in ("zero.yaml", "fifo.yaml"):
        line = next((x for x in done.stderr.splitlines() if name in x), "")
        assert REFUSED in line, done.stderr
    assert "1 topic(s) loaded from 3 file(s); 2 file(s) with errors" in done.stdout


def test_the_window_starts_beside_a_fifo_and_a_link_to_dev_zero(hostile_pack: Path, tmp_path: Path) -> None:
    done = _run(["main.py", "--exit-after-paint", "--content", str(hostile_pack)], tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "zero.yaml" in done.stderr and "fifo.yaml" in done.stderr and REFUSED in done.stderr


def _child(kind: str, path: Path, home: Path) -> tuple[dict[str, object], str]:
    done = _run(["-m", "tests.reliability.special_file_child", kind, str(path)], home)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1]), done.stderr


@pytest.mark.parametrize("special", ["fifo", "zero"])
def test_a_special_synonyms_file_is_ignored_with_a_warning(special: str, tmp_path: Path) -> None:
    path = _special(tmp_path / "synonyms.yaml", special)
    report, err = _child("synonyms", path, tmp_path)
    assert report == {"entries": 0}
    assert str(path) in err and REFUSED in err


@pytest.mark.parametrize("special", ["fifo", "zero"])
def test_a_special_kiosk_file_is_named_and_the_kiosk_stays_locked(special: str, tmp_path: Path) -> None:
    path = _special(tmp_path / "kiosk.yaml", special)
    report, _err = _child("kiosk-config", path, tmp_path)
    assert report["enabled"] is True
    errors = report["errors"]
    assert isinstance(errors, list) and len(errors) == 1
    assert str(path) in errors[0] and REFUSED in errors[0]


@pytest.mark.parametrize("special", ["fifo", "zero"])
def test_setting_the_pin_refuses_a_special_kiosk_file(special: str, tmp_path: Path) -> None:
    path = _special(tmp_path / "kiosk.yaml", special)
    report, _err = _child("kiosk-pin", path, tmp_path)
    assert REFUSED in str(report["refused"]) and str(path) in str(report["refused"])


@pytest.mark.parametrize("special", ["fifo", "zero"])
def test_a_special_settings_file_is_set_aside_and_defaults_used(special: str, tmp_path: Path) -> None:
    path = _special(tmp_path / "reader.ini", special)
    report, err = _child("settings", path, tmp_path)
    assert report == {"zoom": 125}, "the settings still work"
    assert str(path) in err and REFUSED in err
    assert path.is_file() and not path.is_symlink(), "a fresh settings file took its place"
    assert len(list(tmp_path.glob("reader.ini.corrupt-*"))) == 1, "the odd file was set aside, not lost"
