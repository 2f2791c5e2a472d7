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


SYSTEM_PACK_LIBRARY = Path("/var/lib/health-reader/packs")  # a managed install's (packaging/install.sh)
PACK_TRUST_FILE = "packs.yaml"


def user_pack_library() -> Path:
    """Content packs one user installed: $XDG_DATA_HOME/health-reader/packs."""
    return _location(QStandardPaths.StandardLocation.GenericDataLocation) / APP_NAME / "packs"


def pack_library(explicit: Path | None = None) -> Path:
    """--library, else the system library when it exists (a managed install), else the user's."""
    if explicit is not None:
        return explicit
    return SYSTEM_PACK_LIBRARY if SYSTEM_PACK_LIBRARY.is_dir() else user_pack_library()


def pack_trust_files(library: Path) -> list[Path]:
    """The trust files that count for `library`: the system ones (e.g. /etc/xdg/health-reader/packs.yaml),
    and the user's own (~/.config/health-reader/packs.yaml) unless the library is the system one."""
    set_application_identity()
    kind = QStandardPaths.StandardLocation.GenericConfigLocation
    own = Path(QStandardPaths.writableLocation(kind))
    system = [
        Path(d) / APP_NAME / PACK_TRUST_FILE for d in QStandardPaths.standardLocations(kind) if Path(d) != own
    ]
    if library == SYSTEM_PACK_LIBRARY:
        return system
    return [*system, own / APP_NAME / PACK_TRUST_FILE]
