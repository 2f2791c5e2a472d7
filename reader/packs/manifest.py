"""The pack manifest (`pack.json`): what a pack is, who made it, and the SHA-256 and size of every
file. The signature covers these exact bytes, so the manifest is the one thing that is signed.

Also the publisher's description of a pack folder (`pack.yaml`: id, title, publisher, optional
review_by) that `pack build` turns into a manifest.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.atomicfile import write_atomically

FORMAT = 1
MANIFEST_NAME = "pack.json"
SIGNATURE_NAME = "pack.json.minisig"
DESCRIPTION_NAME = "pack.yaml"  # in the publisher's folder; not shipped (the manifest says it all)
MAX_MANIFEST_BYTES = 4 * 1024 * 1024
PACK_ID = re.compile(r"^[a-z0-9][a-z0-9-]{0,62}$")
READER_VERSION = re.compile(r"^\d+(\.\d+){0,3}$")


class ManifestError(ValueError):
    """A manifest or pack description that is malformed; the message names the field."""


@dataclass(frozen=True)
class FileEntry:
    path: str  # POSIX path inside the pack, e.g. "topics/asthma.yaml"
    sha256: str
    size: int


@dataclass(frozen=True)
class PackManifest:
    pack_id: str
    title: str
    version: int
    publisher: str
    created: str  # ISO 8601 UTC
    min_reader_version: str
    files: tuple[FileEntry, ...]
    review_by: dt.date | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)  # unknown keys, kept for forward compatibility

    @property
    def total_size(self) -> int:
        return sum(f.size for f in self.files)

    def to_bytes(self) -> bytes:
        data: dict[str, Any] = {
            **self.extra,
            "format": FORMAT,
            "id": self.pack_id,
            "title": self.title,
            "version": self.version,
            "publisher": self.publisher,
            "created": self.created,
            "min_reader_version": self.min_reader_version,
            "files": [{"path": f.path, "sha256": f.sha256, "size": f.size} for f in self.files],
        }
        if self.review_by is not None:
            data["review_by"] = self.review_by.isoformat()
        return (json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n").encode("utf-8")


def _field(data: Mapping[str, Any], name: str, kind: type, where: str) -> Any:
    value = data.get(name)
    if not isinstance(value, kind) or isinstance(value, bool):
        raise ManifestError(f"{where}: field '{name}' is missing or not a {kind.__name__}")
    return value


def _date(value: Any, name: str, where: str) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise ManifestError(f"{where}: field '{name}' is not a date (YYYY-MM-DD): {value!r}") from None


def check_pack_id(pack_id: str, where: str) -> str:
    if not PACK_ID.match(pack_id):
        raise ManifestError(f"{where}: field 'id' must be lower-case letters, digits and '-': {pack_id!r}")
    return pack_id


def parse_manifest(raw: bytes, where: str = MANIFEST_NAME) -> PackManifest:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ManifestError(f"{where}: not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise ManifestError(f"{where}: not a JSON object")
    if data.get("format") != FORMAT:
        raise ManifestError(f"{where}: field 'format' is {data.get('format')!r}; this reader knows {FORMAT}")
    version = _field(data, "version", int, where)
    if version < 1:
        raise ManifestError(f"{where}: field 'version' must be 1 or more")
    min_reader = _field(data, "min_reader_version", str, where)
    if not READER_VERSION.match(min_reader):
        raise ManifestError(f"{where}: field 'min_reader_version' is not a version: {min_reader!r}")
    entries = _field(data, "files", list, where)
    files = tuple(_file_entry(entry, n, where) for n, entry in enumerate(entries))
    if len({f.path for f in files}) != len(files):
        raise ManifestError(f"{where}: field 'files' lists a path twice")
    known = {"format", "id", "title", "version", "publisher", "created", "min_reader_version"}
    known |= {"files", "review_by"}
    return PackManifest(
        pack_id=check_pack_id(_field(data, "id", str, where), where),
        title=_field(data, "title", str, where),
        version=version,
        publisher=_field(data, "publisher", str, where),
        created=_field(data, "created", str, where),
        min_reader_version=min_reader,
        files=files,
        review_by=_date(data.get("review_by"), "review_by", where),
        extra={k: v for k, v in data.items() if k not in known},
    )


def _file_entry(entry: Any, n: int, where: str) -> FileEntry:
    here = f"{where}: files[{n}]"
    if not isinstance(entry, dict):
        raise ManifestError(f"{here}: not an object")
    path, digest, size = entry.get("path"), entry.get("sha256"), entry.get("size")
    if not isinstance(path, str) or not isinstance(digest, str) or not re.fullmatch(r"[0-9a-f]{64}", digest):
        raise ManifestError(f"{here}: needs 'path' and a lower-case hex 'sha256'")
    if not isinstance(size, int) or isinstance(size, bool) or size < 0:
        raise ManifestError(f"{here}: 'size' must be a whole number of bytes")
    return FileEntry(path, digest, size)


def version_tuple(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in re.findall(r"\d+", text)[:4])


def file_entry(root: Path, relative: str) -> FileEntry:
    data = (root / relative).read_bytes()
    return FileEntry(relative, hashlib.sha256(data).hexdigest(), len(data))


@dataclass(frozen=True)
class PackDescription:
    """What the publisher writes in `pack.yaml` beside the topics."""

    pack_id: str
    title: str
    publisher: str
    review_by: dt.date | None = None
    min_reader_version: str = "0.1.0"
    version: int | None = None  # the bundled pack states its version here; `pack build` takes --version


DESCRIPTION_LIMIT = 64 * 1024


def read_description(folder: Path) -> PackDescription:
    """The folder's `pack.yaml`, parsed and checked; ManifestError says what is wrong and where."""
    path = folder / DESCRIPTION_NAME
    return _parse_description(_description_bytes(path), str(path))


