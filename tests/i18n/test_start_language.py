"""Which language the reader starts in (issue 16, item 4): `--language` for this run, else the
one chosen in View > Language (saved), else the system's; and View > Language switches at once
and is remembered."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from reader.app import apply_start_language
from reader.cli import build_parser
from reader.i18n.startup import start_language
from reader.i18n.switcher import language_controller
from reader.ui.main_window import MainWindow
from reader.ui.settings import Settings
from reader.ui.theme import ThemeChoice, ThemeController
from tests.e2e.harness import make_window


def test_the_command_line_wins_then_the_saved_choice_then_the_system() -> None:
    assert start_language("es", "en", "en") == "es"
    assert start_language(None, "es", "en") == "es"
    assert start_language(None, "", "es") == "es"
    assert start_language("en", "es", "es") == "en"
    assert start_language(None, "", "fr") == "en"  # nothing shipped asked for: English


def test_language_is_a_window_option_limited_to_the_shipped_languages(capsys) -> None:
    assert build_parser().parse_args(["--language", "es"]).language == "es"
    assert build_parser().parse_args([]).language is None
    with pytest.raises(SystemExit):
        build_parser().parse_args(["--language", "fr"])
    assert "invalid choice" in capsys.readouterr().err


def test_dash_dash_language_es_starts_in_spanish_over_a_saved_english(qapp, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "reader.ini")
    settings.language = "en"
    assert apply_start_language(argparse.Namespace(language="es"), settings) == "es"
    assert language_controller().current == "es"
    assert settings.language == "en"  # a choice for this run only


def test_the_saved_choice_is_used_without_the_option(qapp, tmp_path: Path) -> None:
    settings = Settings(tmp_path / "reader.ini")
    settings.language = "es"
    assert apply_start_language(argparse.Namespace(language=None), settings) == "es"


def test_without_a_choice_the_system_language_is_used(qapp, tmp_path: Path, monkeypatch) -> None:
    import reader.app

    monkeypatch.setattr(reader.app, "system_language", lambda: "es")
    assert apply_start_language(argparse.Namespace(), Settings(tmp_path / "reader.ini")) == "es"
    monkeypatch.setattr(reader.app, "system_language", lambda: "en")
    assert apply_start_language(argparse.Namespace(), Settings(tmp_path / "other.ini")) == "en"


def test_view_language_switches_at_once_and_is_remembered(qtbot, bundled_topic, tmp_path: Path) -> None:
    path = tmp_path / "reader.ini"
    window = make_window(qtbot, [bundled_topic], path)
    menu = window.language_menu
    with qtbot.waitSignal(language_controller().changed) as changed:
        menu.actions["es"].trigger()
    assert changed.args == ["es"]
    assert language_controller().current == "es"
    assert menu.actions["es"].isChecked() and not menu.actions["en"].isChecked()
    assert Settings(path).language == "es"  # written at once, read by the next start

    menu.actions["en"].trigger()
    assert language_controller().current == "en"
    assert Settings(path).language == "en"


def test_a_kiosk_forgets_the_language_chosen(qtbot, bundled_topic, tmp_path: Path) -> None:
    path = tmp_path / "kiosk.ini"
    theme = ThemeController(ThemeChoice.LIGHT)
    window = MainWindow([bundled_topic], Settings(path, persistent=False), theme)  # as a kiosk's
    theme.setParent(window)
    qtbot.addWidget(window)
    window.language_menu.actions["es"].trigger()
    assert language_controller().current == "es"
    window.close()
    assert not path.exists()
