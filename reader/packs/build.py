"""`pack build`: check a pack folder, write its manifest, sign it, and write the `.hrpack` file."""

from __future__ import annotations

import datetime as dt
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.packs.archive import MAX_FILE_BYTES, check_member_name, write_archive
from reader.packs.manifest import (
    DESCRIPTION_NAME,
    MANIFEST_NAME,
    SIGNATURE_NAME,
    PackManifest,
    file_entry,
    read_description,
)

if TYPE_CHECKING:
    from reader.packs.minisign import SecretKey


class BuildError(ValueError):
    """The folder cannot be made into a pack; one line per problem."""


@dataclass(frozen=True)
class Built:
    path: Path
    manifest: PackManifest
    key_id: str


def pack_files(folder: Path) -> list[str]:
    """Every file to ship, as POSIX paths: all but hidden files, the description and old manifests."""
    names: list[str] = []
    for here, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(here, name)
            relative = path.relative_to(folder).as_posix()
            if relative in (DESCRIPTION_NAME, MANIFEST_NAME, SIGNATURE_NAME):
                continue
            info = os.lstat(path)
            if not stat.S_ISREG(info.st_mode):
                raise BuildError(f"{path}: not a regular file (links are not packed)")
            if info.st_size > MAX_FILE_BYTES:
                raise BuildError(f"{path}: larger than {MAX_FILE_BYTES // 2**20} MB")
            problem = check_member_name(relative)
            if problem is not None:
                raise BuildError(f"{path}: a name with {problem}")
            names.append(relative)
        for d in dirs:
            if os.path.islink(os.path.join(here, d)):
                raise BuildError(f"{Path(here, d)}: a link to a folder (links are not packed)")
    return names


def content_errors(folder: Path) -> list[str]:
    """What `check` says is wrong with the pack folder (errors only)."""
    from reader.content import load_content

    result = load_content(folder)
    errors = [str(e) for e in result.errors if e.severity == "error"]
    if not result.topics and not errors:
        errors.append(f"{folder}: no topics (a pack needs topics/*.yaml)")
    return errors


def build_pack(
    folder: Path, key: SecretKey | None, version: int, out: Path, *, created: dt.datetime | None = None
) -> Built:
    """With no key the pack has no signature (see `add_signature`: for `minisign -S`)."""
    """Check, describe, sign and write; raises BuildError (content errors listed) or ManifestError."""
    description = read_description(folder)
    errors = content_errors(folder)
    if errors:
        raise BuildError("\n".join(errors))
    if version < 1:
        raise BuildError("--version must be 1 or more")
    names = pack_files(folder)
    created = created or dt.datetime.now(dt.UTC)
    manifest = PackManifest(
        pack_id=description.pack_id,
        title=description.title,
        version=version,
        publisher=description.publisher,
        created=created.astimezone(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        min_reader_version=description.min_reader_version,
        files=tuple(file_entry(folder, name) for name in names),
        review_by=description.review_by,
    )
    raw = manifest.to_bytes()
    comment = f"pack:{manifest.pack_id}\tversion:{version}\tcreated:{manifest.created}"
    signature = key.sign(raw, comment).file_text().encode("ascii") if key is not None else None
    write_archive(out, folder, names, raw, signature)
    return Built(out, manifest, key.public.id_hex if key is not None else "")
