"""View > Language: one checkable entry per shipped interface language, each named in its own
language (a patient looks for "Español", not for its English name), switching at once, without a
restart, and remembered in the settings for the next start."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Slot
from PySide6.QtGui import QAction, QActionGroup
from PySide6.QtWidgets import QMenu

from reader.i18n import LANGUAGES
from reader.i18n.switcher import language_controller
from reader.ui.settings import Settings


class LanguageMenu(QObject):
    """The Language submenu added to `parent_menu`; choosing an entry switches the language."""

    def __init__(self, parent_menu: QMenu, settings: Settings, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._settings = settings
        self.menu = parent_menu.addMenu("")
        self.menu.setObjectName("language_menu")
        self._group = QActionGroup(self)
        self._group.setExclusive(True)
        self.actions: dict[str, QAction] = {}
        for code, name in LANGUAGES.items():
            action = QAction(name, self.menu)  # its own language's name: never translated
            action.setObjectName(f"action_language_{code}")
            action.setCheckable(True)
            action.triggered.connect(lambda _=False, c=code: self.choose(c))
            self._group.addAction(action)
            self.menu.addAction(action)
            self.actions[code] = action
        controller = language_controller()
        controller.changed.connect(self._show_current)
        self._show_current(controller.current)
        self.retranslate()

    def retranslate(self) -> None:
        self.menu.setTitle(QCoreApplication.translate("LanguageMenu", "&Language"))
        self.menu.setToolTip(
            QCoreApplication.translate("LanguageMenu", "The language of the reader's menus and messages")
        )
        for code, action in self.actions.items():
            action.setStatusTip(
                QCoreApplication.translate("LanguageMenu", "Show the reader in {language}").format(
                    language=LANGUAGES[code]
                )
            )

    def choose(self, code: str) -> bool:
        """Switch the interface to `code` now and remember it (a kiosk's settings forget it)."""
        if not language_controller().switch(code):
            self._show_current(language_controller().current)
            return False
        self._settings.language = code
        self._settings.sync()  # remembered even if the reader is not closed normally
        return True

    @Slot(str)
    def _show_current(self, code: str) -> None:
        action = self.actions.get(code)
        if action is not None:
            action.setChecked(True)
