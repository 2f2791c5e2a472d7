"""Kiosk configuration: defaults, where the file is found, and errors naming file, line and field."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.kiosk.config import KioskConfig, load_config, setting_help
from reader.kiosk.locate import candidate_paths
from reader.kiosk.pin import hash_pin
from tests.repo import REPO_ROOT


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


def test_no_file_gives_the_defaults_and_no_kiosk() -> None:
    loaded = load_config()
    assert loaded.path is None
    assert loaded.errors == ()
    assert loaded.config == KioskConfig()
    assert not loaded.config.enabled
    assert (loaded.config.idle_seconds, loaded.config.warning_seconds) == (120, 30)
    assert not loaded.config.allow_printing


def test_force_kiosk_turns_it_on() -> None:
    assert load_config(force_kiosk=True).config.enabled


def test_every_setting_has_help_and_a_default_of_its_type() -> None:
    table = setting_help()
    assert {"enabled", "idle_seconds", "warning_seconds", "zoom_percent", "pin_hash"} <= table.keys()
    for name, (kind, default, text) in table.items():
        assert text.endswith("."), name
        assert type(default).__name__ == kind, name


def test_a_valid_file_is_read(tmp_path: Path) -> None:
    pin = hash_pin("246810")
    path = write(
        tmp_path / "k.yaml",
        f'enabled: true\nidle_seconds: 90\nwarning_seconds: 25\nzoom_percent: 175\npin_hash: "{pin}"\n'
        "allow_text_selection: false\nadmin_hold_seconds: 4\n",
    )
    loaded = load_config(path)
    assert loaded.errors == ()
    config = loaded.config
    assert config.enabled and config.idle_seconds == 90 and config.warning_seconds == 25
    assert config.warning_start_seconds == 65
    assert config.zoom_percent == 175 and config.pin_hash == pin
    assert config.allow_text_selection is False
    assert config.admin_hold_seconds == 4.0 and isinstance(config.admin_hold_seconds, float)


def test_the_system_location_is_searched(_private_system_config: Path) -> None:
    path = write(_private_system_config / "health-reader" / "kiosk.yaml", "enabled: true\n")
    assert path in candidate_paths()
    loaded = load_config()
    assert loaded.path == path
    assert loaded.config.enabled


def test_a_file_the_kiosk_account_wrote_never_outranks_the_systems(_private_system_config: Path) -> None:
    """The kiosk account can write ~/.config: with a PIN of its own there it could leave the kiosk."""
    system = write(_private_system_config / "health-reader" / "kiosk.yaml", "idle_seconds: 60\n")
    write(Path(os.environ["XDG_CONFIG_HOME"]) / "health-reader" / "kiosk.yaml", "idle_seconds: 300\n")
    loaded = load_config()
    assert (loaded.path, loaded.config.idle_seconds) == (system, 60)


def test_the_users_own_file_is_read_where_there_is_no_system_file() -> None:
    user = write(Path(os.environ["XDG_CONFIG_HOME"]) / "health-reader" / "kiosk.yaml", "idle_seconds: 300\n")
    loaded = load_config()
    assert (loaded.path, loaded.config.idle_seconds) == (user, 300)


@pytest.mark.parametrize(
    ("text", "line", "field", "words"),
    [
        ("enabled: true\nidle_seconds: soon\n", 2, "idle_seconds", "must be a whole number, not text 'soon'"),
        ("enabled: true\n\nwarning_seconds: 5\n", 3, "warning_seconds", "between 20 and 600"),
        ("enabled: true\nzoom_percent: true\n", 2, "zoom_percent", "not true/false"),
        ("enabled: true\nidel_seconds: 60\n", 2, "idel_seconds", "unknown setting"),
        ("enabled: true\npin_hash: '1234'\n", 2, "pin_hash", "not a PIN hash"),
        ("enabled: true\nadmin_chord: ''\n", 2, "admin_chord", "not one key chord"),
        ("enabled: true\nidle_seconds: 40\nwarning_seconds: 35\n", 3, "warning_seconds", "10 less"),
    ],
)
def test_a_bad_field_is_named_with_file_and_line_and_falls_back(
    tmp_path: Path, text: str, line: int, field: str, words: str
) -> None:
    path = write(tmp_path / "kiosk.yaml", text)
    loaded = load_config(path)
    assert len(loaded.errors) == 1
    error = loaded.errors[0]
    assert (error.path, error.line, error.field) == (path, line, field)
    assert words in error.message
    assert str(error).startswith(f"{path}:{line}: {field}: ")
    assert loaded.config.enabled, "a bad field must not unlock the kiosk"
    assert loaded.config.idle_seconds in (120, 40)
    assert loaded.config.warning_seconds <= loaded.config.idle_seconds - 10


def test_a_bad_enabled_value_keeps_the_kiosk_locked(tmp_path: Path) -> None:
    loaded = load_config(write(tmp_path / "kiosk.yaml", "zoom_percent: 200\nenabled: maybe\n"))
    assert [(e.line, e.field) for e in loaded.errors] == [(2, "enabled")]
    assert loaded.config.enabled
    assert loaded.config.zoom_percent == 200, "the good fields are kept"


@pytest.mark.parametrize(
    ("text", "line", "words"),
    [
        ("enabled: true\nidle_seconds: [1,\n", 3, "YAML syntax error"),
        ("- enabled\n", 1, "must be a mapping"),
        ("enabled: true\nenabled: false\n", 2, "set twice"),
        ("enabled: !!python/object:os.system true\n", 1, "YAML syntax error"),
    ],
)
def test_a_broken_file_is_named_and_the_kiosk_stays_locked(
    tmp_path: Path, text: str, line: int, words: str
) -> None:
    path = write(tmp_path / "kiosk.yaml", text)
    loaded = load_config(path)
    assert [(e.path, e.line) for e in loaded.errors] == [(path, line)]
    assert words in loaded.errors[0].message
    assert loaded.config.enabled
    assert loaded.config.pin_hash == "" and loaded.config.idle_seconds == 120


def test_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_bytes(b"enabled: true\nzoom_percent: \xff\n")
    loaded = load_config(path)
    assert [(e.line, e.message) for e in loaded.errors] == [(2, "is not valid UTF-8")]


def test_an_empty_file_is_all_defaults(tmp_path: Path) -> None:
    loaded = load_config(write(tmp_path / "kiosk.yaml", "# nothing yet\n"))
    assert loaded.errors == ()
    assert loaded.config == KioskConfig()


def test_an_unreadable_file_keeps_the_kiosk_locked(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "kiosk.yaml"
    loaded = load_config(path)
    assert loaded.errors[0].path == path
    assert "cannot be read" in loaded.errors[0].message
    assert loaded.config.enabled


def test_the_docs_list_every_setting() -> None:
    text = (REPO_ROOT / "docs" / "kiosk.md").read_text("utf-8")
    for name in setting_help():
        assert f"| `{name}` |" in text, f"docs/kiosk.md does not describe {name}"
