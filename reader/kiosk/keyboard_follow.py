"""When the kiosk's on-screen keyboard is up: while a text field that wants it has the focus,
and at no other time. It follows the application's focus, so opening a result, going Home or
switching tabs (which take the focus away from the field) puts it away by themselves.
"""

from __future__ import annotations

import logging

import shiboken6
from PySide6.QtCore import QObject, Slot
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from reader.kiosk.keyboard import OnScreenKeyboard

log = logging.getLogger(__name__)

# A field with this property set to True has its own keys (the PIN pad): the letter keyboard
# stays away from it.
OWN_KEYPAD = "kioskOwnKeypad"


def wants_keyboard(widget: QWidget | None, window: QWidget) -> bool:
    """Whether `widget` is an editable text field of `window` without keys of its own."""
    return (
        isinstance(widget, QLineEdit)
        and not widget.isReadOnly()
        and widget.window() is window
        and widget.property(OWN_KEYPAD) is not True
    )


class KeyboardFollower(QObject):
    """Shows `keyboard_host` (the dock holding `keyboard`) when a text field of `window` takes
    the focus, typing into that field; hides it when the focus leaves every text field."""

    def __init__(self, window: QWidget, keyboard: OnScreenKeyboard, keyboard_host: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._keyboard = keyboard
        self._host = keyboard_host
        self._app: QApplication | None = None

    def start(self, app: QApplication) -> None:
        self._app = app
        app.focusChanged.connect(self._on_focus_changed)

    def stop(self) -> None:
        if self._app is not None:
            self._app.focusChanged.disconnect(self._on_focus_changed)
            self._app = None

    @Slot(QWidget, QWidget)
    def _on_focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if not shiboken6.isValid(self._host):
            return
        if new is not None and wants_keyboard(new, self._window):
            assert isinstance(new, QLineEdit)
            self._keyboard.set_target(new)
            self._host.show()
        else:  # the focus went to something that is not a field, or nothing has it
            self._host.hide()

    def put_away(self, focus_to: QWidget | None = None) -> None:
        """Hide the keyboard now; if a text field has the focus, give it to `focus_to` instead, so
        that no field keeps a cursor the keyboard no longer serves."""
        focused = QApplication.focusWidget()
        if focus_to is not None and wants_keyboard(focused, self._window):
            focus_to.setFocus()
        self._host.hide()
        log.debug("on-screen keyboard put away")
