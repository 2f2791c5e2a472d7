"""The self-contained bundle and its installer.

The whole path a clinic takes (build, verify, extract, install --user, run offline with no
Python of the machine, uninstall) is scripts/check-bundle.sh; here it runs as one test. The
installer's check of system libraries is tested alone with a stand-in `ldd`, since a machine
that lacks a library cannot be made on demand."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.repo import REPO_ROOT

INSTALL_SH = REPO_ROOT / "packaging" / "install.sh"


@pytest.mark.slow
def test_the_bundle_builds_installs_runs_offline_and_uninstalls_cleanly() -> None:
    if shutil.which("unshare") is None:
        pytest.skip("unshare (util-linux) is needed to run the bundle without a network")
    done = subprocess.run(
        ["bash", str(REPO_ROOT / "scripts" / "check-bundle.sh")],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=900,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    assert done.stdout.rstrip().endswith("bundle check passed")


# A stand-in for ldd: says "not found" for the libraries named in FAKE_MISSING, per file name.
FAKE_LDD = """#!/bin/sh
for rule in $FAKE_MISSING; do
  file=${rule%%=*}; lib=${rule#*=}
  case "$1" in */"$file") printf '\\t%s => not found\\n' "$lib" ;; esac
done
printf '\\tlibc.so.6 => /lib/libc.so.6 (0x0)\\n'
"""

QT_FILES = (
    "PySide6/Qt/lib/libQt6Core.so.6",
    "PySide6/Qt/lib/libQt6Gui.so.6",
    "PySide6/Qt/lib/libQt6Widgets.so.6",
    "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    "PySide6/Qt/lib/libQt6WaylandClient.so.6",
    "PySide6/Qt/plugins/platforms/libqoffscreen.so",
    "PySide6/Qt/plugins/platforms/libqxcb.so",
    "PySide6/Qt/plugins/platforms/libqwayland.so",
)


@pytest.fixture
def bundle(tmp_path: Path) -> Path:
    """An unpacked bundle's shape: install.sh beside app/ (empty stand-ins for Qt's files)."""
    root = tmp_path / "bundle"
    for name in QT_FILES:
        path = root / "app" / "_internal" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(b"")
    (root / "app" / "health-reader").write_text("#!/bin/sh\n", "utf-8")
    for sub in ("share/kiosk", "share/docs"):
        (root / sub).mkdir(parents=True)
    for unit in (REPO_ROOT / "resources" / "kiosk").iterdir():
        shutil.copy(unit, root / "share" / "kiosk")
    shutil.copy(REPO_ROOT / "docs" / "kiosk.md", root / "share" / "docs")
    shutil.copy(INSTALL_SH, root / "install.sh")
    shutil.copy(REPO_ROOT / "packaging" / "health-reader.desktop", root / "share")
    shutil.copy(REPO_ROOT / "resources" / "icons" / "health-reader.svg", root / "share")
    (root / "VERSION").write_text("0.0.0\n", "utf-8")
    fake = tmp_path / "fakebin"
    fake.mkdir()
    (fake / "ldd").write_text(FAKE_LDD, "utf-8")
    (fake / "ldd").chmod(0o755)
    return root


def _install_sh(bundle: Path, *args: str, missing: str = "") -> subprocess.CompletedProcess[str]:
    home = bundle.parent / "home"
    home.mkdir(exist_ok=True)
    env = {
        "HOME": str(home),
        "PATH": f"{bundle.parent / 'fakebin'}:/usr/bin:/bin",
        "FAKE_MISSING": missing,
    }
    return subprocess.run(
        ["sh", str(bundle / "install.sh"), *args], env=env, capture_output=True, text=True, check=False
    )


def test_check_passes_when_every_library_is_there(bundle: Path) -> None:
    done = _install_sh(bundle, "--check")
    assert done.returncode == 0, done.stderr
    assert "Qt core and offscreen: ok" in done.stdout
    assert "X11 windows: ok" in done.stdout and "Wayland windows: ok" in done.stdout


def test_a_missing_x11_library_names_its_debian_and_fedora_package(bundle: Path) -> None:
    done = _install_sh(bundle, "--check", missing="libqxcb.so=libxcb-icccm.so.4")
    assert done.returncode == 0  # Wayland still works
    assert "X11 windows: missing system libraries:" in done.stdout
    assert "libxcb-icccm.so.4  (install: Debian/Ubuntu: libxcb-icccm4; Fedora: xcb-util-wm)" in done.stdout
    assert "Wayland windows: ok" in done.stdout


def test_no_window_system_at_all_is_refused(bundle: Path) -> None:
    missing = "libqxcb.so=libxcb-cursor.so.0 libqwayland.so=libwayland-client.so.0"
    done = _install_sh(bundle, "--check", missing=missing)
    assert done.returncode == 1
    assert "Debian/Ubuntu: libwayland-client0; Fedora: libwayland-client" in done.stdout
    assert "cannot open a window" in done.stderr


def test_a_missing_core_library_stops_the_install_before_anything_is_written(bundle: Path) -> None:
    done = _install_sh(bundle, "--user", missing="libQt6Gui.so.6=libEGL.so.1")
    assert done.returncode == 1
    assert "libEGL.so.1  (install: Debian/Ubuntu: libegl1; Fedora: libglvnd-egl)" in done.stdout
    assert "install the packages named above" in done.stderr
    assert list((bundle.parent / "home").iterdir()) == []


def test_install_and_uninstall_touch_only_what_they_list(bundle: Path) -> None:
    home = bundle.parent / "home"
    (home / ".local" / "bin").mkdir(parents=True)  # the user's own folder: kept on uninstall
    (home / ".local" / "bin" / "mine").write_text("keep me", "utf-8")
    done = _install_sh(bundle, "--user")
    assert done.returncode == 0, done.stderr
    prefix = home / ".local" / "opt" / "health-reader"
    manifest = (prefix / "install-manifest.txt").read_text("utf-8").splitlines()
    assert f"{home}/.local/bin/health-reader" in manifest
    assert f"{home}/.local/bin/" not in manifest  # it was there before
    launcher = (home / ".local" / "bin" / "health-reader").read_text("utf-8")
    assert f'exec "{prefix}/health-reader"' in launcher
    assert os.access(home / ".local" / "bin" / "health-reader", os.X_OK)
    again = _install_sh(bundle, "--user")  # an upgrade replaces the earlier install
    assert again.returncode == 0, again.stderr
    assert "Replacing the earlier install" in again.stdout
    removed = _install_sh(bundle, "--user", "--uninstall")
    assert removed.returncode == 0, removed.stderr
    left = sorted(str(p.relative_to(home)) for p in home.rglob("*"))
    assert left == [".local", ".local/bin", ".local/bin/mine"]


def test_a_failure_half_way_leaves_nothing_behind(bundle: Path) -> None:
    (bundle / "share" / "health-reader.svg").unlink()  # the last file to be installed
    done = _install_sh(bundle, "--user")
    assert done.returncode != 0
    assert "failed half-way" in done.stderr
    assert list((bundle.parent / "home").rglob("*")) == []
    retry = _install_sh(bundle, "--user")  # and nothing stands in the way of the next try
    assert "was not made by this installer" not in retry.stderr


def test_uninstall_without_an_install_says_so(bundle: Path) -> None:
    done = _install_sh(bundle, "--user", "--uninstall")
    assert done.returncode == 1
    assert "nothing to uninstall" in done.stderr


def test_a_folder_the_installer_did_not_make_is_not_overwritten(bundle: Path) -> None:
    prefix = bundle.parent / "theirs"
    prefix.mkdir()
    (prefix / "data.txt").write_text("someone's files", "utf-8")
    done = _install_sh(bundle, "--user", "--prefix", str(prefix))
    assert done.returncode == 1
    assert "was not made by this installer" in done.stderr
    assert [p.name for p in prefix.iterdir()] == ["data.txt"]


def test_check_says_whether_read_aloud_can_speak(bundle: Path) -> None:
    done = _install_sh(bundle, "--check")
    found = all(shutil.which(tool) for tool in ("speech-dispatcher", "espeak-ng"))
    if found:
        assert "read aloud: ok" in done.stdout
    # the same check on a PATH with only what install.sh needs: no speech tools on it
    tools = bundle.parent / "fakebin"
    for name in ("dirname", "awk", "sort", "uname", "sed", "grep", "cat"):
        found_tool = shutil.which(name)
        if found_tool and not (tools / name).exists():
            (tools / name).symlink_to(found_tool)
    env = {"HOME": str(bundle.parent), "PATH": str(tools), "FAKE_MISSING": ""}
    command = ["/bin/sh", str(bundle / "install.sh"), "--check"]
    bare = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert bare.returncode == 0, bare.stderr  # a warning: the reader works without speech
    assert "read aloud: warning: not found: speech-dispatcher espeak-ng" in bare.stdout
    assert "Debian/Ubuntu: speech-dispatcher speech-dispatcher-espeak-ng espeak-ng" in bare.stdout
