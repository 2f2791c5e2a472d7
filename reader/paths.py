"""Where the app keeps its own files: cache (search index, content cache), config, logs.

The one place that knows these folders, so the rest of the code (and the Qt-free
`reader.search`) just receives directories. On Linux and other XDG systems the folders are
worked out here exactly as Qt's QStandardPaths does (absolute XDG_* variables, else the home
defaults, then organisation/application), so the command line finds them without importing
Qt; on Windows and macOS QStandardPaths itself is asked.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "health-reader"
ORG_NAME = "health-reader"

# (XDG variable, default below the home folder) per kind of folder, as Qt reads them
_XDG = {
    "cache": ("XDG_CACHE_HOME", ".cache"),
    "config": ("XDG_CONFIG_HOME", ".config"),
    "data": ("XDG_DATA_HOME", ".local/share"),
}


def set_application_identity() -> None:
    """Name the app for QStandardPaths and QSettings; safe before a QApplication exists."""
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORG_NAME)


def _uses_xdg() -> bool:
    return sys.platform not in ("win32", "darwin")


def _xdg_location(kind: str) -> Path:
    variable, default = _XDG[kind]
    chosen = os.environ.get(variable, "")
    base = Path(chosen) if os.path.isabs(chosen) else Path.home() / default  # Qt ignores relative ones
    return base / ORG_NAME / APP_NAME


def _qt_location(kind: str) -> Path:
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.StandardLocation
    which = {
        "cache": location.CacheLocation,
        "config": location.AppConfigLocation,
        "data": location.AppLocalDataLocation,
    }[kind]
    set_application_identity()
    return Path(QStandardPaths.writableLocation(which))


def _location(kind: str) -> Path:
    return _xdg_location(kind) if _uses_xdg() else _qt_location(kind)


def cache_dir() -> Path:
    return _location("cache")


def default_index_dir() -> Path:
    return cache_dir() / "index"


def content_cache_dir() -> Path:
    """Where loaded topics are cached (reader.content.cache), one folder per pack."""
    return cache_dir() / "content"


def config_dir() -> Path:
    return _location("config")


def log_dir() -> Path:
    return _location("data") / "logs"
