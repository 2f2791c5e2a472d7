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
FOLDER_INDEXES = "index-folders"  # below the cache folder: one search index per --content folder

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
    """The search index of the bundled pack."""
    return cache_dir() / "index"


def index_dir_for(content: Path) -> Path:
    """The search index of a content folder: the bundled pack's is `default_index_dir()`; any other
    folder (`--content DIR`) has its own beside it, named after its resolved path, so searching
    two packs in turn reuses both indexes instead of rebuilding one each time (those not used
    lately are removed: reader.search.combined.use_index_dir)."""
    import hashlib

    from reader.resources import BUNDLED_CONTENT_DIR

    try:
        where = content.resolve()
    except (OSError, RuntimeError):  # a loop of links: the loader says what is wrong with the folder
        where = content.absolute()
    if where == BUNDLED_CONTENT_DIR.resolve():
        return default_index_dir()
    key = hashlib.sha256(str(where).encode()).hexdigest()[:16]
    return cache_dir() / FOLDER_INDEXES / f"folder-{key}"


def content_cache_dir() -> Path:
    """Where loaded topics are cached (reader.content.cache), one folder per pack."""
    return cache_dir() / "content"


def config_dir() -> Path:
    return _location("config")


def log_dir() -> Path:
    return _location("data") / "logs"


SYSTEM_PACK_LIBRARY = Path("/var/lib/health-reader/packs")  # a managed install's (packaging/install.sh)
PACK_TRUST_FILE = "packs.yaml"


def _generic_location(kind: str) -> Path:
    """The folder shared by every program of a kind (Qt's Generic*Location): no app sub-folder."""
    if _uses_xdg():
        variable, default = _XDG[kind]
        chosen = os.environ.get(variable, "")
        return Path(chosen) if os.path.isabs(chosen) else Path.home() / default
    from PySide6.QtCore import QStandardPaths

    location = QStandardPaths.StandardLocation
    which = {"config": location.GenericConfigLocation, "data": location.GenericDataLocation}[kind]
    return Path(QStandardPaths.writableLocation(which))


def _system_config_dirs() -> list[Path]:
    """Where system-wide configuration lives: $XDG_CONFIG_DIRS (default /etc/xdg) on XDG systems."""
    if _uses_xdg():
        dirs = [d for d in os.environ.get("XDG_CONFIG_DIRS", "").split(":") if os.path.isabs(d)]
        return [Path(d) for d in dirs] or [Path("/etc/xdg")]
    from PySide6.QtCore import QStandardPaths

    kind = QStandardPaths.StandardLocation.GenericConfigLocation
    own = Path(QStandardPaths.writableLocation(kind))
    return [Path(d) for d in QStandardPaths.standardLocations(kind) if Path(d) != own]


def user_pack_library() -> Path:
    """Content packs one user installed: $XDG_DATA_HOME/health-reader/packs."""
    return _generic_location("data") / APP_NAME / "packs"


def pack_library(explicit: Path | None = None) -> Path:
    """--library, else the system library when it exists (a managed install), else the user's."""
    if explicit is not None:
        return explicit
    return SYSTEM_PACK_LIBRARY if SYSTEM_PACK_LIBRARY.is_dir() else user_pack_library()


def pack_trust_files(library: Path) -> list[Path]:
    """The trust files that count for `library`: the system ones (e.g. /etc/xdg/health-reader/packs.yaml),
    and the user's own (~/.config/health-reader/packs.yaml) unless the library is the system one."""
    system = [d / APP_NAME / PACK_TRUST_FILE for d in _system_config_dirs()]
    if library == SYSTEM_PACK_LIBRARY:
        return system
    return [*system, _generic_location("config") / APP_NAME / PACK_TRUST_FILE]
