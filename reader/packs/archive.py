"""The `.hrpack` file: a zip archive of the pack's files plus `pack.json` and its signature.

Reading never trusts the archive: names are checked (no absolute paths, no `..`, no links or
devices), and counts and sizes are limited both as declared and as actually inflated, so a
small archive that expands to a gigabyte is refused after reading at most the limit.
"""

from __future__ import annotations

import hashlib
import os
import stat
import zipfile
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from reader.packs.manifest import MANIFEST_NAME, MAX_MANIFEST_BYTES, SIGNATURE_NAME

SUFFIX = ".hrpack"
MAX_ARCHIVE_BYTES = 512 * 1024 * 1024
MAX_MEMBERS = 20_000
MAX_FILE_BYTES = 8 * 1024 * 1024  # a topic file is a few tens of kB
MAX_TOTAL_BYTES = 256 * 1024 * 1024
MAX_RATIO = 100  # text deflates 3-10 times; 1000 times is a bomb
RATIO_FLOOR = 64 * 1024  # small members may compress oddly well (a file of spaces)
_CHUNK = 64 * 1024
_FIXED_TIME = (2020, 1, 1, 0, 0, 0)  # the same pack built twice gives the same bytes


class PackFormatError(ValueError):
    """The pack file is not a well-formed, safe `.hrpack`; the message says what and where."""


@dataclass(frozen=True)
class Member:
    name: str
    size: int  # as declared by the archive; enforced while reading


def check_member_name(name: str) -> str | None:
    """Why a member name is refused, or None."""
    if not name or "\\" in name or "\0" in name:
        return "an empty name or one with a backslash"
    if name.startswith("/") or (len(name) > 1 and name[1] == ":"):
        return "an absolute path"
    parts = PurePosixPath(name).parts
    if any(part in ("..", ".") for part in parts) or "//" in name:
        return "a '..' or '.' path"
    return None


class PackArchive:
    """An open `.hrpack`, its members checked; `read(name)` and `extract_to` enforce the limits."""

    def __init__(self, path: Path) -> None:
        self.path = path
        try:
            info = os.stat(path)
        except OSError as exc:
            raise PackFormatError(f"{path}: cannot be opened ({exc.strerror or exc})") from None
        if not stat.S_ISREG(info.st_mode):
            raise PackFormatError(f"{path}: not a regular file")
        if info.st_size > MAX_ARCHIVE_BYTES:
            raise PackFormatError(f"{path}: larger than {MAX_ARCHIVE_BYTES // 2**20} MB")
        try:
            self._zip = zipfile.ZipFile(path)
        except (zipfile.BadZipFile, OSError, ValueError) as exc:
            raise PackFormatError(f"{path}: not a pack file (zip archive): {exc}") from None
        try:
            self.members = self._check_members()
        except BaseException:
            self._zip.close()
            raise

    def __enter__(self) -> PackArchive:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._zip.close()

    def _check_members(self) -> dict[str, Member]:
        infos = self._zip.infolist()
        if len(infos) > MAX_MEMBERS:
            raise PackFormatError(f"{self.path}: more than {MAX_MEMBERS} files")
        members: dict[str, Member] = {}
        total = 0
        for info in infos:
            name = info.filename
            problem = check_member_name(name)
            if problem is not None:
                raise PackFormatError(f"{self.path}: member {name!r} has {problem}")
            mode = info.external_attr >> 16
            kind = stat.S_IFMT(mode)
            if info.is_dir():
                continue
            if kind and kind != stat.S_IFREG:
                what = "a symbolic link" if kind == stat.S_IFLNK else "not a regular file"
                raise PackFormatError(f"{self.path}: member {name!r} is {what}")
            if name in members:
                raise PackFormatError(f"{self.path}: member {name!r} appears twice")
            if info.file_size > MAX_FILE_BYTES:
                raise PackFormatError(f"{self.path}: member {name!r} is larger than the limit per file")
            if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(info.compress_size, 1):
                raise PackFormatError(f"{self.path}: member {name!r} expands more than {MAX_RATIO} times")
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise PackFormatError(f"{self.path}: expands to more than {MAX_TOTAL_BYTES // 2**20} MB")
            members[name] = Member(name, info.file_size)
        return members

    def content_names(self) -> set[str]:
        """Members other than the manifest and its signature."""
        return set(self.members) - {MANIFEST_NAME, SIGNATURE_NAME}

    def chunks(self, name: str, limit: int = MAX_FILE_BYTES) -> Iterator[bytes]:
        """The member's bytes, in chunks; refused as soon as more than declared (or `limit`) arrive."""
        member = self.members.get(name)
        if member is None:
            raise PackFormatError(f"{self.path}: {name} is missing")
        allowed = min(member.size, limit)
        seen = 0
        try:
            with self._zip.open(name) as handle:
                while chunk := handle.read(_CHUNK):
                    seen += len(chunk)
                    if seen > allowed:
                        raise PackFormatError(f"{self.path}: member {name!r} is larger than it says")
                    yield chunk
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError) as exc:  # bad CRC, data, or truncated
            raise PackFormatError(f"{self.path}: member {name!r} is damaged ({exc})") from None
        except RuntimeError as exc:  # an encrypted member
            raise PackFormatError(f"{self.path}: member {name!r} cannot be read ({exc})") from None

    def read(self, name: str, limit: int = MAX_MANIFEST_BYTES) -> bytes:
        return b"".join(self.chunks(name, limit))

    def digest(self, name: str) -> tuple[str, int]:
        """SHA-256 and size of a member, read with the limits."""
        sha, size = hashlib.sha256(), 0
        for chunk in self.chunks(name):
            sha.update(chunk)
            size += len(chunk)
        return sha.hexdigest(), size

    def extract(self, name: str, dest_root: Path) -> tuple[str, int]:
        """Write one member under `dest_root` (a fresh folder); returns its SHA-256 and size."""
        target = dest_root.joinpath(*PurePosixPath(name).parts)
        target.parent.mkdir(parents=True, exist_ok=True)
        flags = (
            os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        )
        fd = os.open(target, flags, 0o644)
        sha, size = hashlib.sha256(), 0
        with os.fdopen(fd, "wb") as out:
            for chunk in self.chunks(name):
                sha.update(chunk)
                size += len(chunk)
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        return sha.hexdigest(), size


def write_archive(
    out: Path, root: Path | None, names: list[str], manifest: bytes, signature: bytes | None
) -> None:
    """Write the pack file: manifest, signature, then the files in order; replaced atomically."""
    _write(
        out, [(MANIFEST_NAME, manifest)] + ([(SIGNATURE_NAME, signature)] if signature else []), root, names
    )


def _write(out: Path, first: list[tuple[str, bytes]], root: Path | None, names: list[str]) -> None:
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            for name, data in first:
                _add(archive, name, data)
            for name in names:
                _add(archive, name, (root / name).read_bytes() if root is not None else b"")
        os.replace(tmp, out)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def add_signature(pack: Path, signature: bytes) -> None:
    """Put (or replace) the signature of a pack's manifest; the rest is copied as it is."""
    with PackArchive(pack) as archive:
        members = [(MANIFEST_NAME, archive.read(MANIFEST_NAME)), (SIGNATURE_NAME, signature)]
        members += [(name, archive.read(name, MAX_FILE_BYTES)) for name in sorted(archive.content_names())]
    _write(pack, members, None, [])


def _add(archive: zipfile.ZipFile, name: str, data: bytes) -> None:
    info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
    info.compress_type = zipfile.ZIP_DEFLATED
    info.external_attr = (stat.S_IFREG | 0o644) << 16
    archive.writestr(info, data)
