"""Fixtures for the kiosk tests: no system-wide kiosk file can leak in."""

from __future__ import annotations

from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _private_system_config(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Point XDG_CONFIG_DIRS (normally /etc/xdg) at an empty temp dir."""
    system = tmp_path_factory.mktemp("etc-xdg")
    monkeypatch.setenv("XDG_CONFIG_DIRS", str(system))
    return system
