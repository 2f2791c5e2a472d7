"""Language at the kiosk: the language each visit starts in, the large button that switches
the interface at once (on the home page and on the bar), and the helpers that keep the kiosk's
loose texts (a message, texts it sets on the window's widgets) in the current language.

The button names the other language in that language's own words ("Español" on an English
screen, "English" on a Spanish one): a patient looks for the name of the language they read.
With more than two languages it opens a list of every other language, each in its own name.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Slot
from PySide6.QtWidgets import QLabel, QMenu, QPushButton, QWidget

from reader.i18n import LANGUAGES, supported_language
from reader.i18n.switcher import LanguageController, language_controller, system_language
from reader.kiosk.config import KioskConfig

log = logging.getLogger(__name__)


def kiosk_language(config: KioskConfig, requested: str | None = None) -> str:
    """The language a visit starts in: the kiosk file's, else `--language`, else the system's."""
    return config.language or supported_language(requested) or system_language()


class LanguageButton(QPushButton):
    """A finger-sized button that switches the interface language through `controller`."""

    def __init__(self, parent: QWidget | None = None, controller: LanguageController | None = None) -> None:
        super().__init__(parent)
        self.controller = controller if controller is not None else language_controller()
        self.setObjectName("kioskLanguageButton")
        self.setMinimumSize(200, 72)
        self.choices = QMenu(self)  # used only when there are more than two languages
        self.choices.setObjectName("kioskLanguageChoices")
        self.clicked.connect(self._on_clicked)
        self.controller.changed.connect(self._on_changed)
        self.retranslate()

    def others(self) -> list[str]:
        """The languages a patient can switch to, in the shipped order."""
        return [code for code in self.controller.available if code != self.controller.current]

    def retranslate(self) -> None:
        others = self.others()
        if len(others) == 1:
            name = LANGUAGES[others[0]]
            self.setText(name)  # the language's own name: never translated
            self.setAccessibleName(
                QCoreApplication.translate("LanguageButton", "Change the language to {language}").format(
                    language=name
                )
            )
            self.setToolTip(
                QCoreApplication.translate("LanguageButton", "Show the screens in {language}").format(
                    language=name
                )
            )
            return
        self.setText(" / ".join(LANGUAGES[code] for code in others))
        self.setAccessibleName(QCoreApplication.translate("LanguageButton", "Change the language"))
        self.setToolTip(QCoreApplication.translate("LanguageButton", "Choose the language of the screens"))
        self.choices.clear()
        for code in others:
            action = self.choices.addAction(LANGUAGES[code])
            action.triggered.connect(lambda _=False, c=code: self.switch_to(c))

    @Slot()
    def _on_clicked(self) -> None:
        others = self.others()
        if len(others) == 1:
            self.switch_to(others[0])
        elif others:
            self.choices.popup(self.mapToGlobal(self.rect().bottomLeft()))

    def switch_to(self, code: str) -> None:
        log.info("kiosk: language switched to %s", code)
        self.controller.switch(code)

    @Slot(str)
    def _on_changed(self, _code: str) -> None:
        self.retranslate()  # the languages offered changed even if no catalogue was installed

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


class MessageLabel(QLabel):
    """A plain-text label showing one marked message, translated now and on each language change."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._message: tuple[str, str] = ("", "")  # context, English source

    def set_message(self, context: str, source: str) -> None:
        self._message = (context, source)
        self.setText(QCoreApplication.translate(context, source) if source else "")

    def clear_message(self) -> None:
        self.set_message("", "")

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self.set_message(*self._message)
        super().changeEvent(event)


class LanguageChangeHook(QWidget):
    """A hidden child that calls `callback` on a language change. Made last among its parent's
    children, it hears of the change after them: the callback sees their new texts."""

    def __init__(self, parent: QWidget, callback: Callable[[], None]) -> None:
        super().__init__(parent)
        self._callback = callback
        self.hide()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.LanguageChange:
            self._callback()
        super().changeEvent(event)
