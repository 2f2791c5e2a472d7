"""The on-disk layout of the index directory and the records that say what an index holds.

    INDEX_DIR/
      CURRENT        name of the live version directory, replaced atomically
      .lock          held by the process that builds
      v-<stamp>/     a complete Whoosh index, vocabulary.txt, manifest.json and topics.json
      tmp-<stamp>/   a build in progress (one left by a crash is removed)

A version directory is never changed after CURRENT names it, so readers need no lock.
The manifest records the fingerprint (content, schema, analyser, Whoosh version), the size
of every index file, which is how a truncated or missing file is detected cheaply, and a
CRC-32 of every file. Files up to CHECKSUM_MAX_BYTES (the table of contents, the vocabulary,
a small pack's segments) are checked at each open: damage there would otherwise surface only
in the middle of a search. Larger segments are checked by size at open and by checksum in the
background afterwards (`verify_large_files`, run by the search service).
"""

from __future__ import annotations

import hashlib
import json
import os
import threading
import zlib
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path

from reader.atomicfile import write_atomically
from reader.search.analysis import ANALYSER_VERSION
from reader.search.schema import SCHEMA_VERSION

POINTER_NAME = "CURRENT"
LOCK_NAME = ".lock"
MANIFEST_NAME = "manifest.json"
TOPICS_NAME = "topics.json"  # topic id -> content hash, read only to find changed topics
VOCABULARY_NAME = "vocabulary.txt"  # the content's real words (see spelling.Vocabulary)
VERSION_PREFIX = "v-"
TEMP_PREFIX = "tmp-"
MANIFEST_FORMAT = 2  # 2: a checksum of every file (1 had none for files over 8 MB)
CHECKSUM_MAX_BYTES = 8 * 1024 * 1024  # larger files (segments) are checked by size at open
CHUNK_BYTES = 1024 * 1024  # the background check reads this much between looks at its stop flag
_RECORDS = (MANIFEST_NAME, TOPICS_NAME)


class ManifestError(ValueError):
    """An index directory's records are missing, unreadable or do not match its files."""


def compatibility() -> str:
    """What must match for an existing index to be read or updated rather than rebuilt."""
    from whoosh import versionstring

    return f"schema={SCHEMA_VERSION};analyser={ANALYSER_VERSION};whoosh={versionstring()}"


def fingerprint(topic_hashes: Mapping[str, str], compat: str) -> str:
    """One hash over every topic's id and content hash plus the compatibility string."""
    lines = "".join(f"\n{topic_id}\0{topic_hashes[topic_id]}" for topic_id in sorted(topic_hashes))
    return hashlib.sha256((compat + lines).encode()).hexdigest()


@dataclass(frozen=True)
class Manifest:
    compat: str
    fingerprint: str
    documents: int
    files: dict[str, int]  # index file name -> size in bytes
    created: str
    format: int = MANIFEST_FORMAT
    checksums: dict[str, int] = field(default_factory=dict)  # index file name -> CRC-32

    @property
    def bytes(self) -> int:
        return sum(self.files.values())


def index_files(version_dir: Path) -> dict[str, int]:
    """Sizes of a version directory's Whoosh files (not our records, not Whoosh's lock files)."""
    return {
        p.name: p.stat().st_size
        for p in version_dir.iterdir()
        if p.is_file() and p.name not in _RECORDS and not p.name.endswith("LOCK")
    }


def checksum(path: Path, stop: threading.Event | None = None) -> int | None:
    """CRC-32 of a file, read in chunks; None if `stop` was set meanwhile."""
    crc = 0
    with path.open("rb") as handle:
        while chunk := handle.read(CHUNK_BYTES):
            if stop is not None and stop.is_set():
                return None
            crc = zlib.crc32(chunk, crc)
    return crc


def file_checksums(
    version_dir: Path, files: Mapping[str, int], known: Mapping[str, int] | None = None
) -> dict[str, int]:
    """CRC-32 of every index file. `known`: checksums recorded for files an update cloned (same
    name: Whoosh never rewrites a file), so damage in a clone is caught rather than adopted."""
    known = known or {}
    return {name: known[name] if name in known else int(checksum(version_dir / name) or 0) for name in files}


