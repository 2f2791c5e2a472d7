"""Switching the interface language while the app runs.

One `LanguageController` per application installs two catalogues for the chosen language: the
reader's own (`resources/translations/health_reader_<code>.qm`, compiled from the `.ts` file at
set-up and build time) and Qt's (`qtbase_<code>.qm`, so standard dialogs and buttons follow).
Installing or removing a translator makes Qt send `QEvent.LanguageChange` to every widget; each
widget that shows fixed text re-translates itself there (a `retranslate()` method called from
`changeEvent`). English, the code's own language, has a catalogue too, holding only the plural
forms. The default `QLocale` follows too, so dates and numbers are formatted per locale.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QLibraryInfo, QLocale, QObject, Qt, QTranslator, Signal
from PySide6.QtWidgets import QApplication

from reader.i18n import FALLBACK_LANGUAGE, LANGUAGES, supported_language
from reader.resources import resource_path

log = logging.getLogger(__name__)

CATALOGUE_PREFIX = "health_reader_"
# Set to "rtl" to lay the interface out right to left whatever the language: how a translator or
# a developer checks the layouts before a right-to-left language ships (docs/translations.md).
FORCE_DIRECTION_ENV = "HEALTH_READER_LAYOUT_DIRECTION"


def layout_direction(locale: QLocale) -> Qt.LayoutDirection:
    """The interface's layout direction: the language's own, unless forced for a layout check."""
    if os.environ.get(FORCE_DIRECTION_ENV, "").lower() == "rtl":
        return Qt.LayoutDirection.RightToLeft
    return locale.textDirection()


def catalogue_path(code: str) -> Path:
    """Where the reader's compiled catalogue for `code` is (it may be missing)."""
    return resource_path("translations", f"{CATALOGUE_PREFIX}{code}.qm")


def system_language() -> str:
    """The shipped language closest to the system locale's interface languages, else English."""
    for name in QLocale.system().uiLanguages():
        code = supported_language(name)
        if code is not None:
            return code
    return FALLBACK_LANGUAGE


class LanguageController(QObject):
    """Holds the current interface language and switches it in place.

    `changed` is emitted after the switch with the new code, once every widget has had its
    LanguageChange event.
    """

    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current = FALLBACK_LANGUAGE
        self._translators: list[QTranslator] = []
        self._applied = False  # the first switch always applies (locale, layout direction)

    @property
    def current(self) -> str:
        return self._current

    @property
    def available(self) -> tuple[str, ...]:
        return tuple(LANGUAGES)

    def switch(self, code: str) -> bool:
        """Make `code` the interface language; False (nothing changes) if it is not shipped."""
        wanted = supported_language(code)
        if wanted is None:
            log.warning("interface language %r is not available; shipped: %s", code, ", ".join(LANGUAGES))
            return False
        if wanted == self._current and self._applied:
            return True
        app = QCoreApplication.instance()
        for translator in self._translators:
            if app is not None:
                app.removeTranslator(translator)
        self._translators = []
        locale = _locale_for(wanted)
        QLocale.setDefault(locale)
        if app is not None:  # English too: its catalogue holds the plural forms ("1 year")
            qt = _qt_catalogue(wanted) if wanted != FALLBACK_LANGUAGE else None
            for catalogue in (qt, _reader_catalogue(wanted)):
                if catalogue is not None:
                    app.installTranslator(catalogue)
                    self._translators.append(catalogue)
        if isinstance(app, QApplication):
            app.setLayoutDirection(layout_direction(locale))
        self._current = wanted
        self._applied = True
        loaded = ", ".join(Path(t.filePath()).name for t in self._translators) or "none needed"
        log.info("interface language %s (catalogues: %s)", wanted, loaded)
        # Deliver the LanguageChange events Qt posted to the windows now, before anyone reads a
        # text; only those: a tap waiting in the queue must not run inside this switch.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(wanted)
        return True


def _locale_for(code: str) -> QLocale:
    """The system's own locale when it speaks `code` (es_MX stays Mexican), else the language's."""
    system = QLocale.system()
    return system if supported_language(system.name()) == code else QLocale(code)


def _reader_catalogue(code: str) -> QTranslator | None:
    translator = QTranslator()
    path = catalogue_path(code)
    if not translator.load(str(path)):
        log.error("the %s interface catalogue %s is missing or unreadable", code, path)
        return None
    return translator


def _qt_catalogue(code: str) -> QTranslator | None:
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if not translator.load(f"qtbase_{code}", folder):
        log.info("Qt's own %s catalogue is not in %s; standard buttons stay English", code, folder)
        return None
    return translator


_controller: LanguageController | None = None


def language_controller() -> LanguageController:
    """The application's one controller (made on first use, owned by the QApplication)."""
    global _controller
    app = QCoreApplication.instance()
    if _controller is None or _controller.parent() is not app:
        _controller = LanguageController(app)
    return _controller
