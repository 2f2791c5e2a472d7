"""Where the kiosk file is: the standard config folders, the administrator's before the user's.

Kept apart from reader.kiosk.config (the settings and their validation) so that a start with no
kiosk file learns it without building the settings' declarations.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QStandardPaths

from reader import paths

CONFIG_FILE_NAME = "kiosk.yaml"


def candidate_paths() -> list[Path]:
    """Where a kiosk file is looked for, in order: the system folders first (on Linux /etc/xdg),
    then the user's own (~/.config).

    The kiosk file is the administrator's lockdown. The kiosk account can write its own config
    folder, so a file there must never outrank the system's: it could set a PIN of its own and
    leave, or lengthen the idle time. It is read only where no system file exists (a developer
    trying kiosk mode on their own machine)."""
    paths.set_application_identity()
    found: list[Path] = []
    user: list[Path] = []
    kinds = (
        (QStandardPaths.StandardLocation.GenericConfigLocation, (paths.APP_NAME, CONFIG_FILE_NAME)),
        (QStandardPaths.StandardLocation.AppConfigLocation, (CONFIG_FILE_NAME,)),
    )
    for kind, parts in kinds:
        own = QStandardPaths.writableLocation(kind)
        for folder in QStandardPaths.standardLocations(kind):
            (user if folder == own else found).append(Path(folder).joinpath(*parts))
    return list(dict.fromkeys(found + user))


def find_config_file() -> Path | None:
    return next((p for p in candidate_paths() if p.is_file()), None)


def default_config_path() -> Path:
    """Where `kiosk-pin` writes when no file exists yet: the user's own config location."""
    paths.set_application_identity()
    own = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(own) / paths.APP_NAME / CONFIG_FILE_NAME
