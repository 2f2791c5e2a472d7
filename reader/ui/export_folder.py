"""Where save dialogs (PDF handout, reference export) start: the folder the user last saved into,
else their Documents folder, else their home; never the process's working folder, which on an
install is the read-only program folder. The last folder is kept in the settings file."""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from PySide6.QtCore import QStandardPaths


class FolderStore(Protocol):
    """Where the last folder is kept (reader.ui.settings.Settings)."""

    export_folder: str


def documents_folder() -> Path:
    """The user's Documents folder if it exists (a fresh account may have none), else their home."""
    for kind in (
        QStandardPaths.StandardLocation.DocumentsLocation,
        QStandardPaths.StandardLocation.HomeLocation,
    ):
        location = QStandardPaths.writableLocation(kind)
        if location and Path(location).is_dir():
            return Path(location)
    return Path.home()


class ExportFolder:
    """The folder a save dialog opens in, remembered across dialogs and runs."""

    def __init__(self, store: FolderStore) -> None:
        self._store = store

    def start(self) -> Path:
        last = self._store.export_folder
        if last and Path(last).is_absolute() and Path(last).is_dir():
            return Path(last)
        return documents_folder()

    def suggest(self, file_name: str) -> str:
        """The path to offer in a save dialog for `file_name`."""
        return str(self.start() / file_name)

    def remember(self, saved_file: Path | str) -> None:
        """The user saved `saved_file`: the next dialog starts in its folder."""
        self._store.export_folder = str(Path(saved_file).parent)
