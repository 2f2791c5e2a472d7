"""What the window remembers: preferences and window layout in one INI file (QSettings), and
the back/forward history of places visited, in memory only.

Every key and default is declared here once. A non-persistent `Settings` (kiosk mode) keeps
values in memory only, so nothing a user does is written to disk.
"""

from __future__ import annotations

import logging
import os
import time
from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

from reader import paths
from reader.filereading import FileRefusedError, check_regular_file
from reader.i18n import supported_language
from reader.ui.theme import ThemeChoice

log = logging.getLogger(__name__)

# Bump when docks or toolbars change so an old saved layout is ignored rather than misapplied.
WINDOW_STATE_VERSION = 1

MAX_SETTINGS_BYTES = 1024 * 1024  # a few hundred bytes in practice

ZOOM_LEVELS = (50, 67, 80, 90, 100, 110, 125, 150, 175, 200, 250, 300)  # percent
DEFAULT_ZOOM = 100

_GEOMETRY = "window/geometry"
_STATE = "window/state"
_STATE_VERSION = "window/state_version"
_ZOOM = "view/zoom"
_THEME = "view/theme"
_LANGUAGE = "view/language"  # interface language code; "" follows the system
_SPEECH_VOICE = "speech/voice_"  # + language: the voice chosen for that language
_SPEECH_SPEED = "speech/speed"
_EXPORT_FOLDER = "export/last_folder"


def default_settings_path() -> Path:
    return paths.config_dir() / "reader.ini"


def clamp_zoom(percent: int) -> int:
    """The nearest supported zoom level."""
    return min(ZOOM_LEVELS, key=lambda level: abs(level - percent))


def next_zoom(percent: int, steps: int) -> int:
    """The zoom level `steps` levels away (positive: larger), stopping at the ends."""
    index = ZOOM_LEVELS.index(clamp_zoom(percent)) + steps
    return ZOOM_LEVELS[max(0, min(len(ZOOM_LEVELS) - 1, index))]


