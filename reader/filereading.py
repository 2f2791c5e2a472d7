"""Reading a file that another party can write (topic files, synonyms, the kiosk file, settings):
regular files only, without ever blocking, and never more than a size limit.

`stat().st_size` is 0 for /dev/zero, which never ends, and opening a FIFO for reading waits for
a writer that may never come. So: refuse what `stat` (through symlinks) says is not a regular
file, open without blocking, check again with `fstat` on the open descriptor (the file may have
been swapped in between), and read at most the limit plus one byte.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | os.O_CLOEXEC
_CHUNK = 1 << 16

_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


class FileRefusedError(OSError):
    """The file was not read. `strerror` says why in words a user can act on."""

    def __str__(self) -> str:
        return f"{self.filename}: {self.strerror}"


class NotARegularFileError(FileRefusedError):
    def __init__(self, path: Path, kind: str) -> None:
        super().__init__(errno.EINVAL, f"not a regular file ({kind})", str(path))


class FileTooLargeError(FileRefusedError):
    """Larger than `limit` bytes; `size` is the size seen (at least limit + 1)."""

    def __init__(self, path: Path, size: int, limit: int) -> None:
        super().__init__(errno.EFBIG, f"too large ({size:,} bytes; the limit is {limit:,})", str(path))
        self.size = size
        self.limit = limit


def _kind(mode: int) -> str:
    return next((name for test, name in _KINDS if test(mode)), "not a file")


def _check(path: Path, status: os.stat_result, limit: int) -> None:
    if not stat.S_ISREG(status.st_mode):
        raise NotARegularFileError(path, _kind(status.st_mode))
    if status.st_size > limit:
        raise FileTooLargeError(path, status.st_size, limit)


def check_regular_file(path: Path, limit: int) -> None:
    """Raise FileRefusedError unless `path` (symlinks followed) is a regular file of at most `limit`
    bytes; OSError if it cannot be opened. For files a library opens itself (QSettings)."""
    _check(path, os.stat(path), limit)
    fd = os.open(path, _OPEN_FLAGS)
    try:
        _check(path, os.fstat(fd), limit)
    finally:
        os.close(fd)


def read_bytes_limited(path: Path, limit: int) -> bytes:
    """The bytes of the regular file at `path` (symlinks followed), at most `limit` of them.

    Raises NotARegularFileError, FileTooLargeError (both FileRefusedError, an OSError) or any
    OSError of opening and reading. Never blocks on a FIFO; never reads more than `limit + 1` bytes.
    """
    _check(path, os.stat(path), limit)  # a device or FIFO is not even opened
    fd = os.open(path, _OPEN_FLAGS)
    try:
        _check(path, os.fstat(fd), limit)  # the file opened is the file checked
        chunks: list[bytes] = []
        left = limit + 1
        while left > 0:
            chunk = os.read(fd, min(_CHUNK, left))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    finally:
        os.close(fd)
    data = b"".join(chunks)
    if len(data) > limit:  # it grew after the check, or its size lies (/proc)
        raise FileTooLargeError(path, len(data), limit)
    return data


def read_text_limited(path: Path, limit: int, encoding: str = "utf-8") -> str:
    """`read_bytes_limited` decoded; UnicodeDecodeError (a ValueError) for bad bytes."""
    return read_bytes_limited(path, limit).decode(encoding)
