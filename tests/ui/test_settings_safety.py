"""A corrupt settings file is set aside with a warning and defaults are used; nothing is lost."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from reader.ui.settings import DEFAULT_ZOOM, Settings
from reader.ui.theme import ThemeChoice

CORRUPT = b"[view]\nzoom=\xff\xfe\x00garbage\n[[[\ntheme=abc\n\x00\x01"


def test_corrupt_file_is_kept_aside_and_defaults_used(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    path = tmp_path / "reader.ini"
    path.write_bytes(CORRUPT)
    with caplog.at_level(logging.WARNING):
        settings = Settings(path)
    assert settings.zoom == DEFAULT_ZOOM and settings.theme == ThemeChoice.SYSTEM
    [aside] = tmp_path.glob("reader.ini.corrupt-*")
    assert aside.read_bytes() == CORRUPT  # the user's file is not lost
    assert "is corrupt" in caplog.text and aside.name in caplog.text
    settings.zoom = 150
    settings.sync()
    assert Settings(path).zoom == 150  # the fresh file works


def test_wrong_values_fall_back_to_defaults(tmp_path: Path) -> None:
    path = tmp_path / "reader.ini"
    path.write_text("[view]\nzoom=huge\ntheme=purple\n[window]\nstate_version=x\n", "utf-8")
    settings = Settings(path)
    assert settings.zoom == DEFAULT_ZOOM
    assert settings.theme == ThemeChoice.SYSTEM
    assert settings.window_state() is None


def test_writes_leave_no_temporary_files(tmp_path: Path) -> None:
    path = tmp_path / "reader.ini"
    settings = Settings(path)
    for zoom in (110, 125, 150):
        settings.zoom = zoom
        settings.sync()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["reader.ini"]
    assert "zoom=150" in path.read_text("utf-8")


def test_non_persistent_settings_write_nothing(tmp_path: Path) -> None:
    path = tmp_path / "reader.ini"
    settings = Settings(path, persistent=False)
    settings.zoom = 200
    settings.sync()
    assert settings.zoom == 200 and not path.exists()
