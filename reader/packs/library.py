"""The pack library: installed packs, each `PACKID/vN/` with a `current` pointer file.

An install verifies the pack file, unpacks it into `.staging/` inside the library (so the final
rename stays on one file system), checks the hashes again while writing and runs the full
content check there, then renames the folder to `PACKID/vN` and replaces `PACKID/current`
atomically (write, fsync, rename(2)). Until that last rename the reader sees the old version; a
crash before it leaves only a staging folder, removed by the next install. The version before
the current one is kept for `rollback`. Everything runs under an inter-process lock beside the
library, and a refused install leaves the library's files exactly as they were.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import shutil
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from reader.atomicfile import write_atomically
from reader.filereading import read_bytes_limited
from reader.locking import InterProcessLock
from reader.packs.manifest import (
    MANIFEST_NAME,
    MAX_MANIFEST_BYTES,
    SIGNATURE_NAME,
    ManifestError,
    PackManifest,
    parse_manifest,
)

if TYPE_CHECKING:
    from reader.packs.trust import Trust
    from reader.packs.verify import Verdict

POINTER = "current"
STAGING = ".staging"
RECORD = ".install.json"  # how the version was installed: verified or allowed unverified
VERSION_DIR = re.compile(r"^v(\d{1,9})$")
KEEP_VERSIONS = 2  # the current one and the one before, for rollback
LOCK_TIMEOUT = 120.0


class InstallError(RuntimeError):
    """An install, removal or rollback refused; the message is one line saying why."""


@dataclass(frozen=True)
class InstalledPack:
    manifest: PackManifest
    folder: Path  # PACKID/vN: the pack's content folder
    verified: bool  # False: an administrator allowed it unsigned or signed by an unknown key
    signer: str  # the trusted key's name, or "" when unverified
    older: tuple[int, ...] = ()  # versions kept for rollback

    @property
    def pack_id(self) -> str:
        return self.manifest.pack_id

    @property
    def version(self) -> int:
        return self.manifest.version


# Before the switch: tests kill the install here (a crash half-way); the reader must not notice.
BeforeSwitch = Callable[[Path], None]
TopicCheck = Callable[[PackManifest, Path], str | None]  # why the unpacked pack clashes with others


class PackLibrary:
    def __init__(self, root: Path) -> None:
        self.root = root

    def lock(self) -> InterProcessLock:
        self.root.parent.mkdir(parents=True, exist_ok=True)
        return InterProcessLock(self.root.with_name(f".{self.root.name}.lock"), timeout=LOCK_TIMEOUT)

    # -- reading ---------------------------------------------------------------------------

    def packs(self) -> list[InstalledPack]:
        """The installed packs, by id; a pack whose folder is damaged is skipped (and logged)."""
        found: list[InstalledPack] = []
        if not self.root.is_dir():
            return found
        for folder in sorted(self.root.iterdir()):
            if folder.name.startswith(".") or not folder.is_dir():
                continue
            pack = self.pack(folder.name)
            if pack is not None:
                found.append(pack)
        return found

    def pack(self, pack_id: str) -> InstalledPack | None:
        folder = self.root / pack_id
        current = _read_pointer(folder)
        if current is None:
            return None
        try:
            manifest = parse_manifest(
                read_bytes_limited(folder / current / MANIFEST_NAME, MAX_MANIFEST_BYTES)
            )
            record = json.loads(read_bytes_limited(folder / current / RECORD, 64 * 1024))
        except (OSError, ValueError, ManifestError):
            return None
        older = tuple(v for v in self.versions(pack_id) if v < manifest.version)
        return InstalledPack(
            manifest, folder / current, bool(record.get("verified")), str(record.get("signer", "")), older
        )

    def versions(self, pack_id: str) -> list[int]:
        folder = self.root / pack_id
        if not folder.is_dir():
            return []
        return sorted(
            int(m.group(1)) for p in folder.iterdir() if (m := VERSION_DIR.match(p.name)) and p.is_dir()
        )

    # -- changing --------------------------------------------------------------------------

    def install(
        self,
        pack_file: Path,
        trust: Trust,
        *,
        allow_unverified: bool = False,
        floors: Mapping[str, int] | None = None,
        topic_check: TopicCheck | None = None,
        before_switch: BeforeSwitch | None = None,
    ) -> tuple[InstalledPack, Verdict]:
        """Verify, unpack, check and switch; raises InstallError with one line when refused.

        `floors`: pack id -> a version the pack must exceed besides the installed one (the bundled
        pack's own version)."""
        from reader.packs.build import content_errors  # installing only: the reader's start needs none
        from reader.packs.verify import verify_pack  # imports the cryptography: only when installing

        verdict = verify_pack(pack_file, trust)
        refusal = verdict.refusal(allow_unverified=allow_unverified)
        if refusal is not None or verdict.manifest is None:
            raise InstallError(refusal or "the pack could not be read")
        manifest = verdict.manifest
        with self.lock():
            self._check_newer(manifest, floors or {})
            staged = self._unpack(pack_file, manifest, verdict)
            try:
                errors = content_errors(staged)
                if errors:
                    raise InstallError(f"the pack's content has errors: {errors[0]}")
                clash = topic_check(manifest, staged) if topic_check is not None else None
                if clash:
                    raise InstallError(clash)
                if before_switch is not None:
                    before_switch(staged)
                self._switch(manifest, staged)
            except BaseException:
                shutil.rmtree(staged, ignore_errors=True)
                self._tidy_staging()
                raise
            self._drop_old(manifest.pack_id)
        installed = self.pack(manifest.pack_id)
        if installed is None:
            raise InstallError(f"{manifest.pack_id} was installed but cannot be read back")
        return installed, verdict

    def _check_newer(self, manifest: PackManifest, floors: Mapping[str, int]) -> None:
        current = self.pack(manifest.pack_id)
        if current is not None and manifest.version <= current.version:
            raise InstallError(
                f"{manifest.pack_id} version {manifest.version} is not newer than the installed version "
                f"{current.version} (an older version comes back only with 'pack rollback')"
            )
        floor = floors.get(manifest.pack_id)
        if floor is not None and manifest.version <= floor:
            raise InstallError(
                f"{manifest.pack_id} version {manifest.version} is not newer than the bundled version {floor}"
            )

    def _unpack(self, pack_file: Path, manifest: PackManifest, verdict: Verdict) -> Path:
        from reader.packs.archive import PackArchive, PackFormatError  # zipfile: installing only

        staging_root = self.root / STAGING
        self._remove_crashed_installs()
        staging_root.mkdir(parents=True, exist_ok=True)
        staged = staging_root / f"{manifest.pack_id}-v{manifest.version}-{time.time_ns():x}-{os.getpid()}"
        staged.mkdir()
        try:
            with PackArchive(pack_file) as archive:
                if parse_manifest(archive.read(MANIFEST_NAME)) != manifest:
                    raise InstallError(f"{pack_file}: the pack changed while it was being installed")
                for entry in manifest.files:
                    digest, size = archive.extract(entry.path, staged)
                    if digest != entry.sha256 or size != entry.size:
                        raise InstallError(f"{pack_file}: {entry.path} changed while it was being installed")
                archive.extract(MANIFEST_NAME, staged)
                if SIGNATURE_NAME in archive.members:
                    archive.extract(SIGNATURE_NAME, staged)
            record = {
                "verified": verdict.trusted,
                "signer": verdict.signer.name if verdict.signer else "",
                "key_id": verdict.key_id,
                "installed": dt.datetime.now(dt.UTC).isoformat(timespec="seconds"),
                "from": str(pack_file),
            }
            write_atomically(staged / RECORD, json.dumps(record, indent=1).encode("utf-8"))
        except (PackFormatError, ManifestError, OSError) as exc:
            shutil.rmtree(staged, ignore_errors=True)
            self._tidy_staging()
            raise InstallError(str(exc)) from None
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            self._tidy_staging()
            raise
        return staged

    def _switch(self, manifest: PackManifest, staged: Path) -> None:
        folder = self.root / manifest.pack_id
        folder.mkdir(exist_ok=True)
        final = folder / f"v{manifest.version}"
        if final.exists():  # left by a crash between this rename and the pointer: never current
            shutil.rmtree(final)
        os.rename(staged, final)
        _sync_dir(folder)
        write_atomically(folder / POINTER, f"{final.name}\n".encode("ascii"))
        _sync_dir(folder)
        self._tidy_staging()

    def _drop_old(self, pack_id: str) -> None:
        current = self.pack(pack_id)
        if current is None:
            return
        kept = [v for v in self.versions(pack_id) if v <= current.version][-KEEP_VERSIONS:]
        for version in self.versions(pack_id):
            if version not in kept:
                shutil.rmtree(self.root / pack_id / f"v{version}", ignore_errors=True)

    def _remove_crashed_installs(self) -> None:
        """Staging folders left by an install that died (we hold the lock: none is running)."""
        staging = self.root / STAGING
        if staging.is_dir():
            for leftover in staging.iterdir():
                shutil.rmtree(leftover, ignore_errors=True)

    def _tidy_staging(self) -> None:
        with contextlib.suppress(OSError):  # still holds something: kept
            (self.root / STAGING).rmdir()

    def remove(self, pack_id: str) -> InstalledPack:
        with self.lock():
            pack = self.pack(pack_id)
            if pack is None:
                raise InstallError(f"no pack '{pack_id}' is installed in {self.root}")
            staging = self.root / STAGING
            staging.mkdir(exist_ok=True)
            doomed = staging / f"removed-{pack_id}-{time.time_ns():x}"
            os.rename(self.root / pack_id, doomed)  # gone for the reader in one step
            shutil.rmtree(doomed, ignore_errors=True)
            self._tidy_staging()
        return pack

    def rollback(self, pack_id: str) -> tuple[InstalledPack, int]:
        """Go back to the version kept before the current one; the current one is deleted."""
        with self.lock():
            pack = self.pack(pack_id)
            if pack is None:
                raise InstallError(f"no pack '{pack_id}' is installed in {self.root}")
            if not pack.older:
                raise InstallError(f"{pack_id}: no earlier version is kept to roll back to")
            previous = pack.older[-1]
            folder = self.root / pack_id
            write_atomically(folder / POINTER, f"v{previous}\n".encode("ascii"))
            _sync_dir(folder)
            shutil.rmtree(folder / f"v{pack.version}", ignore_errors=True)
        back = self.pack(pack_id)
        if back is None:
            raise InstallError(f"{pack_id}: version {previous} cannot be read")
        return back, pack.version


def _read_pointer(folder: Path) -> str | None:
    try:
        name = read_bytes_limited(folder / POINTER, 64).decode("ascii").strip()
    except (OSError, UnicodeDecodeError):
        return None
    return name if VERSION_DIR.match(name) and (folder / name).is_dir() else None


def _sync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