def verify_large_files(version_dir: Path, manifest: Manifest, stop: threading.Event) -> str | None:
    """What is wrong with the files too large to check at open, or None (also when stopped)."""
    for name, size in sorted(manifest.files.items()):
        expected = manifest.checksums.get(name)
        if size <= CHECKSUM_MAX_BYTES or expected is None:
            continue
        try:
            found = checksum(version_dir / name, stop)
        except OSError as exc:
            if not version_dir.exists():
                return None  # replaced by a newer version meanwhile: nothing to check
            return f"index file {name} cannot be read ({exc.strerror or exc})"
        if found is None:
            return None
        if found != expected:
            return f"index file {name} does not match its checksum"
    return None


def sync_files(version_dir: Path) -> None:
    """Flush a new index's files to disk before CURRENT points at it."""
    for name in index_files(version_dir):
        fd = os.open(version_dir / name, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def write_records(version_dir: Path, manifest: Manifest, topic_hashes: Mapping[str, str]) -> None:
    write_atomically(version_dir / TOPICS_NAME, json.dumps(dict(topic_hashes), sort_keys=True).encode())
    write_atomically(version_dir / MANIFEST_NAME, json.dumps(asdict(manifest), indent=1).encode())


def read_manifest(version_dir: Path) -> Manifest:
    """The manifest of a version directory, checked against the files present."""
    try:
        raw = json.loads((version_dir / MANIFEST_NAME).read_bytes())
        manifest = Manifest(**raw)
        _check_types(manifest)
    except (OSError, ValueError, TypeError, AttributeError) as exc:
        raise ManifestError(f"manifest unreadable ({exc})") from exc
    if manifest.format != MANIFEST_FORMAT:
        raise ManifestError(f"manifest format {manifest.format}, expected {MANIFEST_FORMAT}")
    try:
        present = index_files(version_dir)
    except OSError as exc:
        raise ManifestError(f"cannot list index files ({exc})") from exc
    for name, size in manifest.files.items():
        if name not in present:
            raise ManifestError(f"index file {name} is missing")
        if present[name] != size:
            raise ManifestError(f"index file {name} is {present[name]} bytes, expected {size}")
    try:
        for name, expected in manifest.checksums.items():
            if manifest.files.get(name, 0) > CHECKSUM_MAX_BYTES:
                continue  # checked in the background after opening
            if checksum(version_dir / name) != expected:
                raise ManifestError(f"index file {name} does not match its checksum")
    except OSError as exc:
        raise ManifestError(f"cannot read an index file ({exc})") from exc
    return manifest


def _check_types(manifest: Manifest) -> None:
    """A manifest damaged into valid JSON of the wrong shape must not get further than here."""
    for value, kind in ((manifest.compat, str), (manifest.fingerprint, str), (manifest.documents, int)):
        if not isinstance(value, kind):
            raise TypeError(f"{value!r} is not a {kind.__name__}")
    for mapping in (manifest.files, manifest.checksums):
        if not isinstance(mapping, dict) or not all(
            isinstance(k, str) and isinstance(v, int) for k, v in mapping.items()
        ):
            raise TypeError("file table malformed")
    if any(Path(name).name != name for name in (*manifest.files, *manifest.checksums)):
        raise ValueError("file table names a path outside the index")


def read_topic_hashes(version_dir: Path) -> dict[str, str]:
    try:
        data = json.loads((version_dir / TOPICS_NAME).read_bytes())
    except (OSError, ValueError) as exc:
        raise ManifestError(f"topic list unreadable ({exc})") from exc
    if not isinstance(data, dict):
        raise ManifestError("topic list is not a mapping")
    return {str(k): str(v) for k, v in data.items()}


def read_pointer(index_dir: Path) -> str | None:
    """Name of the live version directory, or None when there is no (sane) pointer."""
    try:
        name = (index_dir / POINTER_NAME).read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError):
        return None
    if not name.startswith(VERSION_PREFIX) or "/" in name or "\\" in name or ".." in name:
        return None
    return name


def write_pointer(index_dir: Path, version_name: str) -> None:
    write_atomically(index_dir / POINTER_NAME, version_name.encode("utf-8"))
