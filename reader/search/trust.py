"""Which index folder a kiosk may open: only one that nobody but root can change.

Whoosh unpickles its table of contents (the schema and segment list) and parts of its segments,
so opening an index runs whatever code its writer chose. A kiosk's account is shared by every
patient, so an index that account can write is never opened: the kiosk uses a system index
built at install time into a root-owned read-only folder, or builds one in memory at start.
See the threat model in docs/reliability.md.
"""

from __future__ import annotations

import logging
import os
import stat
from pathlib import Path

log = logging.getLogger(__name__)

ROOT_UID = 0
MAX_ENTRIES = 10_000  # an index has a few dozen files; a folder with more is not an index
_OTHERS_WRITE = stat.S_IWGRP | stat.S_IWOTH


def current_uid() -> int:
    """The effective user id of this process (a function, so tests can play another user)."""
    return os.geteuid()


def untrusted_reason(folder: Path, *, euid: int | None = None) -> str | None:
    """Why a kiosk running as `euid` (default: this process) may not open `folder`, or None.

    Trusted means: this process is not root (root can write anything), and the folder (links
    resolved), every folder above it and everything inside it is owned by root and writable
    by neither group nor others. A folder above may be world-writable only with the sticky bit
    (like /tmp): then nobody else can rename or replace the root-owned folder inside it.
    """
    euid = current_uid() if euid is None else euid
    if euid == ROOT_UID:
        return "the reader runs as root, which can write every folder"
    try:
        resolved = folder.resolve(strict=True)
    except (OSError, RuntimeError) as exc:
        return f"it cannot be opened ({getattr(exc, 'strerror', None) or exc})"
    for parent in reversed(resolved.parents):
        problem = _problem(parent, allow_sticky=True)
        if problem is not None:
            return problem
    return _problem(resolved, allow_sticky=False) or _problem_inside(resolved)


def _problem(path: Path, *, allow_sticky: bool) -> str | None:
    try:
        info = os.lstat(path)
    except OSError as exc:
        return f"{path} cannot be checked ({exc.strerror or exc})"
    if stat.S_ISLNK(info.st_mode):
        return f"{path} is a symbolic link"
    if info.st_uid != ROOT_UID:
        return f"{path} is owned by user {info.st_uid}, not root"
    if info.st_mode & _OTHERS_WRITE and not (allow_sticky and info.st_mode & stat.S_ISVTX):
        return f"{path} is writable by users other than root"
    return None


def _problem_inside(folder: Path) -> str | None:
    seen = 0
    for here, folders, files in os.walk(folder, onerror=_raise):
        for name in (*folders, *files):
            seen += 1
            if seen > MAX_ENTRIES:
                return f"{folder} holds more than {MAX_ENTRIES:,} files: not an index folder"
            problem = _problem(Path(here, name), allow_sticky=False)
            if problem is not None:
                return problem
    return None


def _raise(error: OSError) -> None:
    raise error


def kiosk_index_dir(candidate: Path | None) -> Path | None:
    """The folder a kiosk should open (resolved), or None: build the index in memory. Logged."""
    if candidate is None:
        log.info("kiosk: no system search index configured: building the index in memory")
        return None
    try:
        problem = untrusted_reason(candidate)
    except OSError as exc:
        problem = f"it cannot be checked ({exc.strerror or exc})"
    if problem is not None:
        log.warning(
            "kiosk: not opening the search index in %s (%s): building the index in memory",
            candidate,
            problem,
        )
        return None
    return candidate.resolve()
