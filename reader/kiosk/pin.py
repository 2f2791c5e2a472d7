"""The administrator PIN: a salted scrypt hash (never the PIN itself), a rate limiter for wrong
PINs, and the `kiosk-pin` command that writes the hash into the kiosk file, keeping the rest.
"""

from __future__ import annotations

import argparse
import getpass
import hashlib
import hmac
import logging
import secrets
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path

import yaml

from reader.atomicfile import write_atomically
from reader.filereading import read_text_limited

log = logging.getLogger(__name__)

MIN_PIN_DIGITS = 6
MAX_PIN_DIGITS = 12
# scrypt at n=2**14, r=8, p=1 takes ~50 ms and 16 MB: slow enough to make guessing from a
# copied file expensive, fast enough for a touch screen.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
_SALT_BYTES = 16
_HASH_BYTES = 32


class PinHashError(ValueError):
    """A stored PIN hash that cannot be understood."""


@dataclass(frozen=True)
class PinHash:
    """A parsed `scrypt:n:r:p:salt-hex:hash-hex` string."""

    n: int
    r: int
    p: int
    salt: bytes
    digest: bytes

    def __str__(self) -> str:
        return f"scrypt:{self.n}:{self.r}:{self.p}:{self.salt.hex()}:{self.digest.hex()}"


def pin_problem(pin: str) -> str | None:
    """Why `pin` cannot be used as an administrator PIN, or None."""
    if not (pin.isascii() and pin.isdigit()):
        return "the PIN must be digits only (the kiosk shows a number pad)"
    if not MIN_PIN_DIGITS <= len(pin) <= MAX_PIN_DIGITS:
        return f"the PIN must have {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits"
    return None


def _scrypt(pin: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=n, r=r, p=p, maxmem=64 * 1024 * 1024, dklen=_HASH_BYTES)


def hash_pin(pin: str, *, salt: bytes | None = None) -> str:
    """The string to store for `pin`, with a fresh random salt unless one is given."""
    salt = secrets.token_bytes(_SALT_BYTES) if salt is None else salt
    return str(
        PinHash(_SCRYPT_N, _SCRYPT_R, _SCRYPT_P, salt, _scrypt(pin, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P))
    )


def parse_pin_hash(stored: str) -> PinHash:
    parts = stored.split(":")
    if len(parts) != 6 or parts[0] != "scrypt":
        raise PinHashError("expected scrypt:n:r:p:salt:hash")
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, digest = bytes.fromhex(parts[4]), bytes.fromhex(parts[5])
    except ValueError:
        raise PinHashError("a number or hex field is malformed") from None
    if n < 2**10 or n & (n - 1) or not (1 <= r <= 64 and 1 <= p <= 16) or len(salt) < 8 or not digest:
        raise PinHashError("parameters out of range")
    return PinHash(n, r, p, salt, digest)


def verify_pin(pin: str, stored: str) -> bool:
    """Whether `pin` matches the stored hash (constant-time comparison)."""
    parsed = parse_pin_hash(stored)
    candidate = _scrypt(pin, parsed.salt, parsed.n, parsed.r, parsed.p)
    return hmac.compare_digest(candidate[: len(parsed.digest)], parsed.digest)


class PinCheck(Enum):
    ACCEPTED = "accepted"
    REFUSED = "refused"
    LOCKED = "locked"  # too many wrong PINs: not even checked
    NO_PIN = "no_pin"  # no PIN is configured: nobody can leave from inside the app


class PinGuard:
    """Checks PINs and locks out after repeated failures: the first `free_attempts` wrong PINs
    cost nothing, each further one locks for `first_lockout` seconds, doubling up to `max_lockout`.

    The count lives in memory only: a kiosk writes nothing to disk.
    """

    def __init__(
        self,
        pin_hash: str,
        *,
        clock: Callable[[], float] = time.monotonic,
        free_attempts: int = 3,
        first_lockout: float = 30.0,
        max_lockout: float = 3600.0,
    ) -> None:
        self._hash = pin_hash
        self._clock = clock
        self._free = free_attempts
        self._first = first_lockout
        self._max = max_lockout
        self._failures = 0
        self._locked_until = 0.0

    @property
    def has_pin(self) -> bool:
        return bool(self._hash)

    @property
    def failures(self) -> int:
        return self._failures

    def seconds_locked(self) -> float:
        """Seconds until the next PIN will be checked; 0 when not locked."""
        return max(0.0, self._locked_until - self._clock())

    def check(self, pin: str) -> PinCheck:
        if not self._hash:
            return PinCheck.NO_PIN
        if self.seconds_locked() > 0:
            return PinCheck.LOCKED
        try:
            ok = verify_pin(pin, self._hash)
        except PinHashError:
            log.error("the configured PIN hash is malformed; nobody can unlock the kiosk")
            return PinCheck.NO_PIN
        if ok:
            self._failures = 0
            return PinCheck.ACCEPTED
        self._failures += 1
        extra = self._failures - self._free
        if extra >= 0:
            self._locked_until = self._clock() + min(self._max, self._first * 2**extra)
            log.warning(
                "wrong administrator PIN %d times; locked for %.0f s", self._failures, self.seconds_locked()
            )
        return PinCheck.REFUSED


