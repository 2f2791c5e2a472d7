"""Which publisher keys the reader trusts: the keys shipped with the app (`resources/keys/*.pub`,
the bundled pack's publisher) plus the keys listed in the trust files an administrator or user
keeps (`packs.yaml`, see docs/content-packs.md).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from reader.filereading import read_text_limited
from reader.packs.minisign import MinisignError, PublicKey, parse_public_key
from reader.resources import resource_path

log = logging.getLogger(__name__)

TRUST_FILE_NAME = "packs.yaml"
MAX_TRUST_FILE = 256 * 1024


@dataclass(frozen=True)
class TrustedKey:
    name: str
    key: PublicKey
    source: str  # where it was listed, for `pack verify` to say


@dataclass
class Trust:
    keys: list[TrustedKey] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)  # one line each: file, entry, problem

    def find(self, key_id: bytes) -> TrustedKey | None:
        return next((k for k in self.keys if k.key.key_id == key_id), None)


def bundled_keys() -> list[TrustedKey]:
    """The publisher keys that ship with the app."""
    keys = []
    folder = resource_path("keys")
    for path in sorted(folder.glob("*.pub")) if folder.is_dir() else []:
        try:
            keys.append(TrustedKey(path.stem, parse_public_key(read_text_limited(path, 4096)), str(path)))
        except (OSError, UnicodeDecodeError, MinisignError) as exc:
            log.error("bundled publisher key %s is unusable: %s", path, exc)
    return keys


def load_trust(files: Iterable[Path], extra: Sequence[Path] = ()) -> Trust:
    """The bundled keys, those listed in `files` (missing files are skipped) and key files `extra`."""
    trust = Trust(bundled_keys())
    for path in files:
        if path.is_file():
            read_trust_file(path, trust)
    for path in extra:
        try:
            key = parse_public_key(read_text_limited(path, 4096))
        except (OSError, UnicodeDecodeError, MinisignError) as exc:
            trust.errors.append(f"{path}: {exc}")
            continue
        trust.keys.append(TrustedKey(path.stem, key, str(path)))
    return trust


def read_trust_file(path: Path, trust: Trust) -> None:
    import yaml

    try:
        data = yaml.safe_load(read_text_limited(path, MAX_TRUST_FILE))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        trust.errors.append(f"{path}: cannot be read ({exc})")
        return
    entries = data.get("trusted_keys") if isinstance(data, dict) else None
    if not isinstance(entries, list):
        trust.errors.append(f"{path}: expected 'trusted_keys:' with a list of name and key")
        return
    for n, entry in enumerate(entries):
        where = f"{path}: trusted_keys[{n}]"
        if not isinstance(entry, dict) or not isinstance(entry.get("key"), str):
            trust.errors.append(f"{where}: needs 'name' and 'key' (the public key's base64 line)")
            continue
        try:
            key = parse_public_key(entry["key"])
        except MinisignError as exc:
            trust.errors.append(f"{where}: {exc}")
            continue
        trust.keys.append(TrustedKey(str(entry.get("name") or key.id_hex), key, str(path)))


def trust_file_text(entries: Sequence[tuple[str, PublicKey]]) -> str:
    """A trust file listing these keys (what `pack trust` writes)."""
    lines = ["# Publisher keys this reader trusts for content packs (docs/content-packs.md)", "trusted_keys:"]
    for name, key in entries:
        lines += [f"  - name: {json.dumps(name)}", f"    key: {key.line()}"]
    return "\n".join(lines) + "\n"