def read_description_cached(folder: Path, cache_file: Path) -> PackDescription:
    """As read_description, but a warm start takes it from `cache_file` (JSON, keyed by the file's
    SHA-256) instead of loading the YAML parser: the bundled pack is described at every start."""
    path = folder / DESCRIPTION_NAME
    data = _description_bytes(path)
    digest = hashlib.sha256(data).hexdigest()
    entries = _read_cache(cache_file)
    entry = entries.get(str(path))
    if isinstance(entry, dict) and entry.get("sha256") == digest and isinstance(entry.get("fields"), dict):
        try:  # the same checks as a parsed file: a changed cache cannot smuggle in a bad value
            return _description_from(entry["fields"], str(path))
        except ManifestError:
            pass  # a damaged entry: parse the file again
    description = _parse_description(data, str(path))
    fields = {
        "id": description.pack_id,
        "title": description.title,
        "publisher": description.publisher,
        "review_by": description.review_by.isoformat() if description.review_by else None,
        "min_reader_version": description.min_reader_version,
        "version": description.version,
    }
    entries[str(path)] = {"sha256": digest, "fields": fields}
    try:
        cache_file.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(cache_file, json.dumps(entries, sort_keys=True).encode("utf-8"))
    except OSError:
        pass  # only a warm start gets slower
    return description


def _description_bytes(path: Path) -> bytes:
    from reader.filereading import read_bytes_limited

    try:
        return read_bytes_limited(path, DESCRIPTION_LIMIT)
    except FileNotFoundError:
        raise ManifestError(f"{path}: missing (a pack folder needs id, title and publisher here)") from None
    except OSError as exc:
        raise ManifestError(f"{path}: cannot be read ({exc})") from None


def _read_cache(cache_file: Path) -> dict[str, Any]:
    from reader.filereading import read_bytes_limited

    try:
        entries = json.loads(read_bytes_limited(cache_file, 1024 * 1024))
    except (OSError, ValueError):
        return {}
    return entries if isinstance(entries, dict) else {}


def _parse_description(raw: bytes, where: str) -> PackDescription:
    """Parse with the topic files' YAML reader (no tags, size limit, errors with their line)."""
    from reader.content.errors import ContentError
    from reader.content.yamltext import parse_yaml

    try:
        data = parse_yaml(Path(where), raw).data
    except ContentError as exc:
        at = f"line {exc.line}: " if exc.line else ""
        problem = exc.message.replace("a topic file must be", "it must be")
        raise ManifestError(f"{where}: cannot be read ({at}{problem})") from None
    return _description_from(data, where)


def _description_from(data: Any, where: str) -> PackDescription:
    """Check a description's fields (from the YAML file or its cached copy) and build it."""
    if not isinstance(data, dict):
        raise ManifestError(f"{where}: not a mapping of id, title, publisher")
    min_reader = str(data.get("min_reader_version", "0.1.0"))
    if not READER_VERSION.match(min_reader):
        raise ManifestError(f"{where}: field 'min_reader_version' is not a version: {min_reader!r}")
    version = data.get("version")
    if version is not None and (not isinstance(version, int) or version < 1):
        raise ManifestError(f"{where}: field 'version' must be a whole number, 1 or more")
    return PackDescription(
        pack_id=check_pack_id(str(_field(data, "id", str, where)), where),
        title=_field(data, "title", str, where),
        publisher=_field(data, "publisher", str, where),
        review_by=_date(data.get("review_by"), "review_by", where),
        min_reader_version=min_reader,
        version=version,
    )