# --- writing the hash into the kiosk file -----------------------------------------------------

_NEW_FILE_HEADER = "# Health reader kiosk settings (see docs/kiosk.md).\n"


def write_pin_hash(path: Path, pin_hash: str) -> None:
    """Set `pin_hash` in the YAML file at `path`, keeping every other line (and comments).

    The file is replaced atomically: readers see the old file or the new one, never half.
    """
    from reader.kiosk.config import MAX_CONFIG_BYTES

    if path.exists():
        old = read_text_limited(path, MAX_CONFIG_BYTES, "utf-8-sig")  # regular files only, never blocks
        new = _with_pin_hash(path, old, pin_hash)
        mode = path.stat().st_mode & 0o777
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        new = f'{_NEW_FILE_HEADER}pin_hash: "{pin_hash}"\n'
        mode = 0o644  # the kiosk account must be able to read it; only the admin to write it
    write_atomically(path, new.encode("utf-8"), mode)


def _with_pin_hash(path: Path, text: str, pin_hash: str) -> str:
    """`text` with its top-level `pin_hash` value replaced or added; checked by re-parsing."""
    before = yaml.safe_load(text) if text.strip() else {}
    if not isinstance(before, dict):
        raise ValueError(f"{path}: not a mapping of settings; fix it before setting the PIN")
    line = f'pin_hash: "{pin_hash}"'
    node = yaml.compose(text, Loader=yaml.SafeLoader) if text.strip() else None
    old = next((pair for pair in node.value if pair[0].value == "pin_hash"), None) if node else None
    if old is not None:
        start, end = old[0].start_mark.index, old[1].end_mark.index
        new = text[:start] + line + text[end:]
    else:
        new = text + ("" if text.endswith("\n") or not text else "\n") + line + "\n"
    try:
        after = yaml.safe_load(new)
    except yaml.YAMLError:
        after = None
    if (
        not isinstance(after, dict)
        or after.get("pin_hash") != pin_hash
        or _without_pin(after) != _without_pin(before)
    ):
        raise ValueError(f"{path}: cannot edit this file safely; add this line yourself:\n{line}")
    return new


def _without_pin(data: dict[str, object]) -> dict[str, object]:
    return {k: v for k, v in data.items() if k != "pin_hash"}


# --- the `kiosk-pin` command -------------------------------------------------------------------


def read_new_pin(args: argparse.Namespace) -> str:
    """The new PIN from stdin (`--pin-stdin`, one line) or typed twice without echo."""
    if args.pin_stdin:
        pin = sys.stdin.readline().strip()
    else:
        pin = getpass.getpass("New administrator PIN: ")
        if getpass.getpass("The same PIN again: ") != pin:
            raise ValueError("the two PINs differ; nothing was changed")
    problem = pin_problem(pin)
    if problem:
        raise ValueError(f"{problem}; nothing was changed")
    return pin


def run_kiosk_pin(args: argparse.Namespace) -> int:
    """Ask for a PIN and store its salted hash in the kiosk file (--config, or the one found)."""
    from reader.kiosk.locate import default_config_path, find_config_file

    path: Path = args.config or find_config_file() or default_config_path()
    try:
        pin = read_new_pin(args)
        write_pin_hash(path, hash_pin(pin))
    except (ValueError, yaml.YAMLError) as exc:
        print(f"kiosk-pin: {exc}", file=sys.stderr)
        return 1
    except OSError as exc:
        print(f"kiosk-pin: cannot write {path}: {exc.strerror or exc}", file=sys.stderr)
        return 1
    print(f"Administrator PIN set in {path}")
    return 0
