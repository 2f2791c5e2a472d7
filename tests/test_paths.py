"""The app's folders: worked out without Qt on XDG systems, and exactly where Qt's
QStandardPaths puts them, so the command line and the window share one cache."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader import paths
from tests.repo import REPO_ROOT

KINDS = ("cache", "config", "data")
VARIABLES = ("XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_DATA_HOME")

pytestmark = pytest.mark.skipif(sys.platform in ("win32", "darwin"), reason="XDG folders only")


@pytest.mark.parametrize("setting", ["absolute", "relative", "unset"])
def test_folders_are_where_qt_puts_them(
    setting: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    for variable in VARIABLES:
        if setting == "absolute":
            monkeypatch.setenv(variable, str(tmp_path / variable.lower()))
        elif setting == "relative":
            monkeypatch.setenv(variable, "relative/folder")
        else:
            monkeypatch.delenv(variable, raising=False)
    for kind in KINDS:
        assert paths._xdg_location(kind) == paths._qt_location(kind)
    if setting == "absolute":
        assert paths.cache_dir() == tmp_path / "xdg_cache_home" / "health-reader" / "health-reader"
    else:
        assert paths.config_dir() == tmp_path / "home" / ".config" / "health-reader" / "health-reader"


def test_the_search_command_does_not_import_qt(tmp_path: Path) -> None:
    code = (
        "import sys; from reader.cli import main; rc = main(['search', 'balloon']); "
        "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))); sys.exit(rc)"
    )
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr
    assert "Balloon kyphoplasty" in done.stdout or "balloon" in done.stdout.lower()
    assert done.stdout.strip().splitlines()[-1] == "[]"
    assert (tmp_path / "cache" / "health-reader" / "health-reader" / "index").is_dir()
