"""Checking a pack file before anything is installed: signature by a trusted key, manifest,
every file's hash and size, no file missing or added, and a reader new enough to read it.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from reader import __version__
from reader.packs.archive import PackArchive, PackFormatError
from reader.packs.manifest import (
    MANIFEST_NAME,
    SIGNATURE_NAME,
    ManifestError,
    PackManifest,
    parse_manifest,
    version_tuple,
)
from reader.packs.minisign import MinisignError, parse_signature
from reader.packs.trust import Trust, TrustedKey

SIGNED = "signed"  # by a trusted key
UNSIGNED = "unsigned"
UNKNOWN_KEY = "unknown key"


@dataclass
class Verdict:
    """What `pack verify` prints and `pack install` decides on."""

    path: Path
    manifest: PackManifest | None = None
    signature: str = UNSIGNED  # SIGNED, UNSIGNED or UNKNOWN_KEY
    signer: TrustedKey | None = None
    key_id: str = ""  # of the signature, when there is one
    problems: list[str] = field(default_factory=list)  # anything here refuses the pack

    @property
    def trusted(self) -> bool:
        return self.signature == SIGNED and not self.problems

    def acceptable(self, *, allow_unverified: bool) -> bool:
        """No problem besides an unknown or missing signature, and that only when allowed."""
        return not self.problems and (self.signature == SIGNED or allow_unverified)

    def summary(self) -> str:
        """One line: the verdict and, when refused, the first reason."""
        if self.problems:
            return f"REFUSED: {self.problems[0]}"
        if self.signature == SIGNED and self.signer is not None:
            return f"VERIFIED: signed by {self.signer.name} (key {self.key_id})"
        if self.signature == UNKNOWN_KEY:
            return f"NOT TRUSTED: signed by key {self.key_id}, which this reader does not trust"
        return "NOT TRUSTED: the pack is not signed"

    def refusal(self, *, allow_unverified: bool) -> str | None:
        """The one line saying why an install is refused, or None."""
        if self.problems:
            return self.problems[0]
        if self.signature == SIGNED or allow_unverified:
            return None
        if self.signature == UNKNOWN_KEY:
            return (
                f"signed by key {self.key_id}, which this reader does not trust "
                "(add it to the trust file, or --allow-unverified for a development pack)"
            )
        return "the pack is not signed (--allow-unverified installs it anyway, for a development pack)"


def verify_pack(path: Path, trust: Trust, reader_version: str = __version__) -> Verdict:
    """Check everything about the pack file without writing anything."""
    verdict = Verdict(path)
    try:
        with PackArchive(path) as archive:
            _check(archive, trust, reader_version, verdict)
    except PackFormatError as exc:
        verdict.problems.append(str(exc))
    return verdict


def _check(archive: PackArchive, trust: Trust, reader_version: str, verdict: Verdict) -> None:
    raw = archive.read(MANIFEST_NAME)
    _check_signature(archive, raw, trust, verdict)
    if verdict.problems:
        return
    try:
        manifest = parse_manifest(raw, f"{archive.path}: {MANIFEST_NAME}")
    except ManifestError as exc:
        verdict.problems.append(str(exc))
        return
    verdict.manifest = manifest
    verdict.problems.extend(content_problems(archive, manifest))
    if version_tuple(manifest.min_reader_version) > version_tuple(reader_version):
        verdict.problems.append(
            f"{archive.path}: needs reader {manifest.min_reader_version} or newer (this is {reader_version})"
        )


def _check_signature(archive: PackArchive, manifest_bytes: bytes, trust: Trust, verdict: Verdict) -> None:
    if SIGNATURE_NAME not in archive.members:
        verdict.signature = UNSIGNED
        return
    try:
        sig = parse_signature(archive.read(SIGNATURE_NAME, 16 * 1024).decode("utf-8"))
    except (MinisignError, UnicodeDecodeError) as exc:
        verdict.problems.append(f"{archive.path}: {SIGNATURE_NAME} is damaged ({exc})")
        return
    verdict.key_id = sig.id_hex
    signer = trust.find(sig.key_id)
    if signer is None:
        verdict.signature = UNKNOWN_KEY
        return
    try:
        signer.key.verify(manifest_bytes, sig)
    except MinisignError as exc:
        verdict.problems.append(f"{archive.path}: {MANIFEST_NAME} fails its signature check: {exc}")
        return
    verdict.signature, verdict.signer = SIGNED, signer


def content_problems(archive: PackArchive, manifest: PackManifest) -> list[str]:
    """Files missing from or added to the archive, and files whose size or hash is not the manifest's."""
    listed = {f.path for f in manifest.files}
    present = archive.content_names()
    problems = [
        f"{archive.path}: {name} is listed in the manifest but missing" for name in sorted(listed - present)
    ]
    problems += [
        f"{archive.path}: {name} is in the archive but not in the manifest"
        for name in sorted(present - listed)
    ]
    if problems:
        return problems
    for entry in manifest.files:
        size = archive.members[entry.path].size
        if size != entry.size:
            return [f"{archive.path}: {entry.path} has {size} bytes, the manifest says {entry.size}"]
    for entry in manifest.files:
        digest, size = archive.digest(entry.path)
        if digest != entry.sha256 or size != entry.size:
            return [f"{archive.path}: {entry.path} does not match its SHA-256 in the manifest"]
    return []
