"""The administrator PIN: hashing, rate limiting with an injected clock, writing the kiosk file."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest
import yaml

from reader.kiosk.pin import (
    PinCheck,
    PinGuard,
    PinHashError,
    hash_pin,
    parse_pin_hash,
    pin_problem,
    verify_pin,
    write_pin_hash,
)

PIN = "482913"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture(scope="module")
def stored() -> str:
    return hash_pin(PIN)


def test_the_hash_is_salted_and_verifies(stored: str) -> None:
    assert PIN not in stored
    assert stored != hash_pin(PIN), "a fresh salt each time"
    assert verify_pin(PIN, stored)
    assert not verify_pin("482914", stored)
    assert not verify_pin("", stored)
    parsed = parse_pin_hash(stored)
    assert len(parsed.salt) == 16 and len(parsed.digest) == 32


@pytest.mark.parametrize("bad", ["", "scrypt:1:2", "md5:16384:8:1:00:00", "scrypt:16384:8:1:zz:00"])
def test_malformed_hashes_are_refused(bad: str) -> None:
    with pytest.raises(PinHashError):
        parse_pin_hash(bad)


@pytest.mark.parametrize(
    ("pin", "ok"),
    [("123456", True), ("12345", False), ("12345a", False), ("١٢٣٤٥٦", False), ("1" * 13, False)],
)
def test_pin_rules(pin: str, ok: bool) -> None:
    assert (pin_problem(pin) is None) is ok


def test_guard_accepts_the_right_pin_and_refuses_a_wrong_one(stored: str) -> None:
    guard = PinGuard(stored, clock=FakeClock())
    assert guard.check("000000") is PinCheck.REFUSED
    assert guard.check(PIN) is PinCheck.ACCEPTED
    assert guard.failures == 0


def test_guard_without_a_pin_never_unlocks() -> None:
    assert PinGuard("").check(PIN) is PinCheck.NO_PIN


def test_wrong_pins_lock_out_for_longer_and_longer(stored: str) -> None:
    clock = FakeClock()
    guard = PinGuard(stored, clock=clock)
    for _ in range(2):
        assert guard.check("111111") is PinCheck.REFUSED
        assert guard.seconds_locked() == 0
    assert guard.check("111111") is PinCheck.REFUSED
    assert guard.seconds_locked() == 30
    assert guard.check(PIN) is PinCheck.LOCKED, "not even the right PIN is checked while locked"
    clock.now += 29.9
    assert guard.check(PIN) is PinCheck.LOCKED
    clock.now += 0.1
    assert guard.check("111111") is PinCheck.REFUSED
    assert guard.seconds_locked() == 60
    clock.now += 60
    assert guard.check("111111") is PinCheck.REFUSED
    assert guard.seconds_locked() == 120
    clock.now += 120
    assert guard.check(PIN) is PinCheck.ACCEPTED
    assert guard.failures == 0 and guard.seconds_locked() == 0


def test_lockout_is_capped(stored: str) -> None:
    clock = FakeClock()
    guard = PinGuard(stored, clock=clock, free_attempts=0, first_lockout=30, max_lockout=100)
    for _ in range(5):
        clock.now += guard.seconds_locked()
        assert guard.check("999999") is PinCheck.REFUSED
    assert guard.seconds_locked() == 100


def test_write_keeps_other_settings_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text("# managed by IT\nenabled: true\npin_hash: ''  # set below\nidle_seconds: 90\n", "utf-8")
    path.chmod(0o640)
    new = hash_pin(PIN)
    write_pin_hash(path, new)
    text = path.read_text("utf-8")
    assert text.startswith("# managed by IT\nenabled: true\n")
    assert "# set below" in text and text.endswith("idle_seconds: 90\n")
    assert yaml.safe_load(text) == {"enabled": True, "pin_hash": new, "idle_seconds": 90}
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["kiosk.yaml"], "no temp file left behind"


def test_write_refuses_a_file_it_cannot_edit_safely(tmp_path: Path) -> None:
    path = tmp_path / "kiosk.yaml"
    path.write_text("{enabled: true}", "utf-8")
    with pytest.raises(ValueError, match="cannot edit this file safely"):
        write_pin_hash(path, hash_pin(PIN))
    assert path.read_text("utf-8") == "{enabled: true}", "unchanged"