class Settings:
    """Typed access to the reader's settings file; writes are dropped when not `persistent`."""

    def __init__(self, path: Path | None = None, *, persistent: bool = True) -> None:
        self.path = path if path is not None else default_settings_path()
        self.persistent = persistent
        self._memory: dict[str, object] = {}
        self._store = self._open_store() if persistent else None

    def _open_store(self) -> QSettings:
        """Open the INI file; a corrupt one, or one that is not a regular file (a FIFO would block
        QSettings for ever, /dev/zero would fill the memory), is set aside (never lost) and
        defaults are used.

        QSettings writes through a temporary file and a rename (atomic sync is its
        default), so a crash never leaves a half-written file behind.
        """
        problem = self._file_problem()
        if problem is None:
            store = QSettings(str(self.path), QSettings.Format.IniFormat)
            if store.status() != QSettings.Status.FormatError:
                return store
            del store
            problem = "is corrupt"
        aside = self.path.with_name(f"{self.path.name}.corrupt-{time.strftime('%Y%m%d-%H%M%S')}")
        try:
            os.replace(self.path, aside)  # a rename: a FIFO or a link is moved, never opened
        except OSError as exc:
            log.warning(
                "settings file %s %s and cannot be moved (%s); using defaults", self.path, problem, exc
            )
            return QSettings(str(self.path.with_name(f"{self.path.name}.new")), QSettings.Format.IniFormat)
        log.warning("settings file %s %s: kept as %s, using defaults", self.path, problem, aside.name)
        return QSettings(str(self.path), QSettings.Format.IniFormat)

    def _file_problem(self) -> str | None:
        """Why QSettings must not open the file ("is not a regular file (...)"), or None."""
        try:
            check_regular_file(self.path, MAX_SETTINGS_BYTES)
        except FileRefusedError as exc:
            return f"is {exc.strerror}"
        except OSError:  # missing (the usual first start) or unreadable: QSettings copes
            return None
        return None

    def _get(self, key: str) -> object:
        if self._store is None:
            return self._memory.get(key)
        return self._store.value(key)

    def _set(self, key: str, value: object) -> None:
        if self._store is None:
            self._memory[key] = value
        else:
            self._store.setValue(key, value)

    def sync(self) -> None:
        if self._store is not None:
            self._store.sync()

    @property
    def zoom(self) -> int:
        try:
            return clamp_zoom(int(str(self._get(_ZOOM) or DEFAULT_ZOOM)))
        except ValueError:
            return DEFAULT_ZOOM

    @zoom.setter
    def zoom(self, percent: int) -> None:
        self._set(_ZOOM, clamp_zoom(percent))

    @property
    def theme(self) -> ThemeChoice:
        try:
            return ThemeChoice(str(self._get(_THEME) or ThemeChoice.SYSTEM.value))
        except ValueError:
            return ThemeChoice.SYSTEM

    @theme.setter
    def theme(self, choice: ThemeChoice) -> None:
        self._set(_THEME, choice.value)

    @property
    def language(self) -> str:
        """The interface language chosen in View > Language ("" when none was: follow the system)."""
        return supported_language(str(self._get(_LANGUAGE) or "")) or ""

    @language.setter
    def language(self, code: str) -> None:
        self._set(_LANGUAGE, supported_language(code) or "")

    def speech_voice(self, language: str) -> str:
        """The voice name chosen for a language ("" when none was)."""
        return str(self._get(_SPEECH_VOICE + language.lower()) or "")

    def set_speech_voice(self, language: str, name: str) -> None:
        self._set(_SPEECH_VOICE + language.lower(), name)

    @property
    def speech_speed(self) -> str:
        """One of "slower", "normal", "faster" (the values of reader.speech.narrator.Speed)."""
        value = str(self._get(_SPEECH_SPEED) or "normal")
        return value if value in ("slower", "normal", "faster") else "normal"

    @speech_speed.setter
    def speech_speed(self, value: str) -> None:
        self._set(_SPEECH_SPEED, value)

    @property
    def export_folder(self) -> str:
        """The folder a save dialog last saved into ("" before the first save)."""
        value = self._get(_EXPORT_FOLDER)
        return value if isinstance(value, str) else ""

    @export_folder.setter
    def export_folder(self, folder: str) -> None:
        self._set(_EXPORT_FOLDER, folder)

    def window_geometry(self) -> QByteArray | None:
        value = self._get(_GEOMETRY)
        return value if isinstance(value, QByteArray) and not value.isEmpty() else None

    def window_state(self) -> QByteArray | None:
        """The saved dock/toolbar layout, or None if absent or saved by another layout version."""
        value = self._get(_STATE)
        try:
            version = int(str(self._get(_STATE_VERSION)))
        except ValueError:
            return None
        if version != WINDOW_STATE_VERSION or not isinstance(value, QByteArray) or value.isEmpty():
            return None
        return value

    def save_window(self, geometry: QByteArray, state: QByteArray) -> None:
        self._set(_GEOMETRY, geometry)
        self._set(_STATE, state)
        self._set(_STATE_VERSION, WINDOW_STATE_VERSION)


@dataclass(frozen=True)
class Location:
    """A place to go back to: a topic and an anchor in it, or a remembered scroll position."""

    topic_id: str
    anchor: str = ""
    scroll: int | None = None


class NavigationHistory:
    """Browser-style back/forward over `Location`s."""

    def __init__(self) -> None:
        self._entries: list[Location] = []
        self._index = -1

    def current(self) -> Location | None:
        return self._entries[self._index] if self._entries else None

    def visit(self, location: Location) -> None:
        """Record a new place; forward entries are dropped, an identical visit is ignored."""
        current = self.current()
        if current is not None and (current.topic_id, current.anchor) == (location.topic_id, location.anchor):
            self._entries[self._index] = location
            return
        del self._entries[self._index + 1 :]
        self._entries.append(location)
        self._index += 1

    def remember_scroll(self, scroll: int) -> None:
        if self._entries:
            self._entries[self._index] = replace(self._entries[self._index], scroll=scroll)

    def can_go_back(self) -> bool:
        return self._index > 0

    def can_go_forward(self) -> bool:
        return self._index < len(self._entries) - 1

    def back(self) -> Location | None:
        if not self.can_go_back():
            return None
        self._index -= 1
        return self._entries[self._index]

    def forward(self) -> Location | None:
        if not self.can_go_forward():
            return None
        self._index += 1
        return self._entries[self._index]

    def clear(self) -> None:
        self._entries.clear()
        self._index = -1
