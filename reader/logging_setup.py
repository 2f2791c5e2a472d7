"""Logging for the app: stderr always, plus a rotating file in the user's log folder for the GUI.

No patient input (search text) is ever logged at a level that reaches the file;
modules log queries at DEBUG at most, and the file handler records INFO and up.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
LOG_FILE_NAME = "reader.log"
MAX_BYTES = 1_000_000
log = logging.getLogger(__name__)
BACKUPS = 3


def configure_logging(verbose: bool = False, log_dir: Path | None = None) -> Path | None:
    """Set up handlers once; returns the log file in use, or None (stderr only)."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, "_reader_handler", False):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(logging.DEBUG if verbose else logging.INFO)
    stderr = logging.StreamHandler(sys.stderr)
    stderr.setLevel(logging.DEBUG if verbose else logging.WARNING)
    stderr.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
    _add(root, stderr)
    if log_dir is None:
        return None
    path = log_dir / LOG_FILE_NAME
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        file_handler = RotatingLogFile(path, MAX_BYTES, BACKUPS)
    except OSError as exc:
        log.warning("cannot write the log file %s (%s); logging to stderr only", path, exc)
        return None
    file_handler.setLevel(logging.INFO)
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    _add(root, file_handler)
    return path


def _add(root: logging.Logger, handler: logging.Handler) -> None:
    handler._reader_handler = True  # type: ignore[attr-defined]
    root.addHandler(handler)


class RotatingLogFile(logging.FileHandler):
    """The log file, moved aside to reader.log.1 (reader.log.2 ... up to `backups`) before a record
    would take it past `max_bytes`: the rotation of logging.handlers.RotatingFileHandler, without
    importing logging.handlers, which loads socket, pickle and queue into every start (~5 ms) for
    handlers the reader never uses."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        super().__init__(path, encoding="utf-8")
        self._max_bytes, self._backups = max_bytes, backups

    def emit(self, record: logging.LogRecord) -> None:
        try:
            if self._full_before(record):
                self._rotate()
        except Exception:  # as logging does: a broken log never stops the reader
            self.handleError(record)
            return
        super().emit(record)

    def _full_before(self, record: logging.LogRecord) -> bool:
        if self.stream is None:
            self.stream = self._open()
        size = self.stream.seek(0, os.SEEK_END)
        return (
            size > 0 and size + len((self.format(record) + self.terminator).encode("utf-8")) > self._max_bytes
        )

    def _rotate(self) -> None:
        if self.stream is not None:
            self.stream.close()
        self.stream = None
        base = Path(self.baseFilename)
        for number in range(self._backups - 1, 0, -1):
            older = base.with_name(f"{base.name}.{number}")
            if older.exists():
                os.replace(older, base.with_name(f"{base.name}.{number + 1}"))
        if base.exists():
            os.replace(base, base.with_name(f"{base.name}.1"))
        self.stream = self._open()
