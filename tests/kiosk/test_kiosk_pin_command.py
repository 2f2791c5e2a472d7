"""`python main.py kiosk-pin`: asks for the PIN, writes only its hash, keeps the other settings."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from reader.cli import main
from reader.kiosk.config import load_config
from reader.kiosk.pin import verify_pin

PIN = "482913"


def _run(monkeypatch: pytest.MonkeyPatch, stdin: str, *argv: str) -> int:
    monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
    return main(list(argv))


def test_kiosk_pin_command_writes_a_hash_never_the_pin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text("enabled: true\nzoom_percent: 175\n", "utf-8")
    assert _run(monkeypatch, f"{PIN}\n", "kiosk-pin", "--config", str(path), "--pin-stdin") == 0
    out = capsys.readouterr()
    text = path.read_text("utf-8")
    assert PIN not in text and PIN not in out.out + out.err
    loaded = load_config(path)
    assert loaded.errors == ()
    assert loaded.config.enabled and loaded.config.zoom_percent == 175
    assert verify_pin(PIN, loaded.config.pin_hash)
    assert str(path) in out.out


def test_kiosk_pin_asks_twice_and_refuses_a_mismatch(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    answers = iter([PIN, "482919"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    path = tmp_path / "kiosk.yaml"
    assert main(["--config", str(path), "kiosk-pin"]) == 1
    assert "differ" in capsys.readouterr().err
    assert not path.exists()


def test_kiosk_pin_refuses_a_short_pin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kiosk.yaml"
    assert _run(monkeypatch, "1234\n", "kiosk-pin", "--config", str(path), "--pin-stdin") == 1
    assert "6 to 12 digits" in capsys.readouterr().err
    assert not path.exists()


def test_kiosk_pin_without_config_writes_the_users_kiosk_file(monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter([PIN, PIN])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["kiosk-pin"]) == 0
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "health-reader" / "kiosk.yaml"
    assert verify_pin(PIN, load_config(path).config.pin_hash)
    assert load_config().path == path
