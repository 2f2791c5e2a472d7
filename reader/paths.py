"""Where the app keeps its own files: cache (search index), config, logs.

The one place that asks QStandardPaths, so the rest of the code (and the
Qt-free `reader.search`) just receives directories.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QStandardPaths

APP_NAME = "health-reader"
ORG_NAME = "health-reader"


def set_application_identity() -> None:
    """Name the app for QStandardPaths and QSettings; safe before a QApplication exists."""
    QCoreApplication.setApplicationName(APP_NAME)
    QCoreApplication.setOrganizationName(ORG_NAME)


def _location(kind: QStandardPaths.StandardLocation) -> Path:
    set_application_identity()
    return Path(QStandardPaths.writableLocation(kind))


def cache_dir() -> Path:
    return _location(QStandardPaths.StandardLocation.CacheLocation)


def default_index_dir() -> Path:
    return cache_dir() / "index"


def content_cache_dir() -> Path:
    """Where loaded topics are cached (reader.content.cache), one folder per pack."""
    return cache_dir() / "content"


def config_dir() -> Path:
    return _location(QStandardPaths.StandardLocation.AppConfigLocation)


def log_dir() -> Path:
    return _location(QStandardPaths.StandardLocation.AppLocalDataLocation) / "logs"
