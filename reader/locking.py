"""An inter-process lock on a file, so two app instances never build the same index (or write the
content cache) at once.

`fcntl.flock` on POSIX, `msvcrt.locking` on Windows. The operating system releases the
lock when the process dies, so a crashed build never leaves the index locked.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path
from types import TracebackType


class LockTimeoutError(TimeoutError):
    """Another process held the lock for longer than we were willing to wait."""


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


class InterProcessLock:
    """`with InterProcessLock(path, timeout=60):` waits for the lock, polling, up to `timeout` seconds.

    Raises OSError when the lock file cannot be created (e.g. a read-only directory) and
    `LockTimeoutError` when another process keeps it too long.
    """

    def __init__(self, path: Path, timeout: float = 600.0, poll: float = 0.05) -> None:
        self.path = path
        self.timeout = timeout
        self.poll = poll
        self._fd: int | None = None

    def acquire(self) -> None:
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
        deadline = time.monotonic() + self.timeout
        while not _try_lock(fd):
            if time.monotonic() >= deadline:
                os.close(fd)
                raise LockTimeoutError(f"{self.path} is held by another process")
            time.sleep(self.poll)
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            fd, self._fd = self._fd, None
            try:
                _unlock(fd)
            finally:
                os.close(fd)

    def __enter__(self) -> InterProcessLock:
        self.acquire()
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.release()
