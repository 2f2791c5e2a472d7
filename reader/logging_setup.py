"""Logging for the app: stderr always, plus a rotating file in the user's log folder for the GUI.

No patient input (search text) is ever logged at a level that reaches the file;
modules log queries at DEBUG at most, and the file handler records INFO and up.
"""

from __future__ import annotations

import logging
import logging.handlers
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
        file_handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8"
        )
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
